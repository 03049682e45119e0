"""The cue words for dating documents (`data/date_cues.yml`), with the patterns built from them.

The rule that uses them is documented at the top of the data file and in generator.parse.dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from generator.knowledge.datafiles import Fields, KnowledgeError, load_yaml

YEAR_DIGITS = r"(?:19|20)\d{2}"


@dataclass(frozen=True)
class VoteRule:
    """How one kind of evidence votes: written year = mentioned year + offset."""

    weight: float
    offset: int
    when: str | None


@dataclass(frozen=True)
class DateCues:
    """The contents of date_cues.yml, with the regular expressions built from it."""

    header_lines: int
    title_lines: int
    closing_lines: int
    max_gap_words: int
    month_names: dict[int, str]  # the name shown to readers, by month number
    year_categories: dict[str, tuple[VoteRule, re.Pattern[str]]]
    tense_votes: dict[str, VoteRule]
    seasons: dict[str, dict[str, VoteRule]]
    season_before_year: re.Pattern[str]
    when_months: dict[str, tuple[int, int]]
    tense: re.Pattern[str]
    perfect: re.Pattern[str]  # `har rapporterat`: past, when no `tense` cue is near
    recurring: re.Pattern[str]
    current_without_year: re.Pattern[str]
    header_label: re.Pattern[str]
    publication_label: re.Pattern[str]
    signature_marker: re.Pattern[str]
    validity_before: re.Pattern[str]
    weekday: re.Pattern[str]
    not_year_before: re.Pattern[str]
    not_year_after: re.Pattern[str]
    preposition_before: re.Pattern[str]
    month_lookup: dict[str, int]  # full names and abbreviations, lower case
    iso_date: re.Pattern[str]
    text_date: re.Pattern[str]
    numeric_date: re.Pattern[str]
    month_year: re.Pattern[str]
    numeric_day_month: re.Pattern[str]
    text_day_month: re.Pattern[str]
    month_only: re.Pattern[str]


def _words(phrases: Iterable[str]) -> str:
    """A regex alternation matching any phrase as whole words, longest first."""
    unique = sorted({str(p).strip() for p in phrases if p and str(p).strip()}, key=len, reverse=True)
    escaped = [re.escape(p).replace(r"\ ", r"\s+") for p in unique]
    return r"(?<!\w)(?:" + "|".join(escaped or [r"(?!)"]) + r")(?!\w)"


def _rule(path: Path, where: str, data: Any) -> VoteRule:
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}: key `{where}` must be a mapping with `weight`, `offset` and `when`")
    try:
        return VoteRule(float(data.get("weight", 1)), int(data.get("offset", 0)), data.get("when"))
    except (TypeError, ValueError):
        raise KnowledgeError(f"{path}: key `{where}`: `weight` and `offset` must be numbers") from None


def read_date_cues(path: Path) -> DateCues:
    """Read date_cues.yml and compile everything derived from it; a missing or malformed
    key is a KnowledgeError naming it."""
    fields = Fields(path, load_yaml(path))
    flags = re.IGNORECASE
    months = {str(name).lower(): int(n) for name, n in fields.mapping("months").items()}
    abbreviations = {str(name).lower(): int(n) for name, n in fields.mapping("month_abbreviations").items()}
    if sorted(set(months.values())) != list(range(1, 13)):
        raise KnowledgeError(f"{path}: key `months` must name every month 1-12")
    month_names: dict[int, str] = {}
    for name, number in months.items():
        month_names.setdefault(number, name)
    full_month = _words(months)
    any_month = _words([*months, *abbreviations])
    prepositions = _words(fields.texts("month_prepositions"))
    year_categories = {}
    for name, spec in fields.mapping("year_cues").items():
        if not isinstance(spec, dict) or not isinstance(spec.get("phrases"), list):
            raise KnowledgeError(f"{path}: key `year_cues.{name}` needs `phrases: [...]`")
        year_categories[name] = (_rule(path, f"year_cues.{name}", spec), re.compile(_words(spec["phrases"]), flags))
    seasons = {}
    for name, spec in fields.mapping("seasons").items():
        if not isinstance(spec, dict):
            raise KnowledgeError(f"{path}: key `seasons.{name}` must map tenses to rules")
        seasons[str(name).lower()] = {tense: _rule(path, f"seasons.{name}.{tense}", rule) for tense, rule in spec.items()}
    tense_cues = fields.mapping("tense_cues")
    for tense in ("past", "future"):
        if not isinstance(tense_cues.get(tense), list):
            raise KnowledgeError(f"{path}: key `tense_cues.{tense}` must be a list of phrases")
    when_months = {}
    for name, pair in fields.mapping("when_months").items():
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, int) for x in pair)):
            raise KnowledgeError(f"{path}: key `when_months.{name}` must be [first month, last month]")
        when_months[name] = (pair[0], pair[1])
    return DateCues(
        header_lines=fields.number("header_lines"),
        title_lines=fields.number("title_lines"),
        closing_lines=fields.number("closing_lines"),
        max_gap_words=fields.number("max_gap_words"),
        month_names=month_names,
        year_categories=year_categories,
        tense_votes={name: _rule(path, f"tense_votes.{name}", spec)
                     for name, spec in fields.mapping("tense_votes").items()},
        seasons=seasons,
        season_before_year=re.compile(rf"(?P<season>{_words(seasons)})\s+$", flags),
        when_months=when_months,
        tense=re.compile(
            rf"(?P<past>{_words(tense_cues['past'])})|(?P<future>{_words(tense_cues['future'])})", flags
        ),
        perfect=re.compile(rf"(?P<past>{_perfect(fields)})", flags),
        recurring=re.compile(_words(fields.texts("recurring_cues")), flags),
        current_without_year=re.compile(_words(fields.texts("current_without_year")), flags),
        header_label=re.compile(rf"^\W*(?:{_words(fields.texts('header_labels'))})", flags),
        publication_label=re.compile(rf"^\W*(?:{_words(fields.texts('publication_labels'))})", flags),
        signature_marker=re.compile(_words(fields.texts("signature_markers")), flags),
        validity_before=re.compile(rf"(?:{_words(fields.texts('validity_cues'))})\s*$", flags),
        weekday=re.compile(_words(fields.texts("weekdays")), flags),
        not_year_before=re.compile(rf"(?:{_words(fields.texts('not_year_before'))})\s*$", flags),
        not_year_after=re.compile(rf"\s*(?:{_words(fields.texts('not_year_after'))})", flags),  # used with .match
        preposition_before=re.compile(rf"(?:{prepositions})\s+$", flags),
        month_lookup={**abbreviations, **months},
        iso_date=re.compile(rf"(?<![\d-])(?P<y>{YEAR_DIGITS})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?!\d)"),
        text_date=re.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})(?::[ae])?\s+(?P<mon>{any_month})\.?[ \t]+(?P<y>{YEAR_DIGITS})(?!\d)", flags
        ),
        numeric_date=re.compile(
            rf"(?<![\d/])(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:[ \t]*-[ \t]*|[ \t]+|/)(?P<y>{YEAR_DIGITS})(?!\d)"
        ),
        month_year=re.compile(rf"(?P<mon>{full_month})[ \t]+(?P<y>{YEAR_DIGITS})(?!\d)", flags),
        numeric_day_month=re.compile(
            r"\((?P<pd>\d{1,2})/(?P<pm>\d{1,2})\)"
            r"|(?:(?<!\w)den\s+)?(?<![\d/.,])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/%]|\s*(?:av|delar)\b)",
            flags,
        ),
        text_day_month=re.compile(
            rf"(?:(?<!\w)den\s+)?(?<![\d.,])(?P<d>\d{{1,2}})(?::[ae])?\s+(?P<mon>{any_month})\.?", flags
        ),
        month_only=re.compile(
            rf"(?:(?P<prep>{prepositions})\s+)?(?P<m1>{full_month})"
            rf"(?:\s*(?:/|–|-|och|till)\s*(?P<m2>{full_month}))?",
            flags,
        ),
    )


def _perfect(fields: Fields) -> str:
    """`har rapporterat`, `har nu skickats`: an auxiliary, perhaps one word, a supine."""
    endings = "|".join(re.escape(e) for e in sorted(fields.texts("supine_endings"), key=len, reverse=True))
    return rf"(?:{_words(fields.texts('perfect_auxiliaries'))})\s+(?:[^\W\d_]+\s+)?[^\W\d_]+(?:{endings})(?!\w)"
