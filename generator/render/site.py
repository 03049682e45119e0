"""Every file of the generated site, rendered from the corpus: docs/-relative path -> bytes."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Mapping, NamedTuple, Sequence, TypeVar

from generator.model import Diagnostics
from generator.model.corpus import Corpus
from generator.render.documents import render_document
from generator.render.entities import (
    attendance_csv, entity_parts, matrix_parts, person_parts, render_entity, render_matrix,
    render_municipality_index, render_organisation_index, render_people_index, render_person,
)
from generator.render.export import archive_json, decisions_csv
from generator.render.listings import (
    KINDS, kind_parts, render_kind_index, render_start, render_timeline, timeline_parts,
)
from generator.render.parts import PartSet
from generator.render.pieces import PerDocument, PieceStore, Remembered, each_time
from generator.render.redirects import redirect_pages
from generator.render.register import register_parts, render_register
from generator.render.search import search_files
from generator.render.site_info import SITE_INFO_FILE, site_info
from generator.render.topics import (
    archive_feed, render_glossary, render_topic, render_topic_index, topic_feed, topic_parts,
)
from generator.slugs import slugify, unique_slug

SOURCES_FOLDER = "kallor"  # downloadable copies of the original files

Progress = Callable[[str, int, int], None]  # (stage, done, total)
_T = TypeVar("_T")
Runner = Callable[[Sequence[Callable[[], _T]]], Iterator[_T]]  # each job's result, in order (workers.run_forked)
Starter = Callable[[Callable[[], _T]], Callable[[], _T]]  # job -> its result, when asked (workers.start_forked)


# Formats whose original file is offered for download as it is (with its own suffix).
DOWNLOAD_SUFFIXES = {"docx": ".docx", "pdf": ".pdf", "odt": ".odt", "rtf": ".rtf"}


def source_urls(corpus: Corpus) -> dict[str, str]:
    """Site URL of each original file's downloadable copy. A text source always gets a .txt
    suffix so that a browser shows it as text, never runs it as HTML; a Word, PDF,
    OpenDocument or RTF file keeps its own suffix (`kallor/<stem>.pdf`), unless names were
    hidden in it: then the copy is the redacted text, as .txt."""
    taken: set[str] = set()
    urls = {}
    for page in sorted(corpus.pages, key=lambda p: p.document.source.name):
        source = page.document.source
        stem = Path(source.name).stem.lower()
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", stem):
            stem = slugify(stem) or "dokument"
        suffix = ".txt" if source.redactions else DOWNLOAD_SUFFIXES.get(source.format, ".txt")
        slug = unique_slug(stem, taken)
        urls[source.name] = f"{SOURCES_FOLDER}/{slug}{suffix}"
    return urls


@dataclass(frozen=True)
class Reuse:
    """What the last build rendered, so an unchanged page need not be rendered again.

    `keys`: docs/-relative path -> digest of everything the page was made from;
    `intact(path)`: whether the page is still in docs/ as the last build wrote it;
    `pieces(kind)`: where the per-document pieces of the export ("export") and of the
    search index ("search") are kept (generator.render.pieces).
    """

    keys: Mapping[str, str] = field(default_factory=dict)
    intact: Callable[[str], bool] = lambda path: False
    pieces: Callable[[str], PieceStore] = lambda kind: PieceStore()


class Kept:
    """In render_site's files, instead of bytes: the page is in docs/ as the last build
    wrote it and stays (it is neither rendered nor read again)."""

    def __repr__(self) -> str:
        return "KEPT"


KEPT = Kept()


class Site(NamedTuple):
    """What render_site made: every file of the site (KEPT for a page taken unchanged from
    the last build), the input digest of each page that can be reused, and the year parts
    of each listing page (`personer/x.html` -> `personer/x/2023.html`, ...), for the
    address ledger."""

    files: dict[str, bytes | Kept]
    keys: dict[str, str]
    parts: dict[str, tuple[str, ...]]


def _digest(*parts: str) -> str:
    return hashlib.sha256("".join(f"{part}\0" for part in parts).encode("utf-8")).hexdigest()


def naming_digest(corpus: Corpus, version: str) -> str:
    """A digest of everything a page may show about documents, people, places and topics
    other than its own subject: every page's address, title and date, every name and id.
    A page is reused only when this is unchanged (and its own documents are)."""
    parts = [version, corpus.archive_title, corpus.publisher, repr(sorted(corpus.month_names.items())),
             repr(corpus.associations), repr(sorted(corpus.first_addresses.items()))]
    for page in corpus.pages:
        d = page.document
        parts.append(repr((page.source, page.slug, d.kind.value, d.title, d.network, d.date)))
    parts += [repr((p.id, p.name)) for p in corpus.people.values()]
    parts += [repr(sorted(corpus.person_by_name.items()))]
    for records in (corpus.municipalities, corpus.organisations):
        parts += [repr((r.id, r.name, r.municipality, r.organisation)) for r in records.values()]
    parts += [repr((s.topic.id, s.topic.name)) for s in corpus.topics.values()]
    return _digest(*parts)


def _documents_of_person(corpus: Corpus, person) -> set[str]:
    found = {a.document.source.name for a in person.appearances}
    found.update(page.source for page, _ in corpus.decisions_by_person.get(person.id, ()))
    return found


def _documents_of_record(record) -> set[str]:
    found = {d.source.name for d in record.documents}
    found.update(d.source.name for d, _attendee in record.attendance)
    found.update(d.source.name for d, *_rest in (*record.commitments, *record.statistics))
    return found


def _serial(jobs: Sequence[Callable[[], _T]]) -> Iterator[_T]:
    return (job() for job in jobs)


def _later(job: Callable[[], _T]) -> Callable[[], _T]:
    return job


@dataclass(frozen=True)
class _Failed:
    """A document page that could not be rendered (the others still are)."""
    source: str
    original: str
    reason: str


def _document_page(page, corpus: Corpus, original: str) -> str | _Failed:
    try:
        return render_document(page, corpus, original)
    except Exception as error:  # one bad page must never stop the others
        return _Failed(page.source, original, f"{error.__class__.__name__}: {error}")


def render_site(corpus: Corpus, originals: Callable[[str], bytes], progress: Progress,
                diagnostics: Diagnostics, *, version: str = "", document_keys: Mapping[str, str] | None = None,
                reuse: Reuse = Reuse(), run: Runner = _serial,
                start: Starter = _later) -> Site:
    """Every file of the site, what each page was made from, and the listings' year parts.

    `originals(source name)` gives the bytes of a source's downloadable copy. A document
    page that fails to render is reported with its file; every other page is still made.
    `document_keys` (source name -> digest of the source and the build's version) let a
    page whose own documents and the archive's naming are unchanged be taken from `reuse`
    instead of rendered; without them every page is rendered. The export and the search
    index, global and the longest jobs, are handed to `start` first (it may begin them
    elsewhere at once); the pages to render then to `run` (it may spread them over
    processes). Every result takes the place it was asked for."""
    naming = naming_digest(corpus, version) if document_keys is not None else ""

    def per_document(kind: str, make: Callable[[PerDocument], _T]) -> Callable[[], _T]:
        """A job making a file from every document; each document's piece of it is taken
        from the last build where the document and the naming are unchanged."""
        def job() -> _T:
            if document_keys is None:
                return make(each_time)
            remembered = Remembered(reuse.pieces(kind), lambda page: _digest(
                naming, kind, document_keys.get(page.source, "?" + page.source)))
            made = make(remembered)
            remembered.keep()
            return made
        return job

    # made anew each build: they depend on every document
    export = start(per_document("export", lambda pieces: archive_json(corpus, pieces)))
    search = start(per_document("search", lambda pieces: search_files(corpus, pieces)))
    files: dict[str, str | bytes | None] = {}
    keys: dict[str, str] = {}
    jobs: list[tuple[str, Callable[[], str | bytes | _Failed]]] = []

    def kept(path: str, sources: set[str], subject: str) -> bool:
        """Whether the file at `path`, made from `sources` and `subject`, is in docs/ as
        the last build made it from the same inputs (KEPT); remembers its key either way."""
        if document_keys is None:
            return False
        key = _digest(naming, path, subject, *sorted(document_keys.get(s, "?" + s) for s in sources))
        keys[path] = key
        if reuse.keys.get(path) == key and reuse.intact(path):
            files[path] = KEPT
            return True
        return False

    def make(path: str, sources: set[str], subject: str, render: Callable[[], str | bytes | _Failed]) -> None:
        if not kept(path, sources, subject):
            files[path] = None  # its place, filled when the job is done
            jobs.append((path, render))

    urls = source_urls(corpus)
    for page in corpus.pages:
        make(page.path, {page.source}, urls[page.source],
             lambda page=page: _document_page(page, corpus, urls[page.source]))
        if not kept(urls[page.source], {page.source}, "original"):
            files[urls[page.source]] = originals(page.source)
    def make_parts(parts: PartSet, subject: str, sources: set[str], render: Callable[..., str]) -> None:
        """A listing page and its year parts (generator/render/parts.py). The main page is
        made from all of `sources`; a part from its own documents only, and the list of
        parts (its neighbours) is part of its subject, so that editing one document renders
        again only the main page and the part that shows it."""
        listing = subject + "\0" + ",".join(part.slug for part in parts.parts)
        make(parts.main, sources, listing, lambda: render(None))
        for part in parts.parts:
            make(parts.path(part), set(part.sources), listing, lambda part=part: render(part))
        published[parts.main] = parts

    published: dict[str, PartSet] = {}
    files["index.md"] = render_start(corpus)
    every_document = {page.source for page in corpus.pages}
    parts = timeline_parts(corpus)
    make_parts(parts, "tidslinje", every_document, lambda part, parts=parts: render_timeline(corpus, parts, part))
    for kind in KINDS:
        parts = kind_parts(corpus, kind)
        make_parts(parts, kind.value, {page.source for page in corpus.pages if page.document.kind is kind},
                   lambda part, kind=kind, parts=parts: render_kind_index(corpus, kind, parts, part))
    for person in corpus.people.values():
        parts = person_parts(person, corpus)
        make_parts(parts, person.id, _documents_of_person(corpus, person),
                   lambda part, person=person, parts=parts: render_person(person, corpus, parts, part))
    files["personer/index.md"] = render_people_index(corpus)
    for record in [*corpus.municipalities.values(), *corpus.organisations.values()]:
        parts = entity_parts(record)
        make_parts(parts, record.id, _documents_of_record(record),
                   lambda part, record=record, parts=parts: render_entity(record, corpus, parts, part))
    files["kommuner/index.md"] = render_municipality_index(corpus)
    parts = matrix_parts(corpus)
    make_parts(parts, "narvaro", set().union(*(p.sources for p in parts.parts)),
               lambda part, parts=parts: render_matrix(corpus, parts, part))
    files["organisationer/index.md"] = render_organisation_index(corpus)
    files["data/narvaro.csv"] = attendance_csv(corpus)
    files.update(redirect_pages(corpus.redirects))
    parts = register_parts(corpus)
    make_parts(parts, "beslut", {e.page.source for e in corpus.register},
               lambda part, parts=parts: render_register(corpus, parts, part))
    files["feed.xml"] = archive_feed(corpus, corpus.archive_title)
    for topic_id, summary in corpus.topics.items():
        sources = {o.document.source.name for o in summary.occurrences}
        parts = topic_parts(topic_id, corpus)
        make_parts(parts, topic_id, sources,
                   lambda part, topic_id=topic_id, parts=parts: render_topic(topic_id, corpus, parts, part))
        make(f"amnen/{topic_id}.xml", sources, topic_id,
             lambda topic_id=topic_id: topic_feed(topic_id, corpus, corpus.archive_title))
    results = run([render for _, render in jobs])  # may go on elsewhere
    files["amnen/index.md"] = render_topic_index(corpus)
    files["ordlista.md"] = render_glossary(corpus.glossary)
    files["data/beslut.csv"] = decisions_csv(corpus)
    files[SITE_INFO_FILE] = site_info(corpus)
    for done, ((path, _), result) in enumerate(zip(jobs, results), start=1):
        progress("skapar sidor", done, len(jobs))
        if isinstance(result, _Failed):
            del files[path], files[result.original]
            diagnostics.error(result.source, None, f"sidan kunde inte skapas ({result.reason}) "
                              "– rapportera gärna felet")
        else:
            files[path] = result
    files["data/arkiv.json"] = export()
    files.update(search())
    encoded = {name: data if isinstance(data, (bytes, Kept)) else data.encode("utf-8") for name, data in files.items()}
    return Site(encoded, keys, {_html(main): tuple(_html(path) for path in parts.paths())
                                for main, parts in sorted(published.items())})


def _html(path: str) -> str:
    """The site address of a docs/ page."""
    return path.removesuffix(".md") + ".html"
