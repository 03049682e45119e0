"""Link integrity of the built site, offline: every file and #fragment resolves inside site/."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.quality import linkcheck
from tests.quality.allowed import EXTERNAL_CHROME_ALLOWED, LINKS_ALLOWED
from tests.quality.gates import link_matches, unexpected_broken
from tests.quality.summary import SUMMARY


def test_no_broken_links(link_report):
    broken = unexpected_broken(link_report)
    if broken:
        by_reason = Counter(re.sub(r"'[^']*'|\S+\.html|\S+/\S*", "…", b.reason) for b in broken)
        pytest.fail(
            f"{len(broken)} broken link(s) in the built site ({link_report.summary()}):\n"
            + "\n".join(f"  {b}" for b in broken[:200])
            + ("\n  …" if len(broken) > 200 else "")
            + "\nBy kind:\n" + "\n".join(f"  {n} x {r}" for r, n in by_reason.most_common()),
            pytrace=False)
    assert link_report.pages > 0 and link_report.links > 0
    allowed = len(link_report.broken) - len(broken)
    SUMMARY["links"] = (f"{link_report.pages} HTML pages (+ CSS, search index), {link_report.links} "
                        f"internal URLs checked ({link_report.fragments} with #fragment), 0 broken"
                        + (f" ({allowed} allowlisted in allowed.py)" if allowed else "")
                        + f", {len(link_report.external)} external")


def test_every_link_allowlist_entry_is_still_needed(link_report):
    stale = [a for a in LINKS_ALLOWED if not any(link_matches(a, b) for b in link_report.broken)]
    assert not stale, "allowlisted link problems that no longer occur - remove them from " \
                      "tests/quality/allowed.py:\n" + "\n".join(f"  {a.page} {a.message}" for a in stale)


def test_no_external_links_in_page_chrome(link_report):
    """The archive works offline: nothing outside the content may point to the internet.
    Links inside the content come from the source documents: listed, never fetched."""
    chrome = [link for link in link_report.external if not link.in_content
              and not any(re.search(a.extract or a.message, link.url) for a in EXTERNAL_CHROME_ALLOWED)]
    content = sorted({link.url for link in link_report.external if link.in_content})
    assert not chrome, ("external URLs in the page chrome (outside <article>):\n"
                        + "\n".join(f"  {link.where()}" for link in chrome))
    SUMMARY["external links"] = (f"0 in page chrome; {len(content)} distinct in content"
                                 + (f": {', '.join(content[:10])}" if content else ""))


def test_link_checker_reports_planted_breakage(planted_site, link_report):
    """Proof the gate can fail: a broken link and a broken #fragment planted into a copy."""
    report = linkcheck.check_site(planted_site.site)
    before = {(b.link.page, b.link.url) for b in link_report.broken}
    new = [b for b in report.broken if (b.link.page, b.link.url) not in before]
    urls = {b.link.url: b for b in new}
    assert planted_site.broken_href in urls, report.format_broken()
    assert "no such file" in urls[planted_site.broken_href].reason
    assert planted_site.broken_fragment in urls, report.format_broken()
    assert "no id or name 'ankare-som-inte-finns'" in urls[planted_site.broken_fragment].reason
    assert all(b.link.page == planted_site.page for b in new)
    assert set(urls) == {planted_site.broken_href, planted_site.broken_fragment}, report.format_broken()
    assert unexpected_broken(report), "the gate's filter must not hide planted breakage"


def test_link_checker_resolves_like_a_browser(tmp_path):
    """Query strings, fragments, folders, absolute paths, parent climbs, name anchors."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.html").write_text(
        '<p id="p1">x</p><a name="old">old</a>'
        '<a href="../b.html?v=1#s2">ok</a><a href="#p1">ok</a><a href="#old">ok</a>'
        '<a href="x.html#top">ok</a><a href="#">ok</a><img src="data:image/png;base64,AA">'
        '<a href="../a/">folder</a><a href="/b.html">abs</a><a href="../../b.html">out</a>'
        '<a href="../b.html#nope">frag</a><a href="https://example.org/">ext</a>'
        '<a href="mailto:a@b.se">mail</a>', encoding="utf-8")
    (tmp_path / "b.html").write_text(
        '<meta http-equiv="refresh" content="0; url=a/x.html"><article><h2 id="s2">s</h2>'
        '<a href="https://example.org/k">källa</a><a href="saknas.html">borta</a></article>',
        encoding="utf-8")
    (tmp_path / "s.css").write_text('a{background:url("a/x.html")} b{background:url(nope.png)}')
    report = linkcheck.check_site(tmp_path)
    broken = {b.link.url: b.reason for b in report.broken}
    assert set(broken) == {"../a/", "/b.html", "../../b.html", "../b.html#nope", "saknas.html",
                           "nope.png"}, broken
    assert "folder" in broken["../a/"] and "absolute" in broken["/b.html"]
    assert "leaves the site" in broken["../../b.html"]
    assert {(link.url, link.in_content) for link in report.external} == {
        ("https://example.org/", False), ("mailto:a@b.se", False), ("https://example.org/k", True)}
