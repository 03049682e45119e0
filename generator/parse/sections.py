"""Agreements and articles at the level of sections: heading, subtitle, numbered sections.

Numbered section headings (`1. Parter`) count only in sequence (1, 2, 3, ...), so a
numbered goal (`1. 50% av de som ...`) inside a section stays content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from generator.model import Block, Section, SourceFile
from generator.parse.blocks import RawBlock, append_blocks, content_blocks, split_blocks

_SECTION = re.compile(r"^(?P<num>\d{1,2})\.\s+(?P<title>\S.{0,100})$")


@dataclass
class SectionedText:
    heading: str | None = None
    subtitle: str | None = None
    preamble: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def parse_sections(source: SourceFile, heading_pattern: re.Pattern | None = None) -> SectionedText:
    """Heading (first line, or the first block matching `heading_pattern`), then sections."""
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

    number: int | None = None
    title, title_line, content = "", 0, []
    for block in blocks[start:]:
        match = _SECTION.match(block.first)
        if match and int(match.group("num")) == (number or 0) + 1 and not match.group("title").endswith("."):
            if number is not None:
                result.sections.append(Section(number, title, tuple(content), source.file_line(title_line)))
            number, title, title_line, content = int(match.group("num")), match.group("title").strip(), block.line, []
            if len(block.lines) > 1:
                content.extend(_file_lines(content_blocks(RawBlock(block.lines[1:], block.line + 1)), source))
            continue
        target = content if number is not None else result.preamble
        append_blocks(target, _file_lines(content_blocks(block), source))
    if number is not None:
        result.sections.append(Section(number, title, tuple(content), source.file_line(title_line)))
    return result


def _file_lines(blocks: list[Block], source: SourceFile) -> list[Block]:
    return [replace(b, line=source.file_line(b.line)) for b in blocks]
