"""Resolve: the parsed documents -> one frozen, indexed `Corpus`.

Takes: every parsed `Document`, the `Knowledge`, the editor's people rules and the address
ledger. Gives: the corpus (pages with stable paths, people, municipalities,
organisations, topics, decisions and every link between them, each looked up by id) and
the ledger after this build. Resolve owns identity: who is who, which written name is
which place, what links where. Render only formats what is decided here.

Published URLs are promises: every path a page has been published at stays in the
ledger (see generator.resolve.addresses), and old paths redirect.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from generator.knowledge import Knowledge
from generator.model import Diagnostics, Document
from generator.model.corpus import (
    PERSON, Corpus, DocumentMention, EntityRef, Link, Page, frozen_mapping,
)
from generator.read.config import PeopleRules
from generator.resolve.analysis import DocumentAnalysis, analyse
from generator.resolve.addresses import DOCUMENTS, Ledger, reconcile
from generator.resolve.entities import Entities, collect_entities
from generator.resolve.linking import Linker
from generator.resolve.pages import resolve_pages
from generator.resolve.people import (
    PeopleIndex, collect_people, known_first_names, name_candidates, name_key, one_letter_apart,
)
from generator.resolve.register import register_entries
from generator.resolve.texts import named_entities
from generator.resolve.topic_index import index_topics


@dataclass(frozen=True)
class Resolution:
    corpus: Corpus
    ledger: Ledger  # the address ledger after this build, to be written back
    found_links: Mapping[str, tuple] = field(default_factory=dict)  # `known_links` of the next build


def resolve(documents: list[Document], knowledge: Knowledge, diagnostics: Diagnostics, *,
            analyses: Mapping[str, DocumentAnalysis] | None = None,
            ledger: Ledger = Ledger(), rules: PeopleRules = PeopleRules(),
            archive_title: str = "Nätverksarkivet", publisher: str = "",
            document_keys: Mapping[str, str] | None = None,
            known_links: Mapping[str, tuple] | None = None) -> Resolution:
    """`analyses` (by source name) may come from a cache; missing ones are made here.
    `document_keys` (source name -> digest of the source and the build's version) and
    `known_links` (an earlier build's `found_links`) let a document whose links were found
    before under the same naming take them from there."""
    analyses = dict(analyses or {})
    for document in documents:
        if document.source.name not in analyses:
            analyses[document.source.name] = analyse(document, knowledge)
    pages = resolve_pages(documents, ledger, diagnostics)
    def names_in(document: Document, text: str):
        found = analyses[document.source.name].names_in(text)
        return found if found is not None else name_candidates(text, knowledge.registers, knowledge.street_address)

    people = collect_people(documents, knowledge, rules, diagnostics,
                            previous_slug=lambda key: ledger.last_slug("personer", key, "personer"),
                            candidates=names_in)
    entities = collect_entities(documents, knowledge, analyses)
    linker = Linker(people, entities, knowledge.registers, known_first_names(documents, knowledge.first_names),
                    analyses)
    links, found_links = _links(documents, linker, analyses, document_keys or {}, known_links or {})

    def links_in(document: Document, text: str) -> tuple[Link, ...]:
        return links.get((document.source.name, text), ())

    topics, topics_by_unit, topics_by_document = index_topics(
        documents, knowledge.topics, lambda d, anchor: analyses[d.source.name].topic_hits.get(anchor, ()), links_in)
    for document in documents:
        for token, line in analyses[document.source.name].unknown_abbreviations:
            diagnostics.info(document.source.name, line, f"förkortningen {token} finns inte i ordlistan "
                             f"(generator/data/ordlista.yml)")
    frozen_people = {person_id: person.frozen() for person_id, person in people.people.items()}
    corpus = Corpus(
        pages=pages,
        page_by_source=frozen_mapping({p.document.source.name: p for p in pages}),
        people=frozen_mapping(frozen_people),
        person_by_name=frozen_mapping({variant: p.id for p in frozen_people.values() for variant in p.variants}),
        municipalities=frozen_mapping(entities.municipalities),
        organisations=frozen_mapping(entities.organisations),
        entity_refs=frozen_mapping(_entity_refs(documents, entities, knowledge)),
        links=frozen_mapping(links),
        topics=topics,
        topics_by_unit=topics_by_unit,
        topics_by_document=topics_by_document,
        decisions_by_person=frozen_mapping(_decisions_by_person(pages, links_in)),
        register=register_entries(pages, links_in),
        mentions_by_document=frozen_mapping(_document_mentions(documents, frozen_people, entities)),
        attendance_by_document=frozen_mapping(_attendance_by_document(entities)),
        redirects={},
        first_addresses={},
        associations=knowledge.associations,
        glossary=knowledge.glossary,
        month_names=frozen_mapping(knowledge.month_names),
        archive_title=archive_title,
        publisher=publisher,
    )
    new_ledger, redirects = reconcile(ledger, current_addresses(corpus, people), _hidden(ledger, rules))
    first = {p.source: (new_ledger.history(DOCUMENTS, p.source) or (p.url,))[0] for p in pages}
    corpus = _replace(corpus, redirects=frozen_mapping(redirects), first_addresses=frozen_mapping(first))
    return Resolution(corpus, new_ledger, frozen_mapping(found_links))


def _replace(corpus: Corpus, **changes) -> Corpus:
    from dataclasses import replace

    return replace(corpus, **changes)


def _links(documents: Iterable[Document], linker: Linker, analyses: Mapping[str, DocumentAnalysis],
           document_keys: Mapping[str, str], known: Mapping[str, tuple]) -> tuple[dict, dict[str, tuple]]:
    """The links of every text a page shows or a topic page counts, found once, by (source
    name, text); and each document's links by its `Linker.key` (for the next build)."""
    naming = linker.naming() if document_keys else ""
    links: dict[tuple[str, str], tuple[Link, ...]] = {}
    found: dict[str, tuple] = {}
    for document in documents:
        name = document.source.name
        texts = analyses[name].mentions
        key = linker.key(document, document_keys[name], naming) if name in document_keys else None
        per_text = known.get(key) if key is not None else None
        if per_text is None or len(per_text) != len(texts):
            per_text = tuple(tuple(linker.links(text, document)) for text in texts)
        if key is not None:
            found[key] = per_text
        links.update(zip([(name, text) for text in texts], per_text))
    return links, found


def _entity_refs(documents: Iterable[Document], entities: Entities,
                 knowledge: Knowledge) -> dict[tuple[str, str], tuple[EntityRef, ...]]:
    """Which page(s) each municipality or organisation name shown on a page points to
    (`Svenljunga/Tranemo` points to two)."""
    refs: dict[tuple[str, str], tuple[EntityRef, ...]] = {}
    for document in documents:
        for kind, name in named_entities(document):
            if (kind, name) not in refs:
                records = entities.for_affiliation(kind, name, knowledge.registers)
                refs[(kind, name)] = tuple(EntityRef(r.kind, r.id, r.name) for r in records)
    return refs


def _decisions_by_person(pages: Iterable[Page], links_in) -> dict[str, tuple]:
    """Who is named in which decision (full name, or a first name unique in its document)."""
    found: dict[str, list] = defaultdict(list)
    for page in pages:
        for decision in page.document.decisions:
            named: list[str] = []
            for text in (decision.text, decision.proposal):
                for link in links_in(page.document, text) if text else ():
                    if link.kind == PERSON and link.id not in named:
                        named.append(link.id)
            for person_id in named:
                found[person_id].append((page, decision))
    return {person_id: tuple(entries) for person_id, entries in found.items()}


def _document_mentions(documents: Iterable[Document], people, entities: Entities) -> dict:
    """Per document: the people, municipalities and organisations in it, with their role
    and the item they occur in; each (id, role, item) once, sorted."""
    found: dict[str, dict[str, set[tuple[str, str, str | None]]]] = defaultdict(
        lambda: {"people": set(), "municipalities": set(), "organisations": set()})
    for person in people.values():
        for a in person.appearances:
            found[a.document.source.name]["people"].add((person.id, a.role, a.anchor or None))
    for key, records in (("municipalities", entities.municipalities), ("organisations", entities.organisations)):
        for record in records.values():
            for document, _attendee in record.attendance:
                found[document.source.name][key].add((record.id, "attendance", None))
            for occurrence in record.reports:
                found[occurrence.document.source.name][key].add((record.id, "report", occurrence.anchor or None))
            for occurrence in record.mentions:
                found[occurrence.document.source.name][key].add((record.id, "mentioned", occurrence.anchor or None))
    result = {}
    for document in documents:
        kinds = found.get(document.source.name, {"people": set(), "municipalities": set(), "organisations": set()})
        result[document.source.name] = frozen_mapping({
            key: tuple(DocumentMention(i, role, item) for i, role, item in
                       sorted(entries, key=lambda e: (e[0], e[1] or "", e[2] or "")))
            for key, entries in kinds.items()})
    return result


def _attendance_by_document(entities: Entities) -> dict:
    """Per document: who attended for each municipality (the attendance matrix's cells)."""
    found: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for record in entities.municipalities.values():
        for document, attendee in record.attendance:
            found[document.source.name][record.id].append(attendee)
    return {name: frozen_mapping({m: tuple(a) for m, a in by_id.items()}) for name, by_id in found.items()}


def current_addresses(corpus: Corpus, people: PeopleIndex) -> dict[str, dict[str, str]]:
    """Section -> identity key -> the path its page has in this build (see generator.resolve.addresses)."""
    return {
        DOCUMENTS: {p.document.source.name: p.url for p in corpus.pages},
        "personer": {key: f"personer/{person_id}.html" for key, person_id in people.by_key.items()},
        "kommuner": {r.municipality.code: f"kommuner/{r.id}.html" for r in corpus.municipalities.values()},
        "organisationer": {r.id: f"organisationer/{r.id}.html" for r in corpus.organisations.values()},
        "amnen": {topic_id: f"amnen/{topic_id}.html" for topic_id in corpus.topics},
    }


def _hidden(ledger: Ledger, rules: PeopleRules) -> set[tuple[str, str]]:
    """Ledger entries of hidden people: every listed spelling and any spelling the identity
    rules would join to one (one letter apart)."""
    hidden = {name_key(name) for name in rules.hide}
    return {("personer", key) for key in ledger.sections.get("personer", {})
            if key in hidden or any(one_letter_apart(key, h) for h in hidden)}

