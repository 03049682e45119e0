"""The text the parsers read: typography and page furniture made plain, line for line.

What Word, PDF copies and web pages leave in a text is turned into the plain structure the
parsers know, keeping every line where it was (so that line numbers still point into the
file; the verbatim original, `SourceFile.raw`, is never changed):

- no-break, narrow and other odd spaces become spaces; soft hyphens, zero-width
  characters and byte-order marks are removed; non-breaking hyphens become hyphens;
- bullet glyphs (`•`, `▪`, `·`, `◦`, `*`) at the start of a line become `- `;
- in a Markdown file (`.md`): heading marks (`## 1. Titel`), emphasis around a whole
  line or a leading label (`**Beslut:**`, `*Vid pennan: ...*`) and the pipes of table
  rows (cells become tab-separated, like a table copied from Word);
- page furniture: a page number (`Sida 2 av 3`, `2 (4)`, `- 2 -`) is removed from its
  line, and a running header or footer (a line repeated beside page numbers) is removed
  below the document's own header, where it would cut the text of an item in two.
"""

from __future__ import annotations

import re
from collections import Counter

_CHARACTERS = str.maketrans({
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ", "\u3000": " ",
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
    "\u2011": "-", "\u2010": "-",
})
_BULLET = re.compile(r"^(\s*)[•▪·◦‣∙*](?:\s+|(?=[A-ZÅÄÖ]))")
_PAGE_NUMBER = re.compile(r"(?:^|\s{2,}|\t|^\W*)(?:sida\s+\d+(?:\s*(?:av|/)\s*\d+)?|\d+\s*\(\s*\d+\s*\)|-\s*\d+\s*-)\s*$",
                          re.IGNORECASE)
_HEADER_ZONE = 15  # non-blank lines at the top that are the document's own header
_RUNNING_MIN_LENGTH = 12
_NEAR_PAGE_NUMBER = 2  # lines between a running header and the page number it repeats with

# Markdown (only in .md files)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_MD_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]*-{3,}[\s:|-]*\|?\s*$")
_MD_WHOLE_EMPHASIS = re.compile(r"^(\s*)(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\2\s*$")
_MD_LABEL_EMPHASIS = re.compile(r"^(\s*)(\*\*|__)([^*_\n]{1,40}?:?)\2(:?)")


def normalise(body: str, markdown: bool = False) -> str:
    """`body` made plain for the parsers; the same number of lines."""
    lines = [line.translate(_CHARACTERS) for line in body.split("\n")]
    if markdown:
        lines = [_plain_markdown(line) for line in lines]
    lines = [_BULLET.sub(r"\1- ", line) for line in lines]
    return "\n".join(_without_furniture(lines))


def _plain_markdown(line: str) -> str:
    if _MD_TABLE_RULE.match(line) and "|" in line:
        return line.strip()  # kept (not blank), so the table stays one block; tables skip it
    row = _MD_TABLE_ROW.match(line)
    if row:
        return "\t".join(cell.strip() for cell in row.group(1).split("|"))
    line = _MD_HEADING.sub("", line)
    whole = _MD_WHOLE_EMPHASIS.match(line)
    if whole:
        line = whole.group(1) + whole.group(3)
    return _MD_LABEL_EMPHASIS.sub(lambda m: m.group(1) + m.group(3) + m.group(4), line)


def is_table_rule(line: str) -> bool:
    """The `|---|:---:|` line under a Markdown table's header (kept by `normalise`)."""
    return bool(_MD_TABLE_RULE.match(line)) and "-" in line


def _without_furniture(lines: list[str]) -> list[str]:
    numbered = [i for i, line in enumerate(lines) if _PAGE_NUMBER.search(line)]
    if not numbered:
        return lines
    result = list(lines)
    for i in numbered:
        result[i] = _PAGE_NUMBER.sub("", lines[i]).rstrip()
    keys = [" ".join(line.split()).casefold() for line in result]
    counts = Counter(key for key in keys if len(key) >= _RUNNING_MIN_LENGTH)
    header_end = _header_end(result)
    for i, key in enumerate(keys):
        if i < header_end or counts.get(key, 0) < 2:
            continue
        if any(abs(i - j) <= _NEAR_PAGE_NUMBER for j in numbered):
            result[i] = ""
    return result


def _header_end(lines: list[str]) -> int:
    """Index of the first line after the document's own header (its first non-blank lines)."""
    seen = 0
    for i, line in enumerate(lines):
        if line.strip():
            seen += 1
            if seen > _HEADER_ZONE:
                return i
    return len(lines)
