"""Checks that every built page's search box is wired to the archive's own search.

The box is the theme's (mkdocs-material: the `__search` toggle of base.html, the header's
magnifier, the .md-search styles) with the archive's partials (overrides/partials/header.html,
search.html) and script (assets/javascripts/sok.js, which loads the index under sok/). A theme
upgrade can break that without an error: base.html without the toggle, a header partial
renamed so the override no longer applies (the theme's own, plugin-less header then shows no
box), styles renamed so the box never opens. The MkDocs hook calls these checks for each page
and once after the build, and a failed check fails the build with a message naming what is
missing, instead of shipping an archive whose search box does nothing.
"""

from __future__ import annotations

from pathlib import Path

from generator.model.errors import ArkivError

# (text every page must contain, what it is)
REQUIRED = (
    ('id="__search"', "the theme's search toggle (<input id=\"__search\"> in the theme's base.html)"),
    ('for="__search"', "the header's search button (overrides/partials/header.html)"),
    ("data-arkiv-sok>", "the archive's search form (overrides/partials/search.html)"),
    ("data-arkiv-sok-resultat", "the search results panel (overrides/partials/search.html)"),
    ("assets/vendor/snowball/swedish-stemmer.js", "the Swedish stemmer (extra_javascript in mkdocs.yml)"),
    ("assets/javascripts/sok.js", "the search script (extra_javascript in mkdocs.yml)"),
)
# (text no page may contain, why)
FORBIDDEN = (
    ('data-md-component="search"', "the theme's own search box is on the page"),
    ('<form class="md-search__form" name="search"', "a form named \"search\" makes the theme load its index"),
)
# Selectors of the theme's stylesheet that open and lay out the box.
THEME_STYLES = (
    "[data-md-toggle=search]:checked~.md-header .md-search__",
    ".md-search__output",
    ".md-search__scrollwrap",
    ".md-search-result__link",
)
STYLESHEETS = "assets/stylesheets/main.*.min.css"


class SearchWiringError(ArkivError):
    """A built page's search box is not wired to the archive's search."""


def check_page(html: str, page: str) -> None:
    """Raise SearchWiringError when the built page `page` lacks part of the search wiring."""
    missing = [f"{what}: {text}" for text, what in REQUIRED if text not in html]
    present = [f"{why}: {text}" for text, why in FORBIDDEN if text in html]
    if missing or present:
        problems = "; ".join([*(f"saknar {what}" for what in missing), *present])
        raise SearchWiringError(
            f"{page}: sökrutan är inte kopplad till arkivets sökning ({problems}). Har mkdocs-material "
            "uppgraderats? Jämför overrides/partials/header.html och search.html med temats nya filer.")


def check_theme_styles(site_dir: Path) -> None:
    """Raise SearchWiringError when the theme's stylesheet no longer has the box's selectors."""
    sheets = sorted(Path(site_dir).glob(STYLESHEETS))
    if len(sheets) != 1:
        raise SearchWiringError(f"{Path(site_dir) / STYLESHEETS}: väntade en stilmall från temat, fann {len(sheets)}")
    css = sheets[0].read_text(encoding="utf-8")
    missing = [selector for selector in THEME_STYLES if selector not in css]
    if missing:
        raise SearchWiringError(
            f"{sheets[0]}: temats stilmall saknar {', '.join(missing)}; sökrutan skulle inte öppnas. "
            "Har mkdocs-material uppgraderats? Se overrides/partials/search.html.")


__all__ = ["SearchWiringError", "check_page", "check_theme_styles"]
