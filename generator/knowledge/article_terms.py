"""The vocabulary of web articles (`data/article_boilerplate.yml`): site footer lines,
bylines, contact labels, quotation openers and speech verbs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.knowledge.datafiles import Fields, load_yaml, phrase_alternation


@dataclass(frozen=True)
class ArticleTerms:
    footer_start: re.Pattern[str]
    footer_lines: frozenset[str]
    footer_patterns: tuple[re.Pattern[str], ...]
    byline: re.Pattern[str]
    byline_max_line: int
    contact: re.Pattern[str]
    openers: tuple[str, ...]
    attribution: re.Pattern[str]
    pronouns: frozenset[str]


def read_article_terms(path: Path) -> ArticleTerms:
    fields = Fields(path, load_yaml(path))
    flags = re.IGNORECASE
    prepositions = phrase_alternation(fields.texts("contact_org_prepositions"))
    return ArticleTerms(
        footer_start=re.compile(rf"^\W*(?:{phrase_alternation(fields.texts('footer_starts'))})", flags),
        footer_lines=frozenset(" ".join(str(x).lower().split()) for x in fields.texts("footer_lines")),
        footer_patterns=tuple(fields.regex("footer_patterns", p, flags) for p in fields.texts("footer_patterns")),
        byline=re.compile(rf"^(?:{phrase_alternation(fields.texts('byline_labels'))})\s*:?\s+\S", flags),
        byline_max_line=fields.number("byline_max_line"),
        contact=re.compile(
            rf"^(?P<label>{phrase_alternation(fields.texts('contact_labels'))})"
            rf"(?:\s+(?:{prepositions})\s+(?P<org>[^:]{{1,60}}?))?\s*:\s*(?P<rest>.*)$", flags),
        openers=tuple(fields.texts("quote_openers")),
        attribution=re.compile(
            rf"(?:(?<=[,!?])|(?<=[,!?]['\"”’»]))\s+(?P<verb>{phrase_alternation(fields.texts('speech_verbs'))})"
            rf"\s+(?P<who>[^\s.,!?;:]+(?:\s+[^\s.,!?;:]+){{0,3}})", flags),
        pronouns=frozenset(str(p).lower() for p in fields.texts("pronouns")),
    )
