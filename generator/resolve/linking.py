"""Where to put links in a text: people, municipalities and organisations.

The linker only says which character spans link where; `render.text.inline` inserts the
links without altering the words, and never inside headings, URLs or code.
"""

from __future__ import annotations

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
