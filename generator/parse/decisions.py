"""Decisions stated in words: `Under mötet säger följande kommuner ja till ...`.

The wording patterns are data (generator/data/beslutsformuleringar.yml). A derived decision
keeps its whole paragraph as context; its text is the sentences that state the decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

WORDING_FILE = Path(__file__).resolve().parents[1] / "data" / "beslutsformuleringar.yml"
_SENTENCE_END = re.compile(r"(?<=[.!])\s+(?=[A-ZÅÄÖ0-9\"”])")


@dataclass(frozen=True)
class Wording:
    patterns: tuple[re.Pattern, ...]
    not_if: tuple[re.Pattern, ...]


@cache
def load_wording(path: Path = WORDING_FILE) -> Wording:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Wording(
        patterns=tuple(re.compile(p, re.IGNORECASE) for p in data.get("patterns", [])),
        not_if=tuple(re.compile(p, re.IGNORECASE) for p in data.get("not_if", [])),
    )


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def decision_sentences(text: str, wording: Wording | None = None) -> tuple[str, str] | None:
    """(the deciding sentences, the first phrase that decided it), or None."""
    wording = wording or load_wording()
    chosen: list[str] = []
    phrase = None
    for sentence in sentences(text):
        if any(p.search(sentence) for p in wording.not_if):
            continue
        for pattern in wording.patterns:
            match = pattern.search(sentence)
            if match:
                chosen.append(sentence)
                phrase = phrase or match.group(0)
                break
    return (" ".join(chosen), phrase) if chosen else None
