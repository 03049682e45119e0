"""Minutes: attendance, numbered agenda items with their content, decisions, note-taker.

The parser walks the blank-line separated blocks once. Each block is offered to the
recognisers in order; the first that accepts it decides what it is. A new convention
(say `§ 3` items or a `Justeras` line) is one more recogniser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from generator.model import (
    AgendaItem, Affiliation, Block, Decision, Diagnostics, NoteTaker, Paragraph, SourceFile,
)
from generator.parse.attendance import AttendanceParser, attendance_status, looks_like_name
from generator.parse.blocks import RawBlock, append_blocks, content_blocks, split_blocks
from generator.parse.decisions import decision_sentences
from generator.knowledge import Knowledge

_ITEM = re.compile(r"^(?:§\s*(?P<para>\d{1,3})\.?|(?P<num>\d{1,3})\.)\s+(?P<title>\S.*)$")
_DECISION = re.compile(r"^Beslut\s*:\s*(?P<text>.*)$", re.IGNORECASE | re.DOTALL)
_PROPOSAL = re.compile(r"^Förslag\s*:\s*(?P<text>.*)$", re.IGNORECASE | re.DOTALL)
_NOTED_BY = re.compile(r"^(?:Antecknat av|Vid protokollet|Sekreterare)\s*:?\s*(?P<rest>.+)$", re.IGNORECASE)
_SIGNATURE_OPENING = re.compile(r"^(?:Minnes)?[Aa]nteckningar\s*,?\s*(?P<rest>.*)$")
DOCUMENT_HEADING = re.compile(
    r"^(?:(?:minnes|mötes)?anteckningar|protokoll)\b.*$", re.IGNORECASE)


@dataclass
class MinutesParts:
    heading: str | None = None
    attendees: list = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    note_taker: NoteTaker | None = None
    preamble: list[Block] = field(default_factory=list)


@dataclass
class _State:
    """Where the walk is: which list or item the next block belongs to."""

    attendance: str | None = None  # "present"/"absent" while inside an attendance list
    group: Affiliation | None = None
    item_number: int | None = None
    item_title: str = ""
    item_line: int = 0
    item_blocks: list[Block] = field(default_factory=list)
    pending_proposal: Paragraph | None = None
    decisions_in_item: int = 0


class MinutesParser:
    def __init__(self, source: SourceFile, knowledge: Knowledge, diagnostics: Diagnostics) -> None:
        self.source = source
        self.diagnostics = diagnostics
        self.parts = MinutesParts()
        self.state = _State()
        self.wording = knowledge.wording
        self.attendance = AttendanceParser(knowledge.registers, diagnostics, source.name, source.file_line)
        # Ordered recognisers: (name, test-and-run). Each returns True when it took the block.
        self.recognisers: list[tuple[str, Callable[[RawBlock, int, list[RawBlock]], bool]]] = [
            ("document heading", self._document_heading),
            ("attendance heading", self._attendance_heading),
            ("attendance group", self._attendance_group),
            ("agenda item", self._agenda_item),
            ("attendance line", self._attendance_lines),
            ("note-taker", self._note_taker),
            ("signature", self._signature),
            ("proposal", self._proposal),
            ("decision", self._decision),
            ("content", self._content),
        ]

    def parse(self) -> MinutesParts:
        blocks = split_blocks(self.source.body)
        for index, block in enumerate(blocks):
            for _name, recognise in self.recognisers:
                if recognise(block, index, blocks):
                    break
        self._close_item()
        self.parts.attendees = list(self.attendance.attendees)
        return self.parts

    # --- recognisers ------------------------------------------------------------------

    def _document_heading(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        if self.parts.heading is None and not self.parts.items and len(block.lines) == 1 \
                and DOCUMENT_HEADING.match(block.first) and len(block.first) < 120 \
                and not self.parts.attendees and self.state.attendance is None:
            self.parts.heading = block.first
            return True
        return False

    def _attendance_heading(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        status = attendance_status(block.first)
        if status is None or self.state.item_number is not None:
            return False
        self.state.attendance, self.state.group = status, None
        if len(block.lines) > 1:
            self.attendance.add_block(RawBlock(block.lines[1:], block.line + 1), status, None)
        return True

    def _attendance_group(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        if self.state.attendance is None or not self.attendance.is_group_heading(block):
            return False
        self.state.group = self.attendance.registers.affiliation(block.first)
        return True

    def _attendance_lines(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        if self.state.attendance is None:
            return False
        self.attendance.add_block(block, self.state.attendance, self.state.group)
        return True

    def _agenda_item(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        match = _ITEM.match(block.first)
        if not match:
            return False
        number = int(match.group("para") or match.group("num"))
        expected = None if self.state.item_number is None else self.state.item_number + 1
        if expected is not None and number != expected:
            return False  # a numbered paragraph inside an item, not a new item
        if expected is None and number > 20:
            return False
        self._close_item()
        self.state.attendance = None
        self.state.item_number = number
        self.state.item_title = match.group("title").strip()
        self.state.item_line = block.line
        if len(block.lines) > 1:
            self._content(RawBlock(block.lines[1:], block.line + 1), index, blocks)
        return True

    def _note_taker(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        match = _NOTED_BY.match(block.first)
        if not match or len(block.lines) > 3:
            return False
        rest = match.group("rest").strip().rstrip(".")
        name, _, title = rest.partition(",")
        title = title.strip() or (block.lines[1] if len(block.lines) > 1 else None)
        self.parts.note_taker = NoteTaker(name.strip(), title, self.source.file_line(block.line))
        return True

    def _signature(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        """A closing `Anteckningar, <name>, <title>` signature, on one line or three."""
        match = _SIGNATURE_OPENING.match(block.first)
        if not match or self.state.item_number is None or index < len(blocks) - 2:
            return False
        parts = [match.group("rest")] + list(block.lines[1:])
        parts = [p.strip().strip(",") for p in ",".join(parts).split(",") if p.strip().strip(",")]
        if not parts or not looks_like_name(parts[0]):
            return False
        title = ", ".join(parts[1:]) or None
        self.parts.note_taker = NoteTaker(parts[0], title, self.source.file_line(block.line))
        return True

    def _proposal(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        match = _PROPOSAL.match(block.text)
        if not match or self.state.item_number is None:
            return False
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is not None and _DECISION.match(following.text):
            self.state.pending_proposal = Paragraph(match.group("text").strip(), block.line)
            return True
        return False  # a proposal nobody decided on stays a paragraph

    def _decision(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        match = _DECISION.match(block.text)
        if not match or self.state.item_number is None:
            return False
        proposal = self.state.pending_proposal
        self.state.pending_proposal = None
        self.state.decisions_in_item += 1
        self.state.item_blocks.append(Decision(
            item=self.state.item_number,
            index=self.state.decisions_in_item,
            text=" ".join(match.group("text").split("\n")).strip(),
            proposal=proposal.text if proposal else None,
            line=self.source.file_line(block.line),
            proposal_line=self.source.file_line(proposal.line) if proposal else None,
        ))
        return True

    def _content(self, block: RawBlock, index: int, blocks: list[RawBlock]) -> bool:
        if self.state.item_number is None:
            append_blocks(self.parts.preamble, _with_file_lines(content_blocks(block), self.source))
            return True
        found = [self._derived_decision(b) for b in _with_file_lines(content_blocks(block), self.source)]
        append_blocks(self.state.item_blocks, found)
        return True

    def _derived_decision(self, block: Block) -> Block:
        """A paragraph that states a decision in words becomes a derived decision."""
        if not isinstance(block, Paragraph):
            return block
        found = decision_sentences(block.text, self.wording)
        if found is None:
            return block
        text, wording = found
        self.state.decisions_in_item += 1
        return Decision(item=self.state.item_number, index=self.state.decisions_in_item, text=text,
                        proposal=None, line=block.line, derived=True, wording=wording, context=block.text)

    # --- helpers ----------------------------------------------------------------------

    def _close_item(self) -> None:
        if self.state.item_number is None:
            return
        self.parts.items.append(AgendaItem(
            number=self.state.item_number,
            title=self.state.item_title,
            blocks=tuple(self.state.item_blocks),
            line=self.source.file_line(self.state.item_line),
        ))
        self.state.item_blocks = []
        self.state.decisions_in_item = 0
        self.state.pending_proposal = None


def _with_file_lines(blocks: list[Block], source: SourceFile) -> list[Block]:
    """Body line numbers -> file line numbers (front matter shifts them)."""
    from dataclasses import replace

    return [replace(b, line=source.file_line(b.line)) for b in blocks]


def parse_minutes(source: SourceFile, knowledge: Knowledge, diagnostics: Diagnostics) -> MinutesParts:
    return MinutesParser(source, knowledge, diagnostics).parse()
