"""The pipeline: read -> parse -> resolve -> render -> write.

`generate()` turns source/ into docs/; the CLI and the MkDocs hook both call it. The whole
corpus is parsed and resolved before any page is rendered, so cross-references agree.
This module is the only one that calls every stage; it catches an unexpected failure of
one document and reports it with the file's name, so that the rest still builds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from generator.knowledge import Knowledge, load_knowledge
from generator.model import Diagnostics, Document, SourceFile
from generator.model.corpus import Corpus
from generator.model.knowledge import Glossary
from generator.parse import parse_document
from generator.read.config import Settings, load_settings
from generator.read.redact import hide_people
from generator.read.sources import list_sources, read_source
from generator.render.abbreviations import annotate_html
from generator.render.site import counted, render_site
from generator.resolve import resolve
from generator.resolve.addresses import LEDGER_FILE, ledger_text, read_ledger
from generator.write.writer import WriteReport, write_if_changed, write_tree

Progress = Callable[[str, int, int], None]  # (stage, done, total): the CLI draws a bar from it


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


@dataclass
class GenerateResult:
    settings: Settings
    corpus: Corpus
    diagnostics: Diagnostics
    report: WriteReport
    read: int
    skipped: int


def read_all(settings: Settings, diagnostics: Diagnostics) -> tuple[list[SourceFile], int]:
    """Every readable source, hidden people's names already replaced; and how many files there were."""
    paths = list_sources(settings.source_dir)
    sources = []
    for path in paths:
        source = read_source(path, settings.source_dir, diagnostics)
        if source is not None and settings.people.hide:
            source = _hidden(source, settings)
        if source is not None:
            sources.append(source)
    return sources, len(paths)


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


def parse_all(settings: Settings, knowledge: Knowledge, diagnostics: Diagnostics,
              progress: Progress = _no_progress) -> tuple[list[Document], int, int]:
    """(documents, files read, files skipped)."""
    sources, count = read_all(settings, diagnostics)
    documents = [d for d in (parse_one(s, settings, knowledge, diagnostics)
                             for s in counted(sources, "tolkar", progress)) if d is not None]
    return documents, count, count - len(documents)


def _original(corpus: Corpus, name: str) -> bytes:
    """A source's downloadable copy: the original bytes, or the redacted text when names were hidden."""
    source = corpus.page_by_source[name].document.source
    return source.raw.encode("utf-8") if source.redactions else source.path.read_bytes()


def generate(root: Path, progress: Progress = _no_progress, knowledge: Knowledge | None = None) -> GenerateResult:
    settings = load_settings(root)  # raises ConfigError before anything is written
    knowledge = knowledge or load_knowledge()  # raises KnowledgeError before anything is written
    diagnostics = Diagnostics()
    documents, read, skipped = parse_all(settings, knowledge, diagnostics, progress)
    progress("samordnar", 0, 1)
    resolution = resolve(documents, knowledge, diagnostics, ledger=read_ledger(settings.source_dir, diagnostics),
                         rules=settings.people, archive_title=settings.archive_title, publisher=settings.publisher)
    corpus = resolution.corpus
    progress("samordnar", 1, 1)
    files = render_site(corpus, lambda name: _original(corpus, name), progress, diagnostics)
    report = write_tree(settings.docs_dir, files, diagnostics)
    write_if_changed(settings.source_dir / LEDGER_FILE, ledger_text(resolution.ledger).encode("utf-8"))
    return GenerateResult(settings, corpus, diagnostics, report, read, skipped)


def check(root: Path, progress: Progress = _no_progress) -> tuple[Diagnostics, int, int, int]:
    """Read, parse and resolve everything, write nothing: (diagnostics, read, built, skipped)."""
    settings = load_settings(root)
    knowledge = load_knowledge()
    diagnostics = Diagnostics()
    documents, read, skipped = parse_all(settings, knowledge, diagnostics, progress)
    resolve(documents, knowledge, diagnostics, ledger=read_ledger(settings.source_dir, diagnostics),
            rules=settings.people)
    return diagnostics, read, len(documents), skipped


def annotate_page(html: str, glossary: Glossary) -> str:
    """A built page with every glossary abbreviation explained on hover (for the MkDocs hook)."""
    return annotate_html(html, glossary)
