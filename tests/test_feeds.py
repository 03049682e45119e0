"""Atom feeds (generator/feeds.py): valid Atom 1.0, deterministic, dated by the documents.

Parsed with feedparser (test-only dependency: feedparser==6.0.14).
"""

from __future__ import annotations

import datetime as dt
import random
import time
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render import feeds
from generator.render.feeds import FeedEntry, atom_feed, plain_summary, rfc3339, tag_uri

ATOM = "{http://www.w3.org/2005/Atom}"

# The seed documents, as the integration would pass them (first published paths).
SEED_ENTRIES = [
    FeedEntry(tag_uri("artiklar/2019-nytt-uppdrag-ska-utreda-hur-kommunerna-kan-samverka-mer-vid"),
              "Nytt uppdrag ska utreda hur kommunerna kan samverka mer vid arbetsmarknadsinsatser",
              "artiklar/2019-nytt-uppdrag-ska-utreda-hur-kommunerna-kan-samverka-mer-vid.html", "2019",
              "Vilka möjligheter finns för kommunerna att samarbeta när det gäller arbetsmarknadsinsatser?"),
    FeedEntry(tag_uri("moten/2023-09-ame-chefsnatverket"), "Möte i AME-chefsnätverket, september 2023",
              "moten/2023-09-ame-chefsnatverket.html", "2023-09", "Aktuellt SKR, Kommun i fokus …",
              author="Linda Karlsson"),
    FeedEntry(tag_uri("overenskommelser/2020-11-02-overenskommelse-om-samverkan-for-att-forbattra"),
              "Överenskommelse om samverkan för att förbättra kompetensförsörjningen",
              "overenskommelser/2020-11-02-overenskommelse-om-samverkan-for-att-forbattra.html",
              "2020-11-02", "Parter: Borås, Svenljunga, Tranemo, Mark, Bollebygd och Ulricehamn."),
    FeedEntry(tag_uri("moten/2021-ame-chefsnatverket"), "Möte i AME-chefsnätverket, 2021",
              "moten/2021-ame-chefsnatverket.html", "2021"),
    FeedEntry(tag_uri("moten/2022-10-ame-chefsnatverket"), "Möte i AME-chefsnätverket, oktober 2022",
              "moten/2022-10-ame-chefsnatverket.html", "2022-10", "Reflektioner efter ArbNär i Uppsala.",
              author="Natalja Lipovskaja Nilsson"),
]


def seed_feed(entries=SEED_ENTRIES) -> str:
    return atom_feed(tag_uri("flode"), "Nätverksarkivet – nya dokument", "flode.xml", "index.html",
                     entries, author="Göteborgsregionen (GR)")


def parse(xml: str):
    """The feed as feedparser reads it; it must find nothing to complain about (bozo 0)."""
    feedparser = pytest.importorskip("feedparser")
    parsed = feedparser.parse(xml.encode("utf-8"))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_seed_feed_is_valid_atom_in_date_order():
    parsed = parse(seed_feed())
    assert [e.updated for e in parsed.entries] == [
        "2023-09-01T00:00:00Z", "2022-10-01T00:00:00Z", "2021-01-01T00:00:00Z",
        "2020-11-02T00:00:00Z", "2019-01-01T00:00:00Z"]
    assert parsed.feed.updated == "2023-09-01T00:00:00Z"  # the newest document, not the build time
    assert parsed.feed.id == "tag:natverksarkivet,2024:flode"
    first = parsed.entries[0]
    assert first.id == "tag:natverksarkivet,2024:moten/2023-09-ame-chefsnatverket"
    assert first.link == "moten/2023-09-ame-chefsnatverket.html"  # relative: no site_url needed
    assert first.author == "Linda Karlsson"
    assert parsed.feed.author == "Göteborgsregionen (GR)"
    assert {link.rel: link.href for link in parsed.feed.links} == {"self": "flode.xml", "alternate": "index.html"}


def test_structure_with_elementtree():
    root = ET.fromstring(seed_feed().encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "sv"
    for entry in root.findall(f"{ATOM}entry"):
        # RFC 4287 4.1.2: exactly one id, title and updated; an alternate link (no content).
        for tag in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{tag}")) == 1
        assert entry.find(f"{ATOM}link").get("rel") == "alternate"
    # A feed-level author, so that entries without their own are valid.
    assert root.find(f"{ATOM}author/{ATOM}name").text == "Göteborgsregionen (GR)"


def test_special_characters_survive():
    title = 'Möte <&> "citat" och \'apostrof\' – åäö ÅÄÖ é €'
    summary = "Förslag: <script>alert(1)</script> & mer\nny rad"
    entry = FeedEntry(tag_uri("moten/å ä"), title, "moten/x.html?a=1&b=\"2\"", "2023-09-14", summary,
                      author="Åsa Öberg & Co")
    xml = atom_feed(tag_uri("flöde"), "Arkiv & <test>", "flode.xml", "index.html", [entry])
    parsed = parse(xml)
    [got] = parsed.entries
    assert got.title == title
    assert got.summary == summary
    assert got.author == "Åsa Öberg & Co"
    assert got.link == 'moten/x.html?a=1&b="2"'
    assert got.id == "tag:natverksarkivet,2024:moten/%C3%A5%20%C3%A4"
    assert parsed.feed.title == "Arkiv & <test>"
    assert "<script>" not in xml  # escaped, never markup


def test_characters_xml_cannot_carry_are_dropped():
    entry = FeedEntry(tag_uri("x"), "A\x00B\x0bC\x1f", "x.html", "2023", "rad\r\nrad\rrad")
    parsed = parse(atom_feed(tag_uri("f"), "F", "f.xml", "index.html", [entry]))
    assert parsed.entries[0].title == "ABC"
    assert parsed.entries[0].summary == "rad\nrad\nrad"


def test_same_input_same_bytes_in_any_order():
    reference = seed_feed()
    assert seed_feed() == reference
    shuffled = list(SEED_ENTRIES)
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert seed_feed(shuffled) == reference


def test_equal_dates_are_ordered_by_id():
    entries = [FeedEntry(tag_uri(k), k, f"{k}.html", "2023-09") for k in ("b", "c", "a")]
    parsed = parse(atom_feed(tag_uri("f"), "F", "f.xml", "index.html", entries))
    assert [e.title for e in parsed.entries] == ["a", "b", "c"]


def test_no_dependence_on_the_time_of_the_build(monkeypatch):
    reference = seed_feed()

    def clock(*args, **kwargs):
        raise AssertionError("the feed must not read the clock")

    class FrozenOut(dt.datetime):
        now = utcnow = today = classmethod(clock)

    class FrozenDate(dt.date):
        today = classmethod(clock)

    monkeypatch.setattr(feeds.dt, "datetime", FrozenOut)
    monkeypatch.setattr(feeds.dt, "date", FrozenDate)
    monkeypatch.setattr(time, "time", clock)
    monkeypatch.setattr(time, "gmtime", clock)
    monkeypatch.setattr(time, "localtime", clock)
    assert seed_feed() == reference


def test_empty_feed_is_valid_and_deterministic():
    xml = atom_feed(tag_uri("f"), "Tomt", "f.xml", "index.html", [])
    parsed = parse(xml)
    assert parsed.entries == [] and parsed.feed.updated == feeds.EMPTY_FEED_UPDATED


@pytest.mark.parametrize("value, expected", [
    ("2023", "2023-01-01T00:00:00Z"),
    ("2023-09", "2023-09-01T00:00:00Z"),
    ("2023-09-14", "2023-09-14T00:00:00Z"),
    (" 2020-11-02 ", "2020-11-02T00:00:00Z"),
    ("2023-09-14T10:30:00Z", "2023-09-14T10:30:00Z"),
    ("2023-09-14T10:30:00+02:00", "2023-09-14T10:30:00+02:00"),
])
def test_rfc3339(value, expected):
    assert rfc3339(value) == expected


@pytest.mark.parametrize("value", ["", "23", "2023-9", "2023-13", "2023-02-30", "14 september 2023",
                                   "2023-09-14 10:30", "2023-09-14T25:00:00Z", "uppskattat"])
def test_rfc3339_rejects(value):
    with pytest.raises(ValueError):
        rfc3339(value)


def test_mixed_precision_dates_sort_by_instant():
    entries = [FeedEntry(tag_uri("a"), "a", "a.html", "2023-09-14T10:30:00+02:00"),
               FeedEntry(tag_uri("b"), "b", "b.html", "2023-09-14T09:00:00Z"),
               FeedEntry(tag_uri("c"), "c", "c.html", "2023-09")]
    parsed = parse(atom_feed(tag_uri("f"), "F", "f.xml", "index.html", entries))
    # 10:30+02:00 is 08:30Z, earlier than 09:00Z.
    assert [e.title for e in parsed.entries] == ["b", "a", "c"]
    assert parsed.feed.updated == "2023-09-14T09:00:00Z"


def test_invalid_input_is_refused():
    good = FeedEntry(tag_uri("a"), "a", "a.html", "2023")
    with pytest.raises(ValueError, match="absolute IRI"):
        atom_feed("flode", "F", "f.xml", "index.html", [good])
    with pytest.raises(ValueError, match="absolute IRI"):
        atom_feed(tag_uri("f"), "F", "f.xml", "index.html", [FeedEntry("moten/x", "x", "x.html", "2023")])
    with pytest.raises(ValueError, match="twice"):
        atom_feed(tag_uri("f"), "F", "f.xml", "index.html", [good, good])
    with pytest.raises(ValueError):
        atom_feed(tag_uri("f"), "F", "f.xml", "index.html", [FeedEntry(tag_uri("b"), "b", "b", "hösten")])
    with pytest.raises(ValueError):
        tag_uri("")


def test_tag_uris_are_stable_and_independent_of_the_site():
    assert tag_uri("moten/2023-09-ame-chefsnatverket") == "tag:natverksarkivet,2024:moten/2023-09-ame-chefsnatverket"
    assert tag_uri("moten/2023-09-ame-chefsnatverket") == tag_uri("moten/2023-09-ame-chefsnatverket")


def test_plain_summary():
    assert plain_summary("  Kort\n text  ") == "Kort text"
    long = "ord " * 200
    summary = plain_summary(long, limit=50)
    assert summary.endswith("…") and len(summary) <= 51 and "  " not in summary
    assert plain_summary("Jobbspår, jobbspåren och mer", limit=10) == "Jobbspår…"


xml_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=150, deadline=None)
@given(xml_text, xml_text, st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_any_text_gives_a_valid_feed(title, summary, date):
    entry = FeedEntry(tag_uri("x"), title, "x.html", date.isoformat(), summary)
    xml = atom_feed(tag_uri("f"), "F", "f.xml", "index.html", [entry])
    ET.fromstring(xml.encode("utf-8"))  # well-formed
    parsed = parse(xml)
    assert parsed.entries[0].updated == f"{date.isoformat()}T00:00:00Z"
    assert atom_feed(tag_uri("f"), "F", "f.xml", "index.html", [entry]) == xml
