"""Every file of the generated site, rendered from the corpus: docs/-relative path -> bytes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from generator.model import Diagnostics
from generator.model.corpus import Corpus
from generator.render.documents import render_document
from generator.render.entities import (
    attendance_csv, render_entity, render_matrix, render_municipality_index, render_organisation_index,
    render_people_index, render_person,
)
from generator.render.export import archive_json, decisions_csv
from generator.render.listings import KINDS, render_kind_index, render_start, render_timeline
from generator.render.redirects import redirect_html
from generator.render.register import render_register
from generator.render.site_info import SITE_INFO_FILE, site_info
from generator.render.topics import archive_feed, render_glossary, render_topic, render_topic_index, topic_feed
from generator.slugs import slugify, unique_slug

SOURCES_FOLDER = "kallor"  # downloadable copies of the original files

Progress = Callable[[str, int, int], None]  # (stage, done, total)
_T = TypeVar("_T")


def counted(items: list[_T], stage: str, progress: Progress) -> Iterable[_T]:
    for done, item in enumerate(items, start=1):
        yield item
        progress(stage, done, len(items))


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


def render_site(corpus: Corpus, originals: Callable[[str], bytes], progress: Progress,
                diagnostics: Diagnostics) -> dict[str, bytes]:
    """`originals(source name)` gives the bytes of a source's downloadable copy. A document
    page that fails to render is reported with its file; every other page is still made."""
    files: dict[str, str | bytes] = {}
    urls = source_urls(corpus)
    for page in counted(list(corpus.pages), "skapar sidor", progress):
        try:
            files[page.path] = render_document(page, corpus, urls[page.source])
        except Exception as error:  # one bad page must never stop the others
            diagnostics.error(page.source, None, f"sidan kunde inte skapas ({error.__class__.__name__}: {error}) "
                              "– rapportera gärna felet")
            continue
        files[urls[page.source]] = originals(page.source)
    files["index.md"] = render_start(corpus)
    files["tidslinje.md"] = render_timeline(corpus)
    for kind in KINDS:
        files[f"{kind.folder}/index.md"] = render_kind_index(corpus, kind)
    for person in corpus.people.values():
        files[f"personer/{person.id}.md"] = render_person(person, corpus)
    files["personer/index.md"] = render_people_index(corpus)
    for record in [*corpus.municipalities.values(), *corpus.organisations.values()]:
        files[record.path] = render_entity(record, corpus)
    files["kommuner/index.md"] = render_municipality_index(corpus)
    files["kommuner/narvaro.md"] = render_matrix(corpus)
    files["organisationer/index.md"] = render_organisation_index(corpus)
    files["data/narvaro.csv"] = attendance_csv(corpus)
    for old, new in corpus.redirects.items():
        files[old] = redirect_html(old, new)
    files["beslut.md"] = render_register(corpus)
    files["feed.xml"] = archive_feed(corpus, corpus.archive_title)
    for topic_id in corpus.topics:
        files[f"amnen/{topic_id}.md"] = render_topic(topic_id, corpus)
        files[f"amnen/{topic_id}.xml"] = topic_feed(topic_id, corpus, corpus.archive_title)
    files["amnen/index.md"] = render_topic_index(corpus)
    files["ordlista.md"] = render_glossary(corpus.glossary)
    files["data/arkiv.json"] = archive_json(corpus)
    files["data/beslut.csv"] = decisions_csv(corpus)
    files[SITE_INFO_FILE] = site_info(corpus)
    return {name: data if isinstance(data, bytes) else data.encode("utf-8") for name, data in files.items()}
