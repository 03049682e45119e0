"""What one document says about places, topics and abbreviations, found without looking at
any other document: the part of resolve that can be cached with the parse result.

`analyse(document, knowledge)` gives, for every text a page links or a unit holds, the
municipalities and organisations it mentions; for every unit, the topics it meets the
rule for; and the words that look like abbreviations the glossary lacks. Resolve joins
these across the corpus (who is which entity, which page links where).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from generator.knowledge import Knowledge
from generator.model import Document
from generator.model.corpus import frozen_mapping
from generator.model.knowledge import TopicHit
from generator.resolve.abbreviations import find_unknown_abbreviations
from generator.resolve.mentions import Mention, find_mentions
from generator.resolve.people import NameCandidate, name_candidates
from generator.resolve.texts import linked_texts
from generator.resolve.topics import match_topics
from generator.resolve.units import document_units


@dataclass(frozen=True)
class DocumentAnalysis:
    mentions: Mapping[str, tuple[Mention, ...]]  # text -> municipality/organisation mentions
    names: Mapping[str, tuple[NameCandidate, ...]]  # text -> capitalised words that may be a name
    topic_hits: Mapping[str, tuple[TopicHit, ...]]  # unit anchor -> topics it is about
    unknown_abbreviations: tuple[tuple[str, int], ...]  # (word, line of the file)

    def mentions_in(self, text: str) -> tuple[Mention, ...]:
        return self.mentions.get(text, ())

    def names_in(self, text: str) -> tuple[NameCandidate, ...] | None:
        return self.names.get(text)


def document_texts(document: Document) -> list[str]:
    """Every text of the document that a page links or a unit holds, each once, sorted."""
    texts = set(linked_texts(document))
    for unit in document_units(document):
        texts.update(unit.texts)
    return sorted(texts)


def analyse(document: Document, knowledge: Knowledge) -> DocumentAnalysis:
    registers = knowledge.registers
    texts = document_texts(document)
    mentions = {text: tuple(find_mentions(text, registers)) for text in texts}
    names = {text: name_candidates(text, registers, knowledge.street_address) for text in texts}
    hits = {unit.anchor: tuple(match_topics(unit.title, unit.text, knowledge.topics))
            for unit in document_units(document)}
    body = document.source.body
    unknown = tuple((token, document.source.file_line(body.count("\n", 0, offset) + 1))
                    for token, offset in find_unknown_abbreviations(body, knowledge.glossary,
                                                                    ignore=registers.written_forms))
    return DocumentAnalysis(frozen_mapping(mentions), frozen_mapping(names), frozen_mapping(hits), unknown)
