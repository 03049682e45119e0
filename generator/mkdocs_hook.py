"""MkDocs hook: regenerate docs/ from source/ before every build, patch search after it.

Thin on purpose: it calls the generator and reports; the work is in generator.build,
generator.sitechrome (footer facts, published address, 404 page), generator.glossary and
generator.tablecards (per-page HTML).
Input problems are logged as INFO (warnings) or WARNING (errors), so `mkdocs build
--strict` fails only where the editor must act.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.build import generate
from generator.cli import SKIP_GENERATE
from generator.config import ConfigError, load_settings
from generator.glossary import annotate_html, load_glossary
from generator.searchpatch import SearchPatchError, patch_search_worker
from generator.sitechrome import ERROR_PAGE, error_page_context, read_site_info
from generator.tablecards import annotate_tables

log = logging.getLogger("mkdocs.hooks.arkiv")


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    """The editor's published address (`site_url` in source/arkiv.yml) becomes MkDocs'."""
    try:
        settings = load_settings(_root(config))
    except ConfigError as error:
        raise PluginError(str(error)) from None
    if settings.site_url:
        config.site_url = settings.site_url
    return config


def on_pre_build(config) -> None:
    if not os.environ.get(SKIP_GENERATE):
        try:
            result = generate(_root(config))
        except ConfigError as error:
            raise PluginError(str(error)) from None
        for diagnostic in result.diagnostics.items:
            (log.warning if diagnostic.level == "error" else log.info)(str(diagnostic))
        log.info(f"arkiv: {len(result.corpus.pages)} dokument, {len(result.report.written)} filer skrivna")
    # the footer's facts (overrides/partials/footer.html), written by the generator
    config.extra["arkiv"] = read_site_info(Path(config.docs_dir))


def on_serve(server, config, builder):
    server.watch(str(_root(config) / "source"))
    return server


def on_page_content(html: str, page, config, files) -> str:
    """Every abbreviation in the glossary shows its expansion on hover (<abbr>); text in
    links, code and headings' ids is left alone.
    Tables get their column headers on each cell, for the card layout on phones.
    """
    return annotate_tables(annotate_html(html, load_glossary()))


def on_template_context(context, template_name, config):
    """404.html works opened from disk: addresses relative to the site root."""
    return error_page_context(context, config) if template_name == ERROR_PAGE else context


def on_post_build(config) -> None:
    try:
        patch_search_worker(Path(config.site_dir))
    except SearchPatchError as error:
        raise PluginError(f"Svensk sökning kunde inte aktiveras: {error}") from None
