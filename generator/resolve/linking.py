"""Where to put links in a text: people, municipalities and organisations.

The linker only says which character spans link where; `render.text.inline` inserts the
links without altering the words, and never inside headings, URLs or code.
"""

from __future__ import annotations

import hashlib
from typing import Mapping

from generator.knowledge.registers import Registers
from generator.model import Document
from generator.model.corpus import PERSON, Link
from generator.resolve.entities import Entities
from generator.resolve.analysis import DocumentAnalysis
from generator.resolve.people import PeopleIndex


class Linker:
    def __init__(self, people: PeopleIndex, entities: Entities, registers: Registers,
                 first_names: frozenset[str], analyses: Mapping[str, DocumentAnalysis]) -> None:
        self.analyses = analyses
        self.people = people
        self.entities = entities
        self.registers = registers
        self.first_names = first_names

    def naming(self) -> str:
        """A digest of everything outside a document that decides its links: who each
        known spelling is, every person's and page's name, the known first names."""
        people, entities = self.people, self.entities
        parts = [sorted(self.first_names), sorted(people.by_key.items()),
                 sorted((p.id, p.name) for p in people.people.values()),
                 sorted((code, r.kind, r.id, r.name) for code, r in entities.by_code.items()),
                 sorted((target, r.kind, r.id, r.name) for target, r in entities.organisations.items())]
        return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()

    def key(self, document: Document, document_key: str, naming: str) -> str:
        """What a document's links are found from: the document (`document_key`, a digest
        of its source and the build's version), the archive's naming, and the first names
        that stand for one person in this document."""
        first_names = sorted(self.people.first_names_by_document.get(document.source.name, {}).items())
        return hashlib.sha256(repr((document_key, naming, first_names)).encode("utf-8")).hexdigest()

    def links(self, text: str, document: Document) -> list[Link]:
        """Non-overlapping links in `text`, people first (a name beats a place in it)."""
        links: list[Link] = []
        for start, end, person_id in self.people.spans(text, document, self.first_names, self.registers):
            person = self.people.people[person_id]
            links.append(Link(start, end, PERSON, person.id, person.name))
        for mention in self.analyses[document.source.name].mentions_in(text):
            record = self.entities.for_mention(mention)
            if record is None:
                continue
            if any(link.start < mention.end and mention.start < link.end for link in links):
                continue
            links.append(Link(mention.start, mention.end, record.kind, record.id, record.name))
        return sorted(links, key=lambda link: link.start)
