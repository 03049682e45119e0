"""Chromium (Debian's, via Playwright) for the quality gates, plus what one visit records.

Playwright's sync API allows one running instance per thread, and tests/browser/ keeps one
open in the main thread for the whole session. The gates therefore drive their own
Chromium from a worker thread of their own (`BrowserThread`): every function that touches
Playwright objects runs there (`BrowserThread.run(fn, ...)`) and returns plain data
(`Visit`, `Step`), which the tests assert on in the main thread.
"""

from __future__ import annotations

import dataclasses
import json
import queue
import re
import threading
import urllib.parse
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FuturesTimeout
from pathlib import Path

from tests.quality.tools import AXE_JS

# One launch configuration and one notion of "outside the site" for all browser tests.
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, file_url
from tests.browser.conftest import requests_outside as outside  # noqa: F401 (used by the gates)

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}
# A load cancelled because the page navigated away (e.g. the favicon, when a test clicks a
# link at once). A missing file fails with net::ERR_FILE_NOT_FOUND and is still reported.
ABORTED = "net::ERR_ABORTED"
TIMEOUT_MS = 15_000  # for every Playwright action: pages come from disk, nothing is slow

# The search box (overrides/partials/search.html); the panel is marked ready once the
# index's manifest has loaded (assets/javascripts/sok.js).
SEARCH_INPUT = "input.md-search__input"
SEARCH_READY = "[data-arkiv-sok-resultat][data-arkiv-sok-klar]"


class BrowserThread:
    """One Chromium, owned by one worker thread; `run(fn, *args)` calls fn(browser, *args) there.

    The worker is a daemon thread, so a page that hangs can fail its test (timeout) without
    keeping the test session from exiting."""

    def __init__(self, executable: Path = CHROMIUM, args: list[str] = CHROMIUM_ARGS) -> None:
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._work, name="quality-chromium", daemon=True)
        self._thread.start()
        self._playwright = None
        self._browser = None
        self._call(self._start, (executable, args), {}, timeout=120)

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            fn, args, kwargs, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args, **kwargs))
            except BaseException as exc:  # handed to the caller
                future.set_exception(exc)

    def _call(self, fn, args, kwargs, timeout: float):
        future: Future = Future()
        self._queue.put((fn, args, kwargs, future))
        try:
            return future.result(timeout=timeout)
        except FuturesTimeout:
            raise TimeoutError(f"{getattr(fn, '__name__', fn)} did not finish within {timeout:.0f} s "
                               f"in the browser thread") from None

    def _start(self, executable: Path, args: list[str]) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            executable_path=str(executable), headless=True, args=args)

    def run(self, fn, *args, timeout: float = 180, **kwargs):
        return self._call(fn, (self._browser, *args), kwargs, timeout)

    def _stop(self) -> None:
        try:
            if self._browser is not None:
                self._browser.close()
        finally:
            if self._playwright is not None:
                self._playwright.stop()

    def close(self) -> None:
        try:
            self._call(self._stop, (), {}, timeout=60)
        finally:
            self._queue.put(None)


@dataclasses.dataclass
class Visit:
    """What one page did and looked like in one browser context."""

    name: str  # page type
    rel: str  # page path inside the site
    viewport: str
    javascript: bool = True
    final_url: str = ""
    requests: list[str] = dataclasses.field(default_factory=list)
    failed_requests: list[str] = dataclasses.field(default_factory=list)
    console_errors: list[str] = dataclasses.field(default_factory=list)
    page_errors: list[str] = dataclasses.field(default_factory=list)
    h1: str = ""
    content_chars: int = 0
    scroll_width: int = 0
    client_width: int = 0
    overflowing: list[str] = dataclasses.field(default_factory=list)
    clipped: list[str] = dataclasses.field(default_factory=list)  # content cut off or out of view
    screenshot: Path | None = None
    axe: list[dict] | None = None  # axe-core violations, when run
    search_ready: bool | None = None  # when the search was opened
    clicked: list[str] = dataclasses.field(default_factory=list)  # no-JS link clicks: "a -> b: ok"
    problems: list[str] = dataclasses.field(default_factory=list)  # anything else that went wrong

    @property
    def label(self) -> str:
        return f"{self.name} ({self.rel}, {self.viewport}{'' if self.javascript else ', no JS'})"

    def errors(self) -> list[str]:
        return ([f"console error: {e}" for e in self.console_errors]
                + [f"page error: {e}" for e in self.page_errors]
                + [f"request failed: {e}" for e in self.failed_requests]
                + self.problems)


class _Recorder:
    """Listeners attached once per context; events go to the visit under way."""

    def __init__(self, context, page) -> None:
        self.visit: Visit | None = None
        context.on("request", lambda r: self._add("requests", r.url))
        context.on("requestfailed", lambda r: self._add("failed_requests", f"{r.url} ({r.failure})")
                   if r.failure != ABORTED else None)
        page.on("console", lambda m: self._add("console_errors", (
            f"{m.text} [{m.location.get('url', '')}:{m.location.get('lineNumber', '')}]"))
            if m.type == "error" else None)
        page.on("pageerror", lambda e: self._add("page_errors", str(e)))

    def _add(self, field: str, value: str) -> None:
        if self.visit is not None:
            getattr(self.visit, field).append(value)


_CONTENT_JS = """() => {
    const h1 = document.querySelector('article h1, h1');
    const article = document.querySelector('article');
    const de = document.documentElement;
    return {
        h1: h1 ? h1.innerText.replace(/¶$/, '').trim() : '',
        visible: !!(h1 && h1.getClientRects().length),
        chars: article ? article.innerText.trim().length : 0,
        scrollWidth: de.scrollWidth,
        clientWidth: de.clientWidth,
    };
}"""


# An element as `tag#id.class1.class2.class3`, in the findings of the scripts below.
_ELEMENT_NAME_JS = """
    const name = el => {
        let s = el.tagName.toLowerCase();
        if (el.id) s += '#' + el.id;
        for (const c of Array.from(el.classList).slice(0, 3)) s += '.' + c;
        return s;
    };
"""


# Elements that stick out to the right of the viewport and are not clipped by a scroll/clip
# box of their containing-block chain (an absolutely positioned element inside a scroll box
# escapes it when its containing block is outside). Fixed elements come last: they only
# move because the page is too wide.
_OVERFLOW_JS = """() => {
    const cw = document.documentElement.clientWidth;
    const top = a => !a || a === document.body || a === document.documentElement;
    const containingBlock = el => {
        const pos = getComputedStyle(el).position;
        if (pos === 'fixed') return null;
        let a = el.parentElement;
        if (pos === 'absolute') {
            while (!top(a)) {
                const cs = getComputedStyle(a);
                if (cs.position !== 'static' || cs.transform !== 'none') break;
                a = a.parentElement;
            }
        }
        return a;
    };
    const clipped = el => {
        for (let a = containingBlock(el); !top(a); a = containingBlock(a)) {
            if (getComputedStyle(a).overflowX !== 'visible') return true;
        }
        return false;
    };
""" + _ELEMENT_NAME_JS + """    const path = el => {
        const parts = [];
        for (let e = el; !top(e) && parts.length < 4; e = e.parentElement) parts.unshift(name(e));
        return parts.join(' > ');
    };
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > cw + 1 && !clipped(el)) {
            const pos = getComputedStyle(el).position;
            out.push({sel: path(el), right: Math.round(r.right), width: Math.round(r.width), pos,
                      fixed: pos === 'fixed', text: (el.textContent || '').trim().slice(0, 50)});
        }
    }
    out.sort((a, b) => a.fixed - b.fixed || b.right - a.right || a.width - b.width);
    const total = out.length;
    return out.slice(0, 6).map(o => `${o.sel} [position: ${o.pos}] right edge ${o.right}px, `
                                    + `width ${o.width}px: "${o.text}"`)
              .concat(total > 6 ? [`... ${total - 6} more`] : []);
}"""


# Content (the <article> and the footer) that the reader cannot see without scrolling the
# page sideways or that a box cuts off:
#   * an element reaching past the window's left or right edge;
#   * a box that scrolls sideways, hiding part of its content - except in a box marked
#     `arkiv-rullbar` (the attendance matrix), which may scroll inside itself as long as
#     the first cell of every row stays in view (position: sticky);
#   * a box with overflow hidden/clip whose content is larger than the box.
# Visually hidden text (1x1 px, screen readers only) and invisible elements are ignored.
_CLIPPED_JS = """() => {
    const cw = document.documentElement.clientWidth;
""" + _ELEMENT_NAME_JS + """    const path = el => {
        const parts = [];
        for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(name(e));
        return parts.join(' > ');
    };
    const text = el => (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
    const hides = v => v === 'hidden' || v === 'clip';
    const scrolls = v => v === 'auto' || v === 'scroll';
    const out = [];
    for (const scope of document.querySelectorAll('article, footer.md-footer')) {
        for (const el of scope.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.width <= 1 || r.height <= 1) continue;
            const cs = getComputedStyle(el);
            if (cs.visibility === 'hidden' || cs.opacity === '0') continue;
            if (scrolls(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) {
                if (!el.closest('.arkiv-rullbar')) {
                    out.push(`${path(el)} scrolls sideways: ${el.scrollWidth - el.clientWidth}px of its `
                             + `content is out of view: "${text(el)}"`);
                } else {
                    const loose = Array.from(el.querySelectorAll('tr')).filter(
                        tr => tr.cells.length && getComputedStyle(tr.cells[0]).position !== 'sticky');
                    if (loose.length) out.push(`${path(el)} scrolls sideways but the first column does not `
                                               + `stay in view (${loose.length} rows): "${text(loose[0])}"`);
                }
            }
            if ((hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1)
                    || (hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
                if (text(el)) out.push(`${path(el)} cuts off its content (overflow ${cs.overflowX} `
                                       + `${cs.overflowY}, ${el.scrollWidth}x${el.scrollHeight}px in `
                                       + `${el.clientWidth}x${el.clientHeight}px): "${text(el)}"`);
            }
            if (r.right > cw + 1 || r.left < -1) {
                let boxed = false;
                for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                    if (getComputedStyle(a).overflowX !== 'visible') { boxed = true; break; }
                }
                if (!boxed) out.push(`${path(el)} reaches past the window (${Math.round(r.left)}..`
                                     + `${Math.round(r.right)}px of ${cw}px): "${text(el)}"`);
            }
        }
    }
    return out;
}"""


def _settle(page, javascript: bool = True) -> None:
    page.wait_for_load_state("load")
    if javascript:
        # two animation frames: Material's scripts have run and laid the page out
        page.evaluate("""() => new Promise(r => {
            requestAnimationFrame(() => requestAnimationFrame(r)); setTimeout(r, 2000); })""")


def _measure(page, visit: Visit) -> None:
    data = page.evaluate(_CONTENT_JS)
    visit.final_url = page.url
    visit.h1 = data["h1"]
    visit.content_chars = data["chars"]
    visit.scroll_width = data["scrollWidth"]
    visit.client_width = data["clientWidth"]
    if not data["visible"]:
        visit.problems.append("the page's <h1> is missing or not visible")
    if visit.scroll_width > visit.client_width:
        visit.overflowing = page.evaluate(_OVERFLOW_JS)
    visit.clipped = page.evaluate(_CLIPPED_JS)


def run_axe(page, axe_js: Path = AXE_JS) -> list[dict]:
    """Inject axe-core (from node_modules, as an inline script: no request) and run it."""
    page.add_script_tag(path=str(axe_js))
    result = page.evaluate("""async () => {
        // preload: false - axe would otherwise re-fetch the stylesheets by XHR, which file:// forbids
        const r = await axe.run(document, {resultTypes: ['violations'], preload: false});
        return JSON.stringify(r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
            nodes: v.nodes.map(n => ({target: n.target, html: n.html, impact: n.impact,
                                      summary: n.failureSummary}))
        })));
    }""")
    return json.loads(result)


def _open_search(page, visit: Visit, timeout_ms: int = 15_000) -> None:
    """Open the search and wait until its manifest loaded (assets/javascripts/sok.js)."""
    try:
        page.click(SEARCH_INPUT, timeout=5_000)
        page.wait_for_selector(SEARCH_READY, state="attached", timeout=timeout_ms)
        visit.search_ready = True
    except Exception as exc:  # recorded, asserted by the test with the page named
        visit.search_ready = False
        visit.problems.append(f"search did not become ready: {str(exc).splitlines()[0]}")


def _new_context(browser, *, viewport: dict, mobile: bool, javascript: bool):
    options = {"viewport": viewport, "java_script_enabled": javascript}
    if mobile:
        options.update(is_mobile=True, has_touch=True)
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    return context, page, _Recorder(context, page)


def visit_pages(browser, site: Path, targets: list[tuple[str, str]], *, viewport: dict = DESKTOP,
                mobile: bool = False, javascript: bool = True,
                screenshots: dict[str, Path] | None = None, axe: bool = False,
                search: bool = False) -> list[Visit]:
    """Open each (name, rel) page from disk in turn (one context, one tab) and record
    everything the gates look at. Between pages the tab goes to about:blank, so that late
    events of one page are not booked on the next."""
    visits = []
    context, page, recorder = _new_context(browser, viewport=viewport, mobile=mobile, javascript=javascript)
    try:
        for name, rel in targets:
            visit = Visit(name, rel, f"{viewport['width']}x{viewport['height']}", javascript)
            recorder.visit = visit
            page.goto(file_url(Path(site) / rel))
            _settle(page, javascript)
            _measure(page, visit)
            if screenshots and name in screenshots:
                screenshots[name].parent.mkdir(parents=True, exist_ok=True)
                # generous: a long full-page shot on a loaded 2-core machine can take a while
                page.screenshot(path=str(screenshots[name]), full_page=True, timeout=60_000)
                visit.screenshot = screenshots[name]
            if axe:
                visit.axe = run_axe(page)
            if search:
                _open_search(page, visit)
                page.wait_for_timeout(100)  # let late requests (search index, worker) be logged
            recorder.visit = None
            page.goto("about:blank")
            visits.append(visit)
    finally:
        context.close()
    return visits


def visit_page(browser, site: Path, name: str, rel: str, **options) -> Visit:
    return visit_pages(browser, site, [(name, rel)], **options)[0]


# --- JavaScript disabled: content present and links usable --------------------------------

_MARK_LINK_JS = """els => {
    const a = els.find(a => a.protocol === 'file:' && a.pathname.endsWith('.html')
                            && a.pathname !== location.pathname && a.getClientRects().length);
    if (!a) return null;
    a.setAttribute('data-quality-click', '');
    return a.getAttribute('href');
}"""
NO_JS_LINK_SCOPES = (
    ("content", "article a[href]"),
    ("navigation", ".md-header a[href], .md-tabs a[href], .md-sidebar--primary a[href]"),
)


def visit_without_js(browser, site: Path, targets: list[tuple[str, str]]) -> list[Visit]:
    """Open each page with JavaScript off, check heading and content; then click the first
    visible link to another page in the content, and in the navigation, and check each
    lands on a page with content."""
    visits = []
    context, page, recorder = _new_context(browser, viewport=DESKTOP, mobile=False, javascript=False)
    try:
        for name, rel in targets:
            visit = Visit(name, rel, f"{DESKTOP['width']}x{DESKTOP['height']}", javascript=False)
            recorder.visit = visit
            start = file_url(Path(site) / rel)
            page.goto(start)
            _settle(page, javascript=False)
            _measure(page, visit)
            for kind, scope in NO_JS_LINK_SCOPES:
                if page.url != start:
                    page.goto(start)
                href = page.eval_on_selector_all(scope, _MARK_LINK_JS)
                if href is None:
                    if kind == "navigation":
                        visit.problems.append("no visible navigation link to another page without JavaScript")
                    continue
                page.locator("[data-quality-click]").first.click()
                page.wait_for_load_state("load")
                data = page.evaluate(_CONTENT_JS)
                landed = urllib.parse.unquote(urllib.parse.urlsplit(page.url).path)
                ok = data["visible"] and data["chars"] > 0 and page.url.split("#")[0] != start
                visit.clicked.append(f"{kind}: {href} -> {Path(landed).name}{'' if ok else ' (NO CONTENT)'}")
                if not ok:
                    visit.problems.append(f"clicking the {kind} link {href!r} without JavaScript did not "
                                          f"open a page with content (landed on {page.url})")
            recorder.visit = None
            page.goto("about:blank")
            visits.append(visit)
    finally:
        context.close()
    return visits


# --- Click-through navigation --------------------------------------------------------------

@dataclasses.dataclass
class Step:
    action: str  # "open", "click", "back"
    url: str
    h1: str = ""
    errors: list[str] = dataclasses.field(default_factory=list)


CLICK_PATH = (
    ("ett möte", r"(^|/)moten/20[^/]*\.html$"),
    ("en person", r"(^|/)personer/(?!index\.html)[^/]+\.html$"),
    ("en kommun", r"(^|/)kommuner/(?!index\.html)[^/]+\.html$"),
)


_VISIBLE_LINKS_JS = """els => els.filter(a => a.getClientRects().length)
                           .map(a => [a.getAttribute('href'), a.pathname])"""


def _find_link(page, pattern: str) -> str | None:
    """href of the first visible content link whose resolved path matches `pattern`."""
    links = page.eval_on_selector_all("article a[href]", _VISIBLE_LINKS_JS)
    return next((href for href, path in links if re.search(pattern, path)), None)


def click_through(browser, site: Path) -> tuple[list[Step], list[str], list[str]]:
    """Start page -> a meeting -> (a person) -> (a municipality) -> back to the start.

    A step whose kind of page the build does not have (no link found) is skipped and
    named in the notes. Returns (steps, requests, notes)."""
    steps: list[Step] = []
    notes: list[str] = []
    requests: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        context.on("request", lambda r: requests.append(r.url))
        context.on("requestfailed", lambda r: errors.append(f"request failed: {r.url} ({r.failure})")
                   if r.failure != ABORTED else None)
        page.on("console", lambda m: errors.append(f"console error: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"page error: {e}"))

        def step(action: str) -> Step:
            _settle(page)
            data = page.evaluate(_CONTENT_JS)
            s = Step(action, page.url, data["h1"], list(errors))
            if not data["visible"] or data["chars"] == 0:
                s.errors.append("no visible <h1> / content")
            errors.clear()
            steps.append(s)
            return s

        page.goto(file_url(Path(site) / "index.html"))
        step("open")
        history = [page.url]
        for what, pattern in CLICK_PATH:
            target = _find_link(page, pattern)
            if target is None and len(history) > 2:
                # e.g. the person page names no municipality: look on the meeting page
                page.go_back()
                history.pop()
                step("back")
                target = _find_link(page, pattern)
            if target is None:
                notes.append(f"no link to {what} on {page.url.rsplit('/site/', 1)[-1]}: step skipped")
                continue
            page.locator(f"article a[href={json.dumps(target)}]").first.click()
            s = step(f"click {what} ({target})")
            if not re.search(pattern, urllib.parse.urlsplit(s.url).path):
                s.errors.append(f"clicked a link to {what} but landed on {s.url}")
            history.append(page.url)
        while len(history) > 1:
            page.go_back()
            history.pop()
            s = step("back")
            if s.url != history[-1]:
                s.errors.append(f"back should return to {history[-1]}")
    finally:
        context.close()
    return steps, requests, notes
