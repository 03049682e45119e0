"""Rich Text Format (.rtf), with striprtf: each RTF paragraph a block, Word's list markers
(`•<tab>`, `1.<tab>`) as list items, table rows (cells ended by `|`) as a table."""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from generator.read.layout import Layout
from generator.read.word import ReadProblem

_BULLET = re.compile(r"^[•·▪◦\-*o]\t\s*(?P<text>.+)$")
_NUMBER = re.compile(r"^(?P<marker>\d{1,3}[.)]|[a-z][.)])\t\s*(?P<text>.+)$")


def read_rtf(data: bytes) -> str:
    if not data.lstrip().startswith(b"{\\rtf"):
        raise ReadProblem("filen är inget RTF-dokument (börjar inte med {\\rtf) – hoppas över")
    try:
        text = rtf_to_text(data.decode("latin-1"), encoding="cp1252", errors="replace")
    except Exception as error:
        raise ReadProblem(f"RTF-filen kunde inte läsas ({error.__class__.__name__}) – hoppas över") from None
    layout = Layout()
    rows: list[list[str]] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.endswith("|") and "|" in line[:-1] or (line.endswith("|") and rows):
            rows.append(line[:-1].split("|"))
            continue
        if rows:
            layout.table(rows)
            rows = []
        bullet, number = _BULLET.match(line), _NUMBER.match(line)
        if bullet:
            layout.list_item("-", bullet.group("text"))
        elif number:
            layout.list_item(number.group("marker"), number.group("text"))
        else:
            layout.paragraph(line)
    if rows:
        layout.table(rows)
    return layout.text()
