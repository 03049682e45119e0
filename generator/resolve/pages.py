"""Page names of documents: stable from build to build, as the address ledger remembers them."""

from __future__ import annotations

from generator.model import Diagnostics, Document, Kind
from generator.model.corpus import Page
from generator.resolve.addresses import DOCUMENTS, Ledger
from generator.slugs import slugify, unique_slug

TITLE_SLUG_WORDS = 60  # characters of the title kept in a slug


def document_slug(document: Document) -> str:
    date = document.date.value or "odaterat"
    if document.kind is Kind.MINUTES and document.network:
        return f"{date}-{slugify(document.network)}"
    return f"{date}-{slugify(document.title, max_length=TITLE_SLUG_WORDS)}"


def resolve_pages(documents: list[Document], ledger: Ledger, diagnostics: Diagnostics) -> tuple[Page, ...]:
    """One page per document, in chronological order (then by source name).

    A document keeps the path it was last published at when it is still its to take: a
    collision suffix (-2) must not move from one document to another between builds."""
    ordered = sorted(documents, key=lambda d: (d.date.sort_key, d.source.name))
    taken: dict[str, set[str]] = {}
    pages: list[Page] = []
    for document in ordered:
        folder = taken.setdefault(document.kind.folder, set())
        base = document_slug(document)
        last = ledger.last_slug(DOCUMENTS, document.source.name, document.kind.folder)
        if last and (last == base or last.startswith(f"{base}-")) and last not in folder:
            folder.add(last)
            slug = last
        else:
            slug = unique_slug(base, folder)
        if slug != base:
            diagnostics.info(document.source.name, None,
                             f"sidnamnet {base} är redan upptaget; sidan heter {slug}")
        pages.append(Page(document, slug))
    return tuple(pages)
