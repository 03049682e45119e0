"""The vocabulary of minutes (`data/protokoll.yml`): attendance headings and table columns,
roles and parties, note-taker and signature labels, item, decision and proposal labels,
routine approvals, and the words that name a network in a title."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.knowledge.datafiles import Fields, KnowledgeError, load_yaml, phrase_alternation

STATUSES = ("present", "absent")


@dataclass(frozen=True)
class AttendanceHeading:
    status: str  # "present" or "absent"
    role: str | None  # the role of everyone listed under it, if the heading gives one


@dataclass(frozen=True)
class MinutesTerms:
    headings: dict[str, AttendanceHeading]  # heading words (case-folded, single spaces) -> meaning
    heading: re.Pattern[str]  # a line opening with a heading: groups `heading`, `rest`
    name_columns: frozenset[str]
    affiliation_columns: frozenset[str]
    present_columns: frozenset[str]
    absent_columns: frozenset[str]
    marks: frozenset[str]
    no_one: frozenset[str]  # `Inga`, `Ingen`: an attendance line that lists nobody
    role: re.Pattern[str]  # a role word, whole
    roles: tuple[str, ...]
    party: re.Pattern[str]  # "(S)" after a name
    replaces: re.Pattern[str]  # ", ersätter X" and what follows
    note_taker: re.Pattern[str]  # groups `label`, `rest`
    signature: re.Pattern[str]  # a closing line that is no note-taker's
    header_label: re.Pattern[str]  # `Plats: ...` and the like
    item_prefix: str  # regex alternation of the words before an item number
    decision_label: re.Pattern[str]  # a line opening a decision; group `rest`: text after `Beslut:`
    proposal_label: re.Pattern[str]  # a line opening a proposal; group `rest`
    formalities: tuple[re.Pattern[str], ...]
    network_word: re.Pattern[str]
    document_type: re.Pattern[str]
    board_of: re.Pattern[str]  # `Styrelsen för ` before the body whose board it is


def _words(phrases: list[str]) -> str:
    """An alternation of phrases, longest first; a space matches any run of whitespace."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


def _key(text: str) -> str:
    return " ".join(str(text).casefold().split())


def read_minutes_terms(path: Path) -> MinutesTerms:
    fields = Fields(path, load_yaml(path))
    flags = re.IGNORECASE
    headings: dict[str, AttendanceHeading] = {}
    for index, entry in enumerate(fields.value("attendance_headings", list, "a list of `{heading, status, role}`")):
        if not isinstance(entry, dict) or not isinstance(entry.get("heading"), str) \
                or entry.get("status") not in STATUSES:
            raise KnowledgeError(f"{path}: `attendance_headings` entry {index + 1} needs `heading: <words>` and "
                                 "`status: present` or `status: absent`")
        headings[_key(entry["heading"])] = AttendanceHeading(entry["status"], entry.get("role"))
    columns = fields.mapping("attendance_columns", "a mapping of `name`, `affiliation`, `present`, `absent`")
    for key in ("name", "affiliation", "present", "absent"):
        if not isinstance(columns.get(key), list):
            raise KnowledgeError(f"{path}: key `attendance_columns.{key}` must be a list of column headers")
    roles = tuple(_key(r) for r in fields.texts("roles"))
    parties = fields.texts("parties")
    return MinutesTerms(
        headings=headings,
        heading=re.compile(rf"^\W*(?P<heading>{phrase_alternation(list(headings))})\s*(?::\s*(?P<rest>.*))?$",
                           flags),
        name_columns=frozenset(_key(c) for c in columns["name"]),
        affiliation_columns=frozenset(_key(c) for c in columns["affiliation"]),
        present_columns=frozenset(_key(c) for c in columns["present"]),
        absent_columns=frozenset(_key(c) for c in columns["absent"]),
        marks=frozenset(_key(m) for m in fields.texts("attendance_marks")),
        no_one=frozenset(_key(m) for m in fields.texts("no_one")),
        role=re.compile(rf"^(?:{phrase_alternation(list(roles))})$", flags),
        roles=roles,
        party=re.compile(rf"\s*\((?P<party>{'|'.join(map(re.escape, parties))})\)", 0),
        replaces=re.compile(rf",?\s*(?:{phrase_alternation(fields.texts('replaces'))})\b.*$", flags),
        note_taker=re.compile(
            rf"^(?P<label>{phrase_alternation(fields.texts('note_taker_labels'))})\s*(?:(?::|,|\s)\s*(?P<rest>.*))?$",
            flags),
        signature=re.compile(rf"^(?:{phrase_alternation(fields.texts('signature_labels'))})\s*:?", flags),
        header_label=re.compile(rf"^(?:{phrase_alternation(fields.texts('header_labels'))})\s*:", flags),
        item_prefix="|".join(re.escape(p) for p in sorted(fields.texts("item_prefixes"), key=len, reverse=True)),
        decision_label=re.compile(
            rf"^(?:{phrase_alternation(fields.texts('decision_labels'))})\s*(?::\s*(?P<rest>.*))?$", flags),
        proposal_label=re.compile(
            rf"^(?:{phrase_alternation(fields.texts('proposal_labels'))})\s*(?::\s*(?P<rest>.*))?$", flags),
        formalities=tuple(fields.regex("formalities", p, flags) for p in fields.texts("formalities")),
        network_word=re.compile(rf"(?<![\w-])(?:\w*-)?\w*(?:{_words(fields.texts('network_words'))})(?![\w-])", flags),
        document_type=re.compile(rf"(?<![\w-])(?:{_words(fields.texts('document_types'))})(?![\w-])", flags),
        board_of=re.compile(rf"^(?:{_words(fields.texts('board_of'))})\s+", flags),
    )
