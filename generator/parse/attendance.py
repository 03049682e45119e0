"""Attendance lists: the NÄRVARANDE / EJ NÄRVARANDE blocks of minutes.

Recognised line shapes (one person or several per line):
    Jacqueline Pejic, Ale                  name, affiliation
    Anna Rieglert, Göteborg (pkt 4)        a note limiting attendance to item 4
    Gunilla Bergström GR, FoU i Väst       the affiliation begins inside the name part
    Veronica Tindvall/Mona Molki, Öckerö   two people, one affiliation
    GR                                      a group heading: the names below belong to it
"""

from __future__ import annotations

import re

from generator.model import HIDDEN_NAME, Affiliation, Attendee, Diagnostics
from generator.parse.blocks import RawBlock
from generator.knowledge.registers import Registers

PRESENT = "present"
ABSENT = "absent"

_HEADINGS = (
    (re.compile(r"^(?:ej närvarande|frånvarande|anmält förhinder|förhinder)\s*:?$", re.IGNORECASE), ABSENT),
    (re.compile(r"^(?:närvarande|deltagare|närvarande ledamöter)\s*:?$", re.IGNORECASE), PRESENT),
)
_NOTE = re.compile(r"\s*\(([^)]*)\)\s*$")
_ITEM_NUMBERS = re.compile(r"\b(?:pkt|punkt|p\.|§)\s*([\d\s,–\-och]+)", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-ZÅÄÖÉÜ][a-zåäöéüß'’]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéüß'’]+)*|af|von|van|de|al|el)$")


def attendance_status(line: str) -> str | None:
    """`present`/`absent` when the line heads an attendance list."""
    for pattern, status in _HEADINGS:
        if pattern.match(line.strip()):
            return status
    return None


def looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and all(_NAME_WORD.match(w) for w in words) and words[0][0].isupper()


def item_numbers(note: str) -> tuple[int, ...]:
    """`pkt 4` -> (4,); `pkt 2-3` -> (2, 3); `punkt 4 och 6` -> (4, 6)."""
    match = _ITEM_NUMBERS.search(note)
    if not match:
        return ()
    numbers: set[int] = set()
    for part in re.split(r",|och", match.group(1)):
        bounds = [int(n) for n in re.findall(r"\d+", part)]
        if len(bounds) == 2 and bounds[0] <= bounds[1] <= bounds[0] + 30:
            numbers.update(range(bounds[0], bounds[1] + 1))
        else:
            numbers.update(bounds)
    return tuple(sorted(numbers))


class AttendanceParser:
    """Reads the lines of attendance blocks; the minutes parser feeds it block by block."""

    def __init__(self, registers: Registers, diagnostics: Diagnostics, file: str, file_line) -> None:
        self.registers = registers
        self.diagnostics = diagnostics
        self.file = file
        self.file_line = file_line
        self.attendees: list[Attendee] = []

    def is_group_heading(self, block: RawBlock) -> bool:
        """A single line naming a municipality or organisation, with no person in it."""
        if len(block.lines) != 1 or "," in block.first:
            return False
        line = block.first
        return self._resolves(line) and not looks_like_name(line)

    def _resolves(self, text: str) -> bool:
        return self.registers.affiliation(text).kind != "unknown"

    def add_block(self, block: RawBlock, status: str, group: Affiliation | None) -> None:
        for offset, line in enumerate(block.lines):
            self.add_line(line, status, group, block.line + offset)

    def add_line(self, line: str, status: str, group: Affiliation | None, number: int) -> None:
        written = line
        note = None
        match = _NOTE.search(line)
        if match:
            note = match.group(1).strip()
            line = line[: match.start()].rstrip()
        names_part, affiliation_text = self._split_affiliation(line)
        affiliation = self.registers.affiliation(affiliation_text) if affiliation_text else group
        if affiliation is None:
            self.diagnostics.warning(self.file, self.file_line(number),
                                     f"närvarorad utan kommun eller organisation: \"{written}\"")
        names = [n.strip() for n in re.split(r"\s*/\s*", names_part) if n.strip()]
        for name in names:
            if name != HIDDEN_NAME and not looks_like_name(name):
                self.diagnostics.warning(self.file, self.file_line(number),
                                         f"\"{name}\" ser inte ut som ett namn (förnamn efternamn)")
            self.attendees.append(Attendee(
                name=name, status=status, affiliation=affiliation, note=note,
                items=item_numbers(note) if note else (), line=self.file_line(number), written=written,
            ))

    def _split_affiliation(self, line: str) -> tuple[str, str | None]:
        """(names, affiliation as written). The affiliation may start inside the name part."""
        head, _, tail = line.partition(",")
        head, tail = head.strip(), tail.strip()
        words = head.split()
        # `Gunilla Bergström GR, FoU i Väst`: trailing words of the name part that resolve
        # to an organisation or municipality belong to the affiliation.
        for cut in range(1, len(words)):
            rest = " ".join(words[cut:])
            if looks_like_name(" ".join(words[:cut])) and self._resolves(rest) and not looks_like_name(head):
                return " ".join(words[:cut]), ", ".join(p for p in (rest, tail) if p)
        return head, tail or None
