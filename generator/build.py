"""The pipeline: read -> parse -> resolve -> render -> write.

`generate()` turns source/ into docs/; the CLI and the MkDocs hook both call it. The whole
corpus is parsed and resolved before any page is rendered, so cross-references agree.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, replace
from pathlib import Path

from generator.config import Settings, load_settings
from generator.export import archive_json, decisions_csv
from generator.model import Diagnostics, Document, SourceFile
from generator.parsing import parse_document
from generator.people import collect_people, name_key, redact
from generator.reader import list_sources, read_source
from generator.registers import Registers, load_registers
from generator.render import text as t
from generator.render.documents import render_document
from generator.render.entities import (
    attendance_csv, render_entity, render_matrix, render_municipality_index, render_organisation_index,
    render_people_index, render_person,
)
from generator.glossary import load_glossary
from generator.render.register import render_register
from generator.render.topics import archive_feed, render_glossary, render_topic, render_topic_index, topic_feed
from generator.render.listings import KINDS, render_kind_index, render_start, render_timeline
from generator.resolve import LEDGER_FILE, Corpus, ledger_text, resolve
from generator.sitechrome import SITE_INFO_FILE, site_info
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


def _parse(source: SourceFile, settings: Settings, registers: Registers,
           diagnostics: Diagnostics) -> Document | None:
    try:
        return parse_document(source, settings, registers, diagnostics)
    except Exception as error:  # one bad document must never stop the others
        diagnostics.error(source.name, None, f"dokumentet kunde inte tolkas ({error.__class__.__name__}: "
                          f"{error}) – ingen sida skapas; rapportera gärna felet")
        return None


def parse_all(settings: Settings, diagnostics: Diagnostics) -> tuple[list[Document], int, int]:
    registers = load_registers()
    paths = list_sources(settings.source_dir)
    sources = [s for s in (read_source(p, settings.source_dir, diagnostics) for p in paths) if s is not None]
    documents = [d for d in (_parse(s, settings, registers, diagnostics) for s in sources) if d is not None]
    if settings.people.hide:
        documents = _hide_people(documents, settings, registers, diagnostics)
    return documents, len(paths), len(paths) - len(documents)


def _hide_people(documents: list[Document], settings: Settings, registers: Registers,
                 diagnostics: Diagnostics) -> list[Document]:
    """Replace hidden people's names by [namn dolt] in the sources, then parse again.

    Every spelling the identity rules join to a hidden name is hidden, and so is the first
    name alone in documents where it can only mean that person.
    """
    index = collect_people(documents, registers, settings.people, Diagnostics())
    hidden_ids = {index.by_key[name_key(n)] for n in settings.people.hide if name_key(n) in index.by_key}
    result = []
    for document in documents:
        names, first_names = list(settings.people.hide), []
        for person_id in hidden_ids:
            person = index.people[person_id]
            names.extend(person.variants)
            unique = index.first_names_by_document.get(document.source.name, {})
            first_names.extend(first for first, owner in unique.items() if owner == person_id)
        raw, count = redact(document.source.raw, names, first_names)
        if not count:
            result.append(document)
            continue
        body, _ = redact(document.source.body, names, first_names)
        source = replace(document.source, raw=raw, body=body, redactions=count)
        parsed = _parse(source, settings, registers, diagnostics)
        if parsed is not None:
            result.append(parsed)
    return result


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
        source = page.document.source
        # the original bytes, unless names were hidden: then the redacted text
        files[urls[source.name]] = source.raw.encode("utf-8") if source.redactions else source.path.read_bytes()
    files["index.md"] = render_start(corpus, settings)
    files["tidslinje.md"] = render_timeline(corpus)
    for kind in KINDS:
        files[f"{kind.folder}/index.md"] = render_kind_index(corpus, kind)
    if corpus.people is not None:
        for person in corpus.people.people.values():
            files[f"personer/{person.id}.md"] = render_person(person, corpus)
        files["personer/index.md"] = render_people_index(corpus)
        for record in list(corpus.entities.municipalities.values()) + list(corpus.entities.organisations.values()):
            files[record.path] = render_entity(record, corpus)
        files["kommuner/index.md"] = render_municipality_index(corpus)
        files["kommuner/narvaro.md"] = render_matrix(corpus)
        files["organisationer/index.md"] = render_organisation_index(corpus)
        files["data/narvaro.csv"] = attendance_csv(corpus)
    for old, new in corpus.redirects.items():
        files[old] = redirect_html(old, new)
    files["beslut.md"] = render_register(corpus)
    files["feed.xml"] = archive_feed(corpus, settings.archive_title)
    if corpus.topics is not None:
        for topic_id in corpus.topics.topics:
            files[f"amnen/{topic_id}.md"] = render_topic(topic_id, corpus.topics, corpus)
            files[f"amnen/{topic_id}.xml"] = topic_feed(topic_id, corpus.topics, corpus, settings.archive_title)
        files["amnen/index.md"] = render_topic_index(corpus.topics)
    files["ordlista.md"] = render_glossary(load_glossary())
    files["data/arkiv.json"] = archive_json(corpus)
    files["data/beslut.csv"] = decisions_csv(corpus)
    files[SITE_INFO_FILE] = site_info(corpus, settings)  # for the theme's footer (not published)
    return {name: data if isinstance(data, bytes) else data.encode("utf-8") for name, data in files.items()}


def generate(root: Path) -> GenerateResult:
    settings = load_settings(root)  # raises ConfigError before anything is written
    diagnostics = Diagnostics()
    documents, read, skipped = parse_all(settings, diagnostics)
    corpus = resolve(documents, settings.source_dir, diagnostics, load_registers(), settings.people)
    files = render_all(corpus, settings)
    report = write_tree(settings.docs_dir, files, diagnostics)
    write_if_changed(settings.source_dir / LEDGER_FILE, ledger_text(corpus.ledger).encode("utf-8"))
    return GenerateResult(settings, corpus, diagnostics, report, read, skipped)
