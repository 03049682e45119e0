"""MkDocs hook: regenerate docs/ from source/ before every build, patch search after it.

Thin on purpose: it calls the generator and reports; the work is in generator.build.
Input problems are logged as INFO (warnings) or WARNING (errors), so `mkdocs build
--strict` fails only where the editor must act.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.build import annotate_page, generate
from generator.cli import SKIP_GENERATE
from generator.knowledge import load_knowledge
from generator.model.errors import ArkivError
from generator.write.searchpatch import patch_search_worker

log = logging.getLogger("mkdocs.hooks.arkiv")
_build: dict = {}  # what this build loaded once in on_pre_build (the glossary), for the page events


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_pre_build(config) -> None:
    try:
        knowledge = load_knowledge()
        _build["glossary"] = knowledge.glossary
        if os.environ.get(SKIP_GENERATE):
            return
        result = generate(_root(config), knowledge=knowledge)
    except ArkivError as error:
        raise PluginError("\n".join(error.lines())) from None
    for diagnostic in result.diagnostics.items:
        (log.warning if diagnostic.level == "error" else log.info)(str(diagnostic))
    log.info(f"arkiv: {result.documents} dokument, {len(result.report.written)} filer skrivna")


def on_serve(server, config, builder):
    server.watch(str(_root(config) / "source"))
    return server


def on_page_content(html: str, page, config, files) -> str:
    """Every abbreviation in the glossary shows its expansion on hover (<abbr>); text in
    links, code and headings' ids is left alone."""
    return annotate_page(html, _build["glossary"])


def on_post_build(config) -> None:
    try:
        patch_search_worker(Path(config.site_dir))
    except ArkivError as error:
        raise PluginError(f"Svensk sökning kunde inte aktiveras: {error}") from None
