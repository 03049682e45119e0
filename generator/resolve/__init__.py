"""Resolve the parsed documents into one corpus: stable page paths, ids and redirects.

Published URLs are promises. Every path a page (document, person, municipality,
organisation, topic) has been published at is kept in the address ledger (see
generator.resolve.addresses); when a path changes, its old paths redirect.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.resolve.addresses import DOCUMENTS, Ledger, read_ledger, reconcile
from generator.read.config import PeopleRules
from generator.resolve.entities import Entities, collect_entities
from generator.resolve.linking import Linker
from generator.model import Diagnostics, Document, Kind
from generator.resolve.people import PeopleIndex, collect_people, known_first_names, name_key, one_letter_apart
from generator.knowledge.registers import Registers
from generator.knowledge import Knowledge
from generator.resolve.abbreviations import find_unknown_abbreviations
from generator.slugs import slugify, unique_slug
from generator.resolve.topic_index import TopicIndex, index_topics

TITLE_SLUG_WORDS = 60  # characters of the title kept in a slug


@dataclass(frozen=True)
class Page:
    """A document's place in the site."""

    document: Document
    slug: str  # e.g. 2023-09-ame-chefsnatverket

    @property
    def path(self) -> str:
        """Path of the Markdown page within docs/, e.g. moten/2023-09-ame-chefsnatverket.md."""
        return f"{self.document.kind.folder}/{self.slug}.md"

    @property
    def url(self) -> str:
        """URL of the built page relative to the site root."""
        return f"{self.document.kind.folder}/{self.slug}.html"

    @property
    def id(self) -> str:
        return self.slug

    def decision_id(self, anchor: str) -> str:
        return f"{self.slug}#{anchor}"


@dataclass
class Corpus:
    pages: list[Page]  # in chronological order, then by source name
    redirects: dict[str, str] = field(default_factory=dict)  # old site URL -> new site URL
    ledger: Ledger = field(default_factory=Ledger)
    people: PeopleIndex | None = None
    entities: Entities | None = None
    linker: Linker | None = None
    registers: Registers | None = None
    associations: tuple = ()
    glossary: object = None
    month_names: dict = field(default_factory=dict)
    topics: TopicIndex | None = None
    decisions_by_person: dict[str, list] = field(default_factory=dict)  # person id -> [(page, decision)]

    def page_for(self, document: Document) -> Page:
        for page in self.pages:
            if page.document is document:
                return page
        raise KeyError(document.source.name)


def document_slug(document: Document) -> str:
    date = document.date.value or "odaterat"
    if document.kind is Kind.MINUTES and document.network:
        return f"{date}-{slugify(document.network)}"
    return f"{date}-{slugify(document.title, max_length=TITLE_SLUG_WORDS)}"


def resolve(documents: list[Document], source_dir: Path, diagnostics: Diagnostics,
            knowledge: Knowledge | None = None, rules: PeopleRules = PeopleRules()) -> Corpus:
    ledger = read_ledger(source_dir, diagnostics)
    corpus = resolve_pages(documents, ledger, diagnostics)
    if knowledge is not None:
        registers = knowledge.registers
        corpus.registers = registers
        corpus.people = collect_people(documents, knowledge, rules, diagnostics,
                                       previous_slug=lambda key: ledger.last_slug("personer", key, "personer"))
        corpus.entities = collect_entities(documents, knowledge)
        corpus.associations = knowledge.associations
        corpus.glossary = knowledge.glossary
        corpus.month_names = knowledge.month_names
        corpus.linker = Linker(corpus.people, corpus.entities, registers,
                               known_first_names(documents, knowledge.first_names))
        corpus.topics = index_topics(documents, knowledge.topics)
        corpus.decisions_by_person = _decisions_by_person(corpus)
        report_unknown_abbreviations(documents, knowledge, diagnostics)
    corpus.ledger, corpus.redirects = reconcile(ledger, current_addresses(corpus), _hidden(ledger, rules))
    return corpus


def current_addresses(corpus: Corpus) -> dict[str, dict[str, str]]:
    """Section -> identity key -> the path its page has in this build (see generator.resolve.addresses)."""
    current: dict[str, dict[str, str]] = {DOCUMENTS: {p.document.source.name: p.url for p in corpus.pages}}
    if corpus.people is not None:
        current["personer"] = {key: f"personer/{person_id}.html" for key, person_id in corpus.people.by_key.items()}
    if corpus.entities is not None:
        current["kommuner"] = {r.municipality.code: f"kommuner/{r.id}.html"
                               for r in corpus.entities.municipalities.values()}
        current["organisationer"] = {r.id: f"organisationer/{r.id}.html"
                                     for r in corpus.entities.organisations.values()}
    if corpus.topics is not None:
        current["amnen"] = {topic_id: f"amnen/{topic_id}.html" for topic_id in corpus.topics.topics}
    return current


def _hidden(ledger: Ledger, rules: PeopleRules) -> set[tuple[str, str]]:
    """Ledger entries of hidden people: every listed spelling and any spelling the identity
    rules would join to one (one letter apart)."""
    hidden = {name_key(name) for name in rules.hide}
    return {("personer", key) for key in ledger.sections.get("personer", {})
            if key in hidden or any(one_letter_apart(key, h) for h in hidden)}


def _decisions_by_person(corpus: Corpus) -> dict[str, list]:
    """Who is named in which decision (full name, or a first name unique in its document)."""
    found: dict[str, list] = {}
    for page in corpus.pages:
        for decision in page.document.decisions:
            named: list[str] = []
            for text in (decision.text, decision.proposal or ""):
                for link in corpus.linker.links(text, page.document):
                    folder, _, slug = link.href.removesuffix(".md").partition("/")
                    if folder == "personer" and slug not in named:
                        named.append(slug)
            for person_id in named:
                found.setdefault(person_id, []).append((page, decision))
    return found


def report_unknown_abbreviations(documents: list[Document], knowledge: Knowledge, diagnostics: Diagnostics) -> None:
    """Upper-case words that look like abbreviations but are not in the glossary."""
    glossary, registers = knowledge.glossary, knowledge.registers
    names = {m.name for m in registers.municipalities} | {
        form for o in registers.organisations for form in o.forms}
    for document in documents:
        body = document.source.body
        for token, offset in find_unknown_abbreviations(body, glossary, ignore=names):
            line = document.source.file_line(body.count("\n", 0, offset) + 1)
            diagnostics.info(document.source.name, line, f"förkortningen {token} finns inte i ordlistan "
                             f"(generator/data/ordlista.yml)")


def resolve_pages(documents: list[Document], ledger: Ledger, diagnostics: Diagnostics) -> Corpus:
    ordered = sorted(documents, key=lambda d: (d.date.sort_key, d.source.name))
    taken: dict[str, set[str]] = {}
    # Documents keep the path they were last published at when it is still theirs to take:
    # a collision suffix (-2) must not move from one document to another between builds.
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
    return Corpus(pages=pages)
