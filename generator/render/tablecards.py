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

from generator.render.htmlscan import VOID, Token, apply_edits, scan

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


def _tables(tokens: list[Token]) -> list[_Table]:
    """Every table of the page: its header texts and the offset and column of each body cell."""
    tables: list[_Table] = []
    stack: list[_Table] = []
    open_elements: list[tuple[str, bool]] = []  # (tag, has SCROLL_CLASS) of open elements
    header: list[str] | None = None  # text of the <th> being read
    for token in tokens:
        if token.kind in ("text", "ref"):
            if header is not None:
                header.append(token.decoded)
            continue
        if token.kind == "start":
            classes = (token.attributes().get("class") or "").split() if "class" in token.text else []
            if token.name not in VOID and not token.self_closing:
                open_elements.append((token.name, SCROLL_CLASS in classes))
            table = stack[-1] if stack else None
            if token.name == "table":
                new = _Table(token.start, any(flag for _, flag in open_elements))
                stack.append(new)
                tables.append(new)
            elif table is None:
                continue
            elif token.name == "thead":
                table.in_head = True
            elif token.name == "tbody":
                table.in_head = False
            elif token.name == "tr":
                table.column = 0
            elif token.name == "th" and (table.in_head or not table.cells):
                header = []
            elif token.name == "td":
                table.cells.append((token.start, table.column))
                table.column += 1
        elif token.kind == "end":
            while open_elements:  # tolerate unclosed elements: pop to the matching one
                if open_elements.pop()[0] == token.name:
                    break
            if not stack:
                continue
            table = stack[-1]
            if token.name == "th" and header is not None:
                table.headers.append(" ".join("".join(header).split()))
                header = None
            elif token.name == "thead":
                table.in_head = False
            elif token.name == "table":
                stack.pop()
    return tables


def annotate_tables(html: str) -> str:
    """`html` with `data-cards` on each table with a header row of MIN_COLUMNS or more
    columns and `data-label` on its body cells (see the module docstring)."""
    if "<table" not in html:
        return html
    return apply_edits(html, table_edits(html, list(scan(html))))


def table_edits(html: str, tokens: list[Token]) -> list[tuple[int, int, str]]:
    """The edits of `annotate_tables`, for a page already scanned into `tokens`."""
    edits: list[tuple[int, int, str]] = []
    for table in _tables(tokens):
        if table.scroll or len(table.headers) < MIN_COLUMNS or html[table.start:table.start + 6] != "<table":
            continue
        wide = "wide" if len(table.headers) >= WIDE_COLUMNS else ""
        at = table.start + len("<table")
        edits.append((at, at, f' data-cards="{wide}"'))
        for offset, column in table.cells:
            if html[offset:offset + 3] != "<td" or column >= len(table.headers):
                continue
            label = html_lib.escape(table.headers[column], quote=True)
            edits.append((offset + 3, offset + 3, f' data-label="{label}"'))
    return edits
