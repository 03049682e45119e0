"""Decisions stated in words: `Under mötet säger följande kommuner ja till ...`.

The wording patterns are data (generator/data/beslutsformuleringar.yml). A derived decision
keeps its whole paragraph as context; its text is the sentences that state the decision.
"""

from __future__ import annotations

import re

from generator.knowledge.wording import DecisionWording

_SENTENCE_END = re.compile(r"(?<=[.!])\s+(?=[A-ZÅÄÖ0-9\"”])")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def decision_sentences(text: str, wording: DecisionWording) -> tuple[str, str] | None:
    """(the deciding sentences, the first phrase that decided it), or None."""
    chosen: list[str] = []
    phrase = None
    for sentence in sentences(text):
        if wording.any_pattern is not None and not wording.any_pattern.search(sentence):
            continue
        if any(p.search(sentence) for p in wording.not_if):
            continue
        for pattern in wording.patterns:
            match = pattern.search(sentence)
            if match:
                chosen.append(sentence)
                phrase = phrase or match.group(0)
                break
    return (" ".join(chosen), phrase) if chosen else None
