"""Abbreviations in finished HTML: `<abbr title="expansion">` around every glossary form.

`annotate_html(html, glossary)` inserts `<abbr>` into the text nodes of finished HTML (in
MkDocs' `on_page_content`), skipping links, code, preformatted text, existing `<abbr>`,
scripts, and any element that has a `title` of its own (whose tooltip a nested `<abbr>`
would hide). It leaves every tag and attribute byte for byte as it was, reaches raw HTML
blocks too, and can mark only the first occurrence. Ambiguous entries are never expanded.
"""

from __future__ import annotations

import bisect
import html as html_lib
import re
from typing import Iterable

from generator.model.knowledge import Glossary
from generator.render.htmlscan import VOID, Token, apply_edits, scan

_WORD = re.compile(r"\w")

SKIP_TAGS = frozenset({
    "a", "abbr", "acronym", "code", "pre", "kbd", "samp", "var", "script", "style",
    "textarea", "title", "head", "svg", "math", "button", "select", "option", "template",
})


def _markable(tokens: Iterable[Token], skip_tags: frozenset[str]) -> tuple[list[int], list[int], dict[int, str]]:
    """(starts, ends) of the text tokens whose words may be marked up, and the decoded text
    of every reference by its start and end offset (for word boundaries as read)."""
    starts: list[int] = []
    ends: list[int] = []
    references: dict[int, str] = {}
    skipping: list[str] = []  # open elements whose text is left alone
    for token in tokens:
        if token.kind == "text":
            if not skipping:
                starts.append(token.start)
                ends.append(token.start + len(token.text))
        elif token.kind == "ref":
            decoded = token.decoded
            references[token.start] = decoded
            references[token.start + len(token.text)] = decoded
        elif token.kind == "start" and token.name not in VOID and not token.self_closing:
            titled = "title" in token.text and "title" in token.attributes()
            if token.name in skip_tags or token.name in skipping or titled:
                skipping.append(token.name)
        elif token.kind == "end" and token.name in skipping:
            while skipping.pop() != token.name:
                pass
    return starts, ends, references


def annotate_html(html: str, glossary: Glossary, *, first_only: bool = False,
                  skip_tags: Iterable[str] = SKIP_TAGS) -> str:
    """`html` with each known abbreviation in its text wrapped in `<abbr title="...">`.

    Only text nodes change; tags, attributes, comments and entities are copied byte for
    byte. Text inside `skip_tags` elements (links, code, preformatted text, existing
    `<abbr>`, scripts ...) and inside any element with a `title` attribute is left alone.
    Ambiguous entries are never expanded. With `first_only`, only the first occurrence of
    each entry (any of its forms) is marked. Works on fragments and whole documents.
    """
    if glossary.regex is None or not html:
        return html
    return apply_edits(html, abbreviation_edits(html, list(scan(html)), glossary, first_only=first_only,
                                                skip_tags=skip_tags))


def abbreviation_edits(html: str, tokens: list[Token], glossary: Glossary, *, first_only: bool = False,
                       skip_tags: Iterable[str] = SKIP_TAGS) -> list[tuple[int, int, str]]:
    """The edits of `annotate_html`, for a page already scanned into `tokens`."""
    if glossary.regex is None:
        return []
    edits: list[tuple[int, int, str]] = []
    done: set[str] = set()
    starts, ends, references = _markable(tokens, frozenset(t.lower() for t in skip_tags))
    for match in glossary.matches(html):
        first, last = match.span()
        index = bisect.bisect_right(starts, first) - 1
        if index < 0 or last > ends[index]:
            continue  # in a tag, in text left alone, or running into a reference
        before, after = references.get(first), references.get(last)
        if (before and _WORD.match(before[-1])) or (after and _WORD.match(after[0])):
            continue  # a reference beside it reads as a letter (`&#228;`): not a whole word
        entry = glossary.lookup(match.group())
        if entry is None or entry.ambiguous or (first_only and entry.term in done):
            continue
        done.add(entry.term)
        edits.append((first, last, f'<abbr title="{html_lib.escape(entry.title, quote=True)}">'
                                   f'{html[first:last]}</abbr>'))
    return edits
