"""The pipeline: read -> parse -> resolve -> render -> write.

`generate()` turns source/ into docs/; the CLI and the MkDocs hook both call it. The whole
corpus is parsed and resolved before any page is rendered, so cross-references agree.
This module is the only one that calls every stage. It catches an unexpected failure of
one document and reports it with the file's name, so that the rest still builds, and it
keeps the build cache (generator.write.cache): a source that has not changed is not read
or parsed again, and a build whose inputs have not changed at all does nothing.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import BrokenExecutor, Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator

from generator.collector import cycle_collector_paused, pause_cycle_collector
from generator.knowledge import Knowledge, load_knowledge
from generator.model import Diagnostic, Diagnostics, Document, SourceFile
from generator.model.corpus import Corpus
from generator.model.errors import ArkivError
from generator.model.knowledge import Glossary
from generator.parse import parse_document
from generator.read.config import Settings, load_settings
from generator.read.redact import hide_people
from generator.read.ocr import stamp as ocr_stamp
from generator.read.sources import list_sources, max_bytes, read_source
from generator.render.abbreviations import abbreviation_edits
from generator.render.htmlscan import apply_edits, scan
from generator.render.pieces import PieceStore
from generator.render.redirects import redirect_pages
from generator.render.site import KEPT, Reuse, render_site
from generator.render.site_info import SITE_INFO_FILE
from generator.render.tablecards import table_edits
from generator.resolve import Resolution, resolve
from generator.resolve.addresses import LEDGER_FILE, ledger_text, read_ledger, reconcile_parts
from generator.resolve.analysis import DocumentAnalysis, analyse
from generator.write.cache import (
    BuildCache, SourceEntry, code_version, digest, output_intact, output_stamps, outputs_unchanged, settings_text,
)
from generator.workers import process_pool, processes, run_forked, start_forked
from generator.write.writer import WriteReport, read_manifest, write_if_changed, write_tree

PACKAGE = Path(__file__).resolve().parent
Progress = Callable[[str, int, int], None]  # (stage, done, total): the CLI draws a bar from it


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


@dataclass
class Parsed:
    """Everything read and parsed from source/, with the per-document analyses."""

    documents: list[Document]
    analyses: dict[str, DocumentAnalysis]
    keys: dict[str, str]  # source name -> digest of the source and the build version
    read: int  # files found
    fingerprint: str  # of every input that this build depends on (sources, versions)

    @property
    def skipped(self) -> int:
        return self.read - len(self.documents)


@dataclass
class GenerateResult:
    settings: Settings
    diagnostics: Diagnostics
    report: WriteReport
    read: int
    skipped: int
    documents: int
    _corpus: Corpus | None = None
    _resolve: Callable[[], Corpus] | None = field(default=None, repr=False)

    @property
    def corpus(self) -> Corpus:
        """The resolved corpus (resolved now if the build found nothing to do)."""
        if self._corpus is None and self._resolve is not None:
            self._corpus = self._resolve()
        return self._corpus


def _hidden(source: SourceFile, settings: Settings) -> SourceFile:
    raw, count = hide_people(source.raw, settings.people.hide)
    if not count:
        return source
    body, _ = hide_people(source.body, settings.people.hide)
    return replace(source, raw=raw, body=body, redactions=count)


def parse_one(source: SourceFile, settings: Settings, knowledge: Knowledge,
              diagnostics: Diagnostics) -> Document | None:
    try:
        return parse_document(source, settings, knowledge, diagnostics)
    except Exception as error:  # one bad document must never stop the others
        diagnostics.error(source.name, None, f"dokumentet kunde inte tolkas ({error.__class__.__name__}: "
                          f"{error}) – ingen sida skapas; rapportera gärna felet")
        return None


def _analyse_one(document: Document, knowledge: Knowledge, diagnostics: Diagnostics) -> DocumentAnalysis | None:
    try:
        return analyse(document, knowledge)
    except Exception as error:  # one bad document must never stop the others
        diagnostics.error(document.source.name, None, f"dokumentet kunde inte analyseras ({error.__class__.__name__}: "
                          f"{error}) – ingen sida skapas; rapportera gärna felet")
        return None


def _source_entry(path: Path, data: bytes | None, settings: Settings, knowledge: Knowledge) -> SourceEntry:
    """Read, parse and analyse one source file, collecting what it reports."""
    local = Diagnostics()
    source = read_source(path, settings.source_dir, local, data)
    if source is not None and settings.people.hide:
        source = _hidden(source, settings)
    document = parse_one(source, settings, knowledge, local) if source is not None else None
    analysis = _analyse_one(document, knowledge, local) if document is not None else None
    return SourceEntry(document if analysis is not None else None, analysis, tuple(local.items))


def _cache(root: Path, settings: Settings, knowledge: Knowledge) -> BuildCache:
    # a scanned PDF read while OCR was missing is read again once it is installed
    return BuildCache(root, digest(code_version(PACKAGE), knowledge.fingerprint, settings_text(settings.raw),
                                   ocr_stamp()))


PARALLEL_FROM = 100  # sources to parse before worker processes pay for their start (about a second)
_worker_setup: tuple[Settings, Knowledge] | None = None  # in a worker process: what every source needs


def _start_parse_worker(settings: Settings, knowledge: Knowledge) -> None:
    global _worker_setup
    pause_cycle_collector()
    _worker_setup = (settings, knowledge)


def _parse_in_worker(path: Path, data: bytes | None) -> SourceEntry:
    settings, knowledge = _worker_setup
    return _source_entry(path, data, settings, knowledge)


def _entries(work: list[tuple[Path, bytes | None]], settings: Settings,
             knowledge: Knowledge) -> Iterator[SourceEntry]:
    """The entry of each (path, bytes) in order: parsed by worker processes when there are
    enough sources and cores (generator.workers), else here."""
    pool = (process_pool(processes(), _start_parse_worker, settings, knowledge)
            if len(work) >= PARALLEL_FROM and processes() > 1 else None)
    if pool is None:
        yield from (_source_entry(path, data, settings, knowledge) for path, data in work)
        return
    done = 0
    try:
        with pool:
            for entry in pool.map(_parse_in_worker, *zip(*work), chunksize=4):
                yield entry
                done += 1
    except BrokenExecutor:  # a worker died (e.g. a reader library crashed): go on here
        yield from (_source_entry(path, data, settings, knowledge) for path, data in work[done:])


def parse_all(settings: Settings, knowledge: Knowledge, diagnostics: Diagnostics,
              progress: Progress = _no_progress, cache: BuildCache | None = None) -> Parsed:
    """Every source read, parsed and analysed (from the cache where a source is unchanged)."""
    paths = list_sources(settings.source_dir)
    entries: dict[Path, SourceEntry] = {}
    misses: list[tuple[Path, bytes | None, str | None]] = []  # (path, bytes, cache key) to parse
    inputs: list[str] = []
    keys: dict[str, str] = {}
    for path in paths:
        # a file too large to be a document is reported unread (read_source) and never cached
        data = path.read_bytes() if path.stat().st_size <= max_bytes(path) else None
        name = path.relative_to(settings.source_dir).as_posix()
        key = cache.source_key(name, path, data) if cache is not None and data is not None else None
        entry = cache.load_source(key) if key is not None else None
        if entry is None:
            misses.append((path, data, key))
        else:
            entries[path] = entry
        inputs.append(key or digest(name, str(path.stat().st_mtime_ns)))
        keys[name] = inputs[-1]
    progress("läser och tolkar", len(entries), len(paths))
    parsed = _entries([(path, data) for path, data, _ in misses], settings, knowledge)
    for entry, (path, _, key) in zip(parsed, misses):
        if key is not None:
            cache.store_source(key, entry)
        entries[path] = entry
        progress("läser och tolkar", len(entries), len(paths))
    documents: list[Document] = []
    analyses: dict[str, DocumentAnalysis] = {}
    for path in paths:
        entry = entries[path]
        diagnostics.extend(entry.diagnostics)
        if entry.document is not None:
            documents.append(entry.document)
            analyses[entry.document.source.name] = entry.analysis
    fingerprint = digest(cache.version if cache is not None else "", *inputs)
    return Parsed(documents, analyses, keys, len(paths), fingerprint)


def _resolve(parsed: Parsed, settings: Settings, knowledge: Knowledge, diagnostics: Diagnostics,
             cache: BuildCache | None = None) -> Resolution:
    memo = {"document_keys": parsed.keys, "known_links": cache.load_links()} if cache is not None else {}
    return resolve(parsed.documents, knowledge, diagnostics, analyses=parsed.analyses,
                   ledger=read_ledger(settings.source_dir, diagnostics), rules=settings.people,
                   archive_title=settings.archive_title, publisher=settings.publisher, **memo)


def _original(corpus: Corpus, name: str) -> bytes:
    """A source's downloadable copy: the original bytes (a Word or PDF file as it is), or the
    redacted text when names were hidden (render/site.py then names it .txt)."""
    source = corpus.page_by_source[name].document.source
    return source.raw.encode("utf-8") if source.redactions else source.path.read_bytes()


def _reuse(cache: BuildCache | None, parsed: Parsed, settings: Settings) -> dict:
    """What render_site needs to take unchanged pages from the last build."""
    if cache is None:
        return {}
    last = cache.load_pages()
    stamps = last.get("stamps", {})

    docs = settings.docs_dir

    def intact(path: str) -> bool:  # not touched since the last build wrote it
        return path in stamps and output_intact(docs, path, stamps[path])

    def pieces(kind: str) -> PieceStore:
        return PieceStore(lambda: cache.load_pieces(kind), lambda found: cache.store_pieces(kind, found))

    return {"version": cache.version, "document_keys": parsed.keys,
            "reuse": Reuse(last.get("keys", {}), intact, pieces)}


def _page_runner(documents: int):
    """How render_site runs its jobs: in forked worker processes for a large archive
    (generator.workers), else one by one here."""
    workers = processes() if documents >= PARALLEL_FROM else 1
    return lambda jobs: run_forked(jobs, workers)


def _starter(documents: int):
    """How render_site starts its two global jobs: each at once in its own forked process
    for a large archive, else here when its result is needed."""
    if documents >= PARALLEL_FROM and processes() > 1:
        return start_forked
    return lambda job: job


def _build_fingerprint(parsed: Parsed, settings: Settings) -> str:
    ledger = settings.source_dir / LEDGER_FILE
    return digest(parsed.fingerprint, ledger.read_bytes() if ledger.exists() else b"")


def generate(root: Path, progress: Progress = _no_progress, knowledge: Knowledge | None = None,
             use_cache: bool = True) -> GenerateResult:
    with cycle_collector_paused():
        return _generate(root, progress, knowledge, use_cache)


def _generate(root: Path, progress: Progress, knowledge: Knowledge | None, use_cache: bool) -> GenerateResult:
    settings = load_settings(root)  # raises ConfigError before anything is written
    knowledge = knowledge or load_knowledge()  # raises KnowledgeError before anything is written
    cache = _cache(root, settings, knowledge) if use_cache else None
    diagnostics = Diagnostics()
    parsed = parse_all(settings, knowledge, diagnostics, progress, cache)
    fingerprint = _build_fingerprint(parsed, settings)

    last = cache.load_build() if cache is not None else None
    if last is not None and last["fingerprint"] == fingerprint and outputs_unchanged(settings.docs_dir, last["outputs"]):
        # Nothing changed since the last build, and docs/ is as it left it.
        diagnostics.extend(Diagnostic(*d) for d in last["diagnostics"])
        report = WriteReport(unchanged=sorted(last["outputs"]))
        return GenerateResult(settings, diagnostics, report, parsed.read, parsed.skipped, last["documents"],
                              _resolve=lambda: _resolve(parsed, settings, knowledge, Diagnostics(), cache).corpus)

    progress("samordnar", 0, 1)
    resolution = _resolve(parsed, settings, knowledge, diagnostics, cache)
    corpus = resolution.corpus
    progress("samordnar", 1, 1)
    files, page_keys, parts = render_site(corpus, lambda name: _original(corpus, name), progress, diagnostics,
                                          run=_page_runner(len(corpus.pages)), start=_starter(len(corpus.pages)),
                                          **_reuse(cache, parsed, settings))
    ledger, part_redirects = reconcile_parts(resolution.ledger, parts, corpus.redirects)
    files.update(redirect_pages(part_redirects, taken=files))
    kept = {name for name, data in files.items() if data is KEPT}
    report = write_tree(settings.docs_dir, {n: d for n, d in files.items() if d is not KEPT}, diagnostics, kept)
    write_if_changed(settings.source_dir / LEDGER_FILE, ledger_text(ledger).encode("utf-8"))
    if cache is not None:
        cache.prune_sources()
        cache.store_links(dict(resolution.found_links))
        cache.store_pages({"keys": page_keys, "stamps": output_stamps(settings.docs_dir, sorted(page_keys))})
        if not report.refused:
            owned = sorted(read_manifest(settings.docs_dir))
            cache.store_build({
                "fingerprint": _build_fingerprint(parsed, settings),
                "outputs": output_stamps(settings.docs_dir, owned),
                "diagnostics": [(d.file, d.line, d.level, d.message) for d in diagnostics.items],
                "documents": len(corpus.pages),
            })
    return GenerateResult(settings, diagnostics, report, parsed.read, parsed.skipped, len(corpus.pages), corpus)


def check(root: Path, progress: Progress = _no_progress) -> tuple[Diagnostics, int, int, int]:
    """Read, parse and resolve everything, write nothing: (diagnostics, read, built, skipped)."""
    settings = load_settings(root)
    knowledge = load_knowledge()
    diagnostics = Diagnostics()
    with cycle_collector_paused():
        parsed = parse_all(settings, knowledge, diagnostics, progress)
        _resolve(parsed, settings, knowledge, diagnostics)
    return diagnostics, parsed.read, len(parsed.documents), parsed.skipped


def annotate_page(html: str, glossary: Glossary) -> str:
    """A built page's content as the reader gets it (for the MkDocs hook): every glossary
    abbreviation explained on hover, and every table cell labelled with its column header
    for the card layout on phones."""
    return apply_edits(html, _page_edits(html, glossary))


def _page_edits(html: str, glossary: Glossary) -> list[tuple[int, int, str]]:
    tokens = list(scan(html))
    edits = abbreviation_edits(html, tokens, glossary)
    if "<table" in html:
        edits += table_edits(html, tokens)
    return edits


def _start_annotate_worker(glossary: Glossary) -> None:
    global _worker_glossary
    pause_cycle_collector()
    _worker_glossary = glossary


_worker_glossary: Glossary | None = None  # in a worker process: the glossary pages are annotated with


def _edits_in_worker(pages: list[str]) -> list[list[tuple[int, int, str]]]:
    return [_page_edits(html, _worker_glossary) for html in pages]


class _Batch:
    """Pages handed to a worker together (one hand-over per page costs more than its work)."""

    SIZE = 24

    def __init__(self) -> None:
        self.pages: list[str] = []
        self.future: Future | None = None


class PageAnnotator:
    """`annotate_page` for every page of one MkDocs build, remembering across builds the
    edits made to each page content (by its digest), so unchanged pages cost a lookup.

    With `start_workers`, pages are annotated by worker processes while the engine goes on
    converting the next pages: `begin(html)` hands a page over and returns a function that
    gives the annotated page when it is needed (MkDocs converts every page before it
    renders the first, so the work is done by then)."""

    def __init__(self, glossary: Glossary, cache: BuildCache | None) -> None:
        self.glossary = glossary
        self.cache = cache
        self.known = cache.load_annotations() if cache is not None else {}
        self.used: dict[str, list] = {}
        self.pool = None
        self.batch = _Batch()

    def start_workers(self, workers: int) -> None:
        if self.pool is None:
            self.pool = process_pool(workers, _start_annotate_worker, self.glossary)

    def begin(self, html: str) -> Callable[[], str]:
        key = hashlib.blake2b(html.encode("utf-8"), digest_size=16).hexdigest()
        edits = self.known.get(key)
        if edits is None and self.pool is not None:
            batch, index = self.batch, len(self.batch.pages)
            batch.pages.append(html)
            if len(batch.pages) == _Batch.SIZE:
                self._submit()
            return lambda: self._finish(key, html, batch, index)
        if edits is None:
            edits = _page_edits(html, self.glossary)
        self.used[key] = edits
        return lambda: apply_edits(html, edits)

    def _submit(self) -> None:
        self.batch.future = self.pool.submit(_edits_in_worker, self.batch.pages)
        self.batch = _Batch()

    def _finish(self, key: str, html: str, batch: _Batch, index: int) -> str:
        if batch.future is None:
            self._submit()  # the last pages, still waiting for company
        try:
            edits = batch.future.result()[index]
        except BrokenExecutor:  # the worker died: annotate here
            edits = _page_edits(html, self.glossary)
        self.used[key] = edits
        return apply_edits(html, edits)

    def annotate(self, html: str) -> str:
        return self.begin(html)()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None
            self.batch = _Batch()

    def save(self) -> None:
        """Keep the edits of this build's pages (and only those) for the next build."""
        if self.cache is not None and self.used != self.known:
            self.cache.store_annotations(self.used)


def page_annotator(root: Path, knowledge: Knowledge) -> PageAnnotator:
    try:
        cache = _cache(root, load_settings(root), knowledge)
    except ArkivError:
        cache = None  # the build reports the settings' problem itself
    return PageAnnotator(knowledge.glossary, cache)


__all__ = ["SITE_INFO_FILE", "PageAnnotator", "annotate_page", "check", "generate", "page_annotator", "parse_all"]
