"""A small link checker for the built site, as it is used: opened from disk (file://).

Every HTML file under the site folder is parsed; every URL-bearing attribute (href, src,
srcset, poster, data, action, the target of a `<meta http-equiv="refresh">`), every
`url(...)` in the site's CSS and every result address in the search index is resolved like a
browser would resolve it from disk:

* relative paths (with `?query` and `#fragment`) must name a FILE inside the site folder
  (a folder does not work from file://: no index.html is served there);
* a `#fragment` must name an `id` (or an `<a name>`) of the target HTML page;
* `/absolute` paths and paths that climb out of the site folder are broken offline;
* URLs with a scheme (http, https, mailto, tel, ...) are external: listed, never fetched.
  `data:`, `blob:` and `about:` URLs are inert and ignored.

Usable from the command line too: `python -m tests.quality.linkcheck site/`.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
import sys
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

from tests import search_index

URL_ATTRIBUTES = {"href", "src", "poster", "data", "action", "xlink:href"}
INERT_SCHEMES = {"data", "blob", "about"}
# Fragments a browser resolves without a matching id (#top scrolls to the top; text fragments).
SPECIAL_FRAGMENTS = {"", "top"}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]+):")
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""")
_CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""")
_REFRESH = re.compile(r"^\s*\d+\s*[;,]\s*url\s*=\s*['\"]?([^'\"]*)['\"]?\s*$", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class Link:
    """One URL as written in one file of the site."""

    page: str  # path of the file inside the site, posix, e.g. moten/index.html
    line: int
    element: str  # e.g. `a href`, `img src`, `css url()`, `search location`
    url: str
    in_content: bool = False  # inside the page's <article> (the generated content)

    def where(self) -> str:
        return f"{self.page}:{self.line}: <{self.element}> {self.url!r}"


@dataclasses.dataclass(frozen=True)
class Broken:
    link: Link
    reason: str

    def __str__(self) -> str:
        return f"{self.link.where()}: {self.reason}"


@dataclasses.dataclass
class Report:
    pages: int = 0  # HTML files parsed
    links: int = 0  # internal URLs checked (files)
    fragments: int = 0  # of those, with a #fragment checked against the target's ids
    broken: list[Broken] = dataclasses.field(default_factory=list)
    external: list[Link] = dataclasses.field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.pages} HTML pages, {self.links} internal links checked "
            f"({self.fragments} with #fragment), {len(self.broken)} broken, "
            f"{len(self.external)} external"
        )

    def format_broken(self) -> str:
        return "\n".join(f"  {b}" for b in self.broken)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[int, str, str, bool]] = []  # line, element, url, in_content
        self._article_depth = 0

    def handle_starttag(self, tag, attrs):
        self._element(tag, attrs)
        if tag == "article":
            self._article_depth += 1

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "article" and self._article_depth:
            self._article_depth -= 1

    def _element(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        in_content = self._article_depth > 0
        for name, value in attrs:
            if value is None:
                continue
            if name in URL_ATTRIBUTES:
                self.urls.append((line, f"{tag} {name}", value.strip(), in_content))
            elif name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.urls.append((line, f"{tag} srcset", candidate.split()[0], in_content))
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH.match(values.get("content") or "")
            if match:
                self.urls.append((line, "meta refresh", match.group(1).strip(), in_content))


@dataclasses.dataclass
class _Parsed:
    ids: set[str]
    urls: list[tuple[int, str, str, bool]]


class LinkChecker:
    """Checks the links of one site folder. `run()` returns a `Report`."""

    def __init__(self, site: Path) -> None:
        self.site = Path(site).resolve()
        self._pages: dict[str, _Parsed] = {}

    def _parsed(self, rel: str) -> _Parsed:
        if rel not in self._pages:
            parser = _PageParser()
            parser.feed((self.site / rel).read_text(encoding="utf-8", errors="replace"))
            parser.close()
            self._pages[rel] = _Parsed(parser.ids, parser.urls)
        return self._pages[rel]

    def run(self) -> Report:
        report = Report()
        html_files = sorted(p.relative_to(self.site).as_posix() for p in self.site.rglob("*.html"))
        for rel in html_files:
            report.pages += 1
            for line, element, url, in_content in self._parsed(rel).urls:
                self._check(Link(rel, line, element, url, in_content), report)
        for css in sorted(self.site.rglob("*.css")):
            rel = css.relative_to(self.site).as_posix()
            text = css.read_text(encoding="utf-8", errors="replace")
            for pattern, element in ((_CSS_URL, "css url()"), (_CSS_IMPORT, "css @import")):
                for match in pattern.finditer(text):
                    url = next(g for g in match.groups() if g is not None)
                    line = text.count("\n", 0, match.start()) + 1
                    self._check(Link(rel, line, element, url), report)
        self._check_search_index(report)
        return report

    def _check_search_index(self, report: Report) -> None:
        """Every search result's address (sok/d/*.js, relative to the site root) resolves."""
        chunks = sorted((self.site / "sok" / "d").glob("*.js"), key=lambda p: int(p.stem))
        for chunk in chunks:
            _name, (_index, rows) = search_index.call(chunk)
            for number, row in enumerate(rows, start=1):
                link = Link(f"sok/d/{chunk.name}", number, "search result", row[0])
                self._check(link, report, base="index.html")

    def _check(self, link: Link, report: Report, base: str | None = None) -> None:
        url = link.url
        if not url:
            return  # the same document
        scheme = _SCHEME.match(url)
        if scheme and scheme.group(1).lower() in INERT_SCHEMES:
            return
        if scheme or url.startswith("//"):
            report.external.append(link)
            return
        parts = urllib.parse.urlsplit(url)
        path = urllib.parse.unquote(parts.path)
        fragment = parts.fragment
        if path.startswith("/"):
            report.links += 1
            report.broken.append(Broken(link, "absolute path: from file:// it points outside the site folder"))
            return
        source = base or link.page
        if path:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
        else:
            target = source if base is None else "index.html"
        report.links += 1
        if target == ".." or target.startswith("../"):
            report.broken.append(Broken(link, f"leaves the site folder ({target})"))
            return
        file = self.site / target
        if file.is_dir():
            report.broken.append(
                Broken(link, f"points to the folder {target}/, which does not open from file:// "
                             f"(link the .html file)"))
            return
        if not file.is_file():
            report.broken.append(Broken(link, f"no such file in the site: {target}"))
            return
        if target.endswith(".html") and "#" in url:
            report.fragments += 1
            decoded = urllib.parse.unquote(fragment)
            if decoded in SPECIAL_FRAGMENTS or decoded.startswith(":~:"):
                return
            ids = self._parsed(target).ids
            if fragment not in ids and decoded not in ids:
                report.broken.append(Broken(link, f"no id or name {decoded!r} in {target}"))


def check_site(site: Path) -> Report:
    return LinkChecker(site).run()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    site = Path(argv[0] if argv else "site")
    report = check_site(site)
    print(report.summary())
    for link in report.external:
        print(f"  external: {link.where()}{'  (content)' if link.in_content else ''}")
    if report.broken:
        print("Broken:")
        print(report.format_broken())
    return 1 if report.broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
