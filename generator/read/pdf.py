"""PDF documents: the text layer with pdfplumber, scanned pages with OCR (generator/read/ocr.py).

From the words and their positions on each page:
- lines: words at the same height, left to right;
- ruled tables (pdfplumber's table finder): cell by cell, written as generator/read/layout.py
  writes tables (a two-column signature table column by column);
- unruled tables: a run of lines whose pieces (split at wide gaps) stand in the three or
  more columns of its first line is a table, read row by row (a line without a first cell
  continues the row above: a cell that wrapped);
- unruled columns: a run of lines split by the same wide gap is read row by row when it is
  a table of people (a borderless attendance table: a person on the left of each row, their
  municipality or title on the right, a cell that wraps continuing in its own column; a
  heading alone on the left, `Ej närvarande:`, between two such tables), else left column
  first, then right column (a two-column signature block, names listed in two columns);
- running headers and footers: a line at the top or bottom of the page that repeats on at
  least half of the pages (digits ignored, so `Sida 2 av 5` repeats), and page numbers, are
  page furniture and left out;
- paragraphs: a line that is full (the next line's first word would not have fitted on it)
  continues in the next; a wider gap than the line spacing starts a new block; a page break
  inside a sentence is joined;
- hyphenation: `arbets-` at the end of a line followed by `marknad` becomes `arbetsmarknad`
  (only when the hyphen follows a lower-case letter and the next line starts in lower case;
  `vård-` + `och omsorg` keeps its hyphen).
A scanned page (no text layer, an image) gets its words from OCR and goes through the same steps.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass, field

from generator.read.layout import Layout, is_table_of_people, looks_like_people, split_header, table_blocks
from generator.read.word import ReadProblem

MAX_PAGES = 100  # minutes and agreements are a few pages; a longer PDF is not one document
MAX_OCR_PAGES = 20  # OCR takes seconds per page


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 0.0


@dataclass
class Line:
    words: list[Word]
    page: int = 0

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        return statistics.median(w.bottom - w.top for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class PageWords:
    number: int
    width: float
    height: float
    words: list[Word]
    tables: list[tuple[tuple[float, float, float, float], list[list[tuple[float, float, float, float] | None]]]] = \
        field(default_factory=list)  # (bbox, rows of cell bboxes)


@dataclass
class Extraction:
    text: str
    pages: int
    ocr_pages: int = 0
    ocr_confidence: float | None = None
    notes: list[str] = field(default_factory=list)


def lines_of(words: list[Word], page: int = 0) -> list[Line]:
    """Words grouped into lines: a word joins the line whose vertical middle it shares."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (round(w.top, 1), w.x0)):
        middle = (word.top + word.bottom) / 2
        for line in reversed(lines[-3:]):
            if line.top - 1 <= middle <= line.bottom + 1:
                line.words.append(word)
                break
        else:
            lines.append(Line([word], page))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return sorted(lines, key=lambda l: l.top)


# --- page furniture -------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^(?:(?:sida|sid|s\.|page)\s*)?\d{1,4}(?:\s*(?:av|/|of|\()\s*\d{1,4}\)?)?$|^[-–]\s*\d{1,4}\s*[-–]$",
                          re.IGNORECASE)


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def drop_furniture(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Each page's lines without running headers, footers and page numbers."""
    def candidates(lines: list[Line], height: float) -> list[Line]:
        edge = [l for l in lines[:2] if l.top < 0.2 * height] + [l for l in lines[-2:] if l.bottom > 0.8 * height]
        return list({id(l): l for l in edge}.values())

    counts: dict[str, int] = {}
    for lines, height in zip(pages, heights):
        for key in {_furniture_key(l.text) for l in candidates(lines, height)}:
            counts[key] = counts.get(key, 0) + 1
    repeated = {k for k, n in counts.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    result = []
    for lines, height in zip(pages, heights):
        edge = {id(l) for l in candidates(lines, height)
                if _furniture_key(l.text) in repeated or _PAGE_NUMBER.match(l.text.strip())}
        result.append([l for l in lines if id(l) not in edge])
    return result


# --- columns ----------------------------------------------------------------------------------

_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[a-z][.)]|[-–•*·▪])$")


def _segments(line: Line) -> list[list[Word]]:
    """The line split at gaps wider than two line heights (a list marker stays with its text)."""
    gap = 2.0 * line.height
    parts: list[list[Word]] = [[line.words[0]]]
    for word in line.words[1:]:
        if word.x0 - parts[-1][-1].x1 > gap and not (len(parts[-1]) == 1 and _MARKER.match(parts[-1][0].text)):
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


@dataclass
class Region:
    """Lines in two columns: as columns (left, then right) and as rows of (left, right) text."""

    left: list[Line]
    right: list[Line]
    gutter: float = 0.0  # where the right column starts: the left column's lines may reach it
    rows: list[list[str]] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(l.top for l in self.left + self.right)


@dataclass
class Grid:
    """Lines in three or more columns without lines: a table, its rows of cells."""

    rows: list[list[str]]
    top: float


def _grid(lines: list[Line], index: int) -> tuple[Grid, int] | None:
    """The table starting at `lines[index]` (a line of three or more pieces) and how many
    lines it takes, or None. A line belongs while each of its pieces starts in one column
    of the first line and ends before the next column; a line with a first cell alone
    (an agenda item, a paragraph) or further down than a row's spacing ends it."""
    first = lines[index]
    starts = [part[0].x0 for part in _segments(first)]
    if len(starts) < 3:
        return None
    slack = first.height

    def cells(line: Line) -> list[str] | None:
        row = [""] * len(starts)
        for part in _segments(line):
            column = max((j for j, start in enumerate(starts) if part[0].x0 >= start - slack), default=None)
            if column is None or row[column] or (column + 1 < len(starts) and part[-1].x1 > starts[column + 1]):
                return None
            row[column] = " ".join(w.text for w in part)
        return row

    rows: list[list[str]] = []
    taken = 0
    for line in lines[index:]:
        row = cells(line)
        if row is None or (rows and line.top - lines[index + taken - 1].bottom > 1.5 * line.height):
            break
        if rows and not row[0]:  # cells that wrapped onto a line of their own
            rows[-1] = [f"{above} {below}".strip() for above, below in zip(rows[-1], row)]
        elif rows and not any(row[1:]):
            break
        else:
            rows.append(row)
        taken += 1
    return (Grid(rows, first.top), taken) if len(rows) >= 2 else None


def find_columns(lines: list[Line]) -> list[Line | Region | Grid]:
    """Runs of lines in three or more columns become Grids; runs of at least two lines
    split by a common gutter become Regions."""
    out: list[Line | Region | Grid] = []
    index = 0
    while index < len(lines):
        grid = _grid(lines, index)
        if grid is not None:
            out.append(grid[0])
            index += grid[1]
            continue
        segments = _segments(lines[index])
        if len(segments) != 2:
            out.append(lines[index])
            index += 1
            continue
        gutter = (segments[0][-1].x1, segments[1][0].x0)
        members = [(lines[index], segments)]
        last_split = 0
        probe = index + 1
        while probe < len(lines):
            line = lines[probe]
            parts = _segments(line)
            if len(parts) == 2:
                low, high = max(gutter[0], parts[0][-1].x1), min(gutter[1], parts[1][0].x0)
                if high - low < 6:
                    break
                gutter = (low, high)
                last_split = len(members)
            elif len(parts) == 1 and (line.x1 <= gutter[0] + 1 or line.x0 >= gutter[1] - 1):
                if line.top - members[-1][0].bottom > 2.5 * line.height:
                    break
            elif len(parts) == 1 and line.x1 <= gutter[1] - 6 and line.top - members[-1][0].bottom <= 0.75 * line.height:
                gutter = (line.x1, gutter[1])  # a longer left cell in the next row (the right one empty)
            else:
                break
            members.append((line, parts))
            probe += 1
        if last_split == 0:
            out.append(lines[index])
            index += 1
            continue
        left, right = [], []
        for line, parts in members:
            for part in parts:
                (left if part[-1].x1 <= gutter[0] + 1 else right).append(Line(part, line.page))
        out.append(Region(left, right, gutter[1], _rows(left, right)))
        index += len(members)
    return out


def _rows(left: list[Line], right: list[Line]) -> list[list[str]]:
    """The region as table rows: one per line on the left, each right line joining the row
    whose left line is nearest in height (the earlier on a tie), so a right cell that wraps
    stays in its row whether the table aligns its cells at the top or in the middle."""
    if not left:
        return [["", " ".join(line.text for line in right)]] if right else []
    beside: list[list[str]] = [[] for _ in left]
    for line in right:
        nearest = min(range(len(left)), key=lambda i: (abs(left[i].top - line.top), i))
        beside[nearest].append(line.text)
    return [[line.text, " ".join(texts)] for line, texts in zip(left, beside)]


def tables_of_people(rows: list[list[str]]) -> list[list[list[str]] | str] | None:
    """Two-column rows as borderless tables of people, with the headings between them
    (a line alone on the left that names no one), or None if they are not that. Every table
    must be one of people (layout.is_table_of_people) whose right column does not look like
    a second list of names: names listed side by side (under `Närvarande` and
    `Frånvarande`, or under no header) are read column by column. Municipalities and
    organisations can look like names (`Borås Stad`), so a table with a header row needs
    only one right cell that does not; one without, a majority."""
    parts: list[list[list[str]] | str] = [[]]
    for row in rows:
        if not row[1] and not looks_like_people(row[0]):
            parts += [row[0], []]
        else:
            parts[-1].append(row)
    parts = [part for part in parts if part]
    tables = [part for part in parts if not isinstance(part, str)]
    if not tables:
        return None
    for table in tables:
        header, body = split_header(table)
        right = [row[1] for row in body if row[1]] if header else [row[1] for row in body]
        names = sum(looks_like_people(cell) for cell in right)
        if not is_table_of_people(table) or (names == len(right) if header else 2 * names > len(right)):
            return None
    return parts


# --- paragraphs -------------------------------------------------------------------------------

_LIST_START = re.compile(r"^(?:\d{1,3}[.)]\s|[a-z][.)]\s|[-–•*·▪]\s)")
_KEEP_HYPHEN = {"och", "eller", "samt", "resp", "resp.", "respektive", "som", "till", "med"}
_LOWER = re.compile(r"^[a-zåäöéüß]")


def _join(previous: str, following: str) -> str | None:
    """How two lines of one paragraph meet: dehyphenated, or None (not a hyphenation)."""
    if re.search(r"[a-zåäöéüß]-$", previous) and _LOWER.match(following):
        first = following.split()[0].lower()
        return previous + " " + following if first in _KEEP_HYPHEN else previous[:-1] + following
    return None


def assemble(lines: list[Line], right: float | None = None) -> str:
    """Lines as text: paragraphs joined, blank lines between blocks."""
    if not lines:
        return ""
    right = right if right is not None else max(l.x1 for l in lines)
    text = lines[0].text
    for previous, line in zip(lines, lines[1:]):
        space = 0.3 * previous.height
        full = previous.x1 + space + (line.words[0].x1 - line.words[0].x0) > right - 1
        starts_list = bool(_LIST_START.match(line.text))
        if line.page != previous.page:
            if full and not starts_list:  # the paragraph goes on over the page break
                text = _join(text, line.text) or text + " " + line.text
            else:
                text += "\n\n" + line.text
            continue
        gap = line.top - previous.bottom
        if gap > 0.75 * max(previous.height, line.height):
            text += "\n\n" + line.text
        elif starts_list:
            text += "\n" + line.text
        elif (joined := _join(text, line.text)) is not None:
            text = joined
        elif full:
            text += " " + line.text
        else:
            text += "\n" + line.text
    return text


# --- pages ------------------------------------------------------------------------------------


def _inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    middle_x, middle_y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] - 1 <= middle_x <= box[2] + 1 and box[1] - 1 <= middle_y <= box[3] + 1


def page_layout(pages: list[PageWords]) -> str:
    """The text of every page, in reading order, furniture removed."""
    flows: list[list[Line]] = []
    tables: list[list[tuple[float, list[list[str]]]]] = []
    for page in pages:
        free = [w for w in page.words if not any(_inside(w, box) for box, _rows in page.tables)]
        flows.append(lines_of(free, page.number))
        found = []
        for box, rows in page.tables:
            cells = [[_cell(page.words, cell) if cell else "" for cell in row] for row in rows]
            found.append((box[1], cells))
        tables.append(found)
    flows = drop_furniture(flows, [p.height for p in pages])
    # the right margin: as far as any line reaches, and at least as wide as the left margin
    # (a document of short lines has no full line to show it)
    left_edge = min((l.x0 for lines in flows for l in lines), default=0.0)
    right = max([l.x1 for lines in flows for l in lines] + [p.width - left_edge for p in pages if p.width > left_edge])
    layout = Layout()
    pending: list[Line] = []

    def flush() -> None:
        if pending:
            for block in assemble(pending, right).split("\n\n"):
                layout.paragraph(block)
            pending.clear()

    for lines, page_tables in zip(flows, tables):
        items: list[tuple[float, object]] = [(item.top, item) for item in find_columns(lines)]
        items += [(top, rows) for top, rows in page_tables]
        for _top, item in sorted(items, key=lambda pair: pair[0]):
            if isinstance(item, Line):
                pending.append(item)
                continue
            flush()
            if isinstance(item, Grid):
                layout.table(item.rows)
            elif isinstance(item, Region) and (tables := tables_of_people(item.rows)) is not None:
                for part in tables:
                    layout.paragraph(part) if isinstance(part, str) else layout.table(part)
            elif isinstance(item, Region):
                for column, edge in ((item.left, item.gutter), (item.right, max(right, item.gutter))):
                    for block in assemble(column, edge).split("\n\n"):
                        layout.paragraph(block)
            else:
                layout.table(item)
    flush()
    return layout.text()


def _cell(words: list[Word], box: tuple[float, float, float, float]) -> str:
    inside = [w for w in words if _inside(w, box)]
    return assemble(lines_of(inside), box[2]) if inside else ""


def _password_error(error: BaseException) -> bool:
    seen = 0
    while error is not None and seen < 5:
        if "Password" in error.__class__.__name__ or "password" in str(error).lower():
            return True
        error = error.__cause__ or error.__context__ or (error.args[0] if error.args and
                                                          isinstance(error.args[0], BaseException) else None)
        seen += 1
    return False


def read_pdf(data: bytes) -> Extraction:
    import pdfplumber

    from generator.read import ocr

    if not data.startswith(b"%PDF-"):
        raise ReadProblem("filen är ingen PDF-fil (börjar inte med %PDF-) – hoppas över")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        count = len(pdf.pages)
    except Exception as error:
        if _password_error(error):
            raise ReadProblem("PDF-filen är lösenordsskyddad (krypterad) – spara en kopia utan lösenord "
                              "och lägg in den i stället") from None
        raise ReadProblem("PDF-filen är skadad eller ofullständig och kunde inte läsas – hoppas över "
                          "(öppna originalet och spara det som PDF igen)") from None
    with pdf:
        if count == 0:
            raise ReadProblem("PDF-filen har inga sidor (skadad?) – hoppas över")
        if count > MAX_PAGES:
            raise ReadProblem(f"PDF-filen har {count} sidor; gränsen för ett dokument är {MAX_PAGES} sidor – "
                              "hoppas över (dela upp den eller lägg bara in själva dokumentet)")
        pages: list[PageWords] = []
        scanned: list[int] = []
        for number, page in enumerate(pdf.pages):
            try:
                chars = page.chars
                if len(chars) < 10 and page.images:
                    scanned.append(number)
                    pages.append(PageWords(number, float(page.width), float(page.height), []))
                    continue
                words = [Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]),
                              float(w.get("size", 0))) for w in page.extract_words(extra_attrs=["size"])]
                tables = []
                for table in page.find_tables():
                    rows = [list(row.cells) for row in table.rows]
                    if len(rows) >= 1 and max(len(r) for r in rows) >= 2:
                        tables.append((tuple(table.bbox), rows))
                pages.append(PageWords(number, float(page.width), float(page.height), words, tables))
            except Exception as error:
                if _password_error(error):
                    raise ReadProblem("PDF-filen är lösenordsskyddad (krypterad) – spara en kopia utan lösenord "
                                      "och lägg in den i stället") from None
                raise ReadProblem(f"sidan {number + 1} av PDF-filen är skadad och kunde inte läsas "
                                  f"({error.__class__.__name__}) – hoppas över") from None
        notes: list[str] = []
        confidence = None
        if scanned:
            if len(scanned) > MAX_OCR_PAGES:
                raise ReadProblem(f"PDF-filen har {len(scanned)} skannade sidor utan text; OCR görs för högst "
                                  f"{MAX_OCR_PAGES} sidor per dokument – hoppas över (dela upp den)")
            problem = ocr.unavailable()
            if problem is not None:
                if len(scanned) == count:
                    raise ReadProblem(f"PDF-filen är skannad (inget textlager) och {problem} – hoppas över")
                notes.append(f"{len(scanned)} av {count} sidor är skannade och lästes inte: {problem}")
                scanned = []
            else:
                confidences = []
                for number in scanned:
                    page_words, weights = ocr.read_page(data, number)
                    pages[number].words = page_words
                    confidences += weights
                if confidences:
                    total = sum(n for _c, n in confidences)
                    confidence = sum(c * n for c, n in confidences) / total if total else 0.0
        text = page_layout(pages)
    if not text.strip():
        raise ReadProblem("PDF-filen innehåller ingen text (inte heller efter OCR) – hoppas över")
    return Extraction(text, count, len(scanned), confidence, notes)


__all__ = ["Extraction", "Line", "PageWords", "Word", "assemble", "find_columns", "lines_of", "page_layout",
           "read_pdf", "table_blocks"]
