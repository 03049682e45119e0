"""Shared fixtures and helpers for real-browser tests of the built site.

The site must work opened from disk (file://) with no network at all, so the
tests drive Debian's Chromium through Playwright and record every request the
page makes. A missing /usr/bin/chromium is a test FAILURE, not a skip: a
silently skipped offline check is worse than none.

Reusable fixtures:
  * ``browser`` (session) - Chromium launched with the offline-friendly flags.
  * ``context`` / ``page`` - a fresh context and page per test.
  * ``request_log`` - a ``RequestLog`` attached to that context/page before
    any navigation: requests, console errors, page errors;
    ``request_log.outside(site_dir)`` lists requests that left the site.
  * ``open_site`` - ``open_site(page, path_or_url)``: goto + wait until
    the search's manifest has loaded.
  * ``search_titles`` - ``search_titles(page, query)``: run one search in
    the search box, return the results as `title · context`.
  * ``search`` - ``search(page, query)`` (a function): the results as dicts.
"""

from __future__ import annotations

import dataclasses
import pathlib
import urllib.parse
import urllib.request

import pytest

CHROMIUM = pathlib.Path("/usr/bin/chromium")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# The search box (overrides/partials/search.html, assets/javascripts/sok.js).
SEARCH_INPUT = "input.md-search__input"
SEARCH_BOX = "[data-arkiv-sok-resultat]"
SEARCH_META = ".md-search-result__meta"
RESULT = ".arkiv-sok-traff"

# Schemes that never reach the network or the disk.
_INERT_SCHEMES = {"data", "blob", "about"}



@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance):
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium package "
            f"(apt-get install chromium); browser tests must not be skipped"
        )
    browser = playwright_instance.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()


@dataclasses.dataclass
class RequestLog:
    """Everything a page asked for, plus what it complained about."""

    requests: list[str] = dataclasses.field(default_factory=list)
    console_errors: list[str] = dataclasses.field(default_factory=list)
    page_errors: list[str] = dataclasses.field(default_factory=list)

    @classmethod
    def attach(cls, context, page) -> "RequestLog":
        """Record requests of the whole context (frames, iframe workers,
        popups) and errors of ``page``. Attach before the first goto."""
        log = cls()
        context.on("request", lambda r: log.requests.append(r.url))
        page.on(
            "console",
            lambda m: log.console_errors.append(m.text)
            if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: log.page_errors.append(str(e)))
        return log

    def outside(self, site_dir: pathlib.Path) -> list[str]:
        """Requests that are not file:// URLs inside ``site_dir``."""
        return requests_outside(self.requests, site_dir)


def requests_outside(urls: list[str], site_dir: pathlib.Path) -> list[str]:
    """URLs that are not file:// URLs inside ``site_dir`` (data:, blob: and about: are inert)."""
    root = pathlib.Path(site_dir).resolve()
    bad = []
    for url in urls:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme in _INERT_SCHEMES:
            continue
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            bad.append(url)
            continue
        # Query strings occur (?h=words on a search result's address).
        path = pathlib.Path(urllib.request.url2pathname(parts.path)).resolve()
        if not path.is_relative_to(root):
            bad.append(url)
    return bad


def file_url(path: pathlib.Path) -> str:
    return pathlib.Path(path).resolve().as_uri()


def open_site(page, url: str, timeout_ms: int = 15_000) -> None:
    """Open ``url`` and wait until the search's manifest (sok/index.js) has loaded."""
    page.goto(url)
    page.wait_for_selector(f"{SEARCH_BOX}[data-arkiv-sok-klar]", state="attached", timeout=timeout_ms)


def search(page, query: str, timeout_ms: int = 10_000) -> list[dict]:
    """Type ``query`` into the search box; return the shown results, best first: title,
    context, href, snippet (text) and snippet_html."""
    page.click(SEARCH_INPUT)
    page.fill(SEARCH_INPUT, query)
    page.wait_for_function(
        "([sel, q]) => document.querySelector(sel).getAttribute('data-arkiv-fraga') === q",
        arg=[SEARCH_BOX, query], timeout=timeout_ms)
    return page.eval_on_selector_all(RESULT, """items => items.map(li => ({
        title: li.querySelector('.arkiv-sok-rubrik').textContent,
        context: li.querySelector('.arkiv-sok-sammanhang').textContent,
        href: li.querySelector('a').getAttribute('href'),
        snippet: li.querySelector('.arkiv-sok-utdrag').textContent,
        snippet_html: li.querySelector('.arkiv-sok-utdrag').innerHTML}))""")


def search_titles(page, query: str, timeout_ms: int = 10_000) -> list[str]:
    """The shown results of ``query``, each as `title · context`, best first."""
    return [f"{r['title']} · {r['context']}" for r in search(page, query, timeout_ms)]


@pytest.fixture
def request_log(context, page) -> RequestLog:
    return RequestLog.attach(context, page)


@pytest.fixture(name="open_site")
def open_site_fixture():
    def _open(page, target, timeout_ms: int = 15_000) -> None:
        url = target if isinstance(target, str) else file_url(target)
        open_site(page, url, timeout_ms)

    return _open


@pytest.fixture(name="search_titles")
def search_titles_fixture():
    return search_titles
