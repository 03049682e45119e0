"""The decisions register: every decision, newest first, with the municipalities it names."""

from __future__ import annotations

from typing import Callable, Iterable

from generator.model import Document
from generator.model.corpus import MUNICIPALITY, Link, Page, RegisterEntry


def register_entries(pages: Iterable[Page], links: Callable[[Document, str], Iterable[Link]]) -> tuple[RegisterEntry, ...]:
    """Newest first; within a meeting in the order of the minutes. A decision names the
    municipalities linked in its text or proposal, each once, in order of appearance."""
    entries = []
    for page in sorted(pages, key=lambda p: (p.document.date.sort_key, p.document.source.name), reverse=True):
        titles = {item.number: item.title for item in page.document.items}
        for decision in page.document.decisions:
            found: list[str] = []
            for text in (decision.text, decision.proposal):
                for link in links(page.document, text) if text else ():
                    if link.kind == MUNICIPALITY and link.id not in found:
                        found.append(link.id)
            entries.append(RegisterEntry(page, decision, titles.get(decision.item, ""), tuple(found)))
    return tuple(entries)
