"""The decisions register: every decision in the archive, explicit and derived, by date."""

from __future__ import annotations

from generator.render import text as t
from generator.render.dates import date_cell
from generator.render.blocks import copy_button
from generator.render.frontmatter import front_matter
from generator.render.templates import render_template
from generator.model.corpus import Corpus


def render_register(corpus: Corpus) -> str:
    rows = []
    entries = corpus.register
    for entry in entries:
        d, x, page = entry.page.document, entry.decision, entry.page
        date = f'<span data-sort="{t.attr(d.date.value or "")}">{date_cell(d.date, corpus.month_names)}</span>'
        text = t.cell(x.text)
        if x.derived:
            text += f' <span class="arkiv-tolkning" title="{t.attr("Härlett ur formuleringen: " + (x.wording or ""))}">(härlett ur texten)</span>'
        municipalities = ", ".join(
            f"[{t.cell(corpus.municipalities[m].name)}]({corpus.municipalities[m].path})"
            for m in entry.municipalities) or "–"
        rows.append({
            "date": date,
            "meeting": f"[{t.cell(d.title)}]({page.path})",
            "item": f"[{x.item}. {t.cell(entry.item_title)}]({page.path}#punkt-{x.item})",
            "text": text,
            "proposal": t.cell(x.proposal) if x.proposal else "–",
            "municipalities": municipalities,
            "link": f"[{x.anchor}]({page.path}#{x.anchor}) {copy_button(f'{page.url}#{x.anchor}')}",
        })
    context = {
        "front_matter": front_matter({"title": "Beslut", "kind": "decisions", "hide": ["toc"]}),
        "rows": rows,
        "total": len(entries),
        "derived": sum(1 for e in entries if e.decision.derived),
    }
    return render_template("register.md.j2", context)
