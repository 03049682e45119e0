"""The document model: small, immutable values produced by the parsers.

Data flows one way: read -> parse -> resolve -> render -> write. The types here are
what parse produces; `resolve` adds corpus-wide identities (slugs, URLs, people).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Mapping


HIDDEN_NAME = "[namn dolt]"  # stands for a hidden person's name everywhere (the editor's `people.hide`)


class Kind(str, Enum):
    """What a document is. The value is the identifier used in front matter and export."""

    MINUTES = "minutes"
    AGREEMENT = "agreement"
    ARTICLE = "article"
    OTHER = "other"

    @property
    def folder(self) -> str:
        return _FOLDERS[self]

    @property
    def label(self) -> str:
        return _LABELS[self]


_FOLDERS = {
    Kind.MINUTES: "moten",
    Kind.AGREEMENT: "overenskommelser",
    Kind.ARTICLE: "artiklar",
    Kind.OTHER: "dokument",
}
_LABELS = {
    Kind.MINUTES: "Mötesanteckningar",
    Kind.AGREEMENT: "Överenskommelse",
    Kind.ARTICLE: "Artikel",
    Kind.OTHER: "Dokument",
}


class Precision(str, Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class SourceFile:
    """A decoded source document.

    `body` is the text after any YAML front matter, with newlines normalised to LF;
    `first_body_line` is the 1-based line of the file on which `body` starts, so that a
    line number within `body` can be reported as a line of the file. For a Word, PDF,
    OpenDocument or RTF file, `raw` and `body` are the text read out of it (line numbers
    are lines of that text) and `path` is the original file.
    """

    path: Path
    name: str  # path relative to the source folder, POSIX separators
    raw: str  # the whole decoded file, newlines normalised, BOM removed
    body: str
    meta: Mapping[str, Any]
    first_body_line: int = 1
    encoding: str = "utf-8"
    redactions: int = 0  # names replaced by [namn dolt] (the editor's `people.hide`)
    # the file's format: txt, md, or the binary formats read into text: docx, pdf, odt, rtf
    format: str = "txt"
    ocr_confidence: float | None = None  # 0-100 when the text was read with OCR (a scanned PDF)
    ocr_pages: int = 0  # pages read with OCR

    @property
    def extracted(self) -> bool:
        """True when `raw` is text read out of a Word, PDF, OpenDocument or RTF file."""
        return self.format not in ("txt", "md")

    def file_line(self, body_line: int) -> int:
        return body_line + self.first_body_line - 1


class DateSource(str, Enum):
    """Where a document's date comes from. The value is the identifier used in the export."""

    FRONT_MATTER = "front_matter"  # the editor gave it
    TEXT = "text"  # the text states it (header, signature, publication line)
    INFERRED = "inferred"  # estimated from the content; the reason says how


@dataclass(frozen=True)
class DocumentDate:
    """A document's date: ISO prefix (`2023-09-14`, `2023-09` or `2023`) and how it was found."""

    value: str | None
    precision: Precision | None
    source: DateSource
    reason: str

    @property
    def inferred(self) -> bool:
        """True only for an estimate: a date the text states is not inferred."""
        return self.source is DateSource.INFERRED

    @property
    def sort_key(self) -> str:
        return self.value or "0000"


# --- content blocks -------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class SubHeading:
    text: str
    line: int


@dataclass(frozen=True)
class Decision:
    """An explicit decision (`Beslut: ...`) with the proposal (`Förslag: ...`) it decides on.

    `item` and `index` make the anchor `beslut-<item>-<index>`: derived from where the
    decision stands in the document, never from processing order.
    """

    item: int
    index: int
    text: str
    proposal: str | None
    line: int
    proposal_line: int | None = None
    # A decision the text states in other words (`säger ja till ...`) rather than with
    # `Beslut:`; `context` is the whole paragraph, `wording` the phrase that made it one.
    derived: bool = False
    wording: str | None = None
    context: str | None = None
    sub: int | None = None  # the sub-item (`3.1`) the decision stands under, if any
    formality: bool = False  # a routine approval (agenda, previous minutes, justerare)

    @property
    def item_label(self) -> str:
        """`3`, or `3.1` under a sub-item."""
        return f"{self.item}.{self.sub}" if self.sub is not None else str(self.item)

    @property
    def anchor(self) -> str:
        item = f"{self.item}-{self.sub}" if self.sub is not None else str(self.item)
        return f"beslut-{item}-{self.index}"


Block = Paragraph | BulletList | SubHeading | Decision


@dataclass(frozen=True)
class AgendaItem:
    """An agenda item (`3. Ekonomi`, `§ 12 ...`), or a sub-item (`3.1`) of the item before it."""

    number: int
    title: str
    blocks: tuple[Block, ...]
    line: int
    sub: int | None = None  # 1 for `3.1`

    @property
    def label(self) -> str:
        """`3`, or `3.1` for a sub-item."""
        return f"{self.number}.{self.sub}" if self.sub is not None else str(self.number)

    @property
    def anchor(self) -> str:
        return f"punkt-{self.number}-{self.sub}" if self.sub is not None else f"punkt-{self.number}"

    @property
    def decisions(self) -> tuple[Decision, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Decision))


@dataclass(frozen=True)
class Affiliation:
    """Where an attendee belongs, as written and as normalised against the registers."""

    written: str
    name: str  # normalised: a municipality or organisation name, or `written` if unknown
    kind: str  # "municipality", "organisation" or "unknown"
    unit: str | None = None  # a unit within it, e.g. "FoU i Väst" within GR


@dataclass(frozen=True)
class Attendee:
    name: str
    status: str  # "present" or "absent"
    affiliation: Affiliation | None
    note: str | None  # e.g. "pkt 4"
    items: tuple[int, ...]  # agenda items attended, when the note limits attendance
    line: int
    written: str  # the whole line (or line part) as written
    role: str | None = None  # ordförande, sekreterare, ersättare, ledamot, adjungerad, gäst ...
    party: str | None = None  # S, M, V ... as written in parentheses


@dataclass(frozen=True)
class NoteTaker:
    name: str
    title: str | None
    line: int


@dataclass(frozen=True)
class Section:
    """A numbered or titled section of an agreement or article."""

    number: int | None
    title: str
    blocks: tuple[Block, ...]
    line: int

    @property
    def anchor(self) -> str:
        return f"avsnitt-{self.number}" if self.number is not None else ""


@dataclass(frozen=True)
class Document:
    """One parsed source document, before corpus-wide resolution."""

    source: SourceFile
    kind: Kind
    title: str
    network: str
    date: DocumentDate
    # Minutes
    attendees: tuple[Attendee, ...] = ()
    items: tuple[AgendaItem, ...] = ()
    note_taker: NoteTaker | None = None
    # Text outside agenda items (e.g. before the first item), agreements' and articles' sections
    preamble: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    subtitle: str | None = None
    # The full structure of an agreement or an article (see the section at the end)
    agreement: "Agreement | None" = None
    article: "Article | None" = None

    @property
    def decisions(self) -> tuple[Decision, ...]:
        return tuple(d for item in self.items for d in item.decisions)

    @property
    def present(self) -> tuple[Attendee, ...]:
        return tuple(a for a in self.attendees if a.status == "present")

    @property
    def absent(self) -> tuple[Attendee, ...]:
        return tuple(a for a in self.attendees if a.status == "absent")


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in the input: reported as `file:line: level: message`."""

    file: str
    line: int | None
    level: str  # "error", "warning" or "info"
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.level}: {self.message}"


@dataclass
class Diagnostics:
    """Collects problems during a run; the CLI decides how to report them and the exit code."""

    items: list[Diagnostic] = field(default_factory=list)
    _seen: set[Diagnostic] = field(default_factory=set, repr=False, compare=False)

    def add(self, file: str, line: int | None, level: str, message: str) -> None:
        self.extend((Diagnostic(file, line, level, message),))

    def extend(self, diagnostics) -> None:
        """Add each problem once, in order."""
        for diagnostic in diagnostics:
            if diagnostic not in self._seen:
                self._seen.add(diagnostic)
                self.items.append(diagnostic)

    def error(self, file: str, line: int | None, message: str) -> None:
        self.add(file, line, "error", message)

    def warning(self, file: str, line: int | None, message: str) -> None:
        self.add(file, line, "warning", message)

    def info(self, file: str, line: int | None, message: str) -> None:
        self.add(file, line, "info", message)

    def count(self, level: str) -> int:
        return sum(1 for d in self.items if d.level == level)


# --- agreements and articles ----------------------------------------------------------
# Types for the full structure of agreements and articles live below this line.
#
# An agreement's and an article's structure is built from the content blocks above plus
# the types below. `Document.sections` / `Document.preamble` keep carrying only the plain
# block types (Paragraph, BulletList, SubHeading), so pages that do not know these types
# keep working; `Document.agreement` / `Document.article` carry the full structure.
# Every `line` is a line of the source FILE (front matter counted), like everywhere else.


@dataclass(frozen=True)
class NumberedItem:
    """One item of a numbered list (`1. 50% av de som ...`): a goal, a follow-up point."""

    number: int
    text: str
    line: int


@dataclass(frozen=True)
class NumberedList:
    items: tuple[NumberedItem, ...]
    line: int


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]  # as many cells as the header; an empty cell is ""
    line: int
    is_total: bool = False  # the totals row (`Totalt`, `Summa` ...)
    municipality: str | None = None  # the first cell resolved as a municipality, if it is one


@dataclass(frozen=True)
class Table:
    """A statistics table written as tab-separated rows.

    `rows` are the body rows in source order, the totals row included (marked
    `is_total`). `numeric_columns` are the 0-based columns whose non-empty body cells are
    all numbers. `caption` is the introducing line ending in `:` just before the table
    (that line also stays a Paragraph before the table), or None.
    """

    header: tuple[str, ...]
    rows: tuple[TableRow, ...]
    numeric_columns: tuple[int, ...]
    line: int
    caption: str | None = None

    @property
    def body_rows(self) -> tuple[TableRow, ...]:
        return tuple(r for r in self.rows if not r.is_total)

    @property
    def total_row(self) -> TableRow | None:
        return next((r for r in self.rows if r.is_total), None)


@dataclass(frozen=True)
class Party:
    """A party to an agreement, resolved against the registers."""

    written: str  # as written: `Arbetsförmedlingen Sjuhärad`, `Lerums kommun`
    name: str  # the register's name (`Arbetsförmedlingen`, `Lerum`), or `written` if unknown
    kind: str  # "municipality", "organisation" or "unknown"
    slug: str | None  # the municipality's or organisation's page slug
    line: int


@dataclass(frozen=True)
class LocalPassage:
    """Text of an agreement that concerns particular municipalities (or an organisation).

    Written as a label (`Svenljunga/Tranemo: Till våra kommuner ...`, the label is then
    removed from the first paragraph) or as a heading line (`Mark`, `Marks kommun`) over
    the paragraphs that follow, up to the next such label or heading, another sub-heading,
    or the end of the section.
    """

    written: str  # the label or heading as written
    municipalities: tuple[str, ...]  # register names, in the order written
    organisation: str | None  # register display name, when the label names an organisation
    blocks: tuple[Paragraph | BulletList | NumberedList | Table, ...]
    line: int
    topic: str | None = None  # the sub-heading the passage stands under, if any


@dataclass(frozen=True)
class JobTrackCommitment:
    """A municipality's commitment to local job tracks (`Svenljunga: Vård- och omsorg & lager/logistik`)."""

    written: str  # the whole line as written
    label: str  # who, as written: `Svenljunga`, `Lerums kommun`
    municipalities: tuple[str, ...]  # register names
    tracks: tuple[str, ...]
    planned: bool  # the text says the tracks are planned (`Planerar för ...`)
    line: int


@dataclass(frozen=True)
class RevisionRule:
    """How long an agreement runs and when it is revised.

    `first_revision` is an ISO month (`2021-10`): the first revision month after the last
    signature (see agreement_terms.yml for the rule); None when it cannot be computed.
    `valid_from` / `valid_until` are the validity period the text states (`gäller från och
    med ... till och med ...`), never the signing dates.
    """

    text: str  # the sentence(s) read
    validity: str | None  # "tills vidare", or None
    valid_until: str | None  # ISO date when the agreement ends on a date
    frequency: str | None  # as written: "årligen", "vartannat år"
    interval_months: int | None  # 12 for "årligen", 24 for "vartannat år"
    month: int | None  # the month named for the revision (10 for "i oktober")
    first_revision: str | None
    basis: str | None  # Swedish explanation of `first_revision`
    line: int
    valid_from: str | None = None  # ISO date from which the agreement applies


@dataclass(frozen=True)
class Signatory:
    """One signature: the person, their title and affiliation, where and when they signed."""

    name: str
    title: str | None  # `Kommunchef`, `Förvaltningschef`
    affiliation: Affiliation | None  # municipality or organisation, normalised
    place: str | None  # normalised (`Ulricehamn` for `ULRICEHAMN`)
    place_written: str | None
    date: str | None  # ISO date of this signature
    line: int  # the line of the name
    date_line: int | None
    written: tuple[str, ...]  # the source lines (or line parts) this signature was read from

    @property
    def municipality(self) -> str | None:
        a = self.affiliation
        return a.name if a is not None and a.kind == "municipality" else None

    @property
    def organisation(self) -> str | None:
        a = self.affiliation
        return a.name if a is not None and a.kind == "organisation" else None


AgreementBlock = Paragraph | BulletList | SubHeading | NumberedList | Table | LocalPassage | JobTrackCommitment | Signatory


@dataclass(frozen=True)
class AgreementSection:
    """A numbered section (`avsnitt-N`, numbered as in `Document.sections`) with rich blocks.

    `role` is what the section is, from its title and the synonyms in agreement_terms.yml:
    parties, purpose, goals, target_group, job_tracks, follow_up, revision, signatures, or None.
    """

    number: int | None
    title: str
    role: str | None
    blocks: tuple[AgreementBlock, ...]
    line: int

    @property
    def anchor(self) -> str:
        return f"avsnitt-{self.number}" if self.number is not None else ""


def _walk(blocks: tuple[AgreementBlock, ...]):
    for block in blocks:
        yield block
        if isinstance(block, LocalPassage):
            yield from block.blocks


@dataclass(frozen=True)
class Agreement:
    """An agreement's structure. Tables, passages, commitments and signatories live in the
    blocks (where they stand in the text); the properties collect them."""

    title: str
    subtitle: str | None
    parties: tuple[Party, ...]
    preamble: tuple[AgreementBlock, ...]  # the blocks before the first section
    sections: tuple[AgreementSection, ...]
    purpose: str | None
    goals: tuple[NumberedItem, ...]
    target_group: str | None
    follow_up: tuple[NumberedItem, ...]
    revision: RevisionRule | None

    def blocks(self) -> tuple[AgreementBlock, ...]:
        """Every block, passages' blocks included, in text order."""
        found = list(_walk(self.preamble))
        for section in self.sections:
            found.extend(_walk(section.blocks))
        return tuple(found)

    def section(self, role: str) -> AgreementSection | None:
        return next((s for s in self.sections if s.role == role), None)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks() if isinstance(b, Table))

    @property
    def local_passages(self) -> tuple[LocalPassage, ...]:
        return tuple(b for b in self.blocks() if isinstance(b, LocalPassage))

    @property
    def commitments(self) -> tuple[JobTrackCommitment, ...]:
        return tuple(b for b in self.blocks() if isinstance(b, JobTrackCommitment))

    def commitments_for(self, municipality: str) -> tuple[JobTrackCommitment, ...]:
        return tuple(c for c in self.commitments if municipality in c.municipalities)

    def passages_for(self, municipality: str) -> tuple[LocalPassage, ...]:
        return tuple(p for p in self.local_passages if municipality in p.municipalities)

    @property
    def signatories(self) -> tuple[Signatory, ...]:
        return tuple(b for b in self.blocks() if isinstance(b, Signatory))

    @property
    def signing_dates(self) -> tuple[str, ...]:
        """Every date on which a party signed, each once, in date order."""
        return tuple(sorted({s.date for s in self.signatories if s.date}))

    @property
    def last_signed(self) -> str | None:
        """When the last party signed: the agreement's date."""
        return self.signing_dates[-1] if self.signing_dates else None


@dataclass(frozen=True)
class Quote:
    """A quotation paragraph (`– Vi behöver ..., berättar Eva.`)."""

    text: str  # the paragraph as written: opening dash and attribution included
    quote: str  # the quoted words only: no opening dash, no attribution
    speaker: str | None  # as written in the attribution: `Eva`
    speaker_name: str | None  # the full name found elsewhere in the article: `Eva Ahlstedt`
    verb: str | None  # `berättar`, `säger`
    attribution: str | None  # as written: `berättar Eva`
    line: int


@dataclass(frozen=True)
class ContactPerson:
    name: str
    organisation: str | None  # register display name (`GR`) or as written
    organisation_written: str | None
    email: str | None
    phone: str | None
    written: str  # the line(s) as written
    line: int
    title: str | None = None  # `Enhetschef, arbetsmarknadsenheten`, as written


ArticleBlock = Paragraph | BulletList | SubHeading | Quote


@dataclass(frozen=True)
class Article:
    """A news article: headline, lead, body, contact, and the site boilerplate kept apart.

    `body` holds the blocks after the lead up to the boilerplate, without the byline and
    contact lines (those are `byline` and `contacts`) and without the site's chrome above
    the headline (`chrome`). `boilerplate` holds the raw lines of
    the site footer (from `Senast uppdaterad:` on, the publisher blurb, social links) so a
    page can hide them; the verbatim original still has them.
    """

    headline: str
    byline: str | None  # `Publicerad 12 mars 2021`, as written
    lead: Paragraph | None
    body: tuple[ArticleBlock, ...]
    contacts: tuple[ContactPerson, ...]
    publisher: str | None  # register display name (`GR`), or as written
    publisher_written: str | None
    boilerplate: tuple[str, ...]
    boilerplate_line: int | None  # the file line on which the boilerplate starts
    byline_line: int | None = None
    # The web site's chrome before the article (skip links, cookie banner, menu,
    # breadcrumbs), kept apart like the boilerplate; the verbatim original still has it.
    chrome: tuple[str, ...] = ()
    published: str | None = None  # ISO date of the `Publicerad` line, if any
    published_line: int | None = None
    published_written: str | None = None  # that line, as written

    @property
    def contact(self) -> ContactPerson | None:
        return self.contacts[0] if self.contacts else None

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return tuple(b for b in self.body if isinstance(b, Quote))
