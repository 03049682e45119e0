"""The decisions register: every decision in the archive, explicit and derived, by date.

`beslut.md` is a summary (the years, the latest decisions); each year's decisions are on
`beslut/<year>.md` (see generator/render/parts.py)."""

from __future__ import annotations

from generator.render import text as t
from generator.render.dates import date_cell
from generator.render.blocks import copy_button
from generator.render.frontmatter import front_matter
from generator.render.parts import NOT_SEARCHED, Part, PartSet, counted, latest, overview, plan_parts, year_of
from generator.render.templates import render_template
from generator.model.corpus import Corpus, RegisterEntry

REGISTER = "beslut.md"


def register_parts(corpus: Corpus) -> PartSet:
    return PartSet(REGISTER, REGISTER.removesuffix(".md"), plan_parts((e.page.document, 1) for e in corpus.register))


def _row(entry: RegisterEntry, corpus: Corpus, p: str) -> dict:
    d, x, page = entry.page.document, entry.decision, entry.page
    date = f'<span data-sort="{t.attr(d.date.value or "")}">{date_cell(d.date, corpus.month_names)}</span>'
    text = t.cell(x.text)
    if x.derived:
        text += f' <span class="arkiv-tolkning" title="{t.attr("Härlett ur formuleringen: " + (x.wording or ""))}">(härlett ur texten)</span>'
    municipalities = ", ".join(
        f"[{t.cell(corpus.municipalities[m].name)}]({p}{corpus.municipalities[m].path})"
        for m in entry.municipalities) or "–"
    return {
        "date": date,
        "meeting": f"[{t.cell(d.title)}]({p}{page.path})",
        "item": f"[{x.item}. {t.cell(entry.item_title)}]({p}{page.path}#punkt-{x.item})",
        "text": text,
        "proposal": t.cell(x.proposal) if x.proposal else "–",
        "municipalities": municipalities,
        "link": f"[{x.anchor}]({p}{page.path}#{x.anchor}) {copy_button(f'{page.url}#{x.anchor}')}",
    }


def render_register(corpus: Corpus, parts: PartSet, part: Part | None = None) -> str:
    """The register's main page (`part` None): how many decisions each year, the latest
    ones; or one part: every decision of that year, in a table that sorts by any column."""
    entries = corpus.register
    path = parts.main if part is None else parts.path(part)
    p = "../" * path.count("/")
    if part is None:
        shown = latest(entries, lambda e: e.page.document)
        counts: dict[str, list[int]] = {}
        for e in entries:
            year = counts.setdefault(year_of(e.page.document), [0, 0])
            year[0] += 1
            year[1] += e.decision.derived
        meta = {"title": "Beslut", "kind": "decisions", "hide": ["toc"],
                "parts": [x.slug for x in reversed(parts.parts)]}
        years = overview(parts, path, {
            year: [counted(n, "beslut", "beslut") + (f", varav {derived} härledda ur texten" if derived else "")]
            for year, (n, derived) in counts.items()})
        part_context = None
    else:
        shown = [e for e in entries if e.page.document.source.name in part.sources]
        meta = {"title": f"Beslut – {part.label}", "kind": "decisions-part", "hide": ["toc"], "part": part.slug,
                **NOT_SEARCHED}
        years = None
        part_context = {"label": part.label, "name": "Beslut", "during": part.during,
                        "navigation": parts.navigation(part, "Alla år")}
    context = {
        "front_matter": front_matter(meta),
        "part": part_context,
        "rows": [_row(e, corpus, p) for e in shown],
        "total": len(entries),
        "shown": len(shown),
        "derived": sum(1 for e in entries if e.decision.derived),
        "overview": years,
        "csv": f"{p}data/beslut.csv",
    }
    return render_template("register.md.j2", context)
