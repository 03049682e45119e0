"""The plain-text layout every reader produces, so every parsing rule applies to every format.

The parsers read the conventions of the hand-copied text files in source/: blocks separated
by blank lines, a heading alone in its block, agenda items `1. Title`, bullets `- item`
(consecutive list items in one block), table rows as tab-separated cells, attendance lines
`Name, Municipality`. A Word, OpenDocument or PDF reader describes what it finds (headings,
paragraphs, list items, tables, page breaks) to a `Layout`, which writes that text.

Tables are written by what they are used for:
- a table whose cells hold several lines (a two-column signature block, an attendance
  table with a `Närvarande` and an `Ej närvarande` column) is layout: read column by
  column, each cell a block, as if the columns had been written one after the other;
- a table of people (the first column names a person in every row; `is_table_of_people`)
  without a header row is an attendance list: one line `Name, rest of the row` per row;
- any other table, a table of people with a header row (`Namn | Kommun | Närvarande`)
  too, is one line per row, cells separated by tabs, as a text file's table: the parser
  reads an attendance table's columns (name, municipality, marks) from its header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A person's name as the first cell of a table row: 2-5 capitalised words, `/` between two people.
_NAME_WORD = r"(?:[A-ZÅÄÖÉÜ][a-zåäöéüß'’]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéüß'’]+)*|af|von|van|de|al|el)"
_PERSON = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}$")
_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f]+")


def clean(text: str) -> str:
    """One line of text: spaces normalised (tabs kept), soft hyphens and zero-width marks removed."""
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    return "\n".join(_SPACES.sub(" ", line).strip(" ") for line in text.split("\n"))


def looks_like_people(cell: str) -> bool:
    parts = [p.strip() for p in cell.split("/")]
    return bool(parts) and all(_PERSON.match(p) for p in parts)


@dataclass
class Layout:
    """Collects blocks in reading order and writes them as the parsers' text."""

    blocks: list[str] = field(default_factory=list)
    _list: list[str] = field(default_factory=list)

    def _flush(self) -> None:
        if self._list:
            self.blocks.append("\n".join(self._list))
            self._list = []

    def paragraph(self, text: str) -> None:
        """A paragraph (or a heading: alone in its block either way); line breaks inside kept."""
        text = clean(text).strip("\n")
        if not text.strip():
            return
        self._flush()
        self.blocks.append(text)

    heading = paragraph

    def list_item(self, marker: str, text: str) -> None:
        """`marker` is `-` for a bullet or the item's number as written (`1.`, `a)`)."""
        text = " ".join(clean(text).split())
        if not text:
            return
        if self._list and (marker == "-") != self._list[-1].startswith("- "):
            self._flush()  # bullets and numbered items are separate lists
        self._list.append(f"{marker} {text}" if marker else text)

    def table(self, rows: list[list[str]]) -> None:
        self._flush()
        for block in table_blocks(rows):
            self.blocks.append(block)

    def page_break(self) -> None:
        """A page break ends a block; the parsers join a sentence it cut in two."""
        self._flush()

    def text(self) -> str:
        self._flush()
        return "\n\n".join(self.blocks) + "\n" if self.blocks else ""


def table_blocks(rows: list[list[str]]) -> list[str]:
    """The blocks a table is written as (see the module docstring)."""
    rows = [[clean(cell).strip("\n") for cell in row] for row in rows]
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    used = [c for c in range(width) if any(row[c].strip() for row in rows)]
    rows = [[row[c] for c in used] for row in rows]
    if any(len([x for x in cell.split("\n") if x.strip()]) > 1 for row in rows for cell in row):
        blocks = []
        for column in range(len(used)):
            for row in rows:
                blocks += _cell_blocks(row[column])
        return blocks
    flat = [[" ".join(cell.split()) for cell in row] for row in rows]
    if is_table_of_people(flat) and split_header(flat)[0] is None:
        return ["\n".join(", ".join(c for c in row if c) for row in flat if any(row))]
    return ["\n".join("\t".join(row) for row in flat)]


def split_header(rows: list[list[str]]) -> tuple[list[str] | None, list[list[str]]]:
    """The header row (a first row whose first cell is not a person) and the rest."""
    if rows and not looks_like_people(rows[0][0]):
        return rows[0], rows[1:]
    return None, rows


def is_table_of_people(rows: list[list[str]]) -> bool:
    """Whether rows of one-line cells are an attendance list: 2-4 columns, and after an
    optional header row the first cell names a person in (nearly) every row. A row like
    `Gunilla Bergström GR | FoU i Väst` still belongs (the parser reads it as in a text file)."""
    columns = sum(any(row[c] for row in rows if c < len(row)) for c in range(max(map(len, rows), default=0)))
    named = [row for row in split_header(rows)[1] if row[0]]
    matching = sum(looks_like_people(row[0]) for row in named)
    return 2 <= columns <= 4 and matching >= 2 and len(named) - matching <= max(1, len(named) // 5)


def _cell_blocks(cell: str) -> list[str]:
    """A layout cell: its empty lines separate blocks, as in the text files."""
    blocks, current = [], []
    for line in cell.split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks
