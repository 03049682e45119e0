"""Atom 1.0 feeds (RFC 4287) of the archive's documents, built from the documents' own dates.

    entries = [FeedEntry(id=tag_uri("moten/2023-09-ame-chefsnatverket"),
                         title="Möte i AME-chefsnätverket, september 2023",
                         href="moten/2023-09-ame-chefsnatverket.html",
                         updated="2023-09", summary="...")]
    xml = atom_feed(tag_uri("flode"), "Nätverksarkivet", "flode.xml", "index.html", entries)

Determinism: the output depends on the arguments only. Entry dates come from the
documents (`2023-09-14`, `2023-09` or `2023`, made RFC 3339 by `rfc3339`); the feed's
`updated` is the newest entry date, never the time of the build; entries are sorted
newest first, ties by id. The same input gives the same bytes.

Addresses: hrefs may be relative (`moten/x.html`). Atom resolves a relative reference
against the feed document's own address (RFC 4287 §2, xml:base / RFC 3986), so a feed
published at `<site>/flode.xml` with href `moten/x.html` points at `<site>/moten/x.html`
wherever the site is hosted, and no `site_url` is needed. Write hrefs relative to the
folder the feed file is in.

Identities: an entry's `id` must never change, even when the document's page moves (its
date is corrected and the page gets a new address; see source/adresser.yml). Use
`tag_uri(key)` with a key that is stable for the document: the recommended key is its
FIRST published page path without `.html` (the oldest path in the address ledger), e.g.
`tag:natverksarkivet,2024:moten/2023-09-ame-chefsnatverket`. Tag URIs (RFC 4151) are
independent of where the site is hosted.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Sequence
from urllib.parse import quote

ATOM_NS = "http://www.w3.org/2005/Atom"
TAG_AUTHORITY = "natverksarkivet"
TAG_DATE = "2024"  # the date the tag scheme was minted; part of every id, never change it
EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z"  # a feed without entries still needs <updated>

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
# Characters XML 1.0 cannot carry at all (control characters other than tab, LF, CR).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class FeedEntry:
    """One document in a feed.

    `id`: an absolute IRI that never changes (see `tag_uri`); `href`: the page, relative
    or absolute; `updated`: the document's date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an RFC
    3339 date-time); `summary`: plain text (escaped here; no markup is interpreted);
    `author`: a name, when the document has one (e.g. the note-taker).
    """

    id: str
    title: str
    href: str
    updated: str
    summary: str = ""
    author: str | None = None


def tag_uri(key: str, authority: str = TAG_AUTHORITY, date: str = TAG_DATE) -> str:
    """A tag URI (RFC 4151) for a stable key: `tag:natverksarkivet,2024:moten/2023-09-x`.

    Characters outside the URI's allowed set are percent-encoded (UTF-8), so any key
    gives a valid, stable id.
    """
    if not key:
        raise ValueError("a tag URI needs a key")
    return f"tag:{authority},{date}:{quote(key, safe='/-._~!$&()*+,;=:@?')}"


def rfc3339(value: str) -> str:
    """A document date as an RFC 3339 date-time in UTC, deterministically.

    `2023` -> `2023-01-01T00:00:00Z`, `2023-09` -> `2023-09-01T00:00:00Z`, `2023-09-14` ->
    `2023-09-14T00:00:00Z`; a full date-time is returned as written. Raises ValueError
    for anything else (also for impossible dates like `2023-02-30`).
    """
    value = value.strip()
    if _DATETIME.fullmatch(value):
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))  # validates the numbers
        return value
    match = _DATE.fullmatch(value)
    if not match:
        raise ValueError(f"not a date (YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339): {value!r}")
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    date = dt.date(int(year), int(month), int(day))  # raises ValueError for impossible dates
    return f"{date.isoformat()}T00:00:00Z"


def _instant(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def _clean(text: str) -> str:
    """Text XML can carry: line breaks as LF, characters XML 1.0 forbids removed."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = _clean(text)
    return element


def _check_id(value: str, what: str) -> None:
    if not _SCHEME.fullmatch(value):
        raise ValueError(f"{what} must be an absolute IRI such as a tag: URI, not {value!r}")


def atom_feed(feed_id: str, title: str, self_href: str, alternate_href: str,
              entries: Sequence[FeedEntry], *, author: str | None = None,
              subtitle: str | None = None, lang: str = "sv") -> str:
    """An Atom 1.0 feed document (UTF-8 XML text, with declaration) of `entries`.

    Entries are sorted newest first (ties by id); the feed's `updated` is the newest entry
    date (EMPTY_FEED_UPDATED for no entries). `author` names the feed's author (default:
    the feed's title), which Atom requires for entries without an author of their own.
    Raises ValueError for an id that is not an absolute IRI, a repeated entry id, or a
    date that `rfc3339` does not accept.
    """
    _check_id(feed_id, "the feed id")
    prepared = []
    seen: set[str] = set()
    for entry in entries:
        _check_id(entry.id, f"entry id {entry.id!r}")
        if entry.id in seen:
            raise ValueError(f"entry id {entry.id!r} occurs twice")
        seen.add(entry.id)
        updated = rfc3339(entry.updated)
        prepared.append((_instant(updated), updated, entry))
    # Newest first; equal dates by id, so that the order never depends on the input order.
    prepared.sort(key=lambda p: p[2].id)
    prepared.sort(key=lambda p: p[0], reverse=True)

    # Plain names with an explicit default namespace declaration: no global ElementTree
    # namespace registry, no `ns0:` prefixes.
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": lang})
    _text(feed, "id", feed_id)
    _text(feed, "title", title, type="text")
    if subtitle:
        _text(feed, "subtitle", subtitle, type="text")
    _text(feed, "updated", prepared[0][1] if prepared else EMPTY_FEED_UPDATED)
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": _clean(self_href)})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": _clean(alternate_href)})
    feed_author = ET.SubElement(feed, "author")
    _text(feed_author, "name", author or title)
    for _, updated, entry in prepared:
        element = ET.SubElement(feed, "entry")
        _text(element, "id", entry.id)
        _text(element, "title", entry.title, type="text")
        _text(element, "updated", updated)
        ET.SubElement(element, "link", {"rel": "alternate", "type": "text/html", "href": _clean(entry.href)})
        if entry.author:
            entry_author = ET.SubElement(element, "author")
            _text(entry_author, "name", entry.author)
        if entry.summary:
            _text(element, "summary", entry.summary, type="text")
    ET.indent(feed, space="  ")
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


def plain_summary(text: str, limit: int = 300, ellipsis: str = "…") -> str:
    """`text` as a one-paragraph summary of at most `limit` characters (plus `ellipsis`),
    whitespace collapsed and cut at a space."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut and not text[limit].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + ellipsis
