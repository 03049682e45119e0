"""Word (.docx) documents, with python-docx: paragraphs, headings, numbered and bulleted
lists (Word's own numbering computed, as the reader saw it), tables, in document order.

Page headers and footers are not read: they are page furniture, not text.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from generator.read.layout import Layout

# A .docx is a zip; one whose parts unpack to more than this is not a document (zip bomb).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


class ReadProblem(Exception):
    """The file cannot be read; the message (Swedish) says why and what to do."""


def check_zip(data: bytes, required: str, what: str) -> zipfile.ZipFile:
    """The zip container of an Office or OpenDocument file, checked before anything is unpacked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise ReadProblem(f"filen är ingen giltig {what} (trasig eller ofullständig zip-fil) – hoppas över") from None
    if required not in names:
        found = ", ".join(sorted(names)[:3]) or "inget"
        raise ReadProblem(f"filen är en zip-fil men inte en {what} (innehåller {found}) – hoppas över")
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
        raise ReadProblem(f"filen packas upp till mer än {MAX_UNPACKED_BYTES // 1024 // 1024} MB – "
                          "det är inget vanligt dokument; hoppas över")
    return archive


_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def format_number(n: int, fmt: str) -> str:
    return {"decimal": str(n), "decimalZero": f"{n:02d}", "lowerLetter": _letters(n),
            "upperLetter": _letters(n).upper(), "lowerRoman": _roman(n), "upperRoman": _roman(n).upper(),
            }.get(fmt, str(n))


class Numbering:
    """Word's list numbering: which paragraphs are list items and the number each shows."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> ilvl -> (fmt, text, start)
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    _val(lvl, "w:numFmt", "decimal"), _val(lvl, "w:lvlText", ""), int(_val(lvl, "w:start", "1") or 1))
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else None, {}))
            for override in num.findall(qn("w:lvlOverride")):
                level = int(override.get(qn("w:ilvl"), "0"))
                start = override.find(qn("w:startOverride"))
                if start is not None and level in levels:
                    fmt, text, _ = levels[level]
                    levels[level] = (fmt, text, int(start.get(qn("w:val"), "1")))
            self.levels[num.get(qn("w:numId"))] = levels

    def marker(self, paragraph: Paragraph) -> str | None:
        """`-` for a bullet, the number as shown (`1.`, `2.3`, `b)`) for a numbered item,
        None for an ordinary paragraph."""
        found = _num_pr(paragraph)
        if found is None:
            return None
        num_id, level = found
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return None
        fmt, text, _start = levels[level]
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, levels[level][2] - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        shown = text or f"%{level + 1}."
        for k in range(level + 1):
            if k in levels:
                value = counters.get(k, levels[k][2])
                shown = shown.replace(f"%{k + 1}", format_number(value, levels[k][0]))
        return shown.strip()


def _val(node, tag: str, default: str) -> str:
    child = node.find(qn(tag))
    return child.get(qn("w:val"), default) if child is not None else default


def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    """(numId, level) of the paragraph, given on it or by its style (or the style's base)."""
    candidates = [paragraph._p.pPr]
    style = paragraph.style
    seen = 0
    while style is not None and seen < 10:
        candidates.append(style.element.pPr)
        style = style.base_style
        seen += 1
    level = None
    for ppr in candidates:
        if ppr is None or ppr.numPr is None:
            continue
        num_pr = ppr.numPr
        if level is None and num_pr.ilvl is not None:
            level = num_pr.ilvl.val
        if num_pr.numId is not None:
            num_id = str(num_pr.numId.val)
            return (None if num_id == "0" else (num_id, level or 0))
    return None


def _is_heading(paragraph: Paragraph) -> bool:
    style = paragraph.style
    name = (style.name or "").lower() if style is not None else ""
    return name.startswith(("heading", "rubrik")) or name == "title"


def _cell_text(cell, numbering: Numbering) -> str:
    """A cell's paragraphs as lines (an empty paragraph an empty line); nested tables flattened."""
    lines: list[str] = []
    for child in cell._tc.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, cell)
            marker = numbering.marker(paragraph)
            text = paragraph.text
            lines.append(f"{marker} {text}".strip() if marker else text)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, cell).rows:
                lines.append("\t".join(_cell_text(c, numbering).replace("\n", " ") for c in _cells(row)))
    return "\n".join(lines)


def _cells(row) -> list:
    """The distinct cells of a row (a cell merged across columns once)."""
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _blocks(parent):
    """Paragraphs and tables of the body in order, looking into content controls."""
    for child in parent.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)


def read_docx(data: bytes) -> str:
    check_zip(data, "word/document.xml", "Word-fil (.docx)")
    try:
        document = open_docx(io.BytesIO(data))
    except Exception as error:
        raise ReadProblem(f"Word-filen kunde inte öppnas ({error.__class__.__name__}) – hoppas över") from None
    numbering = Numbering(document)
    layout = Layout()
    body = document.element.body
    for element in _blocks(body):
        if element.tag == qn("w:tbl"):
            table = Table(element, document)
            layout.table([[_cell_text(cell, numbering) for cell in _cells(row)] for row in table.rows])
            continue
        paragraph = Paragraph(element, document)
        if element.find(f".//{qn('w:br')}[@{qn('w:type')}='page']") is not None:
            layout.page_break()
        text = paragraph.text
        marker = numbering.marker(paragraph) if text.strip() else None
        if marker is None:
            layout.paragraph(text)
        elif _is_heading(paragraph):  # a numbered heading: `3. Aktuellt SKR`
            layout.heading(f"{marker} {text}".strip())
        else:
            layout.list_item(marker, text)
    return layout.text()
