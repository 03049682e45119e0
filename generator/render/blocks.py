"""Content blocks -> Markdown. All source text goes through `generator.render.text`."""

from __future__ import annotations

from typing import Callable

from generator.model import Block, BulletList, Decision, Paragraph, SubHeading
from generator.render import text as t
from generator.slugs import slugify, unique_slug

LinkFinder = Callable[[str], list]  # text -> links (see generator.resolve.linking.Link)
PAGE_PREFIX = "../"  # documents live one folder below the site root


def _no_links(text: str) -> list:
    return []


def linked(text: str, find_links: LinkFinder) -> str:
    return t.inline(text, find_links(text), PAGE_PREFIX)


def render_blocks(blocks: tuple[Block, ...], anchor_prefix: str, page_url: str,
                  find_links: LinkFinder = _no_links, heading_level: int = 3, used: set[str] | None = None) -> str:
    """Markdown for content blocks; sub-headings at `heading_level` (2 directly under the
    page title, 3 inside an item or section) so that no heading level is skipped."""
    parts: list[str] = []
    used = set() if used is None else used  # anchors already on the page
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(linked(block.text, find_links))
        elif isinstance(block, BulletList):
            parts.append("\n".join(f"- {linked(item, find_links).replace(chr(10), ' ')}" for item in block.items))
        elif isinstance(block, SubHeading):
            # headings carry no links: their ids and the table of contents stay plain
            anchor = unique_slug(f"{anchor_prefix}-{slugify(block.text, 50)}", used)
            parts.append(f"{'#' * heading_level} {t.heading(block.text)} {{ #{anchor} }}")
        elif isinstance(block, Decision):
            parts.append(render_decision(block, page_url, find_links))
    return "\n\n".join(parts)


def render_decision(decision: Decision, page_url: str, find_links: LinkFinder = _no_links) -> str:
    """A highlighted decision with its own id and a visible permalink."""
    anchor = decision.anchor
    if decision.derived:
        return _render_derived(decision, page_url, find_links)
    lines = [
        f'<div class="admonition success arkiv-beslut" id="{anchor}" markdown>',
        f'<p class="admonition-title">{_title(decision)}</p>',
        "",
    ]
    if decision.proposal:
        lines += [f"**Förslag:** {linked(decision.proposal, find_links)}", ""]
    lines += [f"**Beslut:** {linked(decision.text, find_links)}", ""]
    lines += [_permalink(decision, page_url), "", "</div>"]
    return "\n".join(lines)


def _title(decision: Decision) -> str:
    """`Beslut 3.1`, `Beslut 3.1.2` under sub-item 3.1; a routine approval says so."""
    return f"Beslut {decision.item_label}.{decision.index}" + (" (formalia)" if decision.formality else "")


def copy_button(href: str) -> str:
    """A button that copies the address of `href`, given relative to the site root
    (`moten/x.html#beslut-5-1`): the published address when the archive has one (site_url),
    else that path (overrides/assets/javascripts/arkiv.js), and shows what it copied below
    (so no title tooltip, which would cover it). Hidden until JavaScript shows it."""
    return (f'<button type="button" class="md-button arkiv-kopiera" data-href="{t.attr(href)}" hidden>'
            f'Kopiera länk</button>')


def _permalink(decision: Decision, page_url: str) -> str:
    anchor = decision.anchor
    return (f'<p class="arkiv-permalank">Permalänk: <a href="#{anchor}" title="Länk direkt till detta beslut">'
            f'{t.attr(page_url)}#{anchor}</a> {copy_button(f"{page_url}#{anchor}")}</p>')


def _render_derived(decision: Decision, page_url: str, find_links: LinkFinder) -> str:
    """The whole paragraph, in a box that says the decision was read from its wording."""
    why = f"härlett ur formuleringen ”{decision.wording}”" if decision.wording else "härlett ur texten"
    return "\n".join([
        f'<div class="admonition info arkiv-beslut arkiv-beslut-harlett" id="{decision.anchor}" markdown>',
        f'<p class="admonition-title">{_title(decision)} ({t.attr(why)})</p>',
        "",
        linked(decision.context or decision.text, find_links),
        "",
        _permalink(decision, page_url),
        "",
        "</div>",
    ])


