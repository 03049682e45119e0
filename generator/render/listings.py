"""Pages that list documents: the start page, the timeline and one index per kind."""

from __future__ import annotations

from typing import Mapping

from collections import Counter
from itertools import groupby

from generator.model import Kind
from generator.render import text as t
from generator.render.dates import date_cell
from generator.render.frontmatter import front_matter
from generator.render.templates import render_template
from generator.model.corpus import Corpus, Page

LATEST = 10
KINDS = (Kind.MINUTES, Kind.AGREEMENT, Kind.ARTICLE, Kind.OTHER)
KIND_TITLES = {
    Kind.MINUTES: "Möten",
    Kind.AGREEMENT: "Överenskommelser",
    Kind.ARTICLE: "Artiklar",
    Kind.OTHER: "Övriga dokument",
}


def _row(page: Page, prefix: str, months: Mapping[int, str]) -> dict:
    d = page.document
    return {
        "date": date_cell(d.date, months),
        "kind": d.kind.label,
        "title": f"[{t.cell(d.title)}]({prefix}{page.path})",
        "network": t.cell(d.network) if d.network else "–",
        "decisions": len(d.decisions),
    }


def _newest_first(corpus: Corpus) -> list[Page]:
    return sorted(corpus.pages, key=lambda p: (p.document.date.sort_key, p.document.source.name), reverse=True)


def render_start(corpus: Corpus) -> str:
    counts = Counter(p.document.kind for p in corpus.pages)
    decisions = sum(len(p.document.decisions) for p in corpus.pages)
    years = sorted({p.document.date.value[:4] for p in corpus.pages if p.document.date.value})
    context = {
        "front_matter": front_matter({"title": corpus.archive_title, "kind": "start"}),
        "title": t.heading(corpus.archive_title),
        "publisher": t.inline(corpus.publisher) if corpus.publisher else None,
        "counts": [(KIND_TITLES[k], counts[k], f"{k.folder}/index.md") for k in KINDS if counts[k]],
        "total": len(corpus.pages),
        "decisions": decisions,
        "span": f"{years[0]}–{years[-1]}" if len(years) > 1 else (years[0] if years else None),
        "latest": [_row(p, "", corpus.month_names) for p in _newest_first(corpus)[:LATEST]],
    }
    return render_template("start.md.j2", context)


def render_timeline(corpus: Corpus) -> str:
    pages = _newest_first(corpus)
    years = []
    for year, group in groupby(pages, key=lambda p: (p.document.date.value or "")[:4] or "Odaterade"):
        years.append({"year": year, "rows": [_row(p, "", corpus.month_names) for p in group]})
    context = {
        "front_matter": front_matter({"title": "Tidslinje", "kind": "timeline"}),
        "years": years,
        "total": len(pages),
    }
    return render_template("timeline.md.j2", context)


def render_kind_index(corpus: Corpus, kind: Kind) -> str:
    pages = [p for p in _newest_first(corpus) if p.document.kind is kind]
    context = {
        "front_matter": front_matter({"title": KIND_TITLES[kind], "kind": f"index-{kind.value}"}),
        "title": KIND_TITLES[kind],
        "rows": [_row(p, "../", corpus.month_names) for p in pages],
        "kind": kind.value,
    }
    return render_template("kind_index.md.j2", context)
