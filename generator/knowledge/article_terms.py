"""The vocabulary of web articles (`data/article_boilerplate.yml`): the site's chrome before
the article and its footer after it, bylines and publication labels, contact labels,
quotation openers and speech verbs."""

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
    published: re.Pattern[str]
    chrome_lines: frozenset[str]
    chrome_patterns: tuple[re.Pattern[str], ...]
    breadcrumb: re.Pattern[str]
    headline_max_words: int
    contact: re.Pattern[str]
    contact_heading: re.Pattern[str]
    contact_field: re.Pattern[str]
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
        published=re.compile(rf"^\W*(?:{phrase_alternation(fields.texts('published_labels'))})", flags),
        chrome_lines=frozenset(" ".join(str(x).lower().split()) for x in fields.texts("chrome_lines")),
        chrome_patterns=tuple(fields.regex("chrome_patterns", p, flags) for p in fields.texts("chrome_patterns")),
        breadcrumb=re.compile(
            r"\s(?:" + "|".join(re.escape(x) for x in fields.texts("breadcrumb_separators")) + r")\s"),
        headline_max_words=fields.number("headline_max_words"),
        contact=re.compile(
            rf"^(?P<label>{phrase_alternation(fields.texts('contact_labels'))})"
            rf"(?:\s+(?:{prepositions})\s+(?P<org>[^:]{{1,60}}?))?\s*:\s*(?P<rest>.*)$", flags),
        contact_heading=re.compile(
            rf"^(?P<label>{phrase_alternation(fields.texts('contact_labels'))})"
            rf"(?:\s+(?:{prepositions})\s+(?P<org>[^:]{{1,60}}?))?\s*:?$", flags),
        contact_field=re.compile(
            rf"^(?:{phrase_alternation(fields.texts('contact_field_labels'))})\.?\s*:?\s*", flags),
        openers=tuple(fields.texts("quote_openers")),
        attribution=re.compile(
            rf"(?:(?<=[,!?])|(?<=[,!?]['\"”’»]))\s+(?P<verb>{phrase_alternation(fields.texts('speech_verbs'))})"
            rf"\s+(?P<who>[^\s.,!?;:]+(?:\s+[^\s.,!?;:]+){{0,3}})", flags),
        pronouns=frozenset(str(p).lower() for p in fields.texts("pronouns")),
    )
