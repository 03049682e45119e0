"""The document model: small, immutable values produced by the parsers.

Data flows one way: read -> parse -> resolve -> render -> write. The types here are
what parse produces; `resolve` adds corpus-wide identities (slugs, URLs, people).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Mapping


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
    line number within `body` can be reported as a line of the file.
    """

    path: Path
    name: str  # path relative to the source folder, POSIX separators
    raw: str  # the whole decoded file, newlines normalised, BOM removed
    body: str
    meta: Mapping[str, Any]
    first_body_line: int = 1
    encoding: str = "utf-8"

    def file_line(self, body_line: int) -> int:
        return body_line + self.first_body_line - 1


@dataclass(frozen=True)
class DocumentDate:
    """A document's date: ISO prefix (`2023-09-14`, `2023-09` or `2023`) and how it was found."""

    value: str | None
    precision: Precision | None
    inferred: bool
    reason: str

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

    @property
    def anchor(self) -> str:
        return f"beslut-{self.item}-{self.index}"


Block = Paragraph | BulletList | SubHeading | Decision


@dataclass(frozen=True)
class AgendaItem:
    number: int
    title: str
    blocks: tuple[Block, ...]
    line: int

    @property
    def anchor(self) -> str:
        return f"punkt-{self.number}"

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

    def add(self, file: str, line: int | None, level: str, message: str) -> None:
        diagnostic = Diagnostic(file, line, level, message)
        if diagnostic not in self.items:
            self.items.append(diagnostic)

    def error(self, file: str, line: int | None, message: str) -> None:
        self.add(file, line, "error", message)

    def warning(self, file: str, line: int | None, message: str) -> None:
        self.add(file, line, "warning", message)

    def info(self, file: str, line: int | None, message: str) -> None:
        self.add(file, line, "info", message)

    def count(self, level: str) -> int:
        return sum(1 for d in self.items if d.level == level)
