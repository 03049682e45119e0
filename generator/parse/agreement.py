"""Agreements (överenskommelser): the full structure of an agreement's text.

`parse_agreement` reads the same numbered sections as `Document.sections` (see
sections.py, anchors `avsnitt-N`) and fills them with richer blocks:

- tables: runs of tab-separated lines (header, rows, numeric columns, totals row);
- numbered lists (`1. 50% av de som ...`): the goals and follow-up points;
- local passages: text about particular municipalities, written as a label
  (`Svenljunga/Tranemo: ...`) or as a heading line (`Mark`, `Marks kommun`) above paragraphs;
- job-track commitments under a heading like `Åtagande om lokala jobbspår`
  (`Ulricehamn: Planerar för vård och omsorg, lokalvård samt betong`);
- signatures, paired with their place and date by the queue rule below.

Around that: the parties (a `Parter` section, one party a line or a list, or a sentence
`... tecknad mellan A, B och C`, `Mellan A och B har ...`), the purpose, the target-group
text, and the revision rule (validity period `gäller från och med ... till och med ...`,
how often, which month, the first revision after the last signature). Sections are
numbered (`1. Parter`, `§ 1 Parter`) or, in a text without numbers, titled (`Parter`,
`Giltighet`; see `agreement_sections`). The heading words of agreements are in
`data/kind_cues.yml`.

Every Swedish word the rules use is in `data/agreement_terms.yml`. Nothing is specific to
one document.

PAIRING SIGNATURES WITH PLACE AND DATE (a queue rule, not positions)
The signature part is read line by line as a stream of events: place/date lines (one
line may hold several `Ort datum` entries when two columns were flattened:
`Mark 2020-10-18 Svenljunga 2020-10-14`), form labels (`Ort & datum`), `För <part>` lines,
and name blocks (a name line and the title/affiliation lines under it).
- Each place/date entry, left to right, goes to the oldest name block still waiting for
  one; if none waits, it joins the queue of open dates.
- Each name block takes the oldest open date. If there is none, it waits for the next
  date (layouts with the date under the name) - unless a form label that does not belong
  to a date line (it does not directly follow one) stood since the previous name: then
  this signer's date field was left empty, and the name does not wait.
So two flattened columns pair first-with-first and second-with-second, single-column
layouts with the date above or below the name both work, and an empty date field does not
shift every later pair. Dates or names left over are reported.

Before the queue rule, a block written in columns - cells separated by tabs (a table
copied from Word, or a Markdown table) or by wide runs of spaces (a PDF copy) - is read
column by column, so each signer's lines stay together. Form fields are read with their
values (`Ort och datum: Borås 2021-03-04`, `Ort: Borås` + `Datum: ...`, `Namn: ...`,
`Titel: ...`); signature lines (`______`, `......`) are skipped. A title followed by a
unit in lower case (`Förvaltningschef, sektor för socialtjänst`) keeps the unit; an
organisation after the comma (`Sektorchef, Lerums kommun`) is the affiliation, else the
party of the `För ...` line above.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from dataclasses import dataclass, field, replace
from typing import Any


# The date grammar (ISO, `12 mars 2021`, `12/3 2021`) is the one of generator/dates.py,
# reused rather than written twice.
from generator.knowledge.datafiles import phrase_alternation
from generator.parse.dates import _full_dates, _Text
from generator.model import (
    Affiliation, Agreement, AgreementSection, BulletList, Diagnostics, JobTrackCommitment, LocalPassage,
    NumberedItem, NumberedList, Paragraph, Party, RevisionRule, Signatory, SourceFile, SubHeading, Table,
    TableRow,
)
from generator.parse.blocks import RawBlock, bullet_text, content_blocks, split_blocks
from generator.parse.normalise import is_table_rule
from generator.parse.sections import SectionedText, parse_sections
from generator.knowledge import Knowledge
from generator.knowledge.agreement_terms import AgreementTerms
from generator.knowledge.registers import MUNICIPALITY, ORGANISATION, UNKNOWN

_NUMBERED = re.compile(r"^(?P<num>\d{1,2})[.)]\s+(?P<text>\S.*)$")
_SENTENCE_END = re.compile(r"[.!?:;…]['\"”’)\]]*$")
_INTERNAL_SENTENCE = re.compile(r"[.!?]\s")
_INLINE_LABEL = re.compile(r"^(?P<label>[^:\n]{2,60}?)\s*:\s+(?P<rest>\S.*)$", re.DOTALL)
_HEADING_MAX_WORDS = 20
_LABEL_MAX_WORDS = 6
_TITLE_MAX_WORDS = 6
_PARTICLES = {"af", "von", "van", "de", "der", "den", "al", "el", "da", "di", "du", "la", "le", "bin"}


# --- helpers on text -----------------------------------------------------------------------


def _unwrap(text: str) -> str:
    """Hard-wrapped lines of one paragraph joined with single spaces."""
    return " ".join(part.strip() for part in text.split("\n") if part.strip())


def _heading_like(line: str) -> bool:
    """A line standing alone that reads as a heading: no closing or inner sentence punctuation."""
    words = line.split()
    return (
        0 < len(words) <= _HEADING_MAX_WORDS
        and line[:1].isupper()
        and not re.search(r"[.,;:!?…]$", line)
        and not _INTERNAL_SENTENCE.search(line)
        and "\t" not in line
        and bullet_text(line) is None
    )


def _number(cell: str) -> float | None:
    """`1 681`, `12,5`, `60%`, `−3` -> a number; anything else None."""
    text = cell.strip().replace("\u00a0", "").replace(" ", "").replace("−", "-").rstrip("%")
    if not re.fullmatch(r"-?\d+(?:[.,]\d+)?", text):
        return None
    return float(text.replace(",", "."))


def _is_blank_cell(cell: str) -> bool:
    return cell.strip() in ("", "-", "–", "—", "..", "…")


def _table_line(line: str) -> bool:
    return "\t" in line.strip() or (line.strip().startswith("|") and line.count("|") >= 3)


def _cells(original: str) -> list[str]:
    text = original.strip(" \r\n")
    if "\t" in text:
        return [c.strip() for c in text.split("\t")]
    return [c.strip() for c in text.strip().strip("|").split("|")]


# --- the parser ----------------------------------------------------------------------------


@dataclass
class _Item:
    """A rich block on its way into a section, with what grouping needs to know."""

    block: Any
    raw: str = ""  # a paragraph's text before its hard-wrapped lines are joined


@dataclass
class _Passage:
    written: str
    municipalities: tuple[str, ...]
    organisation: str | None
    line: int
    topic: str | None
    blocks: list[Any] = field(default_factory=list)


@dataclass
class _NameBlock:
    name: str
    title_lines: list[str]
    line: int
    written: list[str]
    place: str | None = None
    place_written: str | None = None
    date: str | None = None
    date_line: int | None = None
    party: Affiliation | None = None


@dataclass(frozen=True)
class _DateEntry:
    place: str | None
    date: str
    written: str
    line: int


class _AgreementParser:
    def __init__(self, source: SourceFile, knowledge: Knowledge, diagnostics: Diagnostics,
                 sectioned: SectionedText | None) -> None:
        self.source = source
        self.registers = knowledge.registers
        self.cues = knowledge.date_cues
        self.diagnostics = diagnostics
        self.terms = knowledge.agreement_terms
        self.body_lines = source.body.split("\n")
        self.sectioned = sectioned if sectioned is not None else agreement_sections(source, knowledge)

    # --- top level ----------------------------------------------------------------------

    def parse(self) -> Agreement:
        text = self.sectioned
        preamble_raw, sections_raw = self._partition(split_blocks(self.source.body))
        roles = [self._role(s.title) for s in text.sections]
        containers: list[tuple[Any, str | None, list[RawBlock]]] = [(None, None, preamble_raw)]
        containers += [(s, role, raw) for s, role, raw in zip(text.sections, roles, sections_raw)]
        read: list[list[Any]] = []
        for index, (section, role, raw) in enumerate(containers):
            last = index == len(containers) - 1
            commitments = bool(section is not None and self.terms.commitment_heading.search(section.title))
            if role == "signatures":
                blocks = self._read_signature_section(raw, commitments)
            elif last:
                start = self._signature_start(raw)
                blocks = self._read(raw[:start], role, commitments)
                if start < len(raw):
                    blocks += self._read_signatures(raw[start:])
            else:
                blocks = self._read(raw, role, commitments)
            read.append(blocks)
        preamble = tuple(read[0])
        sections = tuple(
            AgreementSection(s.number, s.title, role, tuple(blocks), s.line)
            for s, role, blocks in zip(text.sections, roles, read[1:])
        )
        title = " ".join(p for p in (text.heading, text.subtitle) if p) or "Överenskommelse"
        agreement = Agreement(
            title=title, subtitle=text.subtitle,
            parties=self._parties(preamble, sections, sections_raw),
            preamble=preamble, sections=sections,
            purpose=self._purpose(sections),
            goals=self._numbered_items(sections, "goals"),
            target_group=self._target_group(sections),
            follow_up=self._numbered_items(sections, "follow_up"),
            revision=None,
        )
        revision = self._revision(agreement)
        if revision is not None:
            agreement = replace(agreement, revision=revision)
        self._check_signatories(agreement)
        return agreement

    def _partition(self, raw: list[RawBlock]) -> tuple[list[RawBlock], list[list[RawBlock]]]:
        """The raw blocks before the first section, and those of each section (its heading removed)."""
        text = self.sectioned
        if text.heading is not None and raw and raw[0].first == text.heading:
            first = raw[0]
            rest = first.lines[1:]
            raw = ([RawBlock(rest, first.line + 1)] if rest else []) + raw[1:]
            if text.subtitle is not None and not rest and raw and raw[0].first == text.subtitle \
                    and len(raw[0].lines) == 1:
                raw = raw[1:]
        starts = {s.line for s in text.sections}
        preamble: list[RawBlock] = []
        sections: list[list[RawBlock]] = []
        for block in raw:
            if self.source.file_line(block.line) in starts and len(sections) < len(text.sections):
                sections.append([])
                if len(block.lines) > 1:
                    sections[-1].append(RawBlock(block.lines[1:], block.line + 1))
                continue
            (sections[-1] if sections else preamble).append(block)
        while len(sections) < len(text.sections):
            sections.append([])
        return preamble, sections

    def _role(self, title: str) -> str | None:
        key = " ".join(title.lower().split()).strip(" :.")
        for role, phrases in self.terms.roles:
            if key in phrases:
                return role
        for role, phrases in self.terms.roles:
            if any(re.search(phrase_alternation([p]), key) for p in phrases):
                return role
        return None

    # --- reading a section's blocks -------------------------------------------------------

    def _read(self, raw: list[RawBlock], role: str | None, commitments: bool = False) -> list[Any]:
        items: list[_Item] = []
        for index, block in enumerate(raw):
            for item in self._items(block, is_last=index == len(raw) - 1):
                previous = items[-1].block if items else None
                if isinstance(item.block, BulletList) and isinstance(previous, BulletList):
                    # a list continued after blank lines (or a page break) is one list
                    items[-1] = _Item(BulletList(previous.items + item.block.items, previous.line))
                    continue
                if isinstance(item.block, Table) and isinstance(previous, Paragraph) \
                        and items[-1].raw.rstrip().endswith(":"):
                    item = _Item(replace(item.block, caption=_unwrap(items[-1].raw)))
                items.append(item)
        return self._group(items, role, commitments)

    def _file_line(self, body_line: int) -> int:
        return self.source.file_line(body_line)

    def _original(self, body_line: int, stripped: str) -> str:
        """The source line with its tabs (split_blocks strips them at the ends)."""
        if 1 <= body_line <= len(self.body_lines) and self.body_lines[body_line - 1].strip() == stripped:
            return self.body_lines[body_line - 1]
        return stripped

    def _items(self, block: RawBlock, is_last: bool) -> list[_Item]:
        """One raw block -> rich blocks: table runs, numbered lists and ordinary content."""
        segments: list[tuple[str, list[tuple[int, str]]]] = []
        for offset, line in enumerate(block.lines):
            number = block.line + offset
            if _table_line(self._original(number, line)):
                kind = "table"
            elif _NUMBERED.match(line):
                kind = "numbered"
            elif segments and segments[-1][0] == "numbered" and line[:1].islower():
                kind = "numbered"  # an item's text continued on the next line
            else:
                kind = "other"
            if segments and segments[-1][0] == kind:
                segments[-1][1].append((number, line))
            else:
                segments.append((kind, [(number, line)]))
        # A lone tab-separated line is not a table.
        segments = [("other" if kind == "table" and len(lines) < 2 else kind, lines) for kind, lines in segments]
        items: list[_Item] = []
        single = len(block.lines) == 1
        for kind, lines in segments:
            if kind == "table":
                items.append(_Item(self._table(lines)))
            elif kind == "numbered":
                items.append(_Item(self._numbered(lines)))
            else:
                if len(lines) > 1 and self.terms.commitment_heading.search(lines[0][1]) \
                        and (_heading_like(lines[0][1]) or lines[0][1].endswith(":")):
                    # `Åtagande om lokala jobbspår` with the commitments right below it
                    number, line = lines[0]
                    items.append(_Item(SubHeading(line, self._file_line(number))))
                    lines = lines[1:]
                sub = RawBlock(tuple(line for _, line in lines), lines[0][0])
                for b in content_blocks(sub):
                    b = _relined(b, self._file_line(b.line))
                    if isinstance(b, Paragraph):
                        if single and not is_last and _heading_like(b.text):
                            # a long title on a line of its own (`Samverkan om deltagare i ...`)
                            items.append(_Item(SubHeading(b.text, b.line)))
                        else:
                            items.append(_Item(b, raw=b.text))
                    else:
                        items.append(_Item(b))
        return items

    def _numbered(self, lines: list[tuple[int, str]]) -> NumberedList:
        items: list[NumberedItem] = []
        for number, line in lines:
            match = _NUMBERED.match(line)
            if match:
                items.append(NumberedItem(int(match.group("num")), match.group("text").strip(), self._file_line(number)))
            elif items:
                last = items[-1]
                items[-1] = NumberedItem(last.number, f"{last.text} {line.strip()}", last.line)
        return NumberedList(tuple(items), items[0].line)

    def _table(self, lines: list[tuple[int, str]]) -> Table:
        rows = [(_cells(self._original(number, line)), number) for number, line in lines]
        width = max(len(cells) for cells, _ in rows)
        rows = [(cells + [""] * (width - len(cells)), number) for cells, number in rows]
        first = rows[0][0]
        has_header = any(not _is_blank_cell(c) and _number(c) is None for c in first[1:]) or \
            all(_number(c) is None for c in first)
        header = tuple(first) if has_header else ()
        body = rows[1:] if has_header else rows
        table_rows: list[TableRow] = []
        for cells, number in body:
            label = cells[0]
            is_total = bool(label and self.terms.total_label.match(label))
            municipality = None
            if label and not is_total:
                found = self.registers.municipality(label)
                municipality = found.name if found else None
            table_rows.append(TableRow(tuple(cells), self._file_line(number), is_total, municipality))
        numeric: list[int] = []
        for column in range(width):
            values = [r.cells[column] for r in table_rows if not _is_blank_cell(r.cells[column])]
            if values and all(_number(v) is not None for v in values):
                numeric.append(column)
        table = Table(header, tuple(table_rows), tuple(numeric), self._file_line(rows[0][1]))
        self._check_totals(table)
        return table

    def _check_totals(self, table: Table) -> None:
        total = table.total_row
        if total is None:
            return
        for column in table.numeric_columns:
            stated = _number(total.cells[column]) if not _is_blank_cell(total.cells[column]) else None
            values = [_number(r.cells[column]) for r in table.body_rows if not _is_blank_cell(r.cells[column])]
            if stated is None or not values or any(v is None for v in values):
                continue
            computed = sum(v for v in values if v is not None)
            if abs(computed - stated) > 1e-6:
                name = table.header[column] if table.header else f"kolumn {column + 1}"
                self.diagnostics.info(
                    self.source.name, total.line,
                    f"tabellens summa för \"{name}\" är {_format_number(computed)}, men raden "
                    f"\"{total.cells[0]}\" anger {_format_number(stated)}")

    # --- passages and commitments ---------------------------------------------------------

    def _group(self, items: list[_Item], role: str | None, commitments: bool) -> list[Any]:
        out: list[Any] = []
        passage: _Passage | None = None
        topic: str | None = None
        in_commitments = commitments
        passages_allowed = role not in ("parties", "purpose", "signatures", "revision")

        def close() -> None:
            nonlocal passage
            if passage is not None:
                out.append(LocalPassage(passage.written, passage.municipalities, passage.organisation,
                                        tuple(passage.blocks), passage.line, passage.topic))
                passage = None

        for item in items:
            block = item.block
            if in_commitments:
                found = self._commitments(item)
                if found:
                    close()
                    out.extend(found)
                    continue
                in_commitments = False
            if isinstance(block, SubHeading):
                who = self._party_label(block.text) if passages_allowed else None
                close()
                if who is not None:
                    passage = _Passage(block.text, who[0], who[1], block.line, topic)
                    continue
                label = _INLINE_LABEL.match(block.text) if passages_allowed else None
                who = self._party_label(label.group("label")) if label else None
                if label and who is not None:
                    passage = _Passage(label.group("label").strip(), who[0], who[1], block.line, topic)
                    passage.blocks.append(Paragraph(label.group("rest").strip(), block.line))
                    continue
                topic = block.text
                in_commitments = bool(self.terms.commitment_heading.search(block.text))
                out.append(block)
                continue
            if isinstance(block, Paragraph):
                if block.text.rstrip().endswith(":") and self.terms.commitment_heading.search(block.text) \
                        and "\n" not in block.text:
                    close()
                    in_commitments = True
                    out.append(_finished(block))
                    continue
                label = _INLINE_LABEL.match(block.text) if passages_allowed else None
                who = self._party_label(label.group("label")) if label else None
                if label and who is not None:
                    close()
                    passage = _Passage(label.group("label").strip(), who[0], who[1], block.line, topic)
                    passage.blocks.append(Paragraph(_unwrap(label.group("rest")), block.line))
                    continue
            if passage is not None and not isinstance(block, (JobTrackCommitment,)):
                passage.blocks.append(_finished(block))
            else:
                out.append(_finished(block))
        close()
        return out

    def _party_label(self, text: str) -> tuple[tuple[str, ...], str | None] | None:
        """(municipalities, organisation) when `text` names only municipalities or one organisation."""
        cleaned = " ".join(text.split()).strip(" :")
        if not cleaned or len(cleaned.split()) > _LABEL_MAX_WORDS:
            return None
        affiliation = self.registers.affiliation(cleaned)
        if affiliation.unit is not None:
            return None
        if affiliation.kind == MUNICIPALITY:
            found = self.registers.municipalities_in_combined(cleaned)
            return (tuple(m.name for m in found), None) if found else None
        if affiliation.kind == ORGANISATION:
            return (), affiliation.name
        return None

    def _commitments(self, item: _Item) -> list[JobTrackCommitment]:
        block = item.block
        if isinstance(block, SubHeading):
            lines = [(block.text, block.line)]
        elif isinstance(block, Paragraph):
            lines = [(line, block.line + i) for i, line in enumerate((item.raw or block.text).split("\n"))]
        elif isinstance(block, BulletList):
            lines = [(entry, block.line + i) for i, entry in enumerate(block.items)]
        else:
            return []
        found = [self._commitment(line, number) for line, number in lines if line.strip()]
        if not found or any(c is None for c in found):
            return []
        return [c for c in found if c is not None]

    def _commitment(self, line: str, number: int) -> JobTrackCommitment | None:
        written = line.strip()
        text = bullet_text(written) or written
        planned = False
        match = _INLINE_LABEL.match(text)
        if match:
            label, rest = match.group("label").strip(), match.group("rest").strip()
        else:
            verb = self.terms.verb_anywhere.search(text)
            if not verb:
                return None
            label, rest = text[: verb.start()].strip(), text[verb.start():].strip()
        who = self._party_label(label)
        if who is None or not who[0]:
            return None
        planned_match = self.terms.planned.match(rest)
        if planned_match:
            planned = True
            rest = rest[planned_match.end():]
        else:
            committed_match = self.terms.committed.match(rest)
            if committed_match:
                rest = rest[committed_match.end():]
        intro = self.terms.track_intro.match(rest)
        if intro:
            rest = rest[intro.end():]
        tracks = split_tracks(rest, self.terms)
        if not tracks:
            return None
        return JobTrackCommitment(written, label, who[0], tracks, planned, number)

    # --- signatures -----------------------------------------------------------------------

    def _signature_start(self, raw: list[RawBlock]) -> int:
        """Where a signature part without its own section starts: the trailing run of blocks
        that read as signatures (labels, places and dates, `För` lines, name blocks), if it
        holds a name; len(raw) when there is none."""
        start = len(raw)
        while start > 0 and self._signature_block(raw[start - 1]):
            start -= 1
        run = raw[start:]
        if not self._holds_name(run):
            return len(raw)
        headings = [i for i, b in enumerate(run) if any(self.terms.signature_heading.match(x) for x in b.lines)]
        if headings:  # a name above the signature heading is not a signature
            start += headings[-1]
        return start

    def _read_signature_section(self, raw: list[RawBlock], commitments: bool) -> list[Any]:
        """A signatures section: runs of blocks that read as signatures (and hold a name) are
        read by the signature rule; anything else in it is ordinary text."""
        runs: list[tuple[bool, list[RawBlock]]] = []
        for block in raw:
            kind = self._signature_block(block)
            if runs and runs[-1][0] == kind:
                runs[-1][1].append(block)
            else:
                runs.append((kind, [block]))
        blocks: list[Any] = []
        for is_signatures, run in runs:
            if is_signatures and self._holds_name(run):
                headings = [i for i, b in enumerate(run)
                            if any(self.terms.signature_heading.match(x) for x in b.lines)]
                if headings and headings[-1] > 0 and not self._holds_name(run[:headings[-1]]):
                    # dates above a later signatures heading are not where anyone signed
                    blocks += self._read(run[:headings[-1]], None, commitments)
                    run = run[headings[-1]:]
                blocks += self._read_signatures(run)
            else:
                blocks += self._read(run, None, commitments)
        return blocks

    def _holds_name(self, run: list[RawBlock]) -> bool:
        return any(self._name_of(text) for segment in self._columns(run) for _, text in segment)

    def _signature_block(self, block: RawBlock) -> bool:
        """Every line (every cell of a line of columns) a label, place and date, `För` line,
        name, signature line (`______`), form field (`Titel: ...`), or a short title under a
        name."""
        for segment in self._columns([block]):
            after_name = False
            for _, line in segment:
                if self._name_of(line) is not None:
                    after_name = True
                elif self._signature_line(line):
                    after_name = after_name and bool(_SIGNATURE_RULE.match(line) or self._field(line))
                elif not (after_name and len(line.split()) <= 8):
                    return False
        return True

    def _signature_line(self, line: str) -> bool:
        """A form label (`Ort & datum`, `11. Underskrifter` not taken as a section), a form
        field with its value (`Ort och datum: Borås 2021-03-04`), a signature line, a line of
        places and dates only, or a `För <part>` line."""
        return bool(self.terms.signature_label.match(line) or self.terms.signature_heading.match(line)
                    or _SIGNATURE_RULE.match(line) or self._field(line)
                    or self._place_dates(line) or self._signing_for(line) is not None)

    def _field(self, line: str) -> tuple[str, str] | None:
        """(kind, value) of a form field written with its value: `Namn: Hanna Jernberg` ->
        ("name", "Hanna Jernberg"); kinds as in agreement_terms.yml `signature_fields`."""
        match = self.terms.signature_field.match(line.strip())
        if not match:
            return None
        kind = self.terms.signature_fields.get(" ".join(match.group("label").lower().split()))
        return (kind, match.group("value").strip()) if kind else None

    def _name_of(self, line: str) -> tuple[str, str | None] | None:
        """(name, title on the same line) of a line that names a signer: a name line, or a
        `Namn:` field."""
        field = self._field(line)
        if field is not None:
            kind, value = field
            if kind != "name" or not value or _SIGNATURE_RULE.match(value):
                return None
            person = self._person_line(value)
            if person is not None:
                return person
            words = value.split()
            return (value, None) if 1 <= len(words) <= 5 and value[:1].isupper() else None
        return self._person_line(line)

    def _columns(self, raw: list[RawBlock]) -> list[list[tuple[int, str]]]:
        """Each block as the lines it is read in, (body line, text): a block written in
        columns (cells separated by tabs, as in a table, or by wide runs of spaces, as in a
        copied PDF) is read column by column, top to bottom, so that each signer's lines
        stay together; Markdown table rules are left out."""
        segments: list[list[tuple[int, str]]] = []
        for block in raw:
            rows: list[tuple[int, list[tuple[int, str]], bool]] = []  # (line, [(position, cell)], tabs)
            for offset, line in enumerate(block.lines):
                number = block.line + offset
                if is_table_rule(line):
                    continue
                original = self._original(number, line)
                rows.append((number, *_row_cells(original)))
            if not any(len(cells) > 1 for _, cells, _ in rows):
                segments.append([(number, cells[0][1]) for number, cells, _ in rows if cells])
                continue
            starts = sorted({position for _, cells, tabs in rows if len(cells) > 1 and not tabs
                             for position, _ in cells})
            columns: dict[int, list[tuple[int, str]]] = {}
            for number, cells, tabs in rows:
                for position, cell in cells:
                    column = position if tabs else _column_of(position, starts)
                    columns.setdefault(column, []).append((number, cell))
            segments.extend(columns[key] for key in sorted(columns))
        return segments

    def _read_signatures(self, raw: list[RawBlock]) -> list[Any]:
        output: list[Any] = []  # _NameBlock builders and Paragraphs, in text order
        open_dates: deque[_DateEntry] = deque()
        waiting: deque[_NameBlock] = deque()
        parties: deque[Affiliation] = deque()
        pending_written: list[str] = []
        pending_place: str | None = None  # `Ort: Borås` waiting for its `Datum: ...`
        empty_field = False  # a form label not belonging to a date stood since the last name
        previous = ""

        def give(name: _NameBlock, entry: _DateEntry | None) -> None:
            if entry is not None:
                name.place_written = entry.place
                name.place = self._place(entry.place) if entry.place else None
                name.date, name.date_line = entry.date, entry.line
                name.written.insert(0, entry.written)

        def dated(entries: list[_DateEntry]) -> None:
            for entry in entries:
                if waiting:
                    give(waiting.popleft(), entry)
                else:
                    open_dates.append(entry)

        for segment in self._columns(raw):
            index = 0
            while index < len(segment):
                body_line, line = segment[index]
                number = self._file_line(body_line)
                index += 1
                if self.terms.signature_heading.match(line):
                    output.append(Paragraph(line, number))
                    previous = "heading"
                    continue
                if _SIGNATURE_RULE.match(line):
                    pending_written.append(line)  # the signature itself: transparent
                    continue
                field = self._field(line)
                if field is not None and field[0] != "name":
                    kind, value = field
                    if kind == "place_date":
                        entries = self._place_dates(value, number) if value else None
                        if entries:
                            if pending_place and entries[0].place is None:
                                entries[0] = replace(entries[0], place=pending_place)
                                pending_place = None
                            entries = [replace(e, written=line if len(entries) == 1 else e.written)
                                       for e in entries]
                            dated(entries)
                            previous = "date"
                            continue
                        if value and _place_like(value):
                            pending_place = value
                        elif previous != "date":
                            empty_field = True
                        pending_written.append(line)
                        previous = "label"
                        continue
                    if kind == "title" and value and output and isinstance(output[-1], _NameBlock) \
                            and previous == "name":
                        output[-1].title_lines.append(value)
                        output[-1].written.append(line)
                        continue
                    pending_written.append(line)
                    continue
                if self.terms.signature_label.match(line):
                    kind = self.terms.signature_fields.get(" ".join(line.strip(" :").lower().split()))
                    if previous != "date" and kind in (None, "place_date"):
                        empty_field = True
                    pending_written.append(line)
                    previous = "label"
                    continue
                entries = self._place_dates(line, number)
                if entries:
                    dated(entries)
                    previous = "date"
                    continue
                party = self._signing_for(line)
                if party is not None:
                    parties.append(party)
                    pending_written.append(line)
                    previous = "for"
                    continue
                person = self._name_of(line)
                if person is None:
                    output.append(Paragraph(line, number))
                    previous = "other"
                    continue
                name, inline_title = person
                name_block = _NameBlock(name, [inline_title] if inline_title else [], number,
                                        pending_written + [line])
                pending_written = []
                while index < len(segment):
                    following = segment[index][1]
                    field = self._field(following)
                    if field is not None and field[0] == "title":
                        if field[1]:
                            name_block.title_lines.append(field[1])
                        name_block.written.append(following)
                        index += 1
                        continue
                    if field is not None or self.terms.signature_label.match(following) \
                            or _SIGNATURE_RULE.match(following) or self._place_dates(following) \
                            or self._signing_for(following) is not None \
                            or (name_block.title_lines and self._name_of(following)):
                        break
                    name_block.title_lines.append(following)
                    name_block.written.append(following)
                    index += 1
                if parties:
                    name_block.party = parties.popleft()
                if open_dates:
                    give(name_block, open_dates.popleft())
                elif empty_field:
                    give(name_block, None)
                else:
                    waiting.append(name_block)
                empty_field = False
                output.append(name_block)
                previous = "name"
        for entry in open_dates:
            self.diagnostics.warning(self.source.name, entry.line,
                                     f"ort och datum \"{entry.written}\" kunde inte paras med någon underskrift")
            output.append(Paragraph(entry.written, entry.line))
        if pending_written:
            output.append(Paragraph("\n".join(pending_written), output[-1].line if output else 0))
        return [self._signatory(b) if isinstance(b, _NameBlock) else b for b in output]

    def _signatory(self, block: _NameBlock) -> Signatory:
        title, affiliation = self._title_and_affiliation(" ".join(block.title_lines))
        if affiliation is None and block.party is not None:
            affiliation = block.party
        if block.date is None:
            self.diagnostics.warning(self.source.name, block.line,
                                     f"underskriften av {block.name} saknar ort och datum")
        return Signatory(
            name=block.name, title=title, affiliation=affiliation, place=block.place,
            place_written=block.place_written, date=block.date, line=block.line,
            date_line=block.date_line, written=tuple(block.written),
        )

    def _place_dates(self, line: str, number: int = 0) -> list[_DateEntry] | None:
        """`Mark 2020-10-18 Svenljunga 2020-10-14` -> two entries; None unless the line is only that."""
        if not re.search(r"\d", line):
            return None
        found = _full_dates(_Text(line), self.cues)
        if not found:
            return None
        entries: list[_DateEntry] = []
        position = 0
        for date in found:
            if (date.start > 0 and not line[date.start - 1].isspace()) or \
                    (date.end < len(line) and line[date.end].isalnum()):
                return None  # a date glued to other text is not a place-and-date entry
            between = line[position:date.start]
            place = re.sub(r"(?i)(?:^|\s)den$", "", between.strip(" ,.;:–-\t")).strip(" ,.;:–-\t")
            if place and not _place_like(place):
                return None
            written = line[position:date.end].strip(" ,;\t")
            entries.append(_DateEntry(place or None, date.date.isoformat(), written, number))
            position = date.end
        if line[position:].strip(" ,.;:\t"):
            return None
        return entries

    def _place(self, written: str) -> str:
        found = self.registers.municipality(written)
        if found:
            return found.name
        return written.title() if written.isupper() else written

    def _signing_for(self, line: str) -> Affiliation | None:
        match = self.terms.signature_for.match(line.strip())
        if not match:
            return None
        affiliation = self.registers.affiliation(match.group("party"))
        return affiliation if affiliation.kind != UNKNOWN else None

    def _is_title(self, words: list[str]) -> bool:
        key = " ".join(words).lower().strip(" ,")
        if key in self.terms.title_words:
            return True
        return len(words) == 1 and any(key.endswith(s) for s in self.terms.title_suffixes)

    def _person_line(self, line: str) -> tuple[str, str | None] | None:
        """(name, title written on the same line) when the line starts with a person's name."""
        text = line.strip()
        head, comma, rest = text.partition(",")
        head = head.strip()
        words = head.split()
        if not 2 <= len(words) <= 4:
            return None
        for word in words:
            if word.lower() in _PARTICLES:
                continue
            parts = re.split(r"[-'’]", word)
            if not word[0].isupper() or not all(p.isalpha() for p in parts if p) or word.isupper():
                return None
            if self._is_title([word]):
                return None
        if self.registers.affiliation(head).kind != UNKNOWN:
            return None
        return head, (rest.strip() or None) if comma else None

    def _title_and_affiliation(self, text: str) -> tuple[str | None, Affiliation | None]:
        text = " ".join(text.split()).strip(" ,")
        if not text:
            return None, None
        whole = self.registers.affiliation(text)
        if whole.kind != UNKNOWN:
            return None, whole
        if "," in text:
            # `Sektorchef, Lerums kommun`: the title, then the organisation; but a unit in
            # lower case (`Förvaltningschef, sektor för socialtjänst`) is part of the title
            head, _, rest = text.rpartition(",")
            rest = rest.strip(" ,")
            affiliation = self._affiliation(rest) if rest else None
            if affiliation is None or affiliation.kind != UNKNOWN or rest[:1].isupper():
                return head.strip() or None, affiliation
            return text, None
        words = text.split()
        for cut in range(1, len(words)):
            if self._is_title(words[:cut]):
                rest = " ".join(words[cut:])
                affiliation = self._affiliation(rest)
                if affiliation.kind != UNKNOWN:
                    return " ".join(words[:cut]), affiliation
        organisation = self._title_organisation(words)
        if organisation is not None:
            return text, Affiliation(text, organisation, ORGANISATION)
        return text, None

    def _title_organisation(self, words: list[str]) -> str | None:
        """`Arbetsförmedlingschef` -> `Arbetsförmedlingen`: a title compound of an organisation."""
        for word in words:
            lower = word.lower()
            for suffix in self.terms.title_suffixes:
                if lower.endswith(suffix) and len(lower) > len(suffix) + 3:
                    found = self.registers.organisation(word[: len(word) - len(suffix)])
                    if found is not None:
                        return found.display
        return None

    def _check_signatories(self, agreement: Agreement) -> None:
        """A signer's municipality should be where they signed; say so when it is not."""
        for s in agreement.signatories:
            if s.municipality and s.place and self.registers.municipality(s.place) \
                    and self.registers.municipality(s.place).name != s.municipality:
                self.diagnostics.info(self.source.name, s.line,
                                      f"{s.name} ({s.municipality}) skrev under i {s.place}; "
                                      f"kontrollera att ort och datum hör till rätt underskrift")

    # --- parties, purpose, goals, target group --------------------------------------------

    def _parties(self, preamble: tuple[Any, ...], sections: tuple[AgreementSection, ...],
                 sections_raw: list[list[RawBlock]]) -> tuple[Party, ...]:
        index = next((i for i, s in enumerate(sections) if s.role == "parties"), None)
        found: list[Party] = []
        if index is not None:
            for text, line in _logical_lines(sections_raw[index]):
                found.extend(self._party_list(text, self._file_line(line), in_parties_section=True))
        if not found:
            candidates = list(preamble) + [b for s in sections[:2] for b in s.blocks]
            for text, line in _texts(tuple(candidates)):
                found.extend(self._party_list(text, line, in_parties_section=False))
                if found:
                    break
        unique: dict[tuple[str, str], Party] = {}
        for party in found:
            unique.setdefault((party.kind, party.name), party)
        return tuple(unique.values())

    def _party_list(self, text: str, line: int, in_parties_section: bool) -> list[Party]:
        text = " ".join(text.split())
        label = self.terms.party_label.match(text)
        sentence = self.terms.party_sentence.search(text)
        opener = self.terms.party_opener.match(text)
        if label:
            listed = text[label.end():]
        elif sentence:
            listed = text[sentence.end():]
        elif opener:
            listed = text[opener.end():]
        elif in_parties_section:
            between = re.search(r"(?<!\w)mellan\s+", text, re.IGNORECASE)
            if between:
                listed = text[between.end():]
            elif text.endswith(":"):
                return []
            else:
                listed = text
        else:
            return []
        listed = re.split(r"[.;:](?:\s|$)", listed, maxsplit=1)[0].strip(" .")
        whole = self._resolve_party(listed, line, prefixes=False)
        if whole is not None:
            return [whole]
        parties: list[Party] = []
        for part in re.split(r"\s*,\s*", listed):
            # `och` joins two parties unless the whole part is one name (`Sveriges Kommuner
            # och Regioner`); a part is never resolved by its first words alone then.
            if re.search(r"\s(?:och|samt|&)\s", part):
                exact = self._resolve_party(part, line, prefixes=False)
                pieces = [] if exact is not None else re.split(r"\s+(?:och|samt|&)\s+", part)
                if exact is not None:
                    parties.append(exact)
            else:
                pieces = [part]
            for piece in pieces:
                piece = piece.strip(" .")
                resolved = self._resolve_party(piece, line)
                if resolved is not None:
                    parties.append(resolved)
                elif piece[:1].isupper() and len(piece.split()) <= 6 and not opener:
                    parties.append(Party(piece, piece, UNKNOWN, None, line))
        return parties

    def _resolve_party(self, written: str, line: int, prefixes: bool = True) -> Party | None:
        written = written.strip(" .,")
        if not written:
            return None
        organisation = self.registers.organisation(written)
        if organisation is not None:
            return Party(written, organisation.display, ORGANISATION, organisation.slug, line)
        municipality = self.registers.municipality(written)
        if municipality is not None:
            return Party(written, municipality.name, MUNICIPALITY, municipality.slug, line)
        if not prefixes:
            return None
        organisation = self._organisation_prefix(written)
        if organisation is not None:
            return Party(written, organisation.display, ORGANISATION, organisation.slug, line)
        # `Orust kommun har följande avtal träffats`: the party, then the sentence goes on
        words = written.split()
        for cut in range(len(words) - 1, 0, -1):
            if not words[cut][:1].islower():
                continue
            head = " ".join(words[:cut])
            found = self._resolve_party(head, line, prefixes=False)
            if found is not None:
                return found
        return None

    def _organisation_prefix(self, written: str):
        """`Arbetsförmedlingen i Sjuhärad`, `Arbetsförmedlingen Göteborg` -> Arbetsförmedlingen:
        an organisation of the register followed by the place of its office (a municipality
        or an association's area). `Samordningsförbundet Skaraborg` names an organisation of
        its own and is not resolved this way."""
        words = written.split()
        for cut in range(len(words) - 1, 0, -1):
            organisation = self.registers.organisation(" ".join(words[:cut]))
            if organisation is not None and self._office_place(" ".join(words[cut:])):
                return organisation
        return None

    def _office_place(self, text: str) -> bool:
        text = re.sub(r"^i\s+", "", text.strip())
        return bool(self.registers.municipality(text) or self.registers.members(text))

    def _affiliation(self, text: str) -> Affiliation:
        affiliation = self.registers.affiliation(text)
        if affiliation.kind == UNKNOWN:
            organisation = self._organisation_prefix(text)
            if organisation is not None:
                return Affiliation(text, organisation.display, ORGANISATION)
        return affiliation

    def _purpose(self, sections: tuple[AgreementSection, ...]) -> str | None:
        section = next((s for s in sections if s.role == "purpose"), None)
        if section is None:
            return None
        texts = [b.text for b in section.blocks if isinstance(b, Paragraph)]
        return "\n\n".join(texts) or None

    def _numbered_items(self, sections: tuple[AgreementSection, ...], role: str) -> tuple[NumberedItem, ...]:
        items: list[NumberedItem] = []
        for section in sections:
            if section.role != role:
                continue
            for block in section.blocks:
                inner = block.blocks if isinstance(block, LocalPassage) else (block,)
                for b in inner:
                    if isinstance(b, NumberedList):
                        items.extend(b.items)
        return tuple(items)

    def _target_group(self, sections: tuple[AgreementSection, ...]) -> str | None:
        section = next((s for s in sections if s.role == "target_group"), None)
        if section is None:
            return None
        texts: list[str] = []
        for block in section.blocks:
            if not isinstance(block, Paragraph) or block.text.rstrip().endswith(":"):
                break
            texts.append(block.text)
        return "\n\n".join(texts) or None

    # --- revision ---------------------------------------------------------------------------

    def _revision(self, agreement: Agreement) -> RevisionRule | None:
        section = agreement.section("revision")
        candidates: list[tuple[str, int]] = []
        if section is not None:
            candidates = list(_texts(section.blocks))
        if not candidates:
            for text, line in _texts(agreement.blocks()):
                if self.terms.revision.search(text) or (
                        (self.terms.validity_open.search(text) or any(self._validity(text)))
                        and self.terms.agreement_word.search(text)):
                    candidates.append((text, line))
        if not candidates:
            return None
        text = " ".join(t for t, _ in candidates)
        line = candidates[0][1]
        terms = self.terms
        validity = "tills vidare" if terms.validity_open.search(text) else None
        valid_from, valid_until = self._validity(text)
        frequency_match = terms.frequency.search(text)
        frequency = frequency_match.group(0) if frequency_match else None
        interval = terms.frequencies.get(" ".join(frequency.lower().split())) if frequency else None
        month_match = terms.revision_month.search(text)
        month = self.cues.month_lookup.get(month_match.group("month").lower()) if month_match else None
        if not any((validity, valid_from, valid_until, frequency, month)):
            return None
        first, basis = first_revision(agreement.last_signed, interval, month, self.cues.month_names)
        return RevisionRule(text, validity, valid_until, frequency, interval, month, first, basis, line,
                            valid_from=valid_from)

    def _validity(self, text: str) -> tuple[str | None, str | None]:
        """(valid_from, valid_until) as ISO dates (the rule in agreement_terms.yml)."""
        terms = self.terms
        dates = _full_dates(_Text(text), self.cues)
        valid_from = valid_until = None
        for index, date in enumerate(dates):
            before = text[max(0, date.start - 40): date.start]
            following = dates[index + 1] if index + 1 < len(dates) else None
            joined = following is not None and re.fullmatch(
                r"\s*[–—-]\s*|\s+(?:till(?:\s+och\s+med)?|t\.\s?o\.\s?m\.)\s+", text[date.end: following.start])
            if valid_from is None and (terms.validity_from.search(before)
                                       or (joined and terms.validity_range.search(before))):
                valid_from = date.date.isoformat()
                if joined and valid_until is None:
                    valid_until = following.date.isoformat()
                continue
            if valid_until is None and terms.validity_until_before.search(before):
                valid_until = date.date.isoformat()
        return valid_from, valid_until


# --- pieces that need no parser state ------------------------------------------------------------


def split_tracks(text: str, terms: AgreementTerms) -> tuple[str, ...]:
    """`Vård- och omsorg & lager/logistik` -> (`Vård- och omsorg`, `lager/logistik`).

    Split on `,`, `;`, `&`, `+`, `samt` and `och`; `/` joins. `och` does not split after a
    hyphenated first part (`Vård- och omsorg`) or inside a fixed pair of agreement_terms.yml
    (`vård och omsorg`).
    """
    keep = "\x00"
    protected = re.sub(r"(?<=\w-)\s+och\s+", f" {keep} ", text.strip().rstrip("."))
    protected = terms.track_pairs.sub(lambda m: re.sub(r"\s+och\s+", f" {keep} ", m.group(0)), protected)
    parts = re.split(r"\s*[,;]\s*|\s+(?:&|\+|samt|och)\s+", protected, flags=re.IGNORECASE)
    tracks = [" ".join(p.replace(keep, "och").split()).strip(" .") for p in parts]
    return tuple(t for t in tracks if t)


def first_revision(last_signed: str | None, interval: int | None, month: int | None,
                   months_name: dict[int, str]) -> tuple[str | None, str | None]:
    """The first revision month after the last signature (rule in agreement_terms.yml)."""
    if not last_signed:
        return None, None
    try:
        signed = dt.date.fromisoformat(last_signed)
    except ValueError:
        return None, None
    if month is not None:
        year = signed.year if month > signed.month else signed.year + 1
        extra = max(0, (interval or 12) - 12)
        total = year * 12 + (month - 1) + extra
        value = f"{total // 12:04d}-{total % 12 + 1:02d}"
        basis = f"första {months_name[month]} efter sista underskriften ({last_signed})"
        if extra:
            basis += f", plus {extra} månader eftersom revideringen sker var {interval}:e månad"
        return value, basis
    if interval:
        total = signed.year * 12 + (signed.month - 1) + interval
        value = f"{total // 12:04d}-{total % 12 + 1:02d}"
        return value, f"{interval} månader efter sista underskriften ({last_signed})"
    return None, None


# A line for the signature itself: `______`, `.........`, `--------` (also between columns).
_SIGNATURE_RULE = re.compile(r"^[\s_.…\-–—]{3,}$")
_COLUMN_TOLERANCE = 3  # characters a column's cells may start before the column


def _row_cells(original: str) -> tuple[list[tuple[int, str]], bool]:
    """The cells of a line: ([(position, text)], separated by tabs). Tab-separated cells
    are numbered 0, 1, 2 (empty ones skipped); cells separated by three or more spaces
    carry the character position where they start."""
    if "\t" in original.strip(" \r\n"):
        cells = [(i, c.strip()) for i, c in enumerate(original.split("\t"))]
        return [(i, c) for i, c in cells if c], True
    cells: list[tuple[int, str]] = []
    for match in re.finditer(r"\S+(?:\s{1,2}\S+)*", original):
        cells.append((match.start(), match.group(0)))
    return cells, False


def _column_of(position: int, starts: list[int]) -> int:
    """The column a cell starting at `position` belongs to: the last column start at or
    before it (with a little tolerance); 0 when it starts before every column."""
    column = 0
    for start in starts:
        if start <= position + _COLUMN_TOLERANCE:
            column = start
    return column


def _place_like(text: str) -> bool:
    """`Mark`, `ULRICEHAMN`, `Lilla Edet`, `Upplands-Bro`: up to four capitalised words."""
    words = text.split()
    return 1 <= len(words) <= 4 and \
        all(re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*", w) and w[0].isupper() for w in words)


def _format_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}".replace(".", ",")


def _relined(block: Any, line: int) -> Any:
    return replace(block, line=line)


def _finished(block: Any) -> Any:
    """Paragraph text with its hard-wrapped lines joined."""
    if isinstance(block, Paragraph) and "\n" in block.text:
        return Paragraph(_unwrap(block.text), block.line)
    return block


_JOINING_END = re.compile(r"(?:,|\s(?:och|samt|mellan|&))$", re.IGNORECASE)


def _logical_lines(raw: list[RawBlock]) -> list[tuple[str, int]]:
    """(text, body line) of the lines of `raw`, a line joined to the next when the sentence
    goes on (it ends in `,` or `och`, or the next starts in lower case): a list of parties
    written one to a line stays one party a line."""
    found: list[tuple[str, int]] = []
    for block in raw:
        current, start = "", block.line
        for offset, line in enumerate(block.lines):
            if current and not _JOINING_END.search(current) and not line[:1].islower():
                found.append((current, start))
                current, start = "", block.line + offset
            current = f"{current} {line}".strip()
        if current:
            found.append((current, start))
    return found


def _texts(blocks: tuple[Any, ...]):
    """(text, line) of the paragraphs and list items, passages' included."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text, block.line
        elif isinstance(block, BulletList):
            for item in block.items:
                yield item, block.line
        elif isinstance(block, LocalPassage):
            yield from _texts(block.blocks)


def is_section_title(line: str, terms: AgreementTerms) -> bool:
    """A line that is a section heading of an agreement without numbered sections: a
    `section_roles` phrase or a `section_titles` entry, or several joined by `och`, `,` or
    `&` (`Syfte och mål`); capitalised, short, no closing punctuation."""
    text = line.strip().rstrip(":").strip()
    if not text[:1].isupper() or re.search(r"[.,;!?]$", text) or len(text.split()) > _TITLE_MAX_WORDS:
        return False
    key = " ".join(text.lower().split())
    known = terms.section_titles | {phrase for _, phrases in terms.roles for phrase in phrases}
    if key in known:
        return True
    parts = [p for p in re.split(r"\s*(?:,|&|\boch\b)\s*", key) if p]
    return len(parts) > 1 and all(part in known for part in parts)


def agreement_sections(source: SourceFile, knowledge: Knowledge) -> SectionedText:
    """The heading, subtitle and sections of an agreement (numbered, or titled)."""
    terms = knowledge.agreement_terms
    return parse_sections(source, knowledge.kind_cues.agreement_heading, lambda line: is_section_title(line, terms))


def parse_agreement(source: SourceFile, knowledge: Knowledge, diagnostics: Diagnostics,
                    *, sectioned: SectionedText | None = None) -> Agreement:
    """The structure of an agreement. `sectioned` (the result of `parse_sections` for this
    source) may be passed when the caller already has it."""
    return _AgreementParser(source, knowledge, diagnostics, sectioned).parse()
