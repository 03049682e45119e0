"""Abbreviations in finished HTML: `<abbr title="expansion">` around every glossary form.

`annotate_html(html, glossary)` inserts `<abbr>` into the text nodes of finished HTML (in
MkDocs' `on_page_content`), skipping links, code, preformatted text, existing `<abbr>`,
scripts, and any element that has a `title` of its own (whose tooltip a nested `<abbr>`
would hide). It leaves every tag and attribute byte for byte as it was, reaches raw HTML
blocks too, and can mark only the first occurrence. Ambiguous entries are never expanded.
"""

from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser
from typing import Iterable

from generator.model.knowledge import Glossary, GlossaryEntry

SKIP_TAGS = frozenset({
    "a", "abbr", "acronym", "code", "pre", "kbd", "samp", "var", "script", "style",
    "textarea", "title", "head", "svg", "math", "button", "select", "option", "template",
})


_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})


class _TextRuns(HTMLParser):
    """Collects the text of an HTML document that may be marked up, with source offsets.

    A run is consecutive text between two tags: pieces of (offset, text, is_data); entity
    and character references are pieces too (decoded, not markable) so that word
    boundaries are judged on the text as read.
    """

    def __init__(self, source: str, skip_tags: frozenset[str]):
        super().__init__(convert_charrefs=False)
        self.skip_tags = skip_tags
        self.skipping: list[str] = []  # open elements whose text is left alone
        self.runs: list[list[tuple[int, str, bool]]] = [[]]
        self._line_starts = [0]
        for match in re.finditer("\n", source):
            self._line_starts.append(match.end())

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _break(self) -> None:
        if self.runs[-1]:
            self.runs.append([])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._break()
        if tag in _VOID:
            return
        if tag in self.skip_tags or any(name == "title" for name, _ in attrs) or tag in self.skipping:
            self.skipping.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._break()

    def handle_endtag(self, tag: str) -> None:
        self._break()
        if tag in self.skipping:
            while self.skipping.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        self.runs[-1].append((self._offset(), data, True))

    def handle_entityref(self, name: str) -> None:
        if not self.skipping:
            self.runs[-1].append((self._offset(), html_lib.unescape(f"&{name};"), False))

    def handle_charref(self, name: str) -> None:
        if not self.skipping:
            self.runs[-1].append((self._offset(), html_lib.unescape(f"&#{name};"), False))

    def handle_comment(self, data: str) -> None:
        self._break()

    def handle_decl(self, decl: str) -> None:
        self._break()

    def handle_pi(self, data: str) -> None:
        self._break()

    def unknown_decl(self, data: str) -> None:
        self._break()


def annotate_html(html: str, glossary: Glossary, *, first_only: bool = False,
                  skip_tags: Iterable[str] = SKIP_TAGS) -> str:
    """`html` with each known abbreviation in its text wrapped in `<abbr title="...">`.

    Only text nodes change; tags, attributes, comments and entities are copied byte for
    byte. Text inside `skip_tags` elements (links, code, preformatted text, existing
    `<abbr>`, scripts ...) and inside any element with a `title` attribute is left alone.
    Ambiguous entries are never expanded. With `first_only`, only the first occurrence of
    each entry (any of its forms) is marked. Works on fragments and whole documents.
    """
    regex = glossary.regex
    if regex is None or not html:
        return html
    parser = _TextRuns(html, frozenset(t.lower() for t in skip_tags))
    parser.feed(html)
    parser.close()
    inserts: list[tuple[int, int, GlossaryEntry]] = []
    done: set[str] = set()
    for run in parser.runs:
        if not any(is_data for _, _, is_data in run):
            continue
        text = "".join(piece for _, piece, _ in run)
        where: list[int | None] = []  # source offset of each character of `text`, None for references
        for offset, piece, is_data in run:
            where.extend(range(offset, offset + len(piece)) if is_data else [None] * len(piece))
        for match in regex.finditer(text):
            start, end = match.span()
            first, last = where[start], where[end - 1]
            if first is None or last is None or last - first != end - 1 - start:
                continue  # the word runs through an entity reference: leave it
            if html[first:last + 1] != match.group():
                continue  # not where the parser said; never guess
            entry = glossary.lookup(match.group())
            if entry is None or entry.ambiguous or (first_only and entry.term in done):
                continue
            done.add(entry.term)
            inserts.append((first, last + 1, entry))
    out: list[str] = []
    position = 0
    for start, end, entry in sorted(inserts, key=lambda i: i[0]):
        out.append(html[position:start])
        out.append(f'<abbr title="{html_lib.escape(entry.title, quote=True)}">{html[start:end]}</abbr>')
        position = end
    out.append(html[position:])
    return "".join(out)
