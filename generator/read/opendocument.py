"""OpenDocument text (.odt), with odfpy: headings, paragraphs, numbered and bulleted lists
(numbers computed from the list styles), tables, in document order."""

from __future__ import annotations

import io

from odf import teletype
from odf.namespaces import TABLENS, TEXTNS, STYLENS
from odf.opendocument import load

from generator.read.layout import Layout
from generator.read.word import ReadProblem, check_zip, format_number

_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def _name(node) -> str | None:
    qname = getattr(node, "qname", None)
    return qname[1] if qname else None


def _attr(node, ns: str, name: str) -> str | None:
    return node.attributes.get((ns, name)) if hasattr(node, "attributes") else None


class _Lists:
    """List styles: for each style and level, bullet or number format, prefix and suffix."""

    def __init__(self, document) -> None:
        self.styles: dict[str, dict[int, tuple[str, str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        for container in (document.automaticstyles, document.styles):
            for style in container.childNodes:
                if _name(style) != "list-style":
                    continue
                levels = {}
                for level in style.childNodes:
                    number = int(_attr(level, TEXTNS, "level") or 1)
                    if _name(level) == "list-level-style-number":
                        levels[number] = (_FORMATS.get(_attr(level, STYLENS, "num-format") or "1", "decimal"),
                                          _attr(level, STYLENS, "num-prefix") or "",
                                          _attr(level, STYLENS, "num-suffix") or "",
                                          int(_attr(level, TEXTNS, "start-value") or 1))
                    elif _name(level) == "list-level-style-bullet":
                        levels[number] = ("bullet", "", "", 1)
                self.styles.setdefault(_attr(style, STYLENS, "name"), levels)

    def marker(self, style: str | None, level: int) -> str:
        levels = self.styles.get(style or "", {})
        fmt, prefix, suffix, start = levels.get(level, ("bullet", "", "", 1))
        if fmt == "bullet":
            return "-"
        counters = self.counters.setdefault(style or "", {})
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        return f"{prefix}{format_number(counters[level], fmt)}{suffix}".strip() or "-"

    def restart(self, style: str | None) -> None:
        self.counters.pop(style or "", None)


def _text(node) -> str:
    return teletype.extractText(node)


def _cell_text(cell) -> str:
    lines = []
    for child in cell.childNodes:
        if _name(child) in ("p", "h"):
            lines.append(_text(child))
        elif _name(child) == "list":
            for item in _list_items(child):
                lines.append(f"- {item}")
    return "\n".join(lines)


def _list_items(node):
    for item in node.childNodes:
        for child in item.childNodes:
            if _name(child) in ("p", "h"):
                yield _text(child)
            elif _name(child) == "list":
                yield from _list_items(child)


def _rows(table):
    for child in table.childNodes:
        if _name(child) == "table-row":
            yield child
        elif _name(child) in ("table-header-rows", "table-rows", "table-row-group"):
            yield from _rows(child)


def _table(table) -> list[list[str]]:
    rows = []
    for row in _rows(table):
        cells = []
        for cell in row.childNodes:
            if _name(cell) == "table-cell":
                repeat = min(int(_attr(cell, TABLENS, "number-columns-repeated") or 1), 50)
                cells += [_cell_text(cell)] * repeat
        rows.append(cells)
    return rows


def read_odt(data: bytes) -> str:
    archive = check_zip(data, "content.xml", "OpenDocument-textfil (.odt)")
    mimetype = archive.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in archive.namelist() else ""
    if mimetype and mimetype != "application/vnd.oasis.opendocument.text":
        raise ReadProblem(f"filen är ett OpenDocument av typen {mimetype}, inte en textfil (.odt) – hoppas över")
    try:
        document = load(io.BytesIO(data))
    except Exception as error:
        raise ReadProblem(f"OpenDocument-filen kunde inte öppnas ({error.__class__.__name__}) – hoppas över") from None
    lists = _Lists(document)
    layout = Layout()

    def walk(node, list_style: str | None = None, level: int = 0) -> None:
        for child in node.childNodes:
            name = _name(child)
            if name in ("p", "h"):
                if level:
                    layout.list_item(lists.marker(list_style, level), _text(child))
                else:
                    layout.paragraph(_text(child))
            elif name == "list":
                style = _attr(child, TEXTNS, "style-name") or list_style
                if level == 0 and _attr(child, TEXTNS, "continue-numbering") != "true" \
                        and not _attr(child, TEXTNS, "continue-list"):
                    lists.restart(style)
                for item in child.childNodes:
                    if _name(item) in ("list-item", "list-header"):
                        walk(item, style, level + 1)
            elif name == "table":
                layout.table(_table(child))
            elif name == "soft-page-break":
                layout.page_break()
            elif name in ("section", "index-body", "table-of-content"):
                walk(child, list_style, level)

    walk(document.text)
    return layout.text()
