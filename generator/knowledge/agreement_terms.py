"""The vocabulary of agreements (`data/agreement_terms.yml`): section roles, party labels,
job-track and revision wordings, signature labels, title words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.knowledge.datafiles import Fields, KnowledgeError, load_yaml, phrase_alternation
from generator.knowledge.date_cues import DateCues


@dataclass(frozen=True)
class AgreementTerms:
    roles: tuple[tuple[str, tuple[str, ...]], ...]
    party_label: re.Pattern[str]
    party_sentence: re.Pattern[str]
    commitment_heading: re.Pattern[str]
    planned: re.Pattern[str]
    committed: re.Pattern[str]
    verb_anywhere: re.Pattern[str]
    track_intro: re.Pattern[str]
    track_pairs: re.Pattern[str]
    total_label: re.Pattern[str]
    validity_open: re.Pattern[str]
    validity_until: re.Pattern[str]
    validity_from: re.Pattern[str]  # ends right before a start date
    validity_until_before: re.Pattern[str]  # ends right before an end date
    validity_range: re.Pattern[str]  # ends right before the first date of a range
    agreement_word: re.Pattern[str]
    revision: re.Pattern[str]
    frequency: re.Pattern[str]
    frequencies: dict[str, int]
    revision_month: re.Pattern[str]
    signature_label: re.Pattern[str]
    signature_field: re.Pattern[str]
    signature_fields: dict[str, str]
    signature_heading: re.Pattern[str]
    signature_for: re.Pattern[str]
    title_words: frozenset[str]
    title_suffixes: tuple[str, ...]
    section_titles: frozenset[str]
    party_opener: re.Pattern[str]


def read_agreement_terms(path: Path, cues: DateCues) -> AgreementTerms:
    fields = Fields(path, load_yaml(path))
    flags = re.IGNORECASE
    months = cues.month_names  # number -> full Swedish name
    try:
        frequencies = {" ".join(str(k).lower().split()): int(v) for k, v in fields.mapping("frequencies").items()}
    except (TypeError, ValueError):
        raise KnowledgeError(f"{path}: key `frequencies` must map phrases to a number of months") from None
    roles = fields.mapping("section_roles")
    if not all(isinstance(v, list) for v in roles.values()):
        raise KnowledgeError(f"{path}: key `section_roles`: each role must list its phrases")
    fields_by_role = fields.mapping("signature_fields", "a mapping of field kinds to lists of labels")
    kinds = ("place_date", "name", "title", "signature")
    if set(fields_by_role) != set(kinds) or not all(
            isinstance(v, list) and v and all(isinstance(x, str) and x.strip() for x in v)
            for v in fields_by_role.values()):
        raise KnowledgeError(f"{path}: key `signature_fields` must map each of {', '.join(kinds)} "
                             f"to a list of labels")
    labels = {" ".join(label.lower().split()): kind for kind in kinds for label in fields_by_role[kind]}
    planned = fields.texts("commitment_planned")
    committed = fields.texts("commitment_committed")
    return AgreementTerms(
        roles=tuple((role, tuple(" ".join(str(p).lower().split()) for p in phrases))
                    for role, phrases in roles.items()),
        party_label=re.compile(rf"^\s*(?:{phrase_alternation(fields.texts('party_labels'))})\s*:\s*", flags),
        party_sentence=re.compile(rf"(?:{phrase_alternation(fields.texts('party_sentence_cues'))})\s+", flags),
        commitment_heading=re.compile(phrase_alternation(fields.texts("commitment_headings")), flags),
        planned=re.compile(rf"^(?:{phrase_alternation(planned)})\s*", flags),
        committed=re.compile(rf"^(?:{phrase_alternation(committed)})\s*", flags),
        verb_anywhere=re.compile(rf"\s(?P<verb>{phrase_alternation(planned + committed)})\s", flags),
        track_intro=re.compile(rf"^(?:{phrase_alternation(fields.texts('track_intros'))})\s+", flags),
        track_pairs=re.compile(phrase_alternation(fields.texts("track_pairs")), flags),
        total_label=re.compile(rf"^\s*(?:{phrase_alternation(fields.texts('table_total_labels'))})", flags),
        validity_open=re.compile(phrase_alternation(fields.texts("validity_open")), flags),
        validity_until=re.compile(rf"(?:{phrase_alternation(fields.texts('validity_until'))})\s*", flags),
        validity_from=re.compile(rf"(?:{phrase_alternation(fields.texts('validity_from'))})\s*(?:den\s+)?$", flags),
        validity_until_before=re.compile(
            rf"(?:{phrase_alternation(fields.texts('validity_until'))})\s*(?:den\s+)?$", flags),
        validity_range=re.compile(
            rf"(?:{phrase_alternation(fields.texts('validity_range_cues'))})\s*(?:från\s+)?(?:den\s+)?$", flags),
        agreement_word=re.compile(phrase_alternation(fields.texts("agreement_words")), flags),
        revision=re.compile(r"(?<!\w)(?:" + "|".join(
            re.escape(str(p)).replace(r"\ ", r"\s+") for p in fields.texts("revision_cues")) + r")", flags),
        frequency=re.compile(phrase_alternation(list(frequencies)), flags),
        frequencies=frequencies,
        revision_month=re.compile(
            rf"(?<!\w)(?:i|under|varje|senast\s+i|före|till)\s+(?:(?:början|mitten|slutet)\s+av\s+)?"
            rf"(?P<month>{phrase_alternation(list(months.values()))})", flags),
        signature_label=re.compile(rf"^\W*(?:{phrase_alternation(list(labels))})\W*$", flags),
        signature_field=re.compile(rf"^(?P<label>{phrase_alternation(list(labels))})\s*:\s*(?P<value>.*)$", flags),
        signature_fields=labels,
        signature_heading=re.compile(
            rf"^\W*(?:\d{{1,2}}\.\s+)?(?:{phrase_alternation(fields.texts('signature_headings'))})\W*$", flags),
        signature_for=re.compile(
            rf"^(?:{phrase_alternation(fields.texts('signature_for'))})\s+(?P<party>\S.*?)\s*:?$", flags),
        title_words=frozenset(" ".join(str(w).lower().split()) for w in fields.texts("title_words")),
        title_suffixes=tuple(str(s).lower() for s in fields.texts("title_suffixes")),
        section_titles=frozenset(" ".join(str(t).lower().split()) for t in fields.texts("section_titles")),
        party_opener=re.compile(rf"^(?:{phrase_alternation(fields.texts('party_sentence_openers'))})\s+", flags),
    )
