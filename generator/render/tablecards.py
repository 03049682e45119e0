"""Tables that re-flow into cards on narrow screens.

Markdown tables have no per-cell attributes, so this works on the HTML of a page (the
MkDocs hook calls `annotate_tables` for each page's content): every body cell gets
`data-label="<its column header>"` and the table (of MIN_COLUMNS or more columns) `data-cards` (`"wide"` from WIDE_COLUMNS
columns on, e.g. the decisions register: cards already on tablets), and the stylesheet
(overrides/assets/stylesheets/arkiv.css) shows each row as a card with the labels on
narrow screens. Pure CSS, so it works without JavaScript too.

Tables inside an element of class `arkiv-rullbar` (the attendance matrix: too many
columns for cards) are left alone: they scroll inside their own box instead.

Only start tags of `<table>` and `<td>` change; everything else is copied byte for byte.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass, field
from html.parser import HTMLParser

SCROLL_CLASS = "arkiv-rullbar"  # tables inside scroll in their box, never become cards
MIN_COLUMNS = 3  # narrower tables fit a phone as they are
WIDE_COLUMNS = 6  # tables with this many columns need more room: cards below tablet width


@dataclass
class _Table:
    start: int  # offset of "<table" in the page
    scroll: bool  # inside a SCROLL_CLASS element
    headers: list[str] = field(default_factory=list)
    cells: list[tuple[int, int]] = field(default_factory=list)  # (offset of "<td", column)
    in_head: bool = False
    column: int = 0


class _Tables(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self._line_starts.append(index + 1)
        self.tables: list[_Table] = []
        self._stack: list[_Table] = []
        self._open: list[tuple[str, bool]] = []  # (tag, has SCROLL_CLASS) of open elements
        self._header: list[str] | None = None  # text of the <th> being read

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag not in _VOID:
            self._open.append((tag, SCROLL_CLASS in classes))
        table = self._stack[-1] if self._stack else None
        if tag == "table":
            scroll = any(flag for _, flag in self._open)
            new = _Table(self._offset(), scroll)
            self._stack.append(new)
            self.tables.append(new)
        elif table is None:
            return
        elif tag == "thead":
            table.in_head = True
        elif tag == "tbody":
            table.in_head = False
        elif tag == "tr":
            table.column = 0
        elif tag == "th" and (table.in_head or not table.cells):
            self._header = []
        elif tag == "td":
            table.cells.append((self._offset(), table.column))
            table.column += 1

    def handle_endtag(self, tag):
        while self._open:  # tolerate unclosed elements: pop to the matching one
            open_tag, _ = self._open.pop()
            if open_tag == tag:
                break
        if not self._stack:
            return
        table = self._stack[-1]
        if tag == "th" and self._header is not None:
            table.headers.append(" ".join("".join(self._header).split()))
            self._header = None
        elif tag == "thead":
            table.in_head = False
        elif tag == "table":
            self._stack.pop()

    def handle_data(self, data):
        if self._header is not None:
            self._header.append(data)


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def annotate_tables(html: str) -> str:
    """`html` with `data-cards` on each table with a header row of MIN_COLUMNS or more
    columns and `data-label` on its body cells (see the module docstring)."""
    if "<table" not in html:
        return html
    parser = _Tables(html)
    parser.feed(html)
    parser.close()
    inserts: list[tuple[int, str]] = []
    for table in parser.tables:
        if table.scroll or len(table.headers) < MIN_COLUMNS or html[table.start:table.start + 6] != "<table":
            continue
        wide = "wide" if len(table.headers) >= WIDE_COLUMNS else ""
        inserts.append((table.start + len("<table"), f' data-cards="{wide}"'))
        for offset, column in table.cells:
            if html[offset:offset + 3] != "<td" or column >= len(table.headers):
                continue
            label = html_lib.escape(table.headers[column], quote=True)
            inserts.append((offset + len("<td"), f' data-label="{label}"'))
    out: list[str] = []
    position = 0
    for offset, text in sorted(inserts):
        out.append(html[position:offset])
        out.append(text)
        position = offset
    out.append(html[position:])
    return "".join(out)
