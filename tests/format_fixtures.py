"""Word, OpenDocument, PDF and scanned-PDF files made from a text, for the tests (never a
binary fixture from elsewhere): each writes the text's blocks as that format would carry them
- headings as headings, agenda items and bullets as the format's own lists, attendance as a
table, a signature block as a two-column table, running header and footer on every PDF page
and a word hyphenated at a line end."""

from __future__ import annotations

import io
import re
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONT_DIR / "DejaVuSans.ttf"
BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"

_ITEM = re.compile(r"^(\d{1,2})\. (\S.*)$")
_ATTENDANCE = re.compile(r"^(?:EJ )?NÄRVARANDE$")


def blocks(text: str) -> list[list[str]]:
    """The text's blank-line separated blocks, each a list of lines."""
    return [[line.strip(" \r") for line in block.split("\n") if line.strip()]
            for block in re.split(r"\n[ \t]*\n", text.strip("\n")) if block.strip()]


def attendance_rows(lines: list[str]) -> list[list[str]]:
    """`Name, Municipality (pkt 4)` -> [Name, Municipality (pkt 4)]: the table a Word user makes."""
    rows = []
    for line in lines:
        name, _, rest = line.partition(",")
        rows.append([name.strip(), rest.strip()])
    return rows


def _segments(text: str, signatures: list[list[str]] | None):
    """(kind, payload) in order: heading, item (number, title), bullets, attendance (rows),
    paragraph (lines), signatures (cells)."""
    out = []
    in_attendance = False
    for block in blocks(text):
        first = block[0]
        if first == "Anteckningar" and len(block) == 1:
            out.append(("heading", first))
            continue
        if _ATTENDANCE.match(first) and len(block) == 1:
            out.append(("heading", first))
            in_attendance = True
            continue
        item = _ITEM.match(first)
        if item and len(block) == 1:
            in_attendance = False
            out.append(("item", (int(item.group(1)), item.group(2))))
            continue
        if in_attendance:
            out.append(("attendance", attendance_rows(block)))
            continue
        if all("\t" in line for line in block):
            out.append(("table", [line.split("\t") for line in block]))
            continue
        if all(line.startswith("- ") for line in block):
            out.append(("bullets", [line[2:] for line in block]))
            continue
        out.append(("paragraph", block))
    if signatures:
        out.append(("signatures", signatures))
    return out


# --- Word ------------------------------------------------------------------------------------


def to_docx(text: str, path: Path, signatures: list[list[str]] | None = None, auto_numbers: bool = True) -> Path:
    """Headings with Word styles, agenda items in Word's own numbering (`List Number`),
    bullets as `List Bullet`, attendance as a two-column table, signatures as a two-column
    table (one signature a cell, its lines paragraphs with empty ones between)."""
    import docx

    document = docx.Document()
    for kind, payload in _segments(text, signatures):
        if kind == "heading":
            document.add_heading(payload, 1 if payload == "Anteckningar" else 2)
        elif kind == "item":
            number, title = payload
            if auto_numbers:
                document.add_paragraph(title, style="List Number")
            else:
                document.add_paragraph(f"{number}. {title}")
        elif kind == "bullets":
            for line in payload:
                document.add_paragraph(line, style="List Bullet")
        elif kind in ("attendance", "table"):
            table = document.add_table(rows=0, cols=len(payload[0]))
            for row in payload:
                for cell, value in zip(table.add_row().cells, row):
                    cell.text = value
        elif kind == "paragraph":
            paragraph = document.add_paragraph(payload[0])
            for line in payload[1:]:
                paragraph.add_run().add_break()
                paragraph.add_run(line)
        elif kind == "signatures":
            table = document.add_table(rows=0, cols=2)
            for index in range(0, len(payload), 2):
                cells = table.add_row().cells
                for cell, lines in zip(cells, payload[index:index + 2]):
                    cell.text = lines[0]
                    for line in lines[1:]:
                        cell.add_paragraph(line)
    section = document.sections[0]
    section.header.paragraphs[0].text = "AME-chefsnätverket – sidhuvud som inte är text"
    document.save(path)
    return path


# --- OpenDocument ----------------------------------------------------------------------------


def to_odt(text: str, path: Path, signatures: list[list[str]] | None = None) -> Path:
    """Headings as text:h, agenda items as one numbered list continued across the document,
    bullets as a bulleted list, attendance and signatures as tables."""
    from odf.opendocument import OpenDocumentText
    from odf.style import ListLevelProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, ListLevelStyleBullet, ListLevelStyleNumber, ListStyle, P

    document = OpenDocumentText()
    numbers = ListStyle(name="Nummer")
    numbers.addElement(ListLevelStyleNumber(level=1, numformat="1", numsuffix="."))
    bullets = ListStyle(name="Punkt")
    level = ListLevelStyleBullet(level=1, bulletchar="•")
    level.addElement(ListLevelProperties())
    bullets.addElement(level)
    document.automaticstyles.addElement(numbers)
    document.automaticstyles.addElement(bullets)
    first_list = True

    def table(rows: list[list[str]]) -> None:
        element = Table(name=f"Tabell{id(rows)}")
        element.addElement(TableColumn(numbercolumnsrepeated=max(len(r) for r in rows)))
        for row in rows:
            tr = TableRow()
            for cell in row:
                tc = TableCell()
                for line in (cell if isinstance(cell, list) else [cell]):
                    tc.addElement(P(text=line))
                tr.addElement(tc)
            element.addElement(tr)
        document.text.addElement(element)

    for kind, payload in _segments(text, signatures):
        if kind == "heading":
            document.text.addElement(H(outlinelevel=1, text=payload))
        elif kind == "item":
            attributes = {"stylename": numbers}
            if not first_list:
                attributes["continuenumbering"] = "true"
            first_list = False
            element = List(**attributes)
            item = ListItem()
            item.addElement(P(text=payload[1]))
            element.addElement(item)
            document.text.addElement(element)
        elif kind == "bullets":
            element = List(stylename=bullets)
            for line in payload:
                item = ListItem()
                item.addElement(P(text=line))
                element.addElement(item)
            document.text.addElement(element)
        elif kind in ("attendance", "table"):
            table(payload)
        elif kind == "paragraph":
            for line in payload:
                document.text.addElement(P(text=line))
        elif kind == "signatures":
            table([payload[i:i + 2] for i in range(0, len(payload), 2)])
    document.save(str(path))
    return path


# --- PDF -------------------------------------------------------------------------------------


def to_pdf(text: str, path: Path, signatures: list[list[str]] | None = None, hyphenate: str | None = None,
           header: str | None = "AME-chefsnätverket – mötesanteckningar", ruled: bool = True) -> Path:
    """A text PDF as Word would print it: wrapped paragraphs, a running header (unless None)
    and a footer `Sida N av M` on every page, attendance lines, and `hyphenate` (a word of the
    text) broken with a hyphen at a line end. Signatures become a ruled two-column table.
    Tab-separated rows become a table; with `ruled=False` one without lines, its columns
    narrow enough that a long cell wraps inside its column, as Word prints a borderless table."""
    from fpdf import FPDF

    class Printed(FPDF):
        def header(self) -> None:
            if header is None:
                return
            self.set_font("Sans", size=8)
            self.cell(0, 5, header, new_x="LMARGIN", new_y="NEXT")
            self.ln(6)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Sans", size=8)
            self.cell(0, 5, f"Sida {self.page_no()} av {{nb}}", align="C")

    pdf = Printed(format="A4")
    pdf.add_font("Sans", fname=str(FONT))
    pdf.add_font("Sans", style="B", fname=str(BOLD))
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    line = 5.5

    def paragraph(content: str, bold: bool = False) -> None:
        pdf.set_font("Sans", style="B" if bold else "", size=10.5)
        if hyphenate and hyphenate in content:
            cut = len(hyphenate) // 2
            before, after = content.split(hyphenate, 1)
            content = f"{before}{hyphenate[:cut]}-\n{hyphenate[cut:]}{after}"
        pdf.multi_cell(0, line, content, new_x="LMARGIN", new_y="NEXT")

    for kind, payload in _segments(text, signatures):
        if kind == "heading":
            paragraph(payload, bold=True)
        elif kind == "item":
            paragraph(f"{payload[0]}. {payload[1]}", bold=True)
        elif kind == "bullets":
            for entry in payload:
                paragraph(f"- {entry}")
        elif kind == "attendance":
            for name, rest in payload:
                paragraph(f"{name}, {rest}" if rest else name)
        elif kind == "paragraph":
            for entry in payload:
                paragraph(entry)
        elif kind == "table":
            pdf.set_font("Sans", size=10.5)
            shape = {} if ruled else {"borders_layout": "NONE", "align": "LEFT", "text_align": "LEFT",
                                      "width": 55 * len(payload[0]), "col_widths": (1,) * len(payload[0])}
            with pdf.table(first_row_as_headings=False, line_height=line, **shape) as grid:
                for cells in payload:
                    row = grid.row()
                    for value in cells:
                        row.cell(value)
        elif kind == "signatures":
            pdf.set_font("Sans", size=10.5)
            with pdf.table(col_widths=(1, 1), first_row_as_headings=False, line_height=line) as grid:
                for index in range(0, len(payload), 2):
                    row = grid.row()
                    for lines in payload[index:index + 2]:
                        row.cell("\n".join(lines))
        pdf.ln(line)
    pdf.output(str(path))
    return path


def to_scanned_pdf(pdf_path: Path, path: Path, dpi: int = 200) -> Path:
    """Each page of `pdf_path` rendered to a grey image and put in a new PDF without any
    text layer: what a scanner gives."""
    import pypdfium2
    from fpdf import FPDF

    source = pypdfium2.PdfDocument(str(pdf_path))
    scanned = FPDF(format="A4", unit="pt")
    for page in source:
        width, height = page.get_size()
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        scanned.add_page(format=(width, height))
        scanned.image(buffer, x=0, y=0, w=width, h=height)
    source.close()
    scanned.output(str(path))
    return path
