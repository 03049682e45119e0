"""The build fails, with a message, when the search box cannot be wired to the archive's index
(generator/write/searchwire.py, called by the MkDocs hook for every page)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.write.searchwire import SearchWiringError, check_page, check_theme_styles
from tests.helpers import ROOT


def test_every_built_page_is_wired(built_site):
    pages = sorted(built_site.rglob("*.html"))
    checked = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "http-equiv=\"refresh\"" in html:  # a redirect page for an old address
            continue
        check_page(html, str(page.relative_to(built_site)))
        checked += 1
    assert checked > 100
    check_theme_styles(built_site)


def test_a_page_without_the_toggle_or_script_fails(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    without_toggle = re.sub(r'<input[^>]*id="__search"[^>]*>', "", html)
    with pytest.raises(SearchWiringError, match="index.html: sökrutan är inte kopplad.*__search"):
        check_page(without_toggle, "index.html")
    with pytest.raises(SearchWiringError, match="sok.js"):
        check_page(html.replace("assets/javascripts/sok.js", "assets/javascripts/x.js"), "index.html")
    with pytest.raises(SearchWiringError, match="the theme's own search box"):
        check_page(html.replace("data-arkiv-sok-dialog", 'data-md-component="search"'), "index.html")


def test_a_theme_stylesheet_without_the_search_styles_fails(built_site, tmp_path):
    (sheet,) = built_site.glob("assets/stylesheets/main.*.min.css")
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "assets" / "stylesheets" / sheet.name).write_text(
        sheet.read_text(encoding="utf-8").replace(".md-search__output", ".md-sok__output"), encoding="utf-8")
    with pytest.raises(SearchWiringError, match=r"\.md-search__output"):
        check_theme_styles(tmp_path)


def test_the_build_fails_when_the_theme_header_has_no_search_box(project, capsys):
    # as after a theme upgrade that renames the header partial: the theme's own header shows
    # no search box without the theme's search plugin
    (project / "overrides" / "partials" / "header.html").unlink()
    assert main(["--root", str(project), "build"]) == 2
    err = capsys.readouterr().err
    assert "Sökningen kunde inte kopplas in" in err and "header" in err


def test_the_build_fails_with_the_theme_search_plugin(project, capsys):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins: []", "plugins:\n  - search"),
                      encoding="utf-8")
    assert main(["--root", str(project), "build"]) == 2
    assert "sökplugin" in capsys.readouterr().err


def test_the_header_override_is_the_themes_with_one_change():
    import material

    theme = Path(material.__file__).parent / "templates" / "partials" / "header.html"
    ours = (ROOT / "overrides" / "partials" / "header.html").read_text(encoding="utf-8")
    theirs = theme.read_text(encoding="utf-8")
    # the theme's header still includes the search partial we replace, under the plugin check
    assert '{% include "partials/search.html" %}' in theirs and '"material/search" in config.plugins' in theirs
    assert '"material/search" in config.plugins' not in ours and '{% include "partials/search.html" %}' in ours
