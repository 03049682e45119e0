"""What a document's page links and names: every text that can carry links, and every
(kind, name) of a municipality or organisation that the page shows.

Resolve decides the links and page references of exactly these, once; render then only
looks them up. The walk follows every block type the page renders.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from generator.model import (
    Affiliation, BulletList, Decision, Document, JobTrackCommitment, LocalPassage, NumberedList, Paragraph, Quote,
    Signatory, Table,
)


def _block_texts(blocks: Iterable[object]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, (Paragraph, Quote)):
            yield block.text
        elif isinstance(block, BulletList):
            yield from block.items
        elif isinstance(block, Decision):
            if block.proposal:
                yield block.proposal
            yield block.text
            if block.context:
                yield block.context
        elif isinstance(block, NumberedList):
            yield from (item.text for item in block.items)
        elif isinstance(block, Table):
            if block.caption:
                yield block.caption
        elif isinstance(block, LocalPassage):
            yield from _block_texts(block.blocks)


def linked_texts(document: Document) -> Iterator[str]:
    """Every text of the document that its page shows with links in it."""
    yield from _block_texts(document.preamble)
    for item in document.items:
        yield from _block_texts(item.blocks)
    for section in document.sections:
        yield from _block_texts(section.blocks)
    if document.agreement is not None:
        yield from _block_texts(document.agreement.preamble)
        for section in document.agreement.sections:
            yield from _block_texts(section.blocks)
    if document.article is not None:
        if document.article.lead is not None:
            yield document.article.lead.text
        yield from _block_texts(document.article.body)
        yield from (contact.written for contact in document.article.contacts)


def _affiliation(affiliation: Affiliation | None) -> Iterator[tuple[str, str]]:
    if affiliation is not None:
        yield affiliation.kind, affiliation.name


def _block_names(blocks: Iterable[object]) -> Iterator[tuple[str, str]]:
    for block in blocks:
        if isinstance(block, Signatory):
            yield from _affiliation(block.affiliation)
        elif isinstance(block, JobTrackCommitment):
            yield from (("municipality", m) for m in block.municipalities)
        elif isinstance(block, Table):
            yield from (("municipality", row.municipality) for row in block.rows if row.municipality)
        elif isinstance(block, LocalPassage):
            yield from (("municipality", m) for m in block.municipalities)
            if block.organisation:
                yield "organisation", block.organisation
            yield from _block_names(block.blocks)


def named_entities(document: Document) -> Iterator[tuple[str, str]]:
    """Every (kind, register name) of a municipality or organisation the page shows."""
    for attendee in document.attendees:
        yield from _affiliation(attendee.affiliation)
    agreement = document.agreement
    if agreement is not None:
        yield from ((party.kind, party.name) for party in agreement.parties)
        yield from _block_names(agreement.preamble)
        for section in agreement.sections:
            yield from _block_names(section.blocks)
    article = document.article
    if article is not None:
        if article.publisher:
            yield "organisation", article.publisher
        for contact in article.contacts:
            if contact.organisation:
                yield "organisation", contact.organisation
