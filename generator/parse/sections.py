"""Agreements and articles at the level of sections: heading, subtitle, numbered sections.

Numbered section headings (`1. Parter`, `§ 1 Parter`) count only in sequence (1, 2, 3,
...), so a numbered goal (`1. 50% av de som ...`) inside a section stays content.

A text without numbered sections may have titled ones (`Parter`, `Giltighet`, a line of
its own at the start of a block): the caller says which lines are section titles
(`is_title`; agreements use the section words of data/agreement_terms.yml). Titled
sections have no number; they need at least two titles in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Callable

from generator.model import Block, Section, SourceFile
from generator.parse.blocks import RawBlock, append_blocks, content_blocks, split_blocks

_SECTION = re.compile(r"^(?:(?P<num>\d{1,2})\.|§\s*(?P<para>\d{1,2})\.?)\s+(?P<title>\S.{0,100})$")
_MIN_TITLED = 2  # titled sections only when the text has at least this many titles


@dataclass
class SectionedText:
    heading: str | None = None
    subtitle: str | None = None
    preamble: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def parse_sections(source: SourceFile, heading_pattern: re.Pattern | None = None,
                   is_title: Callable[[str], bool] | None = None) -> SectionedText:
    """Heading (first line, or the first block matching `heading_pattern`), then sections:
    numbered ones, or (with `is_title`, when there are none) titled ones."""
    result = SectionedText()
    blocks = split_blocks(source.body)
    if not blocks:
        return result
    start = 0
    first = blocks[0]
    if heading_pattern is None or heading_pattern.match(first.first):
        result.heading = first.first
        rest = first.lines[1:]
        start = 1
        if rest:
            blocks = [RawBlock(rest, first.line + 1)] + blocks[1:]
            start = 0
        elif heading_pattern is not None and len(blocks) > 1 and blocks[1].first[:1].islower() \
                and len(blocks[1].lines) == 1:
            result.subtitle = blocks[1].first
            start = 2

    numbered = _numbered_sections(blocks[start:], source, result.preamble)
    if numbered is not None:
        result.sections = numbered
    elif is_title is not None:
        result.sections = _titled_sections(blocks[start:], source, result.preamble, is_title)
    else:
        for block in blocks[start:]:
            append_blocks(result.preamble, _file_lines(content_blocks(block), source))
    return result


def section_number(line: str) -> tuple[int, str] | None:
    """(number, title) of a numbered section heading (`3. Målgrupp`, `§ 3 Målgrupp`)."""
    match = _SECTION.match(line)
    if not match or match.group("title").endswith("."):
        return None
    return int(match.group("num") or match.group("para")), match.group("title").strip()


def _numbered_sections(blocks: list[RawBlock], source: SourceFile, preamble: list[Block]) -> list[Section] | None:
    sections: list[Section] = []
    before: list[Block] = []
    number: int | None = None
    title, title_line, content = "", 0, []
    for block in blocks:
        found = section_number(block.first)
        if found and found[0] == (number or 0) + 1:
            if number is not None:
                sections.append(Section(number, title, tuple(content), source.file_line(title_line)))
            (number, title), title_line, content = found, block.line, []
            if len(block.lines) > 1:
                content.extend(_file_lines(content_blocks(RawBlock(block.lines[1:], block.line + 1)), source))
            continue
        append_blocks(content if number is not None else before, _file_lines(content_blocks(block), source))
    if number is None:
        return None
    sections.append(Section(number, title, tuple(content), source.file_line(title_line)))
    preamble.extend(before)
    return sections


def _titled_sections(blocks: list[RawBlock], source: SourceFile, preamble: list[Block],
                     is_title: Callable[[str], bool]) -> list[Section]:
    if sum(1 for block in blocks if is_title(block.first)) < _MIN_TITLED:
        for block in blocks:
            append_blocks(preamble, _file_lines(content_blocks(block), source))
        return []
    sections: list[Section] = []
    current: tuple[str, int, list[Block]] | None = None
    for block in blocks:
        if is_title(block.first):
            if current is not None:
                sections.append(Section(None, current[0], tuple(current[2]), source.file_line(current[1])))
            current = (block.first, block.line, [])
            if len(block.lines) > 1:
                current[2].extend(_file_lines(content_blocks(RawBlock(block.lines[1:], block.line + 1)), source))
            continue
        append_blocks(current[2] if current is not None else preamble, _file_lines(content_blocks(block), source))
    if current is not None:
        sections.append(Section(None, current[0], tuple(current[2]), source.file_line(current[1])))
    return sections


def _file_lines(blocks: list[Block], source: SourceFile) -> list[Block]:
    return [replace(b, line=source.file_line(b.line)) for b in blocks]
