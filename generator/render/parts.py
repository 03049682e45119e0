"""Year parts: how a page that lists everything is split so that no page grows with the archive.

A listing page (a person, municipality, organisation or topic, the decisions register, the
attendance matrix, the timeline, a kind's index) keeps its address and becomes a summary:
counts per year, the latest entries and a link to every part. The entries themselves live on
the parts, one per year, in a folder named after the page:

    kommuner/ale.md         ->  kommuner/ale/2023.md, kommuner/ale/2022.md, ...
    beslut.md               ->  beslut/2023.md, ...
    moten/index.md          ->  moten/ar/2023.md, ...

Documents without a date are one part of their own, `odaterade`. A year with more entries
than one page should hold (`ROW_BUDGET`) continues on `2023-2`, `2023-3`, ...: the year is
cut between documents, oldest first, into pages of about equal size, so the first page of
a year keeps its address and a year that is still growing only adds pages at its end.
"""

from __future__ import annotations

import math
import posixpath
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Sequence

from generator.model import Document

UNDATED = "odaterade"
# Front matter of every part: the search finds the documents themselves and the main pages,
# not the same excerpts once more on a year's list.
NOT_SEARCHED = {"search": {"exclude": True}}
LATEST = 10  # entries of each list a main page shows
ROW_BUDGET = 400  # rows (of about 1 kB of Markdown at most) on one part page


def year_of(document: Document) -> str:
    """`2023`, or `odaterade` for a document without a date."""
    return document.date.value[:4] if document.date.value else UNDATED


def year_label(year: str) -> str:
    return "Odaterade" if year == UNDATED else year


def _order(document: Document) -> tuple[str, str]:
    return document.date.sort_key, document.source.name


@dataclass(frozen=True)
class Part:
    """One page of a year (or of the undated documents)."""

    year: str
    number: int  # 1-based page within the year
    count: int  # pages of the year
    sources: frozenset[str]  # source names of the documents whose entries it shows

    @property
    def slug(self) -> str:
        return self.year if self.number == 1 else f"{self.year}-{self.number}"

    @property
    def label(self) -> str:
        """`2023`, `2023, del 2 av 3`, `odaterade dokument`."""
        base = "odaterade dokument" if self.year == UNDATED else self.year
        return base if self.count == 1 else f"{base}, del {self.number} av {self.count}"

    @property
    def documents(self) -> str:
        """`dokumenten från 2023`, `dokumenten från 2023 (del 2 av 3)`, `dokumenten utan datum`."""
        base = "dokumenten utan datum" if self.year == UNDATED else f"dokumenten från {self.year}"
        return base if self.count == 1 else f"{base} (del {self.number} av {self.count})"

    @property
    def during(self) -> str:
        """`under 2023`, `under 2023 (del 2 av 3)`, `utan datum`."""
        base = "utan datum" if self.year == UNDATED else f"under {self.year}"
        return base if self.count == 1 else f"{base} (del {self.number} av {self.count})"

    @property
    def short(self) -> str:
        """`2023`, `2023:2`, `odaterade` – in the navigation."""
        base = "odaterade" if self.year == UNDATED else self.year
        return base if self.number == 1 else f"{base}:{self.number}"


def plan_parts(weights: Iterable[tuple[Document, int]], budget: int | None = None) -> tuple[Part, ...]:
    """The parts of a page whose entries belong to documents, `weights` giving each
    document's entries (a document may come several times). Chronological: the undated
    documents first (they sort as the oldest), then every year in turn. A year of more than
    `budget` (default ROW_BUDGET) entries is cut into pages."""
    budget = budget or ROW_BUDGET
    dates: dict[str, str | None] = {}
    weight: dict[str, int] = {}
    for document, rows in weights:
        name = document.source.name
        dates[name] = document.date.value
        weight[name] = weight.get(name, 0) + rows
    by_year: dict[str, list[str]] = {}
    for _key, name in sorted((value or "0000", name) for name, value in dates.items()):  # as _order
        value = dates[name]
        by_year.setdefault(value[:4] if value else UNDATED, []).append(name)
    parts: list[Part] = []
    for year, names in by_year.items():
        sizes = [max(weight[name], 1) for name in names]
        total = sum(sizes)
        if total <= budget:
            parts.append(Part(year, 1, 1, frozenset(names)))
            continue
        pages = math.ceil(total / budget)
        chunks: list[list[str]] = [[] for _ in range(pages)]
        done = 0
        for name, size in zip(names, sizes):  # about equal pages, cut between documents
            chunks[min(pages - 1, done * pages // total)].append(name)
            done += size
        chunks = [c for c in chunks if c]
        parts += [Part(year, number, len(chunks), frozenset(chunk)) for number, chunk in enumerate(chunks, start=1)]
    return tuple(parts)


def relative(from_path: str, to_path: str) -> str:
    """A link from one docs/ page to another (both docs/-relative paths): what
    `posixpath.relpath` gives, which first makes both paths absolute (a page links to
    hundreds of others, and that cost more than the rest of the link)."""
    folder, target = from_path.split("/")[:-1], to_path.split("/")
    if any(part in ("", ".", "..") for part in (*folder, *target)):
        return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")  # not a plain path
    shared = 0
    while shared < min(len(folder), len(target)) and folder[shared] == target[shared]:
        shared += 1
    return "/".join([".."] * (len(folder) - shared) + target[shared:]) or "."


@dataclass(frozen=True)
class PartSet:
    """A main page and its parts: `main` and `folder` are docs/-relative
    (`kommuner/ale.md`, `kommuner/ale`)."""

    main: str
    folder: str
    parts: tuple[Part, ...]

    def path(self, part: Part) -> str:
        return f"{self.folder}/{part.slug}.md"

    def paths(self) -> list[str]:
        return [self.path(p) for p in self.parts]

    def part_of(self, document: Document) -> Part | None:
        return self._by_source.get(document.source.name)

    def years(self) -> list[str]:
        """Newest first, the undated documents last."""
        seen: list[str] = []
        for part in reversed(self.parts):
            if part.year not in seen:
                seen.append(part.year)
        return seen

    def of_year(self, year: str) -> list[Part]:
        return [p for p in self.parts if p.year == year]

    def link(self, from_path: str, part: Part, anchor: str = "") -> str:
        return relative(from_path, self.path(part)) + (f"#{anchor}" if anchor else "")

    def year_links(self, from_path: str, year: str) -> str:
        """`[2023](ale/2023.md)`, or for a year of several pages
        `[2023](ale/2023.md), [del 2](ale/2023-2.md)`."""
        links = []
        for part in self.of_year(year):
            label = year_label(year) if part.number == 1 else f"del {part.number}"
            links.append(f"[{label}]({self.link(from_path, part)})")
        return ", ".join(links)

    def navigation(self, part: Part, main_label: str) -> str:
        """Markdown for a part page: the previous and next part and the way back to the
        main page's overview of the years."""
        index = self.parts.index(part)
        here = self.path(part)
        items = []
        if index > 0:
            before = self.parts[index - 1]
            items.append(f"[← {before.short}]({self.link(here, before)}{_title(before)})")
        items.append(f"[{main_label}]({relative(here, self.main)}#ar)")
        if index + 1 < len(self.parts):
            after = self.parts[index + 1]
            items.append(f"[{after.short} →]({self.link(here, after)}{_title(after)})")
        return " · ".join(items)

    def section_links(self, from_path: str, anchor: str, documents: Iterable[Document]) -> str:
        """`[2023](ale/2023.md#narvaro) (12) · [2022](...) (3)`: every year with entries of
        one section (one per document in `documents`), newest first, each linking the first
        page of the year that has some."""
        counts: dict[str, int] = {}
        first: dict[str, Part] = {}
        for document in documents:
            part = self._by_source[document.source.name]
            counts[part.year] = counts.get(part.year, 0) + 1
            if part.year not in first or part.number < first[part.year].number:
                first[part.year] = part
        return " · ".join(f"[{year_label(year)}]({self.link(from_path, first[year], anchor)}) ({counts[year]})"
                          for year in self.years() if year in counts)

    @cached_property
    def _by_source(self) -> dict[str, Part]:
        return {name: part for part in self.parts for name in part.sources}


def counted(n: int, singular: str, plural: str) -> str:
    """`1 möte`, `12 möten`."""
    return f"{n} {singular if n == 1 else plural}"


def overview(parts: PartSet, path: str, contents: dict[str, list[str]]) -> list[dict]:
    """The rows of a main page's table of years: the year's part(s), and what the year
    holds (`12 möten, 3 rapporter`), newest first."""
    return [{"year": parts.year_links(path, year), "content": ", ".join(contents.get(year, [])) or "–"}
            for year in parts.years()]


def _title(part: Part) -> str:
    """A link title for a page of a year of several pages (`2023, del 2 av 3`)."""
    return f' "{part.label}"' if part.count > 1 else ""


def latest(items: Sequence, document_of, n: int = LATEST) -> list:
    """The `n` items of the newest documents, in their original order."""
    if len(items) <= n:
        return list(items)
    ranked = sorted(range(len(items)), key=lambda i: (_order(document_of(items[i])), i), reverse=True)[:n]
    keep = set(ranked)
    return [item for i, item in enumerate(items) if i in keep]
