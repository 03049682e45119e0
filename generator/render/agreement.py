"""The structure of agreements and articles as Markdown: goals, tables, local passages,
job-track commitments, signatures, quotes. Plain blocks go through render.blocks."""

from __future__ import annotations

from itertools import groupby
from typing import Callable, Mapping

from generator.display import format_iso
from generator.model import (
    Article, BulletList, JobTrackCommitment, LocalPassage, NumberedList, Paragraph,
    Quote, Signatory, SubHeading, Table,
)
from generator.render import text as t
from generator.render.blocks import PAGE_PREFIX, LinkFinder, linked, render_blocks

PageLink = Callable[[str, str], str]  # (kind, name) -> Markdown link or plain text


def render_rich_blocks(blocks, anchor_prefix: str, page_url: str, find_links: LinkFinder,
                       entity_link: PageLink, person_link: Callable[[str], str], heading_level: int = 3,
                       months: Mapping[int, str] | None = None) -> str:
    parts: list[str] = []
    used: set[str] = set()
    for kind, group in groupby(blocks, key=_group_key):
        group = list(group)
        if kind == "plain":
            parts.append(render_blocks(tuple(group), anchor_prefix, page_url, find_links, heading_level, used=used))
        elif kind == "commitments":
            parts.append(_commitments(group, entity_link))
        elif kind == "signatures":
            parts.append(_signatures(group, entity_link, person_link, months or {}))
        else:
            for block in group:
                if isinstance(block, NumberedList):
                    parts.append(_numbered(block, find_links))
                elif isinstance(block, Table):
                    parts.append(_table(block, find_links, entity_link))
                elif isinstance(block, LocalPassage):
                    parts.append(_passage(block, anchor_prefix, page_url, find_links, entity_link, person_link, used, months))
                elif isinstance(block, Quote):
                    parts.append(_quote(block, find_links, person_link))
    return "\n\n".join(p for p in parts if p)


def _group_key(block) -> str:
    if isinstance(block, (Paragraph, BulletList, SubHeading)):
        return "plain"
    if isinstance(block, JobTrackCommitment):
        return "commitments"
    if isinstance(block, Signatory):
        return "signatures"
    return f"single-{id(block)}"


def _numbered(block: NumberedList, find_links: LinkFinder) -> str:
    # Each item keeps its own number; `1)` would be renumbered by Markdown, so list them.
    return "\n".join(f"{item.number}. {linked(item.text, find_links).replace(chr(10), ' ')}" for item in block.items)


def _table(table: Table, find_links: LinkFinder, entity_link: PageLink) -> str:
    lines = []
    if table.caption:
        lines += [linked(table.caption, find_links), ""]
    lines.append("| " + " | ".join(t.cell(h) or " " for h in table.header) + " |")
    lines.append("| " + " | ".join("---:" if i in table.numeric_columns else "---"
                                   for i in range(len(table.header))) + " |")
    for row in table.rows:
        cells = []
        for i, cell in enumerate(row.cells):
            text = t.cell(cell) if cell else "–"
            if i == 0 and row.municipality:
                text = entity_link("municipality", row.municipality) if cell == row.municipality else text
            cells.append(f"**{text}**" if row.is_total and cell else text)
        lines.append("| " + " | ".join(cells) + " |")
    return '<div class="arkiv-tabell" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"


def _passage(passage: LocalPassage, anchor_prefix: str, page_url: str, find_links: LinkFinder,
             entity_link: PageLink, person_link, used: set[str], months: Mapping[int, str] | None) -> str:
    who = " / ".join(entity_link("municipality", m) for m in passage.municipalities)
    if passage.organisation:
        who = " / ".join(p for p in (who, entity_link("organisation", passage.organisation)) if p)
    label = f'<p class="arkiv-lokalt-rubrik" markdown>**{who or t.cell(passage.written)}**'
    if who and passage.written not in passage.municipalities:
        label += f' <span class="arkiv-tolkning" title="Skrivet {t.attr(passage.written)} i originalet">' \
                 f'(skrivet: {t.cell(passage.written)})</span>'
    label += "</p>"
    body = render_rich_blocks(passage.blocks, anchor_prefix, page_url, find_links, entity_link, person_link,
                              months=months)
    return f'<div class="arkiv-lokalt" markdown>\n\n{label}\n\n{body}\n\n</div>'


def _commitments(commitments: list[JobTrackCommitment], entity_link: PageLink) -> str:
    lines = ["| Kommun | Jobbspår | Status | I texten |", "| --- | --- | --- | --- |"]
    for c in commitments:
        who = " / ".join(entity_link("municipality", m) for m in c.municipalities) or t.cell(c.label)
        tracks = "<br>".join(t.cell(track) for track in c.tracks) or "–"
        lines.append(f"| {who} | {tracks} | {'planeras' if c.planned else 'åtagande'} | {t.cell(c.written)} |")
    return '<div class="arkiv-tabell" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"


def _signatures(signatories: list[Signatory], entity_link: PageLink, person_link, months: Mapping[int, str]) -> str:
    lines = ["| Namn | Titel | Kommun eller organisation | Ort | Datum |", "| --- | --- | --- | --- | --- |"]
    for s in signatories:
        affiliation = "–"
        if s.affiliation is not None:
            affiliation = entity_link(s.affiliation.kind, s.affiliation.name)
            if s.affiliation.unit:
                affiliation += f", {t.cell(s.affiliation.unit)}"
        place = t.cell(s.place_written or s.place or "") or "–"
        date = t.cell(format_iso(s.date, months)) if s.date else "–"
        lines.append(f"| {person_link(s.name)} | {t.cell(s.title or '') or '–'} | {affiliation} | {place} | {date} |")
    lines.append("")
    lines.append('<p class="arkiv-notis">Namn, titel, ort och datum har parats ihop ur underskriftsblocket; '
                 'det ursprungliga blocket finns i originaltexten nedan.</p>')
    return '<div class="arkiv-tabell" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"


def _quote(quote: Quote, find_links: LinkFinder, person_link) -> str:
    text = linked(quote.text, find_links).replace("\n", " ")
    return f"> {text}"


def render_article_body(article: Article, page_url: str, find_links: LinkFinder, entity_link: PageLink,
                        person_link) -> str:
    parts = []
    if article.byline:
        parts.append(f'<p class="arkiv-notis">{t.cell(article.byline)}</p>')
    if article.lead:
        parts.append(f"{linked(article.lead.text, find_links)}\n{{: .arkiv-ingress }}")
    parts.append(render_rich_blocks(article.body, "artikel", page_url, find_links, entity_link, person_link,
                                    heading_level=2))
    # A contact is read from a labelled line (`Kontaktperson på GR: ...`): show it as written,
    # once, rather than put a second label in front of the text's own.
    for written in dict.fromkeys(contact.written for contact in article.contacts):
        parts.append(f'<p class="arkiv-kontakt" markdown>{linked(written, find_links)}</p>')
    return "\n\n".join(p for p in parts if p)


def entity_links(corpus) -> PageLink:
    """Links to municipality and organisation pages, by register name; plain text otherwise."""
    def link(kind: str, name: str) -> str:
        records = corpus.entities_for(kind, name)
        if not records:
            return t.cell(name)
        return " / ".join(f"[{t.cell(r.name)}]({PAGE_PREFIX}{r.path})" for r in records)

    return link
