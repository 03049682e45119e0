"""Page types of the built site, discovered from the files that are actually there.

The catalogue below says how each kind of page is recognised (a glob inside the site
folder); which of them a build has is decided by the files. Types marked optional are
being added to the generator (people, municipalities, organisations, topics, decisions,
glossary): they are checked automatically as soon as a build produces them. Section
indexes (`<folder>/index.html`) and pages in folders or top-level files the catalogue does
not know are discovered too, so a new kind of page cannot slip past the gates unchecked.

Pages listed in the site navigation (say kommuner/narvaro.html, the attendance matrix, next
to the municipality pages in kommuner/) are section pages, each a type of its own; the
catalogue globs only group the pages outside the navigation (documents, people ...).

For each type one representative page is chosen: the largest file (the most content, so
the most to check), ties broken by name.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

# (name, glob, required). Names are used in test ids and screenshot file names.
CATALOGUE: tuple[tuple[str, str, bool], ...] = (
    ("start", "index.html", True),
    ("mote", "moten/20*.html", True),
    ("overenskommelse", "overenskommelser/20*.html", True),
    ("artikel", "artiklar/20*.html", True),
    ("tidslinje", "tidslinje.html", True),
    ("om", "om.html", True),
    ("person", "personer/*.html", False),
    ("kommun", "kommuner/*.html", False),
    ("organisation", "organisationer/*.html", False),
    ("amne", "amnen/*.html", False),
    ("beslut", "beslut.html", False),
    ("ordlista", "ordlista.html", False),
    # year parts of the listing pages (generator/render/parts.py); a page is of the first
    # type whose glob matches it, so the matrix's years come before the municipalities'
    ("tidslinje-ar", "tidslinje/*.html", True),
    ("beslut-ar", "beslut/*.html", False),
    ("moten-ar", "moten/ar/*.html", True),
    ("overenskommelser-ar", "overenskommelser/ar/*.html", True),
    ("artiklar-ar", "artiklar/ar/*.html", True),
    ("dokument-ar", "dokument/ar/*.html", False),
    ("narvaro-ar", "kommuner/narvaro/*.html", False),
    ("person-ar", "personer/*/*.html", False),
    ("kommun-ar", "kommuner/*/*.html", False),
    ("organisation-ar", "organisationer/*/*.html", False),
    ("amne-ar", "amnen/*/*.html", False),
    # the page a web server shows for a missing address; it must work from disk as well
    ("saknas-404", "404.html", True),
)
REQUIRED_INDEXES = ("moten", "overenskommelser", "artiklar")
_REFRESH = re.compile(r"""<meta[^>]+http-equiv=["']?refresh""", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class PageType:
    name: str
    path: Path  # representative page
    rel: str  # its path inside the site, posix
    count: int  # pages of this type in the build
    pattern: str

    def __str__(self) -> str:
        return f"{self.name} ({self.rel})"


def is_redirect(page: Path) -> bool:
    """Old addresses are tiny pages that forward to the new one (see generator/build.py)."""
    head = page.read_text(encoding="utf-8", errors="replace")[:2000]
    return bool(_REFRESH.search(head))


def _representative(site: Path, pages: list[Path]) -> Path:
    return sorted(pages, key=lambda p: (-p.stat().st_size, p.relative_to(site).as_posix()))[0]


def all_pages(site: Path) -> list[Path]:
    """Every HTML page of the archive (redirects excluded)."""
    return sorted(p for p in Path(site).rglob("*.html") if not is_redirect(p))


def redirects(site: Path) -> list[Path]:
    return sorted(p for p in Path(site).rglob("*.html") if is_redirect(p))


class _NavLinks(HTMLParser):
    """hrefs inside Material's primary navigation (<nav class="md-nav md-nav--primary">)."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self._depth = 0  # <nav> depth inside the primary navigation

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "nav" and (self._depth or "md-nav--primary" in (values.get("class") or "").split()):
            self._depth += 1
        elif tag == "a" and self._depth and values.get("href"):
            self.hrefs.append(values["href"])

    def handle_endtag(self, tag):
        if tag == "nav" and self._depth:
            self._depth -= 1


def nav_pages(site: Path) -> set[str]:
    """Pages in the site navigation. With navigation.prune a page shows the top level and
    its own section, so the start page, top-level pages and section indexes show it all."""
    site = Path(site)
    found: set[str] = set()
    for page in [*site.glob("*.html"), *site.glob("*/index.html")]:
        rel = page.relative_to(site).as_posix()
        parser = _NavLinks()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        for href in parser.hrefs:
            parts = urllib.parse.urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), urllib.parse.unquote(parts.path)))
            if target.endswith(".html") and (site / target).is_file():
                found.add(target)
    return found


def _type_name(prefix: str, rel: str) -> str:
    return f"{prefix}-{re.sub(r'[^a-z0-9]+', '-', rel.lower().removesuffix('.html')).strip('-')}"


def discover(site: Path) -> list[PageType]:
    """The page types of this build, catalogue order first, then indexes, then the rest."""
    site = Path(site)
    pages = all_pages(site)
    rel = {p: p.relative_to(site).as_posix() for p in pages}
    covered: set[Path] = set()
    found: list[PageType] = []

    def add(name: str, pattern: str, members: list[Path]) -> None:
        if members:
            chosen = _representative(site, members)
            found.append(PageType(name, chosen, rel[chosen], len(members), pattern))
            covered.update(members)

    in_nav = nav_pages(site)
    for name, pattern, _required in CATALOGUE:
        exact = not any(c in pattern for c in "*?[")
        # Section indexes and other pages in the navigation are types of their own (below).
        members = [p for p in site.glob(pattern) if p in rel and p not in covered
                   and (exact or (p.name != "index.html" and rel[p] not in in_nav))]
        add(name, pattern, members)
    for index in sorted(p for p in site.glob("*/index.html") if p in rel):
        add(f"index-{index.parent.name}", f"{index.parent.name}/index.html", [index])
    for page in pages:
        if page not in covered and rel[page] in in_nav:
            add(_type_name("sida", rel[page]), rel[page], [page])
    # Anything else: one type per folder (or per top-level file).
    groups: dict[str, list[Path]] = {}
    for page in pages:
        if page in covered:
            continue
        parts = rel[page].split("/")
        key = parts[0] if len(parts) > 1 else parts[0].removesuffix(".html")
        groups.setdefault(key, []).append(page)
    for key, members in sorted(groups.items()):
        pattern = f"{key}/*.html" if "/" in rel[members[0]] else rel[members[0]]
        add(_type_name("ovrigt", key), pattern, members)
    return found


def missing_required(types: list[PageType]) -> list[str]:
    names = {t.name for t in types}
    wanted = [name for name, _pattern, required in CATALOGUE if required]
    wanted += [f"index-{folder}" for folder in REQUIRED_INDEXES]
    return [name for name in wanted if name not in names]


def describe(types: list[PageType]) -> str:
    return "\n".join(f"  {t.name:<22} {t.rel}  ({t.count} page(s) matching {t.pattern})" for t in types)
