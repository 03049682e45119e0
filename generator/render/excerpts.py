"""Excerpts: a short window of a text around its best match, with the matches marked."""

from __future__ import annotations

from typing import Sequence


EXCERPT_WIDTH = 200


def excerpt(text: str, spans: Sequence[tuple[int, int]], width: int = EXCERPT_WIDTH,
            ellipsis: str = "…") -> tuple[str, list[tuple[int, int]]]:
    """A short excerpt of `text` around its best match, and the matches' spans within it.

    The excerpt holds at most `width` characters of the text (plus `ellipsis` where text
    was left out before or after), with whitespace runs collapsed to one space and its
    edges moved to spaces so that no word is cut. It is placed where the most matches fit
    within `width`, the earliest such place; the returned spans are the matches lying
    wholly inside it, as (start, end) offsets into the returned string, for highlighting.
    Without spans it is the start of the text. The result is plain text: escape it (and
    insert the highlight markup at the spans) when rendering.
    """
    width = max(width, 1)
    spans = sorted((s, e) for s, e in spans if 0 <= s < e <= len(text))
    start, end = _window(text, spans, width)
    # Collapse whitespace, keeping a map from the excerpt back to the text.
    out: list[str] = []
    origin: list[int] = []
    for position in range(start, end):
        char = text[position]
        if char.isspace():
            if not out or out[-1] == " ":
                continue
            char = " "
        out.append(char)
        origin.append(position)
    while out and out[-1] == " ":
        out.pop()
        origin.pop()
    lead = ellipsis if text[:start].strip() else ""
    tail = ellipsis if text[end:].strip() else ""
    where = {pos: i + len(lead) for i, pos in enumerate(origin)}
    marks = [(where[s], where[e - 1] + 1) for s, e in spans
             if start <= s and e <= end and s in where and e - 1 in where]
    return lead + "".join(out) + tail, marks


def _window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """[start, end) of at most `width` characters: the most spans, edges at spaces."""
    if not spans:
        first = last = 0
    else:
        best = (0, spans[0][0], spans[0][1])  # (number of spans, first start, last end)
        for i, (first_start, _) in enumerate(spans):
            count, last_end = 0, first_start
            for s, e in spans[i:]:
                if e - first_start > width:
                    break
                count, last_end = count + 1, e
            if count > best[0]:
                best = (count, first_start, last_end)
        _, first, last = best
        last = min(last, first + width)  # one match longer than the window: its start
    room = width - (last - first)
    start = max(0, first - room // 2)  # context on both sides of the matches
    end = min(len(text), start + width)
    start = max(0, min(start, end - width))  # near the end of the text: more before
    # Do not cut words: move the start forward and the end back to whitespace, never past
    # the matches' edges.
    if 0 < start and not text[start - 1].isspace():
        while start < first and not text[start - 1].isspace():
            start += 1
    if end < len(text) and not text[end].isspace():
        back = end
        while back > last and not text[back].isspace():
            back -= 1
        end = back if back > start else end
    return start, end
