"""Topics, glossary, feeds and the search index, checked on the built seed archive."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import feedparser

from tests import search_index


class AbbrCheck(HTMLParser):
    """Records every <abbr> and whether it stands inside a link, code or a heading's id."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.abbrs: list[tuple[str, tuple[str, ...]]] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag == "abbr":
            self.abbrs.append((attrs.get("title", ""), tuple(self.stack)))
        if tag not in ("br", "img", "input", "meta", "link", "hr"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass


def test_jobbspar_topic_lists_its_items_with_working_anchors(built_site):
    page = (built_site / "amnen" / "jobbspar.html").read_text(encoding="utf-8")
    targets = re.findall(r'href="\.\./((?:moten|overenskommelser)/[^"#]+\.html)#((?:punkt|avsnitt)-\d+)"', page)
    assert ("moten/2022-10-ame-chefsnatverket.html", "punkt-8") in targets
    assert ("moten/2021-ame-chefsnatverket.html", "punkt-4") in targets
    assert any(t[0].startswith("overenskommelser/") and t[1] == "avsnitt-7" for t in targets)
    for path, anchor in set(targets):
        assert f'id="{anchor}"' in (built_site / path).read_text(encoding="utf-8"), (path, anchor)
    # a passing mention does not tag: item 3 of 2021 names jobbspår once, in a list
    assert ("moten/2021-ame-chefsnatverket.html", "punkt-3") not in targets
    assert "<mark>" in page  # matched words are highlighted in the excerpts


def test_topic_index_and_tags_on_document_pages(built_site):
    index = (built_site / "amnen" / "index.html").read_text(encoding="utf-8")
    assert 'href="jobbspar.html"' in index
    meeting = (built_site / "moten" / "2022-10-ame-chefsnatverket.html").read_text(encoding="utf-8")
    item8 = meeting.split('id="punkt-8"')[1].split('id="punkt-9"')[0]
    assert 'href="../amnen/jobbspar.html"' in item8


def test_abbreviations_show_their_expansion_but_never_inside_links_or_ids(built_site):
    page = (built_site / "moten" / "2022-10-ame-chefsnatverket.html").read_text(encoding="utf-8")
    check = AbbrCheck()
    check.feed(page)
    titles = {title for title, _stack in check.abbrs}
    assert "Kundval Rusta och matcha" in titles  # KROM
    for _title, stack in check.abbrs:
        assert not set(stack) & {"a", "code", "pre", "abbr"}, stack
    assert "punkt-6" in check.ids and "beslut-6-1" in check.ids
    glossary = (built_site / "ordlista.html").read_text(encoding="utf-8")
    assert "KROM" in glossary and "Kundval Rusta och matcha" in glossary


def test_feeds_are_valid_atom_with_document_dates(built_site):
    archive = feedparser.parse(str(built_site / "feed.xml"))
    assert archive.bozo == 0 and archive.version == "atom10"
    updated = [e.updated for e in archive.entries]
    assert updated == sorted(updated, reverse=True)
    assert updated[0] == "2023-09-01T00:00:00Z" and archive.feed.updated == updated[0]  # never the build time
    topic = feedparser.parse(str(built_site / "amnen" / "jobbspar.xml"))
    assert topic.bozo == 0 and len(topic.entries) == 5
    assert all(e.link.startswith("../") for e in topic.entries)  # relative: no site_url needed
    start = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'rel="alternate feed" type="application/atom+xml"' in start  # not Material's language alternates


def test_search_index_has_topics_but_not_the_originals(built_site):
    found = search_index.entries(built_site)
    urls = {e["url"] for e in found}
    assert "amnen/jobbspar.html" in urls
    # `Antecknat av Linda Karlsson` stands only in the verbatim original
    assert not any("Antecknat av Linda Karlsson" in e["text"] for e in found)
    assert not any("originaltext" in e["url"] for e in found)
