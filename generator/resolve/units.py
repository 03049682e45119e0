"""A document's units of text: agenda items, agreement sections, an article's body.

People, municipalities, organisations and topics are found per unit, so that every
mention can link to the place (anchor) where it occurs.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Block, BulletList, Decision, Document, Paragraph, SubHeading


@dataclass(frozen=True)
class Unit:
    anchor: str  # `punkt-3`, `avsnitt-7`, or "" for the top of the page
    label: str  # how a list shows it: `punkt 3 Aktuellt SKR`
    title: str
    texts: tuple[str, ...]  # each paragraph, list item, decision and sub-heading

    @property
    def text(self) -> str:
        return "\n\n".join(self.texts)


def block_texts(blocks: tuple[Block, ...]) -> tuple[str, ...]:
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, (Paragraph, SubHeading)):
            texts.append(block.text)
        elif isinstance(block, BulletList):
            texts.extend(block.items)
        elif isinstance(block, Decision):
            if block.proposal:
                texts.append(block.proposal)
            texts.append(block.context or block.text)
    return tuple(texts)


def document_units(document: Document) -> list[Unit]:
    units: list[Unit] = []
    if document.preamble:
        units.append(Unit("", "inledningen", "", block_texts(document.preamble)))
    for item in document.items:
        units.append(Unit(item.anchor, f"punkt {item.number} {item.title}", item.title, block_texts(item.blocks)))
    for index, section in enumerate(document.sections, start=1):
        anchor = section.anchor or f"avsnitt-{index}"
        label = f"avsnitt {section.number} {section.title}" if section.number is not None else section.title
        units.append(Unit(anchor, label, section.title, block_texts(section.blocks)))
    return units
