"""Municipalities and organisations across the archive: who represented them, what they
reported, where they are mentioned. Built from the parsed corpus, before rendering."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from generator.knowledge import Knowledge
from generator.knowledge.registers import Municipality, Organisation, Registers
from generator.model import Attendee, Document, JobTrackCommitment, LocalPassage, Table, TableRow
from generator.model.corpus import FOLDERS, EntityRecord, Occurrence
from generator.resolve.analysis import DocumentAnalysis, analyse
from generator.resolve.mentions import Mention
from generator.resolve.units import document_units

# A paragraph that opens with a municipality's name and a colon is that municipality's
# report (`Kungälv: Arbetet löper på väl ...`).
_REPORT = re.compile(r"^(?P<name>[^:\n]{2,45}):\s")


@dataclass
class _Record:
    """An EntityRecord while it is being collected (see generator.model.corpus)."""

    kind: str  # "municipality" or "organisation"
    id: str  # page slug
    name: str
    municipality: Municipality | None = None
    organisation: Organisation | None = None
    attendance: list[tuple[Document, Attendee]] = field(default_factory=list)
    reports: list[Occurrence] = field(default_factory=list)
    mentions: list[Occurrence] = field(default_factory=list)
    agreements: list[tuple[Document, str]] = field(default_factory=list)  # (agreement, "part"/"signatory")
    commitments: list[tuple[Document, "JobTrackCommitment", str]] = field(default_factory=list)  # + anchor
    statistics: list[tuple[Document, "Table", "TableRow", str]] = field(default_factory=list)  # + anchor
    mentioned_in: set[tuple[str, str]] = field(default_factory=set)  # (source name, anchor) already listed

    @property
    def path(self) -> str:
        return f"{FOLDERS[self.kind]}/{self.id}.md"

    def frozen(self) -> EntityRecord:
        seen: dict[str, Document] = {}
        for document, _ in self.attendance:
            seen.setdefault(document.source.name, document)
        for occurrence in self.reports + self.mentions:
            seen.setdefault(occurrence.document.source.name, occurrence.document)
        for document, _role in self.agreements:
            seen.setdefault(document.source.name, document)
        documents = sorted(seen.values(), key=lambda d: (d.date.sort_key, d.source.name))
        return EntityRecord(self.kind, self.id, self.name, self.municipality, self.organisation,
                            tuple(self.attendance), tuple(self.reports), tuple(self.mentions),
                            tuple(self.agreements), tuple(self.commitments), tuple(self.statistics),
                            tuple(documents))


@dataclass
class Entities:
    municipalities: dict[str, EntityRecord]  # by slug
    organisations: dict[str, EntityRecord]  # by id
    by_code: dict[str, EntityRecord] = field(default_factory=dict)  # municipalities by SCB code

    def __post_init__(self) -> None:
        self.by_code = {r.municipality.code: r for r in self.municipalities.values() if r.municipality}

    def for_mention(self, mention: Mention) -> EntityRecord | None:
        if mention.kind == "municipality":
            return self.by_code.get(mention.target)
        return self.organisations.get(mention.target)

    def for_affiliation(self, kind: str, name: str, registers: Registers) -> list[EntityRecord]:
        if kind == "municipality":
            found = registers.municipalities_in_combined(name) or (
                (registers.municipality(name),) if registers.municipality(name) else ())
            return [self.municipalities[m.slug] for m in found if m.slug in self.municipalities]
        if kind == "organisation":
            organisation = registers.organisation(name)
            if organisation and organisation.id in self.organisations:
                return [self.organisations[organisation.id]]
        return []


def _excerpt(text: str, start: int, end: int, width: int = 200) -> str:
    left = max(0, start - width // 2)
    right = min(len(text), end + width // 2)
    return ("… " if left else "") + " ".join(text[left:right].split()) + (" …" if right < len(text) else "")


def collect_entities(documents: list[Document], knowledge: Knowledge,
                     analyses: Mapping[str, DocumentAnalysis] | None = None) -> Entities:
    """`analyses` (by source name) as resolve has them; made here when not given."""
    registers = knowledge.registers
    if analyses is None:
        analyses = {d.source.name: analyse(d, knowledge) for d in documents}
    municipalities: dict[str, _Record] = {}
    organisations: dict[str, _Record] = {}

    def municipality_record(m: Municipality) -> _Record:
        return municipalities.setdefault(m.slug, _Record("municipality", m.slug, m.name, municipality=m))

    def organisation_record(o: Organisation) -> _Record:
        return organisations.setdefault(o.id, _Record("organisation", o.id, o.name, organisation=o))

    for association in knowledge.associations:  # all members get a page, mentioned or not
        if association.pages:
            for m in registers.members(association.id):
                municipality_record(m)

    ordered = sorted(documents, key=lambda d: (d.date.sort_key, d.source.name))
    for document in ordered:
        for attendee in document.attendees:
            affiliation = attendee.affiliation
            if affiliation is None:
                continue
            if affiliation.kind == "municipality":
                found = registers.municipalities_in_combined(affiliation.name) or tuple(
                    m for m in (registers.municipality(affiliation.name),) if m)
                for m in found:
                    municipality_record(m).attendance.append((document, attendee))
            elif affiliation.kind == "organisation":
                organisation = registers.organisation(affiliation.name)
                if organisation:
                    organisation_record(organisation).attendance.append((document, attendee))
        if document.agreement is not None:
            _collect_agreement(document, registers, municipality_record, organisation_record)
        for unit in document_units(document):
            for text in unit.texts:
                report = _REPORT.match(text)
                if report:
                    name = report.group("name").strip()
                    reporters = registers.municipalities_in_combined(name) or tuple(
                        m for m in (registers.municipality(name),) if m)
                    for m in reporters:
                        municipality_record(m).reports.append(
                            Occurrence(document, unit.anchor, unit.label, " ".join(text.split())))
                for mention in analyses[document.source.name].mentions_in(text):
                    occurrence = Occurrence(document, unit.anchor, unit.label,
                                            _excerpt(text, mention.start, mention.end))
                    if mention.kind == "municipality":
                        m = registers.municipality_by_code(mention.target)
                        record = municipality_record(m) if m else None
                    else:
                        o = registers.organisation_by_id(mention.target)
                        record = organisation_record(o) if o else None
                    where = (document.source.name, unit.anchor)
                    if record is not None and where not in record.mentioned_in:
                        record.mentioned_in.add(where)
                        record.mentions.append(occurrence)
    for record in list(municipalities.values()) + list(organisations.values()):
        # A unit that reports from the municipality (`Lerum: ...`) also names it; it is
        # listed once, as the report.
        reported = {(id(o.document), o.anchor) for o in record.reports}
        record.mentions = [o for o in record.mentions if (id(o.document), o.anchor) not in reported]
    return Entities({k: r.frozen() for k, r in sorted(municipalities.items())},
                    {k: r.frozen() for k, r in sorted(organisations.items())})


def _records_for(name: str, kind: str, registers: Registers, municipality_record, organisation_record):
    if kind == "municipality":
        found = registers.municipalities_in_combined(name) or tuple(m for m in (registers.municipality(name),) if m)
        return [municipality_record(m) for m in found]
    organisation = registers.organisation(name) if kind == "organisation" else None
    return [organisation_record(organisation)] if organisation else []


def _collect_agreement(document: Document, registers: Registers, municipality_record, organisation_record) -> None:
    """Parties, signatures, job-track commitments, statistics rows and local passages."""
    agreement = document.agreement
    listed: set[int] = set()  # records that already list this agreement
    for party in agreement.parties:
        for record in _records_for(party.name, party.kind, registers, municipality_record, organisation_record):
            if id(record) not in listed:
                listed.add(id(record))
                record.agreements.append((document, "part"))
    for signatory in agreement.signatories:
        if signatory.affiliation is None:
            continue
        for record in _records_for(signatory.affiliation.name, signatory.affiliation.kind, registers,
                                   municipality_record, organisation_record):
            if id(record) not in listed:
                listed.add(id(record))
                record.agreements.append((document, "signatory"))
    for index, section in enumerate(agreement.sections, start=1):
        anchor = section.anchor if section.number is not None else f"avsnitt-{index}"
        for block in _walk(section.blocks):
            if isinstance(block, JobTrackCommitment):
                for name in block.municipalities:
                    for record in _records_for(name, "municipality", registers, municipality_record, organisation_record):
                        record.commitments.append((document, block, anchor))
            elif isinstance(block, Table):
                for row in block.rows:
                    if row.municipality:
                        for record in _records_for(row.municipality, "municipality", registers,
                                                   municipality_record, organisation_record):
                            record.statistics.append((document, block, row, anchor))
            elif isinstance(block, LocalPassage):
                text = " ".join(" ".join(getattr(b, "text", "").split()) for b in block.blocks
                                if getattr(b, "text", ""))
                label = f"avsnitt {section.number} {section.title}" if section.number is not None else section.title
                names = list(block.municipalities) + ([block.organisation] if block.organisation else [])
                for name in names:
                    kind = "organisation" if name == block.organisation else "municipality"
                    for record in _records_for(name, kind, registers, municipality_record, organisation_record):
                        excerpt = (text[:400] + " …") if len(text) > 400 else text
                        record.reports.append(Occurrence(document, anchor, label, excerpt))


def _walk(blocks):
    for block in blocks:
        yield block
        if isinstance(block, LocalPassage):
            yield from _walk(block.blocks)
