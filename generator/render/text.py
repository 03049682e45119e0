"""Source text -> Markdown that renders exactly that text, and nothing else.

Everything from a source document passes through here. HTML is entity-encoded, Markdown
syntax is backslash-escaped (inline everywhere, block syntax at line starts), so a `#`,
`>`, `|`, `---`, `!!!`, `{: onclick=...}` or `<script>` in a minutes text shows as written.
Two constructs of web-copied text are kept as their harmless meaning: `*emphasis*` and
`[text](url)` links; a link is live only for http(s) and mailto addresses.
"""

from __future__ import annotations

import functools
import html
import re

# Characters Python-Markdown un-escapes after a backslash (markdown.Markdown.ESCAPED_CHARS).
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]])")
_LINE_START = [
    (re.compile(r"^(#+)"), lambda m: "\\" + m.group(1)),  # heading
    (re.compile(r"^([-+*])(?=\s|$)"), lambda m: "\\" + m.group(1)),  # bullet
    (re.compile(r"^(\d+)([.)])(?=\s|$)"), lambda m: m.group(1) + "\\" + m.group(2)),  # ordered list
    (re.compile(r"^([!?=:~])"), lambda m: f"&#{ord(m.group(1))};"),  # admonition, details, setext, def list
    (re.compile(r"^(-{2,}|_{2,})"), lambda m: "\\" + m.group(1)),
]
_LINK = re.compile(r"\[(?P<text>(?:\\.|[^\]\\])+)\]\((?P<url>[^()\s]*)\)")
_EMPHASIS = re.compile(r"(?<![\w*\\])\*(?P<text>[^*\s](?:[^*]*[^*\s\\])?)\*(?![\w*])")
_SAFE_URL = re.compile(r"^(?:https?://[^\s<>\"'`]+|mailto:[^\s<>\"'`]+)$", re.IGNORECASE)
_MD_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def attr_text(text: str) -> str:
    """Text for the inside of a raw HTML element, line breaks kept."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    """Text for an HTML attribute value."""
    return html.escape(text, quote=True).replace("\n", " ")


def _escape_plain(text: str) -> str:
    text = html.escape(text, quote=False).replace("|", "&#124;")
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def _escape_line_start(line: str) -> str:
    for pattern, replacement in _LINE_START:
        line = pattern.sub(replacement, line, count=1)
    return line


def inline(text: str, links: list | None = None, prefix: str = "") -> str:
    """Markdown for a run of text: paragraphs, list items, table cells, headings.

    `links` (objects with start, end, href, title; see generator.resolve.linking) become links to
    `prefix + href` where they fall in plain text: never inside a source's own link or
    emphasis, so the words stay exactly as written.
    """
    links = links or []
    parts: list[str] = []
    position = 0
    for match in _LINK.finditer(text):
        parts.append(_with_emphasis(text, position, match.start(), links, prefix))
        parts.append(_link(match.group("text"), match.group("url")))
        position = match.end()
    parts.append(_with_emphasis(text, position, len(text), links, prefix))
    lines = "".join(parts).split("\n")
    return "\n".join(_escape_line_start(line.strip()) for line in lines)


def heading(text: str) -> str:
    """Markdown for heading text (one line)."""
    return inline(" ".join(text.split()))


def fragment(text: str) -> str:
    """Markdown for a piece of a line, spaces at its edges kept (for text around markup)."""
    return _escape_plain(re.sub(r"\s+", " ", text))


@functools.lru_cache(maxsize=1 << 16)  # names, titles and dates recur on thousands of rows
def cell(text: str) -> str:
    """Markdown for a table cell (one line)."""
    return inline(" ".join(text.split()))


def _with_emphasis(text: str, start: int, end: int, links: list, prefix: str) -> str:
    parts: list[str] = []
    position = start
    for match in _EMPHASIS.finditer(text, start, end):
        parts.append(_linked(text, position, match.start(), links, prefix))
        parts.append(f"<em>{_escape_plain(match.group('text'))}</em>")
        position = match.end()
    parts.append(_linked(text, position, end, links, prefix))
    return "".join(parts)


def _linked(text: str, start: int, end: int, links: list, prefix: str) -> str:
    """Escaped text[start:end] with the links that lie wholly inside it."""
    parts: list[str] = []
    position = start
    for link in links:
        if link.start < position or link.end > end or link.start >= link.end:
            continue
        parts.append(_escape_plain(text[position:link.start]))
        label = _escape_plain(text[link.start:link.end]).replace("\n", " ")
        parts.append(f'[{label}]({prefix}{link.href} "{attr(link.title)}")')
        position = link.end
    parts.append(_escape_plain(text[position:end]))
    return "".join(parts)


def _link(text: str, url: str) -> str:
    label = _MD_ESCAPED.sub(r"\1", text)  # `\(goteborg.se\)` was written for a Markdown reader
    if _SAFE_URL.match(url):
        return f'<a href="{attr(url)}" rel="noopener">{_escape_plain(label)}</a>'
    why = "adressen saknas i originalet" if url in ("", "#") else "adressen är inte en webbadress och visas inte som länk"
    return f'<span class="arkiv-lanktext" title="Länk i originalet; {why}">{_escape_plain(label)}</span>'


def code_fence(text: str) -> str:
    """A backtick fence longer than any backtick run in `text`."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)
