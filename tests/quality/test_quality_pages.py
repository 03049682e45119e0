"""End-to-end: every page type of the built archive in Chromium, opened from disk (file://).

Page types are discovered from the build (tests/quality/pages.py): new kinds of pages
(people, municipalities, organisations, topics, decisions, glossary) are included as soon
as the generator produces them.
"""

from __future__ import annotations

import pytest

from tests.quality import pages
from tests.quality.browser import MOBILE, click_through, outside, visit_pages
from tests.quality.gates import clip_problems, mobile_known, mobile_problems
from tests.quality.known_findings import KNOWN
from tests.quality.summary import SUMMARY

pytestmark = pytest.mark.browser


def _fail(title: str, problems: list[str]) -> None:
    pytest.fail(f"{title} ({len(problems)}):\n" + "\n".join(f"  {p}" for p in problems), pytrace=False)


def test_page_types_are_discovered_from_the_build(page_types):
    assert not pages.missing_required(page_types)
    SUMMARY["page types"] = f"{len(page_types)}: " + ", ".join(f"{t.name}={t.rel}" for t in page_types)


def test_every_page_type_opens_without_errors(desktop_visits):
    """No console error, page error or failed request; an <h1> and content; search works."""
    problems = []
    for visit in desktop_visits.values():
        problems += [f"{visit.label}: {e}" for e in visit.errors()]
        if visit.content_chars == 0:
            problems.append(f"{visit.label}: the <article> has no text")
        if visit.search_ready is not True:
            problems.append(f"{visit.label}: the search did not load its index")
    if problems:
        _fail("pages with errors in Chromium", problems)
    SUMMARY["browser"] = (f"{len(desktop_visits)} page types opened at 1280x900, "
                          f"0 console/page errors, search ready on all")


def test_no_request_leaves_the_site_folder(built_site, desktop_visits, mobile_visits, nojs_visits):
    problems = []
    for visits in (desktop_visits, mobile_visits, nojs_visits):
        for visit in visits.values():
            problems += [f"{visit.label}: request outside the site folder: {url}"
                         for url in outside(visit.requests, built_site)]
    if problems:
        _fail("requests that would need a network or another folder", problems)
    total = sum(len(v.requests) for vs in (desktop_visits, mobile_visits, nojs_visits) for v in vs.values())
    SUMMARY["requests"] = f"{total} requests recorded, all file:// inside the site folder"


@pytest.fixture(scope="module")
def click_path(quality_browser, built_site):
    return quality_browser.run(click_through, built_site)


def test_click_through_start_meeting_person_municipality_and_back(click_path, built_site):
    steps, requests, notes = click_path
    path = " -> ".join(f"{s.action}: {s.url.rsplit('/site/', 1)[-1]}" for s in steps)
    problems = [f"{s.action} {s.url}: {e}" for s in steps for e in s.errors]
    problems += [f"request outside the site folder: {u}" for u in outside(requests, built_site)]
    if problems:
        _fail(f"click-through navigation failed\n  path: {path}", problems)
    clicks = [s for s in steps if s.action.startswith("click")]
    assert clicks and "ett möte" in clicks[0].action, f"no meeting reached from the start page: {path}"
    assert steps[-1].url == steps[0].url, f"did not get back to the start page: {path}"
    SUMMARY["click-through"] = f"{len(clicks)} clicks, {len(steps) - len(clicks) - 1} x back" + (
        f" ({'; '.join(notes)})" if notes else "")


def test_click_through_reaches_person_and_municipality_when_built(click_path, page_types):
    """Once the build has person / municipality pages, the meeting must link to them."""
    names = {t.name for t in page_types}
    steps, _requests, notes = click_path
    actions = " ".join(s.action for s in steps)
    for name, what in (("person", "en person"), ("kommun", "en kommun")):
        if name in names:
            assert f"click {what}" in actions, (
                f"the build has {name} pages but clicking through start -> meeting found no link "
                f"to {what}: {notes}")


def test_readable_without_javascript(nojs_visits):
    """With JavaScript off every page shows its heading and content, and links work."""
    problems = []
    for visit in nojs_visits.values():
        problems += [f"{visit.label}: {e}" for e in visit.errors()]
        if visit.content_chars == 0:
            problems.append(f"{visit.label}: no content text without JavaScript")
        if not any(c.startswith("navigation:") for c in visit.clicked):
            problems.append(f"{visit.label}: no navigation link could be followed without JavaScript")
    if problems:
        _fail("pages not usable without JavaScript", problems)
    clicks = sum(len(v.clicked) for v in nojs_visits.values())
    SUMMARY["no JavaScript"] = f"{len(nojs_visits)} page types readable, {clicks} links clicked and followed"


def test_mobile_viewport_has_no_horizontal_scrolling(mobile_visits):
    problems = [p for visit in mobile_visits.values() for p in mobile_problems(visit)
                if not any(mobile_known(k, visit, p) for k in KNOWN["mobile"])]
    if problems:
        _fail("pages that do not fit a 390x844 phone", problems)
    SUMMARY["mobile"] = (f"{len(mobile_visits)} page types at 390x844; scrolling sideways: "
                         + (", ".join(v.rel for v in mobile_visits.values()
                                      if v.scroll_width > v.client_width) or "none"))


def test_nothing_is_cut_off_at_phone_and_desktop_width(desktop_visits, mobile_visits, nojs_visits):
    """At 390x844 and 1280x900 (and without JavaScript) every table cell, permalink and
    footer line is in view: tables re-flow instead of scrolling sideways inside the page,
    nothing reaches past the window, no box cuts text off. Only the attendance matrix
    (arkiv-rullbar) may scroll inside its own box, with its first column staying in view."""
    problems = [p for visits in (desktop_visits, mobile_visits, nojs_visits)
                for visit in visits.values() for p in clip_problems(visit)]
    if problems:
        _fail("content cut off or out of view", problems)
    SUMMARY["clipping"] = (f"{len(desktop_visits)} page types at 1280x900 and 390x844 (and without "
                           f"JavaScript): nothing cut off or out of view")


def test_screenshots_of_each_page_type(desktop_visits, mobile_visits, screenshot_dir):
    missing = []
    for visits in (desktop_visits, mobile_visits):
        for visit in visits.values():
            shot = visit.screenshot
            if shot is None or not shot.is_file() or shot.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
                missing.append(f"{visit.label}: no PNG at {shot}")
    assert not missing, "\n".join(missing)
    SUMMARY["screenshots"] = (f"{len(desktop_visits) + len(mobile_visits)} PNGs in "
                              f"{screenshot_dir.relative_to(screenshot_dir.parents[2])}")


def test_browser_gates_report_planted_problems(quality_browser, planted_site):
    """Proof these gates can fail: a console error, a request to the internet, an element
    wider than a phone, a box cutting off text and a table scrolling sideways inside the
    page, planted into a copy of the start page."""
    desktop, = quality_browser.run(visit_pages, planted_site.site, [("planted", planted_site.page)])
    mobile, = quality_browser.run(visit_pages, planted_site.site, [("planted", planted_site.page)],
                                  viewport=MOBILE, mobile=True)
    assert any("planterat konsolfel" in e for e in desktop.console_errors), desktop.errors()
    assert "https://example.invalid/planted.png" in outside(desktop.requests, planted_site.site)
    assert mobile.scroll_width > mobile.client_width == MOBILE["width"]
    assert any("div.planted-wide" in o for o in mobile.overflowing), mobile.overflowing
    # content cut off: a box that hides text, a table scrolling inside the page, at both widths
    for visit in (desktop, mobile):
        problems = "\n".join(clip_problems(visit))
        assert "div.planted-cut cuts off its content" in problems, problems
        assert "div.planted-scroll scrolls sideways" in problems, problems
    assert "div.planted-wide reaches past the window" in "\n".join(clip_problems(mobile))


# Redirects of moved pages are tested on a build that has one: tests/browser/test_redirects.py.
