"""Resolve the parsed documents into one corpus: stable page paths, ids and redirects.

Published URLs are promises. Every path a document has been published at is kept in the
address ledger (`source/adresser.yml`, written by the build and committed by the editor);
when a document's path changes (say its date becomes known), its old paths redirect.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.config import PeopleRules
from generator.entities import Entities, collect_entities
from generator.linking import Linker
from generator.model import Diagnostics, Document, Kind
from generator.people import PeopleIndex, collect_people, known_first_names
from generator.registers import Registers
from generator.glossary import find_unknown_abbreviations, load_glossary
from generator.slugs import slugify, unique_slug
from generator.topic_index import TopicIndex, index_topics

LEDGER_FILE = "adresser.yml"
_LEDGER_HEADER = """\
# Published addresses – written by every build; commit it with the sources.
# For each source file: every page path the archive has published it at, oldest first.
# When a document's path changes (e.g. its date becomes known), the old paths become
# redirects to the new one, so links members have shared keep working. Do not edit by hand
# except to remove a document that has been deleted for good.
"""
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
    ledger: dict[str, list[str]] = field(default_factory=dict)
    people: PeopleIndex | None = None
    entities: Entities | None = None
    linker: Linker | None = None
    registers: Registers | None = None
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
            registers: Registers | None = None, rules: PeopleRules = PeopleRules()) -> Corpus:
    corpus = resolve_pages(documents, source_dir, diagnostics)
    if registers is not None:
        corpus.registers = registers
        corpus.people = collect_people(documents, registers, rules, diagnostics)
        corpus.entities = collect_entities(documents, registers)
        corpus.linker = Linker(corpus.people, corpus.entities, registers, known_first_names(documents))
        corpus.topics = index_topics(documents)
        corpus.decisions_by_person = _decisions_by_person(corpus)
        report_unknown_abbreviations(documents, registers, diagnostics)
    return corpus


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


def report_unknown_abbreviations(documents: list[Document], registers: Registers, diagnostics: Diagnostics) -> None:
    """Upper-case words that look like abbreviations but are not in the glossary."""
    glossary = load_glossary()
    names = {m.name for m in registers.municipalities} | {
        form for o in registers.organisations for form in o.forms}
    for document in documents:
        body = document.source.body
        for token, offset in find_unknown_abbreviations(body, glossary, ignore=names):
            line = document.source.file_line(body.count("\n", 0, offset) + 1)
            diagnostics.info(document.source.name, line, f"förkortningen {token} finns inte i ordlistan "
                             f"(generator/data/ordlista.yml)")


def resolve_pages(documents: list[Document], source_dir: Path, diagnostics: Diagnostics) -> Corpus:
    ordered = sorted(documents, key=lambda d: (d.date.sort_key, d.source.name))
    ledger = read_ledger(source_dir, diagnostics)
    taken: dict[str, set[str]] = {}
    # Documents keep the path they were last published at when it is still theirs to take:
    # a collision suffix (-2) must not move from one document to another between builds.
    pages: list[Page] = []
    wanted = {d.source.name: document_slug(d) for d in ordered}
    for document in ordered:
        folder = taken.setdefault(document.kind.folder, set())
        base = wanted[document.source.name]
        previous = [p for p in ledger.get(document.source.name, [])
                    if p.startswith(f"{document.kind.folder}/")]
        last = previous[-1].split("/", 1)[1].removesuffix(".html") if previous else None
        if last and (last == base or last.startswith(f"{base}-")) and last not in folder:
            folder.add(last)
            slug = last
        else:
            slug = unique_slug(base, folder)
        if slug != base:
            diagnostics.info(document.source.name, None,
                             f"sidnamnet {base} är redan upptaget; sidan heter {slug}")
        pages.append(Page(document, slug))

    current = {page.document.source.name: page.url for page in pages}
    live = set(current.values())
    redirects: dict[str, str] = {}
    new_ledger: dict[str, list[str]] = {}
    for name in sorted(set(ledger) | set(current)):
        history = list(ledger.get(name, []))
        if name in current:
            if current[name] not in history:
                history.append(current[name])
            for old in history:
                if old != current[name] and old not in live:
                    redirects[old] = current[name]
        new_ledger[name] = history
    return Corpus(pages=pages, redirects=dict(sorted(redirects.items())), ledger=new_ledger)


def read_ledger(source_dir: Path, diagnostics: Diagnostics) -> dict[str, list[str]]:
    path = source_dir / LEDGER_FILE
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        diagnostics.error(f"source/{LEDGER_FILE}", None, f"adressregistret kan inte läsas ({error}); "
                          "inga omdirigeringar skapas")
        return {}
    if not isinstance(data, dict):
        diagnostics.error(f"source/{LEDGER_FILE}", None, "adressregistret ska vara en mappning")
        return {}
    return {str(k): [str(p) for p in v] for k, v in data.items() if isinstance(v, list)}


def ledger_text(ledger: dict[str, list[str]]) -> str:
    body = yaml.safe_dump(ledger, allow_unicode=True, sort_keys=True, default_flow_style=False, width=1000)
    return _LEDGER_HEADER + body
