"""Content blocks -> Markdown. All source text goes through `generator.render.text`."""

from __future__ import annotations

from generator.model import Block, BulletList, Decision, Paragraph, SubHeading
from generator.render import text as t
from generator.slugs import slugify


def render_blocks(blocks: tuple[Block, ...], anchor_prefix: str, page_url: str) -> str:
    parts: list[str] = []
    used: set[str] = set()
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(t.inline(block.text))
        elif isinstance(block, BulletList):
            parts.append("\n".join(f"- {t.inline(item).replace(chr(10), ' ')}" for item in block.items))
        elif isinstance(block, SubHeading):
            anchor = _unique(f"{anchor_prefix}-{slugify(block.text, 50)}", used)
            parts.append(f"### {t.heading(block.text)} {{ #{anchor} }}")
        elif isinstance(block, Decision):
            parts.append(render_decision(block, page_url))
    return "\n\n".join(parts)


def render_decision(decision: Decision, page_url: str) -> str:
    """A highlighted decision with its own id and a visible permalink."""
    anchor = decision.anchor
    lines = [
        f'<div class="admonition success arkiv-beslut" id="{anchor}" markdown>',
        f'<p class="admonition-title">Beslut {decision.item}.{decision.index}</p>',
        "",
    ]
    if decision.proposal:
        lines += [f"**Förslag:** {t.inline(decision.proposal)}", ""]
    lines += [f"**Beslut:** {t.inline(decision.text)}", ""]
    lines += [
        f'<p class="arkiv-permalank">Permalänk: <a href="#{anchor}" title="Länk direkt till detta beslut">'
        f'{t.attr(page_url)}#{anchor}</a></p>',
        "",
        "</div>",
    ]
    return "\n".join(lines)


def _unique(anchor: str, used: set[str]) -> str:
    candidate, n = anchor, 1
    while candidate in used:
        n += 1
        candidate = f"{anchor}-{n}"
    used.add(candidate)
    return candidate
