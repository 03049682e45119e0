"""Attendance: who attended a meeting and who did not, with affiliation, role and party.

The headings, table columns, role words and parties come from `data/protokoll.yml`. Read
forms (one person or several per line; bullets before a name are ignored):

    Jacqueline Pejic, Ale                          name, affiliation
    Anna Berg (Ale)   /   Anna Berg – Ale           affiliation in parentheses or after a dash
    Kristoffer Ahlin<TAB>Halmstad                  a table row without a header
    Ulla-Britt Hagman (S), ordförande, Borås       party, role, affiliation (any order)
    Fredrik Alm, förbundsdirektör, Sjuhärads ...   a job title is neither role nor affiliation
    Anna Rieglert, Göteborg (pkt 4)                a note limiting attendance to item 4
                                                   (`ej pkt 3`, `från pkt 3`: a note naming no items)
    Ordförande Eva Lund, Lerum                     a role before the name
    Karl Ek och Lisa Holm, Mölndal                 two people, one affiliation
    Roland Ek (L), Vårgårda, ersätter B Lund (L)   whom someone replaces is a note, dropped
    Veronica Tindvall/Mona Molki, Öckerö           two people, one affiliation
    Gunilla Bergström GR, FoU i Väst               the affiliation begins inside the name part
    GR:  /  Från Arbetsförmedlingen:               a group heading: the names below belong to it
    Eva Lund (Ale), Omar Haddad och Stina Larsson (Göteborg), ...   one running paragraph
    Eva Lund, Omar Haddad (Ale), Stina Larsson (S), Per Ek          (names since the previous
                                                   parentheses share them; a party is a party)
    Namn<TAB>Kommun<TAB>Närvarande<TAB>Frånvarande  a table: header row, then marks per row

A candidate becomes an attendee only if it looks like a personal name (2-4 capitalised
words, hyphens allowed, no digits, not an organisation or municipality); anything else
in an attendance list is reported with its line and never becomes a person. A label that
opens another part of the header (`Plats:`, `Justeras`, `Sekreterare:`, `Vid pennan:`)
ends the list; it is no group heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.knowledge.minutes_terms import AttendanceHeading, MinutesTerms
from generator.knowledge.registers import Registers
from generator.model import HIDDEN_NAME, Affiliation, Attendee, Diagnostics
from generator.parse.normalise import is_table_rule

PRESENT = "present"
ABSENT = "absent"

_NOTE = re.compile(r"\s*\(([^()]*)\)\s*\.?$")
_NOTE_WORDS = re.compile(r"\d|\b(?:pkt|punkt|p\.|§|del av|från|till|kl\.?|fr\.?o\.?m|t\.?o\.?m|ej|endast|digitalt|via)\b",
                         re.IGNORECASE)
_ITEM_NUMBERS = re.compile(r"(?:\b(?:pkt|punkt|p\.)|§)\s*([\d\s,–\-och]+)", re.IGNORECASE)
# `pkt 2 till 4`, `pkt 2 t.o.m. pkt 4`: the words of a range between two item numbers
_ITEM_RANGE_WORDS = re.compile(r"(?<=\d)\s+(?:till(?:\s+och\s+med)?|t\.?\s?o\.?\s?m\.?)\s+(?:(?:pkt|punkt|p\.|§)\s*)?(?=\d)",
                               re.IGNORECASE)
_EXCLUDING = re.compile(r"\b(?:ej|inte|utom|förutom)\b", re.IGNORECASE)
_OPEN_ENDED = re.compile(r"\b(?:från|fr\.?\s?o\.?\s?m\.?|efter|till(?:\s+och\s+med)?|t\.?\s?o\.?\s?m\.?|före|innan)\s*$",
                         re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-–—•·▪*]\s*")
_DASH = re.compile(r"\s+[–—-]\s+")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.]*(?:-[^\W\d_][^\W\d_'’]*)*$")
_PARTICLES = {"af", "von", "van", "de", "der", "den", "al", "el", "da", "di", "du", "la", "le", "bin", "ibn", "ben"}
_IN_PARENTHESES = re.compile(r"\s*\(([^()]+)\)")
_PARAGRAPH_ENTRY = re.compile(r"(?P<names>[^,;()]+?)\s*\((?P<inside>[^()]+)\)")
_AND = re.compile(r"\s*,\s*|\s+och\s+|\s+samt\s+")


def _paragraph_names(text: str) -> list[str]:
    """`, Birgitta Holmqvist och Stina Larsson ` -> [`Birgitta Holmqvist`, `Stina Larsson`]."""
    text = re.sub(r"^(?:[\s,;.]|och\s|samt\s)+", "", text).rstrip(" ,;.")
    return [name.strip() for name in _AND.split(text) if name.strip()]


def looks_like_name(text: str) -> bool:
    """2-4 words, each capitalised (hyphens and particles such as `af` or `von` allowed),
    no digits, not an abbreviation."""
    words = text.split()
    if not 2 <= len(words) <= 4 or not words[0][0].isupper():
        return False
    for word in words:
        if word.lower() in _PARTICLES:
            continue
        if not _NAME_WORD.match(word) or not word[0].isupper() or (len(word) > 1 and word.isupper()):
            return False
    return True


def item_numbers(note: str) -> tuple[int, ...]:
    """`pkt 4` -> (4,); `pkt 2-3` and `från pkt 2 till 3` -> (2, 3); `punkt 4 och 6` -> (4, 6);
    `§ 47` -> (47,). A note that excludes items (`ej pkt 3`, `utom § 4`) or leaves the range
    open (`från pkt 3`, `till och med punkt 2`) names no items the person attended: ()."""
    note = _ITEM_RANGE_WORDS.sub("-", note)
    match = _ITEM_NUMBERS.search(note)
    if not match:
        return ()
    before = note[: match.start()]
    if _EXCLUDING.search(before):
        return ()
    numbers: set[int] = set()
    ranged = False
    for part in re.split(r",|och", match.group(1)):
        bounds = [int(n) for n in re.findall(r"\d+", part)]
        if len(bounds) == 2 and bounds[0] <= bounds[1] <= bounds[0] + 30:
            numbers.update(range(bounds[0], bounds[1] + 1))
            ranged = True
        else:
            numbers.update(bounds)
    if _OPEN_ENDED.search(before) and not ranged:
        return ()
    return tuple(sorted(numbers))


@dataclass(frozen=True)
class Columns:
    """Which cells of an attendance table's rows hold what (by index)."""

    name: int
    affiliation: int | None
    present: int | None
    absent: int | None


@dataclass(frozen=True)
class Entry:
    """One person of an attendance line, before it is checked to be a name."""

    name: str
    affiliation: Affiliation | None
    role: str | None
    party: str | None
    note: str | None


class AttendanceReader:
    """Reads attendance headings, lines, paragraphs and tables; collects the attendees."""

    def __init__(self, terms: MinutesTerms, registers: Registers, diagnostics: Diagnostics, file: str,
                 file_line) -> None:
        self.terms = terms
        self.registers = registers
        self.diagnostics = diagnostics
        self.file = file
        self.file_line = file_line
        self.attendees: list[Attendee] = []

    # --- what a line is -------------------------------------------------------------------

    def heading(self, line: str) -> tuple[AttendanceHeading, str] | None:
        """(the heading's meaning, the rest of the line after `Heading:`) or None."""
        match = self.terms.heading.match(line.strip())
        if not match:
            return None
        meaning = self.terms.headings[" ".join(match.group("heading").casefold().split())]
        return meaning, (match.group("rest") or "").strip()

    def group(self, line: str) -> Affiliation | None:
        """The affiliation a group heading (`GR`, `GR:`, `Från Arbetsförmedlingen:`) gives
        to the names below it, or None when the line is no group heading."""
        text = _BULLET.sub("", line).strip()
        if "," in text or "\t" in text or len(text) > 60 or self.closes_list(text):
            return None
        colon = text.endswith(":")
        text = text.rstrip(":").strip()
        text = re.sub(r"^(?:från|för|representanter\s+(?:för|från))\s+", "", text, flags=re.IGNORECASE)
        if not text:
            return None
        affiliation = self.registers.affiliation(text)
        if affiliation.kind != "unknown":  # a known name wins over its look (`Västra Götalandsregionen`)
            return affiliation
        if looks_like_name(text):
            return None
        return Affiliation(written=text, name=text, kind="unknown") if colon and text[0].isupper() else None

    def closes_list(self, line: str) -> bool:
        """A label that opens something else than attendance (`Plats: ...`, `Justeras`,
        `Sekreterare:`, `Vid pennan: ...`, `Beslut:`, `Dagordning`): the list has ended, and the line is
        neither a group heading nor a person. A signature or note-taker label counts alone
        on its line or before a colon (`Ordförande Anna Berg, Ale` is an attendee's line)."""
        text = _BULLET.sub("", line).strip()
        terms = self.terms
        if terms.header_label.match(text) or terms.decision_label.match(text) or terms.proposal_label.match(text):
            return True
        if terms.document_type.fullmatch(text.rstrip(":")):
            return True  # `Dagordning`: the agenda follows
        signature = terms.signature.match(text)
        if signature and (signature.group(0).rstrip().endswith(":") or not text[signature.end():].strip()):
            return True
        note_taker = terms.note_taker.match(text)
        return bool(note_taker) and text[note_taker.end("label"):].lstrip()[:1] in ("", ":")

    def table_columns(self, line: str) -> Columns | None:
        """The columns of an attendance table, when `line` is its header row."""
        cells = [" ".join(c.casefold().split()).rstrip(":") for c in line.split("\t")]
        if len(cells) < 2:
            return None
        found: dict[str, int] = {}
        for index, cell in enumerate(cells):
            for kind, words in (("name", self.terms.name_columns), ("affiliation", self.terms.affiliation_columns),
                                ("present", self.terms.present_columns), ("absent", self.terms.absent_columns)):
                if cell in words and kind not in found:
                    found[kind] = index
        if "name" not in found or len(found) < 2:
            return None
        return Columns(found["name"], found.get("affiliation"), found.get("present"), found.get("absent"))

    # --- reading ------------------------------------------------------------------------------

    def add_table_row(self, line: str, columns: Columns, number: int, status: str, role: str | None,
                      group: Affiliation | None) -> bool:
        """One row of a table with a header; False when the line is no such row. Its mark
        columns say who attended; a table without them lists people of `status` (the
        heading above it: `Närvarande`, `Anmält förhinder`)."""
        if is_table_rule(line):
            return True
        cells = [c.strip() for c in line.split("\t")]
        if "\t" not in line:  # a name alone: the row's empty cells after it, tabs dropped on the way
            if columns.name != 0 or not looks_like_name(cells[0]):
                return False
        elif len(cells) <= columns.name:
            return False
        name = cells[columns.name]

        def cell(index: int | None) -> str:
            return cells[index] if index is not None and index < len(cells) else ""

        present_mark, absent_mark = cell(columns.present), cell(columns.absent)
        if columns.absent is not None and self._marked(absent_mark):
            status = ABSENT
        elif columns.present is not None:
            status = PRESENT if self._marked(present_mark) else ABSENT
        written = cell(columns.affiliation)
        affiliation = self.registers.affiliation(written) if written else group
        entry = Entry(name, affiliation, role, None, None)
        self._add([entry], status, number, line)
        return True

    def _marked(self, cell: str) -> bool:
        return " ".join(cell.casefold().split()) in self.terms.marks

    def add_line(self, line: str, number: int, status: str, role: str | None, group: Affiliation | None) -> bool:
        """The people of one attendance line; False when the line holds no one (the list
        has ended), so the caller can read it as something else."""
        key = " ".join(line.strip(" .:;-–—•·▪*").casefold().split())
        if not key or key in self.terms.no_one:
            return True  # `Frånvarande: Inga` or `–`: nobody, and nothing to report
        entries = self.entries(line, role, group)
        if not entries:
            return False
        self._add(entries, status, number, line)
        return True

    def entries(self, line: str, role: str | None, group: Affiliation | None) -> list[Entry]:
        text = self.terms.replaces.sub("", _BULLET.sub("", line).strip()).strip().rstrip(".;")
        if not text:
            return []
        if len(_PARAGRAPH_ENTRY.findall(text)) >= 2:
            return self._paragraph(text, role, group)
        return self._one_line(text, role, group)

    def _paragraph(self, text: str, role: str | None, group: Affiliation | None) -> list[Entry]:
        """`Eva Lund (Ale), Birgitta Holmqvist och Stina Larsson (Göteborg) och Kristina Palm (GR)`:
        the affiliation in parentheses belongs to every name since the previous parentheses
        (`Eva Lund, Anna Berg (Ale)`); a party in parentheses (`Anna Berg (S)`) to the name
        right before it. Names after the last parentheses have the group's affiliation."""
        found: list[Entry] = []
        start = 0
        for match in _IN_PARENTHESES.finditer(text):
            names = _paragraph_names(text[start:match.start()])
            start = match.end()
            inside = " ".join(match.group(1).split())
            if self.terms.party.fullmatch(f"({inside})"):
                found.extend(Entry(name, group, role, None, None) for name in names[:-1])
                if names:
                    found.append(Entry(names[-1], group, role, inside, None))
                continue
            affiliation = self.registers.affiliation(inside)
            found.extend(Entry(name, affiliation, role, None, None) for name in names)
        found.extend(Entry(name, group, role, None, None) for name in _paragraph_names(text[start:]))
        return found

    def _one_line(self, text: str, default_role: str | None, group: Affiliation | None) -> list[Entry]:
        terms = self.terms
        note = None
        match = _NOTE.search(text)
        if match and _NOTE_WORDS.search(match.group(1)) and not terms.party.fullmatch(f"({match.group(1)})"):
            note = match.group(1).strip()
            text = text[: match.start()].rstrip(" ,")
        if "\t" in text:
            parts = [p.strip() for p in text.split("\t") if p.strip()]
        else:
            dash = _DASH.split(text, maxsplit=1)
            if len(dash) == 2 and "," not in dash[0]:
                parts = [dash[0].strip(), *(p.strip() for p in dash[1].split(","))]
            else:
                parts = [p.strip() for p in text.split(",")]
        parts = [p for p in parts if p]
        if not parts:
            return []
        names_part, rest = parts[0], parts[1:]
        party = None
        found_party = terms.party.search(names_part)
        if found_party:
            party = found_party.group("party")
            names_part = terms.party.sub("", names_part).strip()
        affiliation: Affiliation | None = None
        inside = _IN_PARENTHESES.search(names_part)
        if inside:
            names_part = _IN_PARENTHESES.sub("", names_part).strip()
            if terms.role.match(" ".join(inside.group(1).split())):
                rest.insert(0, inside.group(1))
            else:
                resolved = self.registers.affiliation(inside.group(1).strip())
                if resolved.kind != "unknown" or not rest:
                    affiliation = resolved
        names_part, spilled = self._name_and_spill(names_part)
        if spilled:
            rest.insert(0, spilled)
        role = None
        names_part, leading = self._leading_role(names_part)
        if leading:
            role = leading
        titles: list[str] = []
        for part in rest:
            part = terms.party.sub("", part).strip()
            inner = _IN_PARENTHESES.search(part)
            if inner and terms.role.match(" ".join(inner.group(1).casefold().split())):
                role = role or " ".join(inner.group(1).casefold().split())  # `Kungälv (ordförande)`
                part = _IN_PARENTHESES.sub("", part).strip()
            elif inner and self.registers.affiliation(inner.group(1)).kind == "unknown":
                part = _IN_PARENTHESES.sub("", part).strip()  # `Göteborg (SDF Angered)`: a unit, dropped
            key = " ".join(part.casefold().split())
            if terms.role.match(key):
                role = role or key
                continue
            resolved = self.registers.affiliation(part)
            if resolved.kind == "unknown":
                titles.append(part)
            elif affiliation is None:
                affiliation = resolved
            elif resolved.unit and resolved.name == affiliation.name and not affiliation.unit:
                # `GR, FoU i Väst`: the unit says more than the organisation it belongs to
                affiliation = Affiliation(f"{affiliation.written}, {resolved.written}", resolved.name,
                                          resolved.kind, resolved.unit)
        if affiliation is None and titles:
            # no part is a known municipality or organisation: a capitalised one is an
            # organisation the registers lack; a lower-case one is a job title
            written = next((t for t in reversed(titles) if t[:1].isupper()), None)
            if written is not None and (group is None or written != titles[0] or len(titles) > 1):
                affiliation = self.registers.affiliation(written)
        if affiliation is None:
            affiliation = group
        names = [n.strip() for n in re.split(r"\s*/\s*", names_part) if n.strip()]
        if len(names) == 1:
            pair = [n.strip() for n in re.split(r"\s+(?:och|samt)\s+", names[0])]
            if len(pair) > 1 and all(looks_like_name(n) for n in pair):
                names = pair  # `Karl Ek och Lisa Holm, Mölndal`: two people, one affiliation
        return [Entry(name, affiliation, role or default_role, party, note) for name in names]

    def _leading_role(self, names_part: str) -> tuple[str, str | None]:
        """`Ordförande Eva Lund`: a role written before the name is the role, not part of it."""
        words = names_part.split()
        for cut in range(min(3, len(words) - 2), 0, -1):
            head = " ".join(words[:cut]).casefold()
            if self.terms.role.match(head) and looks_like_name(" ".join(words[cut:])):
                return " ".join(words[cut:]), head
        return names_part, None

    def _name_and_spill(self, names_part: str) -> tuple[str, str | None]:
        """`Gunilla Bergström GR`: trailing words of the name part that name an organisation
        or municipality belong to the affiliation."""
        words = names_part.split()
        if looks_like_name(names_part):
            return names_part, None
        for cut in range(2, len(words)):
            head, tail = " ".join(words[:cut]), " ".join(words[cut:])
            if looks_like_name(head) and self.registers.affiliation(tail).kind != "unknown":
                return head, tail
        return names_part, None

    def _add(self, entries: list[Entry], status: str, number: int, written: str) -> None:
        for entry in entries:
            name = " ".join(entry.name.split())
            if name != HIDDEN_NAME and not self._is_person(name):
                self.diagnostics.warning(self.file, self.file_line(number),
                                         f"\"{name}\" i närvarolistan ser inte ut som ett namn (förnamn "
                                         f"efternamn) – ingen person skapas")
                continue
            self.attendees.append(Attendee(
                name=name, status=status, affiliation=entry.affiliation, note=entry.note,
                items=item_numbers(entry.note) if entry.note else (), line=self.file_line(number),
                written=written.strip(), role=entry.role, party=entry.party,
            ))

    def _is_person(self, name: str) -> bool:
        if not looks_like_name(name):
            return False
        if self.heading(name) is not None or self.terms.header_label.match(name + ":"):
            return False
        return self.registers.affiliation(name).kind == "unknown"
