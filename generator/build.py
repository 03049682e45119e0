"""The pipeline: read -> parse -> resolve -> render -> write.

`generate()` turns source/ into docs/; the CLI and the MkDocs hook both call it. The whole
corpus is parsed and resolved before any page is rendered, so cross-references agree.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from generator.config import Settings, load_settings
from generator.export import archive_json, decisions_csv
from generator.model import Diagnostics, Document, Kind
from generator.parsing import parse_document
from generator.reader import list_sources, read_source
from generator.registers import load_registers
from generator.render import text as t
from generator.render.documents import render_document
from generator.render.listings import KINDS, render_kind_index, render_start, render_timeline
from generator.resolve import LEDGER_FILE, Corpus, ledger_text, resolve
from generator.slugs import slugify, unique_slug
from generator.writer import WriteReport, write_if_changed, write_tree

SOURCES_FOLDER = "kallor"  # downloadable copies of the original files


@dataclass
class GenerateResult:
    settings: Settings
    corpus: Corpus
    diagnostics: Diagnostics
    report: WriteReport
    read: int
    skipped: int


def parse_all(settings: Settings, diagnostics: Diagnostics) -> tuple[list[Document], int, int]:
    registers = load_registers()
    paths = list_sources(settings.source_dir)
    documents: list[Document] = []
    for path in paths:
        source = read_source(path, settings.source_dir, diagnostics)
        if source is None:
            continue
        try:
            documents.append(parse_document(source, settings, registers, diagnostics))
        except Exception as error:  # one bad document must never stop the others
            diagnostics.error(source.name, None, f"dokumentet kunde inte tolkas ({error.__class__.__name__}: "
                              f"{error}) – ingen sida skapas; rapportera gärna felet")
    return documents, len(paths), len(paths) - len(documents)


def source_urls(corpus: Corpus) -> dict[str, str]:
    """Site URL of each original file's downloadable copy, always with a .txt suffix
    so that a browser shows it as text, never runs it as HTML."""
    taken: set[str] = set()
    urls = {}
    for page in sorted(corpus.pages, key=lambda p: p.document.source.name):
        stem = Path(page.document.source.name).stem.lower()
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", stem):
            stem = slugify(stem) or "dokument"
        urls[page.document.source.name] = f"{SOURCES_FOLDER}/{unique_slug(stem, taken)}.txt"
    return urls


def redirect_html(old_url: str, new_url: str) -> str:
    target = posixpath.relpath(new_url, posixpath.dirname(old_url) or ".")
    safe = t.attr(target)
    return (
        "<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>Sidan har flyttat</title>\n<meta http-equiv=\"refresh\" content=\"0; url={safe}\">\n"
        f"<script>location.replace({target!r} + location.hash)</script>\n</head>\n<body>\n"
        f"<p>Sidan har flyttat till <a href=\"{safe}\">{safe}</a>.</p>\n</body>\n</html>\n"
    )


def render_all(corpus: Corpus, settings: Settings) -> dict[str, bytes]:
    files: dict[str, str | bytes] = {}
    urls = source_urls(corpus)
    for page in corpus.pages:
        files[page.path] = render_document(page, corpus, urls[page.document.source.name])
        files[urls[page.document.source.name]] = page.document.source.path.read_bytes()
    files["index.md"] = render_start(corpus, settings)
    files["tidslinje.md"] = render_timeline(corpus)
    for kind in KINDS:
        if kind is not Kind.OTHER or any(p.document.kind is kind for p in corpus.pages):
            files[f"{kind.folder}/index.md"] = render_kind_index(corpus, kind)
    for old, new in corpus.redirects.items():
        files[old] = redirect_html(old, new)
    files["data/arkiv.json"] = archive_json(corpus)
    files["data/beslut.csv"] = decisions_csv(corpus)
    return {name: data if isinstance(data, bytes) else data.encode("utf-8") for name, data in files.items()}


def generate(root: Path) -> GenerateResult:
    settings = load_settings(root)  # raises ConfigError before anything is written
    diagnostics = Diagnostics()
    documents, read, skipped = parse_all(settings, diagnostics)
    corpus = resolve(documents, settings.source_dir, diagnostics)
    files = render_all(corpus, settings)
    report = write_tree(settings.docs_dir, files, diagnostics)
    write_if_changed(settings.source_dir / LEDGER_FILE, ledger_text(corpus.ledger).encode("utf-8"))
    return GenerateResult(settings, corpus, diagnostics, report, read, skipped)
