"""A fast scan of finished HTML into tags and text, with source offsets.

The hook annotates every built page (abbreviations, table cards); the standard library's
`html.parser` made that a third of the build. Pages here are written by Python-Markdown
and our own templates, so a regular-expression scan is enough: start and end tags (quoted
attribute values may hold `>`), comments and declarations, raw-text elements (`script`,
`style`, `textarea`) taken whole, and text split at entity and character references.
Nothing is rewritten here: callers insert at the offsets they are given.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Iterator, NamedTuple

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})

_TOKEN = re.compile(
    r"(?P<raw><(?P<rawtag>script|style|textarea)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</(?P=rawtag)\s*>)"
    r"|(?P<comment><!--.*?-->|<![^>]*>|<\?[^>]*>)"
    r"|(?P<tag><(?P<slash>/?)(?P<name>[A-Za-z][\w:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)"
    r"|(?P<ref>&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)"
    r"|(?P<text>[^<&]+|[<&])",
    re.DOTALL | re.IGNORECASE,
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


class Token(NamedTuple):
    kind: str  # "start", "end", "text", "ref" (an entity or character reference), "other"
    start: int  # offset in the page
    text: str  # the source text of the token
    name: str = ""  # lower-case tag name of "start" and "end"

    @property
    def self_closing(self) -> bool:
        return self.kind == "start" and self.text.endswith("/>")

    def attributes(self) -> dict[str, str]:
        """The attributes of a start tag, values unescaped (a name alone maps to "")."""
        found: dict[str, str] = {}
        body = self.text[1 + len(self.name):-1]
        for match in _ATTRIBUTE.finditer(body):
            value = next((v for v in match.groups()[1:] if v is not None), "")
            found.setdefault(match.group(1).lower(), html_lib.unescape(value))
        return found

    @property
    def decoded(self) -> str:
        """Text as read: a reference decoded, anything else as written."""
        return html_lib.unescape(self.text) if self.kind == "ref" else self.text


_new = tuple.__new__  # builds a Token without the Python-level __new__ (pages have millions)


def scan(html: str) -> Iterator[Token]:
    for match in _TOKEN.finditer(html):
        kind = match.lastgroup  # "raw" (a whole raw-text element), "comment", "tag", "ref", "text"
        if kind == "text" or kind == "ref":
            yield _new(Token, (kind, match.start(), match.group(), ""))
        elif kind == "tag":
            yield _new(Token, ("end" if match["slash"] else "start", match.start(), match.group(),
                               match["name"].lower()))
        else:
            yield _new(Token, ("other", match.start(), match.group(), ""))


def apply_edits(html: str, edits: list[tuple[int, int, str]]) -> str:
    """`html` with each (start, end, text) edit made: html[start:end] replaced by text.
    Edits must not overlap; an insertion has start == end."""
    if not edits:
        return html
    out: list[str] = []
    position = 0
    for start, end, text in sorted(edits, key=lambda edit: (edit[0], edit[1])):
        out.append(html[position:start])
        out.append(text)
        position = end
    out.append(html[position:])
    return "".join(out)
