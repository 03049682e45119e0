"""Minutes: attendance, agenda items with their content, decisions, note-taker.

The text is split into blank-line separated blocks, and each block again before every
line that opens something (an attendance heading, an agenda item, a `Beslut`, a
`Förslag`, a note-taker's or signature label). Each piece is offered to the recognisers
in order; the first that accepts it decides what it is. A new convention is one more
recogniser, or one more word in `data/protokoll.yml`.

Recognised (see data/protokoll.yml for every word):
- attendance: a heading (`Närvarande`, `Beslutande`, `Tjänstgörande ersättare`, `Gäster`,
  `Frånvarande`, ...) with lines, a running paragraph or a table below or after it; a
  table with a header row (`Namn`, `Kommun`, `Närvarande`) also without a heading. A
  table's mark columns say who attended, else its heading does; a row that is a name
  alone had empty cells after it (their tabs dropped);
- agenda items: `1.`, `1)`, `1<TAB>`, `1 Titel`, `§ 12`, `Punkt 3`, the number alone on its
  line with the title below, sub-items `3.1` under item 3. Numbering may start anywhere but
  then goes up by one, so a numbered list inside an item or a line starting with a date
  is no item;
- decisions: `Beslut: ...` anywhere in an item; `Beslut` as a heading over a paragraph or
  over `att ...` clauses (each clause its own decision); a preceding `Förslag:` or
  `Förslag till beslut` is kept as the proposal; decisions stated in words (`Nätverket
  beslutar att`, `Dagordningen godkänns`, data/beslutsformuleringar.yml), but never an
  earlier meeting's (`Vid förra mötet beslutades ...`). Routine approvals are marked as
  formalities;
- the note-taker (`Antecknat av`, `Vid pennan:`, `Vid protokollet` ... and the name on the
  same or the next lines), and the closing `Anteckningar, <name>, <title>` signature;
  a `Justeras` block names no note-taker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Callable

from generator.knowledge import Knowledge
from generator.knowledge.minutes_terms import MinutesTerms
from generator.model import (
    AgendaItem, Affiliation, Block, Decision, Diagnostics, NoteTaker, Paragraph, SourceFile,
)
from generator.parse.attendance import AttendanceReader, Columns, looks_like_name
from generator.parse.blocks import RawBlock, append_blocks, content_blocks, split_blocks
from generator.parse.decisions import decision_sentences

_SIGNATURE_OPENING = re.compile(r"^(?:Minnes)?[Aa]nteckningar\s*,\s*(?P<rest>.*)$")
DOCUMENT_HEADING = re.compile(r"^(?:(?:minnes|mötes)?anteckningar|protokoll)\b.*$", re.IGNORECASE)
_ATT_CLAUSE = re.compile(r"^att\s", re.IGNORECASE)
_INLINE_DECISION = re.compile(r"(?<=[.!?])\s+Beslut\s*:\s+(?=\S)")
_FIRST_ITEM_MAX = 20  # an unprefixed first item numbered higher is a numbered paragraph


@dataclass
class MinutesParts:
    heading: str | None = None
    attendees: list = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    note_taker: NoteTaker | None = None
    preamble: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class ItemNumber:
    number: int
    sub: int | None
    title: str | None  # None: the title stands on the next line
    prefixed: bool  # `§ 12`, `Punkt 3`
    bare: bool  # `1 Titel`: no dot, bracket or tab after the number


@dataclass
class _State:
    """Where the walk is: which list or item the next block belongs to."""

    attendance: str | None = None  # "present"/"absent" while inside an attendance list
    role: str | None = None  # the role the attendance heading gives
    group: Affiliation | None = None
    columns: Columns | None = None  # of the attendance table being read
    item: ItemNumber | None = None
    item_title: str = ""
    item_line: int = 0
    item_blocks: list[Block] = field(default_factory=list)
    pending_proposal: Paragraph | None = None
    awaiting_proposal: bool = False  # `Förslag till beslut` alone: its text follows
    # `Beslut` alone: its text follows ((line, proposal); `att` clauses once one was read)
    open_decision: tuple[int, Paragraph | None] | None = None
    open_clauses: bool = False
    decisions_in_item: int = 0
    after_note_label: bool = False  # `Vid protokollet` alone: the name follows
    awaiting_title: bool = False  # `§ 8` alone: the title follows
    in_signatures: bool = False  # after `Justeras`: the names are signatures


class MinutesParser:
    def __init__(self, source: SourceFile, knowledge: Knowledge, diagnostics: Diagnostics) -> None:
        self.source = source
        self.diagnostics = diagnostics
        self.terms: MinutesTerms = knowledge.minutes_terms
        self.wording = knowledge.wording
        self.registers = knowledge.registers
        self.months = frozenset(knowledge.date_cues.month_lookup)  # `3 mars ...` is a date, not item 3
        self.parts = MinutesParts()
        self.state = _State()
        self.attendance = AttendanceReader(self.terms, knowledge.registers, diagnostics, source.name, source.file_line)
        prefix = self.terms.item_prefix
        self._item = re.compile(
            rf"^(?:(?P<prefix>{prefix})\.?\s*(?P<pnum>\d{{1,3}})(?:\.(?P<psub>\d{{1,2}}))?"
            rf"|(?P<num>\d{{1,3}})(?:\.(?P<sub>\d{{1,2}}))?)"
            rf"(?P<sep>\.(?!\d)|\)|:)?(?:(?P<space>[ \t]+)(?P<title>\S.*)|(?<=[.)])(?P<tight>[A-ZÅÄÖ].*))?$",
            re.IGNORECASE)
        # Ordered recognisers: each returns True when it took the block.
        self.recognisers: list[tuple[str, Callable[[RawBlock, int, list[RawBlock]], bool]]] = [
            ("document heading", self._document_heading),
            ("attendance heading", self._attendance_heading),
            ("attendance table", self._attendance_table),
            ("agenda item", self._agenda_item),
            ("attendance group", self._attendance_group),
            ("attendance lines", self._attendance_lines),
            ("signature block", self._signature_block),
            ("note-taker", self._note_taker),
            ("closing signature", self._closing_signature),
            ("proposal", self._proposal),
            ("decision", self._decision),
            ("proposal text", self._proposal_text),
            ("decision text", self._decision_text),
            ("content", self._content),
        ]

    def parse(self) -> MinutesParts:
        blocks = split_blocks(self.source.body)
        queue = list(reversed(blocks))
        done: list[RawBlock] = []
        while queue:
            block = queue.pop()
            if self.state.awaiting_title and block.lines:
                # `§ 8` stood alone: the next line is its title
                self.state.awaiting_title = False
                self.state.item_title = block.first.strip()
                block = RawBlock(block.lines[1:], block.line + 1)
                if not block.lines:
                    continue
            head, rest = self._first_piece(block)
            if rest is not None:
                queue.append(rest)
            done.append(head)
            upcoming = done + list(reversed(queue))
            for name, recognise in self.recognisers:
                if recognise(head, len(done) - 1, upcoming):
                    if name not in ("proposal", "proposal text") and head.lines:
                        self.state.awaiting_proposal = False
                    if name not in ("decision", "decision text") and head.lines:
                        self.state.open_decision, self.state.open_clauses = None, False
                    break
        self._close_item()
        self.parts.attendees = list(self.attendance.attendees)
        return self.parts

    # --- splitting blocks at the lines that open something ---------------------------------

    def _opens(self, line: str, current: ItemNumber | None) -> bool:
        terms = self.terms
        if self.attendance.heading(line) is not None or self.attendance.table_columns(line) is not None:
            return True
        if terms.decision_label.match(line) or terms.proposal_label.match(line):
            return True
        if terms.note_taker.match(line) and not self._sentence(line):
            return True
        if terms.signature.match(line) and len(line.split()) <= 4:
            return True
        if terms.document_type.fullmatch(line.strip().rstrip(":")):
            return True  # `Dagordning` alone: a heading, never the tail of the block above
        item = self._item_number(line)
        return item is not None and self._accepts_item(item, current)

    def _first_piece(self, block: RawBlock) -> tuple[RawBlock, RawBlock | None]:
        """The block up to the next line that opens something, and the rest (or None)."""
        first = self._item_number(block.first)
        current = first if first is not None and self._accepts_item(first, self.state.item) else self.state.item
        for position, line in enumerate(block.lines):
            if position > 0 and self._opens(line, current):
                return (RawBlock(block.lines[:position], block.line),
                        RawBlock(block.lines[position:], block.line + position))
        return block, None

    @staticmethod
    def _sentence(line: str) -> bool:
        """A line of running text (`Sekreterare ska utses vid nästa möte.`)."""
        return len(line.split()) > 8 and line.rstrip().endswith((".", "!", "?"))

    # --- recognisers ----------------------------------------------------------------------

    def _document_heading(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        if self.parts.heading is None and not self.parts.items and len(block.lines) == 1 \
                and DOCUMENT_HEADING.match(block.first) and len(block.first) < 120 \
                and not self.attendance.attendees and self.state.attendance is None:
            self.parts.heading = block.first
            return True
        return False

    def _attendance_heading(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        found = self.attendance.heading(block.first)
        if found is None or (self.state.item is not None and not self._before_first_decision()):
            return False
        meaning, rest = found
        self.state.attendance, self.state.role, self.state.group = meaning.status, meaning.role, None
        self.state.columns = None
        self.state.in_signatures = False
        lines = ([rest] if rest else []) + list(block.lines[1:])
        self._attendance_rows(RawBlock(tuple(lines), block.line if rest else block.line + 1))
        return True

    def _before_first_decision(self) -> bool:
        """An attendance heading inside an item is still attendance while nothing happened."""
        return False

    def _attendance_table(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        columns = self.attendance.table_columns(block.first)
        if columns is None or self.state.item is not None:
            return False
        if self.state.attendance is None:
            self.state.attendance, self.state.role, self.state.group = "present", None, None
        self.state.columns = columns
        self._attendance_rows(RawBlock(block.lines[1:], block.line + 1))
        return True

    def _attendance_group(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        if self.state.attendance is None:
            return False
        group = self.attendance.group(block.first)
        if group is None:
            return False
        self.state.group = group
        if len(block.lines) > 1:
            self._attendance_rows(RawBlock(block.lines[1:], block.line + 1))
        return True

    def _attendance_lines(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        if self.state.attendance is None:
            return False
        if self.attendance.closes_list(block.first):
            self.state.attendance = None  # `Justerare: ...`, `Plats: ...`, `Vid pennan:`: the list has ended
            return False
        return self._attendance_rows(block)

    def _attendance_rows(self, block: RawBlock) -> bool:
        """Read the rows of an attendance list; a row that holds no one ends the list (the
        rest of the block is then read as something else)."""
        for offset, line in enumerate(block.lines):
            number = block.line + offset
            group = self.attendance.group(line) if self.state.columns is None else None
            if group is not None:
                self.state.group = group
                continue
            if self.state.columns is not None:
                taken = self.attendance.add_table_row(line, self.state.columns, number, self.state.attendance,
                                                      self.state.role, self.state.group)
            else:
                taken = self.attendance.add_line(line, number, self.state.attendance, self.state.role,
                                                 self.state.group)
            if not taken:
                self.state.attendance = None
                self.state.columns = None
                if offset == 0:
                    return False
                rest = RawBlock(block.lines[offset:], number)
                self._content(rest, 0, [rest])
                return True
        return True

    def _item_number(self, line: str) -> ItemNumber | None:
        match = self._item.match(line.strip())
        if not match:
            return None
        prefixed = match.group("prefix") is not None
        number = int(match.group("pnum") or match.group("num"))
        sub_text = match.group("psub") or match.group("sub")
        title = (match.group("title") or match.group("tight") or "").strip() or None  # `1.Inledning` too
        bare = not prefixed and not match.group("sep") and (match.group("space") or "").strip(" ") == ""
        bare = bare and "\t" not in (match.group("space") or "")
        if title is None and not prefixed:
            return None  # a number alone is a title only after `§` or `Punkt`
        if title is not None and not (title[0].isalpha() or title[0] in "\"”“'(«"):
            return None  # `1 850 platser`: a figure, not an item
        if title is not None and not prefixed and title[0].islower() \
                and re.split(r"[\s.,]", title, maxsplit=1)[0] in self.months:
            return None  # `3 mars hölls ...`, `3. maj 2024 kommer ...`: a date, not an item
        return ItemNumber(number, int(sub_text) if sub_text else None, title, prefixed, bare)

    def _accepts_item(self, item: ItemNumber, current: ItemNumber | None) -> bool:
        """Whether `item` continues the numbering after `current` (the item read last)."""
        if current is None:
            if item.sub is not None:
                return False
            if item.prefixed:
                return True
            if item.number > _FIRST_ITEM_MAX:
                return False
            return not item.bare or self._bare_sequence_follows(item)
        if item.sub is not None:
            return item.number == current.number and item.sub == (current.sub or 0) + 1
        same_style = item.bare == current.bare or item.prefixed or current.sub is not None
        return item.number == current.number + 1 and same_style

    def _bare_sequence_follows(self, item: ItemNumber) -> bool:
        """`1 Inledning` is an item only when `2 ...` follows as a line of its own."""
        following = re.compile(rf"^{item.number + 1}[ \t]+[^\W\d_]")
        return any(following.match(line.strip()) for line in self.source.body.split("\n"))

    def _agenda_item(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        item = self._item_number(block.first)
        if item is None or not self._accepts_item(item, self.state.item):
            return False
        self._close_item()
        self.state.attendance = None
        self.state.columns = None
        rest_lines = list(block.lines[1:])
        rest_line = block.line + 1
        title = item.title
        if title is None:
            if rest_lines:
                title, rest_lines, rest_line = rest_lines[0], rest_lines[1:], rest_line + 1
            else:
                title = ""
                self.state.awaiting_title = True
        self.state.item = replace(item, title=title)
        self.state.item_title = title.strip()
        self.state.item_line = block.line
        if rest_lines:
            self._content(RawBlock(tuple(rest_lines), rest_line), index, blocks)
        return True

    def _signature_block(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        """`Justeras` / `Ordförande` and the names below: signatures, not content or note-taker."""
        if self.terms.signature.match(block.first) and len(block.first.split()) <= 4 \
                and not self._note_label_line(block.first):
            self.state.in_signatures = True
            self.state.after_note_label = False
            return True
        if self.state.in_signatures and self._signature_names(block):
            return True
        self.state.in_signatures = False
        return False

    def _signature_names(self, block: RawBlock) -> bool:
        """Names (and titles) side by side under `Justeras`."""
        for line in block.lines:
            parts = [p for p in re.split(r"\s{2,}|\t", line.strip()) if p]
            if not all(looks_like_name(p) or self.terms.role.match(p.casefold()) or p.islower() for p in parts):
                return False
        return True

    def _note_label_line(self, line: str) -> bool:
        match = self.terms.note_taker.match(line)
        return bool(match)

    def _note_taker(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        if self.state.after_note_label:
            self.state.after_note_label = False
            if self._set_note_taker(block.lines, block.line):
                return True
        match = self.terms.note_taker.match(block.first)
        if not match or len(block.lines) > 3 or self._sentence(block.first):
            return False
        rest = (match.group("rest") or "").strip()
        lines = ([rest] if rest else []) + list(block.lines[1:])
        if not lines:
            self.state.after_note_label = True  # the name is in the next block
            return True
        return self._set_note_taker(tuple(lines), block.line)

    def _set_note_taker(self, lines: tuple[str, ...], line: int) -> bool:
        first = lines[0].strip().rstrip(".")
        name, _, title = first.partition(",")
        name = name.strip()
        if not looks_like_name(name):
            return False
        below = lines[1].strip() if len(lines) > 1 else ""
        if below and self._opens(below, self.state.item):
            below = ""  # `Dagordning`, `1. Inledning`: what comes next, not the note-taker's title
        title = title.strip() or below or None
        self.parts.note_taker = NoteTaker(name, title or None, self.source.file_line(line))
        return True

    def _closing_signature(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        """A closing `Anteckningar, <name>, <title>` signature, on one line or three."""
        match = _SIGNATURE_OPENING.match(block.first)
        if not match or self.state.item is None or index < len(blocks) - 2:
            return False
        parts = [match.group("rest")] + list(block.lines[1:])
        parts = [p.strip().strip(",") for p in ",".join(parts).split(",") if p.strip().strip(",")]
        if not parts or not looks_like_name(parts[0]):
            return False
        title = ", ".join(parts[1:]) or None
        self.parts.note_taker = NoteTaker(parts[0], title, self.source.file_line(block.line))
        return True

    @staticmethod
    def _labelled(pattern: re.Pattern, block: RawBlock) -> str | None:
        """The text of a block opened by a label (`Beslut`, `Beslut: ...`), or None."""
        match = pattern.match(block.first)
        if not match:
            return None
        return "\n".join([(match.group("rest") or "").strip(), *block.lines[1:]]).strip()

    def _proposal(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        text = self._labelled(self.terms.proposal_label, block)
        if text is None or self.state.item is None:
            return False
        if not self._decision_follows(blocks[index + 1:]):
            return False  # a proposal nobody decided on stays a paragraph
        if text:
            self.state.pending_proposal = Paragraph(_joined(text), block.line)
        else:  # the label is a heading: its text is the next paragraph
            self.state.awaiting_proposal = True
        return True

    def _proposal_text(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        if not (self.state.awaiting_proposal and block.lines):
            return False
        self.state.awaiting_proposal = False
        self.state.pending_proposal = Paragraph(_joined("\n".join(block.lines)), block.line)
        return True

    def _decision_text(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        """The paragraph under a `Beslut` heading, or its `att ...` clauses, each a
        paragraph of its own."""
        opened = self.state.open_decision
        if opened is None or not block.lines:
            return False
        _line, proposal = opened
        text = "\n".join(block.lines)
        if _ATT_CLAUSE.match(block.first):
            self.state.open_clauses = True
            for offset, clause in _att_clauses(block.lines) or [(0, _att_clause_alone(text))]:
                self._add_decision(clause, block.line + offset, proposal)
            return True
        if self.state.open_clauses:
            return False  # the clauses have ended
        self.state.open_decision = None
        self._add_decision(_joined(text), block.line, proposal)
        return True

    def _decision_follows(self, blocks: list[RawBlock]) -> bool:
        """Whether a labelled decision follows in the same item (yrkanden may come between)."""
        for block in blocks:
            if not block.lines:
                continue
            if self.terms.decision_label.match(block.first):
                return True
            item = self._item_number(block.first)
            if item is not None and self._accepts_item(item, self.state.item):
                return False
        return False

    def _decision(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        text = self._labelled(self.terms.decision_label, block)
        if text is None or self.state.item is None:
            return False
        rest = self.terms.decision_label.match(block.first).group("rest") or ""
        clauses = _att_clauses((rest, *block.lines[1:]))
        proposal = self.state.pending_proposal
        self.state.pending_proposal = None
        if not text:  # the label is a heading: the decision follows below it
            self.state.open_decision, self.state.open_clauses = (block.line, proposal), False
            return True
        for offset, clause in clauses or [(0, _joined(text))]:
            self._add_decision(clause, block.line + offset, proposal)
        return True

    def _add_decision(self, text: str, line: int, proposal: Paragraph | None, derived: bool = False,
                      wording: str | None = None, context: str | None = None, append: bool = True) -> Decision:
        self.state.decisions_in_item += 1
        item = self.state.item
        decision = Decision(
            item=item.number, sub=item.sub, index=self.state.decisions_in_item, text=text,
            proposal=proposal.text if proposal else None, line=self.source.file_line(line),
            proposal_line=self.source.file_line(proposal.line) if proposal else None,
            derived=derived, wording=wording, context=context,
            formality=any(p.search(text) for p in self.terms.formalities),
        )
        if append:
            self.state.item_blocks.append(decision)
        return decision

    def _content(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        if not block.lines:
            return True
        if self.state.item is None:
            append_blocks(self.parts.preamble, _with_file_lines(content_blocks(block), self.source))
            return True
        found: list[Block] = []
        for piece in _with_file_lines(content_blocks(block), self.source):
            found.extend(self._decisions_in(piece))
        append_blocks(self.state.item_blocks, found)
        return True

    def _decisions_in(self, block: Block) -> list[Block]:
        """A paragraph as it stands, or with the decisions it states: `... Beslut: X`
        closing it, or a sentence worded as a decision of this meeting."""
        if not isinstance(block, Paragraph):
            return [block]
        inline = _INLINE_DECISION.split(block.text, maxsplit=1)
        if len(inline) == 2:
            head = Paragraph(inline[0], block.line)
            before = self._decisions_in(head)
            return [*before, self._add_decision(_joined(inline[1]), block.line, None, append=False)]
        found = decision_sentences(block.text, self.wording)
        if found is None:
            return [block]
        text, wording = found
        return [self._add_decision(text, block.line, None, derived=True, wording=wording, context=block.text,
                                   append=False)]

    # --- helpers ----------------------------------------------------------------------

    def _close_item(self) -> None:
        item = self.state.item
        if item is None:
            return
        self.parts.items.append(AgendaItem(
            number=item.number,
            sub=item.sub,
            title=self.state.item_title,
            blocks=_worded_only_without_labelled(self.state.item_blocks),
            line=self.source.file_line(self.state.item_line),
        ))
        self.state.item_blocks = []
        self.state.decisions_in_item = 0
        self.state.pending_proposal = None


def _worded_only_without_labelled(blocks: list[Block]) -> tuple[Block, ...]:
    """Where an item labels its decisions (`Beslut: ...`), a sentence worded like one is
    discussion (`Samtliga kommuner ställer sig bakom ... men ...`): it stays a paragraph.
    Decisions are numbered anew in their order."""
    if any(isinstance(b, Decision) and not b.derived for b in blocks):
        blocks = [Paragraph(b.context or b.text, b.line) if isinstance(b, Decision) and b.derived else b
                  for b in blocks]
    numbered: list[Block] = []
    index = 0
    for block in blocks:
        if isinstance(block, Decision):
            index += 1
            block = replace(block, index=index)
        numbered.append(block)
    return tuple(numbered)


def _joined(text: str) -> str:
    return " ".join(text.split())


def _att_clauses(lines: tuple[str, ...] | list[str]) -> list[tuple[int, str]]:
    """`att A,\\natt B, samt\\natt C` -> [(0, `att A`), (1, `att B`), (2, `att C`)]: each
    clause with the index of the line it starts on; an introducing line (`Styrgruppen
    beslutar`) is not part of a clause. [] when the lines hold no clauses."""
    numbered = [(index, line.strip()) for index, line in enumerate(lines) if line.strip()]
    if not any(_ATT_CLAUSE.match(line) for _, line in numbered) or len(numbered) < 2:
        return []
    clauses: list[tuple[int, str]] = []
    for index, line in numbered:
        if _ATT_CLAUSE.match(line):
            clauses.append((index, line))
        elif clauses:
            clauses[-1] = (clauses[-1][0], clauses[-1][1] + " " + line)
    return [(index, _att_clause_alone(clause)) for index, clause in clauses]


def _att_clause_alone(text: str) -> str:
    """One `att ...` clause of its own paragraph, without the `, samt` that joins it to the next."""
    return re.sub(r"(?:,\s*samt|\s+samt|\s+och)$", "", _joined(text)).rstrip(" ,;")


def _with_file_lines(blocks: list[Block], source: SourceFile) -> list[Block]:
    """Body line numbers -> file line numbers (front matter shifts them)."""
    return [replace(b, line=source.file_line(b.line)) for b in blocks]


def parse_minutes(source: SourceFile, knowledge: Knowledge, diagnostics: Diagnostics) -> MinutesParts:
    return MinutesParser(source, knowledge, diagnostics).parse()
