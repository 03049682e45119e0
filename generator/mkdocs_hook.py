"""MkDocs hook: regenerate docs/ from source/ before every build, check the search box after it.

Thin on purpose: it calls the generator (generator.build) and reports, and does the few
things only the engine can: carry the published address into MkDocs, hand the footer's
facts to the theme, give the 404 page addresses that work from disk, and fail the build when
a page's search box is not wired to the archive's search (generator.write.searchwire). Input problems
are logged as INFO (warnings) or WARNING (errors), so `mkdocs build --strict` fails only
where the editor must act.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.build import PARALLEL_FROM, SITE_INFO_FILE, generate, page_annotator
from generator.cli import SKIP_GENERATE
from generator.knowledge import load_knowledge
from generator.model.errors import ArkivError
from generator.read.config import load_settings
from generator.workers import processes
from generator.write.searchwire import SearchWiringError, check_page, check_theme_styles
from generator.write.theme_markup import is_theme_search_file, valid_toggles, without_theme_search

log = logging.getLogger("mkdocs.hooks.arkiv")
ERROR_PAGE = "404.html"
_build: dict = {}  # what this build made once in on_pre_build (the page annotator), for the page events


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _fail(error: ArkivError) -> PluginError:
    return PluginError("\n".join(error.lines()))


def on_config(config):
    """The editor's published address (`site_url` in source/arkiv.yml) becomes MkDocs'."""
    try:
        settings = load_settings(_root(config))
    except ArkivError as error:
        raise _fail(error) from None
    if settings.site_url:
        config.site_url = settings.site_url
    for name in ("search", "material/search"):
        if name in config.plugins:
            raise PluginError("mkdocs.yml: temats sökplugin (search) ska inte vara på: arkivet har en egen "
                              "sökning (se README, Sökning)")
    return config


def on_pre_build(config) -> None:
    try:
        knowledge = load_knowledge()
        _build["annotator"] = page_annotator(_root(config), knowledge)
        if not os.environ.get(SKIP_GENERATE):
            result = generate(_root(config), knowledge=knowledge)
            for diagnostic in result.diagnostics.items:
                (log.warning if diagnostic.level == "error" else log.info)(str(diagnostic))
            log.info(f"arkiv: {result.documents} dokument, {len(result.report.written)} filer skrivna")
    except ArkivError as error:
        raise _fail(error) from None
    config.extra["arkiv"] = _site_info(Path(config.docs_dir))


def _site_info(docs_dir: Path) -> dict:
    """The footer's facts the generator wrote (overrides/partials/footer.html shows them)."""
    try:
        data = json.loads((docs_dir / SITE_INFO_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def on_serve(server, config, builder):
    server.watch(str(_root(config) / "source"))
    return server


def on_files(files, config):
    """The theme's own search stays out of the site. A large site has its pages annotated by
    worker processes on the other cores."""
    for file in [f for f in files if is_theme_search_file(f.src_uri)]:
        files.remove(file)
    if len(files.documentation_pages()) >= PARALLEL_FROM:
        _build["annotator"].start_workers(processes() - 1)
    _build["pending"] = {}
    return files


def on_page_content(html: str, page, config, files) -> str:
    """Abbreviations explained on hover (<abbr>), table cells labelled for phones: begun
    here, taken in `on_page_context` (MkDocs converts every page before rendering any)."""
    _build["pending"][page.file.src_uri] = _build["annotator"].begin(html)
    return html


def on_page_context(context, page, config, nav):
    finish = _build["pending"].pop(page.file.src_uri, None)
    if finish is not None:
        page.content = finish()
    return context


def on_template_context(context, template_name, config):
    """404.html works opened from disk: addresses relative to the site root instead of
    MkDocs' root-absolute ones (`/assets/...`), which point to the root of the disk."""
    if template_name != ERROR_PAGE:
        return context
    from mkdocs.utils import normalize_url

    context["base_url"] = "."
    context["extra_css"] = [normalize_url(str(path), None, ".") for path in config.extra_css]
    context["extra_javascript"] = [normalize_url(str(script), None, ".") for script in config.extra_javascript]
    return context


def on_post_page(output: str, page, config) -> str:
    """Every page's search box is wired to the archive's search, or the build fails; the
    theme's toggles carry valid markup."""
    _check(lambda: check_page(output, page.file.dest_uri))
    return without_theme_search(valid_toggles(output))


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name == ERROR_PAGE:
        _check(lambda: check_page(output, template_name))
        return without_theme_search(valid_toggles(output))
    return output


def on_post_build(config) -> None:
    _build["annotator"].close()
    _check(lambda: check_theme_styles(Path(config.site_dir)))
    _build["annotator"].save()


def on_build_error(error) -> None:
    if "annotator" in _build:
        _build["annotator"].close()


def _check(check) -> None:
    try:
        check()
    except SearchWiringError as error:
        raise PluginError(f"Sökningen kunde inte kopplas in: {error}") from None
