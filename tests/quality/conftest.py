"""Fixtures of the quality gates: all run over the seed archive built once (`built_site`).

Expensive work is done once per session and shared by the tests, which only assert:
  * ``page_types``     - the page types of the build (tests/quality/pages.py);
  * ``quality_browser`` - Chromium in a thread of its own (tests/quality/browser.py);
  * ``desktop_visits`` / ``mobile_visits`` / ``nojs_visits`` - one visit per page type
    (desktop: screenshot, axe-core, search opened; mobile: screenshot, width);
  * ``planted_site``   - a COPY of the site with known breakage planted, to prove that
    every gate can fail;
  * ``vnu_messages``   - the Nu HTML Checker, run ONCE over one page per type (and the
    planted page);
  * ``link_report``    - the link checker over every file of the site.
A summary with the figures of each gate is printed at the end of the run.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest

from tests.quality import linkcheck, pages
from tests.quality.browser import (
    CHROMIUM,
    DESKTOP,
    MOBILE,
    BrowserThread,
    visit_pages,
    visit_without_js,
)
from tests.quality.summary import SUMMARY
from tests.quality.tools import SCREENSHOTS
from tests.quality.vnu import run_vnu


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "quality: quality gates over the built site (browser, links, vnu, axe-core)")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.quality)


def pytest_terminal_summary(terminalreporter):
    if SUMMARY:
        terminalreporter.section("quality gates")
        for gate, line in SUMMARY.items():
            terminalreporter.write_line(f"{gate}: {line}")


@pytest.fixture(scope="session")
def page_types(built_site: Path) -> list[pages.PageType]:
    types = pages.discover(built_site)
    missing = pages.missing_required(types)
    if missing:
        pytest.fail(f"the build lacks required page types {missing}; found:\n{pages.describe(types)}")
    return types


@pytest.fixture(scope="session")
def quality_browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package "
                    f"(scripts/ensure-chromium); browser gates must not be skipped")
    browser = BrowserThread()
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):  # page types that are gone must not linger
        old.unlink()
    return SCREENSHOTS


def _by_name(visits):
    return {v.name: v for v in visits}


@pytest.fixture(scope="session")
def desktop_visits(quality_browser, built_site, page_types, screenshot_dir):
    """1280x900: screenshot, axe-core, then the search opened (its index loads from disk)."""
    return _by_name(quality_browser.run(
        visit_pages, built_site, [(t.name, t.rel) for t in page_types], viewport=DESKTOP,
        screenshots={t.name: screenshot_dir / f"{t.name}-desktop.png" for t in page_types},
        axe=True, search=True))


@pytest.fixture(scope="session")
def mobile_visits(quality_browser, built_site, page_types, screenshot_dir):
    """390x844, a phone (is_mobile, touch): screenshot and page width."""
    return _by_name(quality_browser.run(
        visit_pages, built_site, [(t.name, t.rel) for t in page_types], viewport=MOBILE, mobile=True,
        screenshots={t.name: screenshot_dir / f"{t.name}-mobile.png" for t in page_types}))


@pytest.fixture(scope="session")
def nojs_visits(quality_browser, built_site, page_types):
    return _by_name(quality_browser.run(visit_without_js, built_site, [(t.name, t.rel) for t in page_types]))


# --- A copy of the site with breakage planted ---------------------------------------------

@dataclasses.dataclass(frozen=True)
class Planted:
    site: Path
    page: str  # the page that got the planted markup
    broken_href: str  # link to a file that does not exist
    broken_fragment: str  # link to an existing page, missing #fragment
    invalid_html: str  # markup the HTML checker must reject
    unlabelled_input: str
    image_without_alt: str
    wide_element: str  # makes a phone scroll sideways
    cut_text: str  # a box that cuts its text off
    scrolling_table: str  # a table that scrolls sideways inside the page
    outside_request: str  # an image from the internet
    console_error: str

    @property
    def path(self) -> Path:
        return self.site / self.page


PLANTED_MARKUP = """
<section class="planted-by-quality-gates">
<p><a href="{broken_href}">planterad trasig länk</a>
<a href="{broken_fragment}">planterat trasigt ankare</a></p>
{invalid_html}
<p>{image_without_alt}</p>
<p>{unlabelled_input}</p>
{wide_element}
{cut_text}
{scrolling_table}
<p>{outside_request}</p>
{console_error}
</section>
"""


@pytest.fixture(scope="session")
def planted_site(built_site: Path, tmp_path_factory) -> Planted:
    copy = tmp_path_factory.mktemp("planted") / "site"
    shutil.copytree(built_site, copy)
    planted = Planted(
        site=copy,
        page="index.html",
        broken_href="moten/finns-inte.html",
        broken_fragment="tidslinje.html#ankare-som-inte-finns",
        invalid_html="<ul><div>planterat ogiltigt element</div></ul>",
        unlabelled_input='<input type="text" class="planted-input">',
        image_without_alt='<img class="planted-image" src="assets/images/favicon.png" width="16" height="16">',
        wide_element='<div class="planted-wide" style="width: 1500px">planterat brett element</div>',
        cut_text='<div class="planted-cut" style="width: 8rem; overflow: hidden; white-space: nowrap">'
                 'planterad text som skärs av för att rutan är för smal</div>',
        scrolling_table='<div class="planted-scroll" style="overflow-x: auto"><table style="width: 2000px">'
                        '<tr><td>planterad bred tabell</td><td>utanför</td></tr></table></div>',
        outside_request='<img class="planted-remote" alt="" src="https://example.invalid/planted.png">',
        console_error="<script>console.error('planterat konsolfel')</script>",
    )
    html = planted.path.read_text(encoding="utf-8")
    markup = PLANTED_MARKUP.format(**{f.name: getattr(planted, f.name)
                                      for f in dataclasses.fields(Planted)
                                      if f.name not in ("site", "page")})
    changed, n = re.subn(r"(</h1>)", r"\1" + markup.replace("\\", r"\\"), html, count=1)
    assert n == 1, f"no </h1> in {planted.page} to plant markup after"
    planted.path.write_text(changed, encoding="utf-8")
    return planted


# --- Validators run once ------------------------------------------------------------------

# The JVM's start dominates vnu's run time: a seed build (~140 pages) takes about as long as
# one page per type. Larger builds get one page per type.
VNU_ALL_PAGES_UP_TO = 600


@pytest.fixture(scope="session")
def vnu_messages(built_site, page_types, planted_site):
    """ONE vnu run: every page of the build (one per type above VNU_ALL_PAGES_UP_TO), one
    redirect page if the build has any, and the planted page."""
    every = pages.all_pages(built_site)
    chosen = every if len(every) <= VNU_ALL_PAGES_UP_TO else [t.path for t in page_types]
    files = chosen + pages.redirects(built_site)[:1] + [planted_site.path]
    return files, run_vnu(files)


@pytest.fixture(scope="session")
def link_report(built_site) -> linkcheck.Report:
    return linkcheck.check_site(built_site)
