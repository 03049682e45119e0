"""Pages that list documents: the start page, the timeline and one index per kind."""

from __future__ import annotations

from typing import Mapping

from collections import Counter

from generator.model import Kind
from generator.render import text as t
from generator.render.dates import date_cell
from generator.render.frontmatter import front_matter
from generator.render.parts import (
    LATEST, NOT_SEARCHED, Part, PartSet, counted, overview, plan_parts, year_label, year_of,
)
from generator.render.templates import render_template
from generator.model.corpus import Corpus, Page

KINDS = (Kind.MINUTES, Kind.AGREEMENT, Kind.ARTICLE, Kind.OTHER)
KIND_TITLES = {
    Kind.MINUTES: "Möten",
    Kind.AGREEMENT: "Överenskommelser",
    Kind.ARTICLE: "Artiklar",
    Kind.OTHER: "Övriga dokument",
}

KIND_NOUNS = {
    Kind.MINUTES: ("möte", "möten"),
    Kind.AGREEMENT: ("överenskommelse", "överenskommelser"),
    Kind.ARTICLE: ("artikel", "artiklar"),
    Kind.OTHER: ("övrigt dokument", "övriga dokument"),
}
LATEST_TITLES = {
    Kind.MINUTES: "Senaste mötena",
    Kind.AGREEMENT: "Senaste överenskommelserna",
    Kind.ARTICLE: "Senaste artiklarna",
    Kind.OTHER: "Senaste dokumenten",
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


TIMELINE = "tidslinje.md"


def timeline_parts(corpus: Corpus) -> PartSet:
    return PartSet(TIMELINE, TIMELINE.removesuffix(".md"), plan_parts((p.document, 1) for p in corpus.pages))


def kind_parts(corpus: Corpus, kind: Kind) -> PartSet:
    """A kind's index `moten/index.md` and its years `moten/ar/2023.md`."""
    return PartSet(f"{kind.folder}/index.md", f"{kind.folder}/ar",
                   plan_parts((p.document, 1) for p in corpus.pages if p.document.kind is kind))


def _part_context(parts: PartSet, part: Part, name: str) -> dict:
    return {"label": part.label, "name": name, "during": part.during, "documents": part.documents,
            "navigation": parts.navigation(part, "Alla år")}


def render_timeline(corpus: Corpus, parts: PartSet, part: Part | None = None) -> str:
    """The timeline's main page (`part` None): the documents of each year by kind, the
    latest documents; or one part: every document of that year, the latest first."""
    pages = _newest_first(corpus)
    path = parts.main if part is None else parts.path(part)
    prefix = "../" * path.count("/")
    if part is not None:
        context = {
            "front_matter": front_matter({"title": f"Tidslinje – {part.label}", "kind": "timeline-part",
                                          "part": part.slug, **NOT_SEARCHED}),
            "part": _part_context(parts, part, "Tidslinje"),
            "rows": [_row(p, prefix, corpus.month_names) for p in pages if p.source in part.sources],
        }
        return render_template("timeline.md.j2", context)
    counts: dict[str, Counter] = {}
    for p in pages:
        counts.setdefault(year_of(p.document), Counter())[p.document.kind] += 1
    rows = overview(parts, path, {year: [counted(kinds[k], *KIND_NOUNS[k]) for k in KINDS if kinds[k]]
                                  for year, kinds in counts.items()})
    for row, year in zip(rows, parts.years()):
        anchor = f"ar-{year_label(year).lower()}"  # where the year was on the page before it had parts
        row["year"] = f'<span id="{anchor}"></span>{row["year"]}'

    context = {
        "front_matter": front_matter({"title": "Tidslinje", "kind": "timeline",
                                      "parts": [x.slug for x in reversed(parts.parts)]}),
        "part": None,
        "total": len(pages),
        "overview": rows,
        "rows": [_row(p, prefix, corpus.month_names) for p in pages[:LATEST]],
    }
    return render_template("timeline.md.j2", context)


def render_kind_index(corpus: Corpus, kind: Kind, parts: PartSet, part: Part | None = None) -> str:
    """A kind's index (`part` None): its years and the latest documents; or one part: every
    document of the kind from that year."""
    pages = [p for p in _newest_first(corpus) if p.document.kind is kind]
    path = parts.main if part is None else parts.path(part)
    prefix = "../" * path.count("/")
    title = KIND_TITLES[kind]
    if part is not None:
        shown = [p for p in pages if p.source in part.sources]
        meta = {"title": f"{title} – {part.label}", "kind": f"index-{kind.value}-part", "part": part.slug,
                **NOT_SEARCHED}
        years = None
        part_context = {**_part_context(parts, part, title), "count": counted(len(shown), *KIND_NOUNS[kind])}
    else:
        shown = pages[:LATEST]
        meta = {"title": title, "kind": f"index-{kind.value}", "parts": [x.slug for x in reversed(parts.parts)]}
        counts = Counter(year_of(p.document) for p in pages)
        decisions = Counter()
        for p in pages:
            decisions[year_of(p.document)] += len(p.document.decisions)
        years = overview(parts, path, {
            year: [counted(n, *KIND_NOUNS[kind])] + ([counted(decisions[year], "beslut", "beslut")]
                                                     if decisions[year] else [])
            for year, n in counts.items()})
        part_context = None
    context = {
        "front_matter": front_matter(meta),
        "title": title,
        "part": part_context,
        "total": len(pages),
        "overview": years,
        "rows": [_row(p, prefix, corpus.month_names) for p in shown],
        "kind": kind.value,
        "latest_title": LATEST_TITLES[kind],
    }
    return render_template("kind_index.md.j2", context)
