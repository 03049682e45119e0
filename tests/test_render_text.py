"""Source text renders as text: no Markdown or HTML from a source takes effect."""

from __future__ import annotations

import html as h
import re
from html.parser import HTMLParser

import markdown
import pytest

from generator.render import text as t

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "pymdownx.details", "pymdownx.superfences"]


def html(md: str) -> str:
    return markdown.markdown(md, extensions=EXTENSIONS)


class Elements(HTMLParser):
    """The tags and attributes of an HTML fragment."""

    def __init__(self, fragment: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(fragment)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("source", [
    "# inte en rubrik",
    "> inte ett citat",
    "- inte en lista",
    "1. inte en numrerad lista",
    "!!! note \"inte en ruta\"",
    "??? inte en utfällbar ruta",
    "| a | b |",
    "---",
    "*[KROM]: inte en förkortning",
    "text {: onclick=\"alert(1)\" }",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&amp; &lt;b&gt;",
    "`kod` och \\*stjärnor\\*",
    "--8<-- \"fil.md\"",
    "{{ jinja }} {% raw %}",
])
def test_syntax_is_shown_literally(source):
    rendered = html(t.inline(source))
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    # only a paragraph (and harmless inline elements) with no attributes came out
    for tag, attrs in Elements(rendered).tags:
        assert tag in ("p", "em"), (tag, rendered)
        assert attrs == {}, (tag, attrs)
    # the visible text is the source text
    visible = h.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert visible == source


def test_link_with_lost_address_keeps_its_text():
    rendered = html(t.inline("Se [Startsträckan - Göteborgs Stad \\(goteborg.se\\)](#) för mer."))
    assert "Startsträckan - Göteborgs Stad (goteborg.se)" in rendered
    assert "href" not in rendered


def test_only_web_links_are_live():
    assert 'href="https://gr.se/a"' in html(t.inline("[GR](https://gr.se/a)"))
    for url in ("javascript:alert(1)", "data:text/html,x", "vbscript:x"):
        rendered = html(t.inline(f"[klicka]({url})"))
        assert "href" not in rendered and "klicka" in rendered


def test_emphasis_from_web_copy():
    assert "<em>Park och natur</em>" in html(t.inline("*Park och natur* har tagit emot"))


def test_code_fence_is_longer_than_any_backtick_run():
    assert t.code_fence("a ```` b") == "`````"
    assert t.code_fence("inga") == "```"
