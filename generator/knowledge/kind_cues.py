"""The cues that tell the kinds of document apart (`data/kind_cues.yml`): heading words of
minutes and agreements, attendance and note-taker labels, signature and parties headings,
and the line starts of news articles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.knowledge.datafiles import Fields, load_yaml, phrase_alternation


@dataclass(frozen=True)
class KindCues:
    minutes_heading: re.Pattern[str]
    attendance_heading: re.Pattern[str]
    note_taker: re.Pattern[str]
    agreement_heading: re.Pattern[str]
    signature_heading: re.Pattern[str]
    signature_field: re.Pattern[str]
    parties_heading: re.Pattern[str]
    article_line: re.Pattern[str]


def read_kind_cues(path: Path) -> KindCues:
    fields = Fields(path, load_yaml(path))
    flags = re.IGNORECASE
    endings = "|".join(re.escape(e) for e in sorted(fields.texts("agreement_heading_endings"), key=len, reverse=True))
    numbered = r"(?:(?:§\s*)?\d{1,2}\.?\s+)?"
    return KindCues(
        minutes_heading=re.compile(rf"^(?:{phrase_alternation(fields.texts('minutes_headings'))})", flags),
        attendance_heading=re.compile(rf"^(?:{phrase_alternation(fields.texts('attendance_headings'))})\s*:?$", flags),
        note_taker=re.compile(rf"^(?:{phrase_alternation(fields.texts('note_taker_labels'))})", flags),
        agreement_heading=re.compile(
            rf"^(?:{phrase_alternation(fields.texts('agreement_headings'))}|[^\W\d_]+(?:{endings})(?!\w))", flags),
        signature_heading=re.compile(
            rf"^{numbered}(?:{phrase_alternation(fields.texts('signature_headings'))})\s*:?$", flags),
        signature_field=re.compile(rf"^(?:{phrase_alternation(fields.texts('signature_field_labels'))})", flags),
        parties_heading=re.compile(
            rf"^{numbered}(?:{phrase_alternation(fields.texts('parties_headings'))})\s*:?$", flags),
        article_line=re.compile(
            rf"^(?:{phrase_alternation(fields.texts('article_line_starts'))}"
            rf"|{'|'.join(re.escape(m) for m in fields.texts('article_quote_marks'))})", flags),
    )
