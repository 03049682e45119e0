"""Swedish search on a small MkDocs site opened from disk (file://).

Builds a mini site with the same theme/search/offline settings as the real
archive, patches its search worker, and checks in Chromium that inflected
Swedish queries find the base forms, that names with å/ä/ö are found, that
prefix search still works, and that nothing is loaded from outside the site
folder. A second, unpatched build is the negative control.
"""

from __future__ import annotations

import pathlib

import pytest
import yaml

from generator.write.searchpatch import HELPER_JS, HELPER_NAME, MARKER, patch_search_worker

REPO = pathlib.Path(__file__).resolve().parents[2]
OVERRIDES = REPO / "overrides"
SHIM = "assets/vendor/iframe-worker/shim.js"

# Each page holds exactly one of the words under test, so a hit proves which
# form matched. Titles are what the assertions look for.
PAGES = {
    "index.md": ("Start", "Välkommen till nätverkets arkiv."),
    "moten/2023/jobb.md": (
        "Sidan om jobb",
        "Vi diskuterade DUA-överenskommelser och jobbspår i kommunerna.",
    ),
    "moten/2023/af.md": (
        "Sidan om myndigheten",
        "Beslut: kontakt med (Arbetsförmedlingen) tas av samordnaren.",
    ),
    "avtal/overens.md": (
        "Sidan om avtalet",
        "En överenskommelse skrevs under i mars.",
    ),
    "personer/namn.md": (
        "Sidan om namnen",
        "Närvarande: Per&nbsp;Överberg och Julia Mårtensson.",
    ),
}

# Recommended for the real site too: split on whitespace, hyphen, dashes,
# punctuation, quotes, slash, § and HTML entities (the index holds escaped
# HTML: "M&A" is indexed as "M&amp;A"); keep "10.30" whole. Non-breaking
# spaces arrive as U+00A0 and are covered by \s.
SEPARATOR = (
    r'(?:&(?:[a-z]+|#\d+|#x[0-9a-f]+);|[\s\-–—,:;!?=\[\]()"”“/§&])+'
    r"|\.(?!\d)"
)


def _mkdocs_config(docs: pathlib.Path, site: pathlib.Path) -> dict:
    return {
        "site_name": "Testarkiv",
        "docs_dir": str(docs),
        "site_dir": str(site),
        "use_directory_urls": False,
        "theme": {
            "name": "material",
            "language": "sv",
            "font": False,
            "custom_dir": str(OVERRIDES),
            "features": ["navigation.prune"],
        },
        "plugins": [
            {"search": {"lang": "sv", "separator": SEPARATOR}},
            "offline",
        ],
        "extra": {"polyfills": [SHIM]},
    }


def _build(root: pathlib.Path, *, patch: bool) -> pathlib.Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs, site = root / "docs", root / "site"
    for name, (title, body) in PAGES.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
    config_file = root / "mkdocs.yml"
    config_file.write_text(
        yaml.safe_dump(_mkdocs_config(docs, site), allow_unicode=True),
        encoding="utf-8",
    )
    build(load_config(str(config_file)))
    if patch:
        patch_search_worker(site)
    return site


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory) -> pathlib.Path:
    return _build(tmp_path_factory.mktemp("mini-patched"), patch=True)


@pytest.fixture(scope="session")
def mini_site_unpatched(tmp_path_factory) -> pathlib.Path:
    return _build(tmp_path_factory.mktemp("mini-unpatched"), patch=False)


def test_build_uses_vendored_shim_only(mini_site):
    """No CDN shim in any page, the vendored one is copied and referenced
    with a correct relative path from nested pages."""
    nested = (mini_site / "moten/2023/jobb.html").read_text(encoding="utf-8")
    assert f'src="../../{SHIM}"' in nested
    assert f'src="{SHIM}"' in (mini_site / "index.html").read_text(encoding="utf-8")
    assert (mini_site / SHIM).is_file()
    for html in mini_site.rglob("*.html"):
        assert "unpkg.com" not in html.read_text(encoding="utf-8"), html
    (worker,) = mini_site.glob("assets/javascripts/workers/search.*.min.js")
    assert MARKER in worker.read_text(encoding="utf-8")


CASES = [
    ("jobbspåren", "Sidan om jobb"),  # inflected -> base form on page
    ("Arbetsförmedlingens", "Sidan om myndigheten"),  # genitive, in parens
    ("överenskommelsen", "Sidan om avtalet"),
    ("Överberg", "Sidan om namnen"),  # after a no-break space
    ("mårtensson", "Sidan om namnen"),
    ("Mårtenssons", "Sidan om namnen"),
    ("arbetsförm", "Sidan om myndigheten"),  # prefix while typing
    ("överenskommel", "Sidan om avtalet"),  # prefix longer than the stem
    ("jobbspår", "Sidan om jobb"),
]


@pytest.mark.browser
def test_swedish_search_offline(
    page, request_log, open_site, search_titles, mini_site
):
    log = request_log
    # A nested page: relative URLs of shim, worker and index must resolve.
    open_site(page, mini_site / "moten/2023/af.html")

    failures = {}
    for query, title in CASES:
        titles = search_titles(page, query)
        if title not in titles:
            failures[query] = titles
    assert not failures, f"expected page not found: {failures}"

    # Precision sanity check: an unrelated word finds nothing.
    assert search_titles(page, "kommunfullmäktige") == []

    assert log.requests, "request recording did not work"
    assert log.outside(mini_site) == []
    assert log.page_errors == []
    assert log.console_errors == []


@pytest.mark.browser
def test_search_works_from_site_root(
    page, request_log, open_site, search_titles, mini_site
):
    """The worker and the lunr language files resolve from the top level too."""
    log = request_log
    open_site(page, mini_site / "index.html")
    assert "Sidan om jobb" in search_titles(page, "jobbspåren")
    assert log.outside(mini_site) == []
    assert any("lunr.sv.min.js" in url for url in log.requests)


@pytest.mark.browser
def test_unpatched_worker_misses_inflected_form(
    page, request_log, open_site, search_titles, mini_site_unpatched
):
    """Negative control: without the patch `jobbspåren` finds nothing, so the
    positive test above really depends on the patch."""
    log = request_log
    open_site(page, mini_site_unpatched / "index.html")
    assert "Sidan om jobb" not in search_titles(page, "jobbspåren")
    # ...while the search itself is alive.
    assert "Sidan om jobb" in search_titles(page, "jobbspår")
    assert log.outside(mini_site_unpatched) == []


@pytest.mark.browser
def test_stem_helper_is_defensive(page):
    """The injected helper leaves terms alone when lunr.sv is absent or
    misbehaves, and never returns a stem that is not a prefix."""
    page.set_content("<html><body></body></html>")
    page.add_script_tag(content=HELPER_JS)
    call = f"t => {HELPER_NAME}(t)"
    assert page.evaluate(call, "Jobbspåren") == "Jobbspåren"  # no lunr at all
    page.evaluate("() => { self.lunr = {sv: {stemmer: () => { throw 1 }}} }")
    assert page.evaluate(call, "Jobbspåren") == "Jobbspåren"
    page.evaluate("() => { self.lunr.sv.stemmer = w => 'x' + w }")
    assert page.evaluate(call, "Jobbspåren") == "jobbspåren"
    page.evaluate("() => { self.lunr.sv.stemmer = w => w.slice(0, -2) }")
    assert page.evaluate(call, "title:*Jobbspåren") == "title:*jobbspår"
    assert page.evaluate(call, "") == ""
