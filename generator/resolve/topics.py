"""Which units of text meet the minimum evidence for which topics (THE RULE in data/amnen.yml).

A unit is tagged with a topic when
  1. a pattern of the topic matches in the unit's title, or
  2. the topic's patterns match at least MIN_MATCHES (2) times in the text, or
  3. a pattern marked `strong: true` matches in the text.
Matches that overlap, or that are separated only by at most three spaces, hyphens, commas
or brackets on the same line, count as one mention (`DUA-överenskommelser`, `kommunala
aktivitetsansvaret (KAA)`).
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from generator.model.knowledge import _HYPHEN_CLASS, Topic, TopicHit


MIN_MATCHES = 2  # rule 2: matches needed in the text when neither title nor strong pattern matches


# What may stand between two matches that are one mention: `DUA-överenskommelser`,
# `aktivitetsansvaret (KAA)`, `KAA, kommunala aktivitetsansvaret`.
_JOINER = re.compile(rf"[ \t{_HYPHEN_CLASS},()\[\]]{{0,3}}")


def _mentions(text: str, lowered: str, topic: Topic) -> list[tuple[int, int, bool]]:
    """Non-overlapping mentions (start, end, strong) of the topic in `text`, in order."""
    if not text:
        return []
    found = []
    for p in topic.patterns:
        if p.literal in (text if p.case_sensitive else lowered):  # most texts lack most patterns
            found += [(start, end, p.strong) for start, end in p.spans(text, lowered) if end > start]
    if not found:
        return []
    found.sort()
    merged: list[tuple[int, int, bool]] = []
    for start, end, strong in found:
        if merged:
            last_start, last_end, last_strong = merged[-1]
            if start <= last_end or _JOINER.fullmatch(text, last_end, start):
                merged[-1] = (last_start, max(last_end, end), last_strong or strong)
                continue
        merged.append((start, end, strong))
    return merged


def match_topics(title: str, text: str, topics: Sequence[Topic] | None = None) -> list[TopicHit]:
    """The topics a unit (title + text) meets the minimum evidence for (THE RULE above).

    Hits come in a stable order: title matches first, then by number of mentions, then in
    the vocabulary's order. `topics` defaults to the vocabulary in data/amnen.yml.
    """
    hits: list[tuple[tuple, TopicHit]] = []
    text_lowered, title_lowered = text.lower(), title.lower()  # for the patterns' quick test
    for index, topic in enumerate(topics):
        in_text = _mentions(text, text_lowered, topic)
        in_title = _mentions(title, title_lowered, topic)
        strong = any(s for _, _, s in in_text)
        if not (in_title or strong or len(in_text) >= MIN_MATCHES):
            continue
        hit = TopicHit(
            topic_id=topic.id,
            count=len(in_text),
            spans=tuple((s, e) for s, e, _ in in_text),
            in_title=bool(in_title),
            title_spans=tuple((s, e) for s, e, _ in in_title),
            strong=strong,
        )
        hits.append(((not hit.in_title, -hit.count, index), hit))
    return [hit for _, hit in sorted(hits, key=lambda pair: pair[0])]


def blocks_text(blocks: Iterable[object]) -> str:
    """The text of parsed content blocks (`generator.model.Block`), one block per line.

    Paragraphs and sub-headings give their text, bullet lists one line per item, decisions
    their proposal and decision. Anything else with a `text` attribute gives that.
    """
    lines: list[str] = []
    for block in blocks:
        items = getattr(block, "items", None)
        if isinstance(items, tuple):
            lines.extend(str(i) for i in items)
            continue
        proposal = getattr(block, "proposal", None)
        if proposal:
            lines.append(str(proposal))
        text = getattr(block, "text", None)
        if text:
            lines.append(str(text))
    return "\n".join(lines)
