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
    Material's search worker is ready.
  * ``search_titles`` - ``search_titles(page, query)``: run one search in
    Material's search box, return the result page titles.
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

# Swedish UI strings of mkdocs-material 9.x (partials/languages/sv.html).
SEARCH_INITIALIZING = "Initialiserar sök"
SEARCH_PLACEHOLDER = "Skriv sökord"

SEARCH_INPUT = "input.md-search__input"
SEARCH_META = ".md-search-result__meta"
# Only the page-level entry of each result group is an <h1>; sections are <h2>.
RESULT_TITLES = ".md-search-result__item .md-search-result__article h1"

# Schemes that never reach the network or the disk.
_INERT_SCHEMES = {"data", "blob", "about"}

_PENDING = "__search-pending__"


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
        # Query strings occur (iframe-worker appends ?<timestamp>).
        path = pathlib.Path(urllib.request.url2pathname(parts.path)).resolve()
        if not path.is_relative_to(root):
            bad.append(url)
    return bad


def file_url(path: pathlib.Path) -> str:
    return pathlib.Path(path).resolve().as_uri()


def open_site(page, url: str, timeout_ms: int = 15_000) -> None:
    """Open ``url``, open the search and wait until the worker is ready.

    Under file:// Material loads search/search_index.js and sets up the
    worker only once the search dialog is opened. It then writes the
    placeholder into the result meta after the worker answered the initial
    empty query, which proves the index was loaded.
    """
    page.goto(url)
    page.click(SEARCH_INPUT)
    page.wait_for_function(
        """([sel, init]) => {
            const el = document.querySelector(sel);
            return el && el.textContent.trim() !== init;
        }""",
        arg=[SEARCH_META, SEARCH_INITIALIZING],
        timeout=timeout_ms,
    )


def _submit(page, value: str, timeout_ms: int) -> None:
    # Material sends a query on keyup and only when the value changed; it
    # rewrites the result meta (then, synchronously, the list) for every
    # answer. A sentinel in the meta therefore tells us when the answer to
    # exactly this query has been rendered.
    page.eval_on_selector(SEARCH_META, "(el, s) => { el.textContent = s }", _PENDING)
    page.fill(SEARCH_INPUT, value)
    page.press(SEARCH_INPUT, "End")
    page.wait_for_function(
        """([sel, s]) => document.querySelector(sel).textContent !== s""",
        arg=[SEARCH_META, _PENDING],
        timeout=timeout_ms,
    )


def search_titles(page, query: str, timeout_ms: int = 10_000) -> list[str]:
    """Type ``query`` into Material's search box; return the page titles of
    the rendered results (best first, at most the first 10 groups)."""
    page.click(SEARCH_INPUT)
    if page.input_value(SEARCH_INPUT):
        _submit(page, "", timeout_ms)
    _submit(page, query, timeout_ms)
    return [t.strip() for t in page.locator(RESULT_TITLES).all_inner_texts()]


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
