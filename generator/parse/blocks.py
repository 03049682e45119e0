"""Blank-line separated blocks with line numbers, and the body content found in them.

Every parser starts here. A block is a run of non-blank lines; its `line` is the 1-based
line of the body on which it starts, so diagnostics and anchors can point at the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Block, BulletList, Paragraph, SubHeading


@dataclass(frozen=True)
class RawBlock:
    lines: tuple[str, ...]
    line: int

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def first(self) -> str:
        return self.lines[0]


def split_blocks(body: str) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(body.split("\n"), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append(RawBlock(tuple(current), start))
            current = []
    if current:
        blocks.append(RawBlock(tuple(current), start))
    return join_page_breaks(blocks)


# A sentence is complete when it ends in one of these (quotes and brackets may follow).
_SENTENCE_END = re.compile(r"[.!?:;…]['\"”’)\]]*$")
_STARTS_LOWER = re.compile(r"^[a-zåäöéü]")


def join_page_breaks(blocks: list[RawBlock]) -> list[RawBlock]:
    """Join a block to the previous one when a page break cut a sentence in two.

    The signs are general:
    - the previous block ends without sentence punctuation and the next one starts in
      lower case (`Alla är välkomna att` / `lämna förslag ...`), unless both open with
      `att` (the clauses of a decision, each a paragraph of its own);
    - a hard-wrapped line that starts with a capital (a name: `... enkätundersökning av
      Näringsliv` / `Ulricehamn AB (kommunens näringslivsbolag) där` / `kompetens...`):
      a one-line block that itself ends without punctuation and is continued in lower
      case by the block after it is a fragment of running text, not a heading; it joins
      the block before it when that block also ends mid-sentence and its last line is a
      longer line of prose (a heading above a paragraph is shorter than the paragraph's
      lines, so it is never joined this way).
    """
    joined: list[RawBlock] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if joined and _ATT_CLAUSE.match(joined[-1].first) and _ATT_CLAUSE.match(block.first):
            joined.append(block)  # `att A,` / `att B`: a decision's clauses, one paragraph each
        elif joined and (_is_broken_sentence(joined[-1].lines[-1], block.first)
                       or _is_wrapped_fragment(joined[-1].lines[-1], block, following)):
            previous = joined[-1]
            merged = previous.lines[:-1] + (f"{previous.lines[-1]} {block.first}",) + block.lines[1:]
            joined[-1] = RawBlock(merged, previous.line)
        else:
            joined.append(block)
    return joined


def _is_broken_sentence(last_line: str, next_line: str) -> bool:
    return (
        not _SENTENCE_END.search(last_line)
        and bool(_STARTS_LOWER.match(next_line))
        and len(last_line.split()) >= 3
    )


_ATT_CLAUSE = re.compile(r"^att\s", re.IGNORECASE)

# A line of prose (not a heading) has at least this many words.
_PROSE_MIN_WORDS = 6


def _is_wrapped_fragment(last_line: str, block: RawBlock, following: RawBlock | None) -> bool:
    if len(block.lines) != 1 or following is None:
        return False
    line = block.first
    words = len(line.split())
    return (
        not _SENTENCE_END.search(last_line)
        and not _SENTENCE_END.search(line)
        and bool(_STARTS_LOWER.match(following.first))
        and len(last_line.split()) >= _PROSE_MIN_WORDS
        and 2 <= words < len(last_line.split())
        and bullet_text(last_line) is None
        and bullet_text(line) is None
    )


# `- text`, `* text`, `• text`, and the damaged `- * text` and `-text` of Word exports.
# An en dash (`– `) is not a bullet: in Swedish prose it opens a quotation.
_BULLET = re.compile(r"^(?:[-*•]\s*\*?\s+|-(?=[A-ZÅÄÖa-zåäö]))")


def bullet_text(line: str) -> str | None:
    match = _BULLET.match(line)
    return line[match.end():].strip() if match else None


_HEADING_END = re.compile(r"[.,;:!]$")


def looks_like_subheading(line: str) -> bool:
    """A short title-like line: starts upper case, no closing punctuation, few words."""
    words = line.split()
    return (
        0 < len(words) <= 10
        and len(line) <= 90
        and line[0].isupper()
        and not _HEADING_END.search(line)
        and bullet_text(line) is None
    )


def content_blocks(raw: RawBlock) -> list[Block]:
    """The paragraphs, bullet lists and sub-headings in one raw block, in order.

    Consecutive non-bullet lines form one paragraph (hard-wrapped text); a first line that
    looks like a heading and is followed by longer text is a sub-heading.
    """
    result: list[Block] = []
    lines = list(raw.lines)
    offset = 0
    if len(lines) == 1 and looks_like_subheading(lines[0]) and len(lines[0].split()) <= 10:
        return [SubHeading(lines[0], raw.line)]
    if len(lines) > 1 and looks_like_subheading(lines[0]) and bullet_text(lines[1]) is None \
            and len(lines[1]) > 2 * len(lines[0]):
        result.append(SubHeading(lines[0], raw.line))
        offset = 1

    paragraph: list[str] = []
    paragraph_line = raw.line
    bullets: list[str] = []
    bullets_line = raw.line

    def flush_paragraph() -> None:
        if paragraph:
            result.append(Paragraph("\n".join(paragraph), paragraph_line))
            paragraph.clear()

    def flush_bullets() -> None:
        if bullets:
            result.append(BulletList(tuple(bullets), bullets_line))
            bullets.clear()

    for index in range(offset, len(lines)):
        line = lines[index]
        number = raw.line + index
        item = bullet_text(line)
        if item is not None:
            flush_paragraph()
            if not bullets:
                bullets_line = number
            bullets.append(item)
        elif bullets and line[:1].islower():
            # a bullet's text continued on the next line
            bullets[-1] = f"{bullets[-1]} {line}"
        else:
            flush_bullets()
            if not paragraph:
                paragraph_line = number
            paragraph.append(line)
    flush_paragraph()
    flush_bullets()
    return result


def append_blocks(target: list[Block], new: list[Block]) -> None:
    """Append `new` to `target`; a list that continues a list (only blank lines, e.g. a
    page break, between them) becomes one list."""
    for block in new:
        if target and isinstance(block, BulletList) and isinstance(target[-1], BulletList):
            previous = target[-1]
            target[-1] = BulletList(previous.items + block.items, previous.line)
        else:
            target.append(block)
