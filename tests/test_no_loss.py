"""No loss, proven: every word of a source reaches its page.

On the seeds: every word is in the built HTML; the structured view (outside the verbatim
original) lacks only structural markers and, for articles, the website boilerplate that is
deliberately kept only in the original. For random documents made of seed and hostile
fragments: the parser never raises and every word reaches the rendered page.
"""

from __future__ import annotations

import json
import random
import re
from html.parser import HTMLParser

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.read.config import Settings
from generator.model import Diagnostics
from generator.parse import parse_document
from generator.render.documents import render_document
from generator.resolve import resolve
from tests.helpers import KNOWLEDGE, ROOT, SOURCE, parse_seed, source_from_text

MARKERS = {"anteckningar", "ej", "närvarande"}  # attendance headings and the document heading
EXTENSIONS = ["toc", "attr_list", "md_in_html", "admonition", "tables", "pymdownx.details", "pymdownx.superfences"]


class VisibleText(HTMLParser):
    """Text of an HTML fragment, split into the structured part and the original block."""

    def __init__(self) -> None:
        super().__init__()
        self.structured: list[str] = []
        self.original: list[str] = []
        self.stack: list[bool] = []  # per open element: inside the original block?
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        inside = (self.stack[-1] if self.stack else False) or "arkiv-original" in (dict(attrs).get("class") or "")
        if tag in ("br", "img", "hr", "input", "meta", "link"):
            return
        self.stack.append(inside)
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.skip:
            return
        (self.original if self.stack and self.stack[-1] else self.structured).append(data)


def words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", text)}


def test_every_seed_word_reaches_the_built_html(built_site):
    data = json.loads((built_site / "data" / "arkiv.json").read_text(encoding="utf-8"))
    for document in data["documents"]:
        html = (built_site / document["url"]).read_text(encoding="utf-8")
        article = html.split("<article", 1)[1].split("</article>", 1)[0]
        text = VisibleText()
        text.feed(article)
        source_words = words((SOURCE / document["source_file"]).read_text(encoding="utf-8"))
        assert source_words <= words(" ".join(text.structured + text.original)), document["source_file"]
        missing = source_words - words(" ".join(text.structured))
        if document["kind"] == "article":
            parsed, _ = parse_seed("article")
            allowed = words(" ".join(parsed.article.boilerplate))
            assert missing <= allowed | MARKERS, sorted(missing - allowed)
        else:
            assert missing <= MARKERS, sorted(missing)


def _seed_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(SOURCE.glob("*.txt")):
        lines.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return lines


SEED_LINES = _seed_lines()
HOSTILE = [
    "<script>window.x=1</script>", "<img src=x onerror=alert(1)>", "# rubrik", "> citat", "| a | b |",
    "---", "1. lista", "!!! note", "??? note", "{: #id onclick=x }", "--8<-- \"fil\"", "{{ jinja }}",
    "[länk](javascript:alert(1))", "[data](data:text/html,x)", "&amp; &lt; <b>fet</b>", "Beslut:", "Förslag:",
    "NÄRVARANDE", "EJ NÄRVARANDE", "Antecknat av", "Ort & datum", "\t\ttabb", "*[KROM]: x", "`kod`",
]
HEADERS = ["Anteckningar", "Överenskommelse", "Protokoll", "", "Nyhet"]


@st.composite
def documents(draw):
    rng = random.Random(draw(st.integers(0, 10 ** 9)))
    lines = [draw(st.sampled_from(HEADERS)), ""]
    for _ in range(draw(st.integers(1, 25))):
        choice = draw(st.integers(0, 9))
        if choice < 6:
            lines.append(rng.choice(SEED_LINES))
        elif choice < 8:
            lines.append(draw(st.sampled_from(HOSTILE)))
        else:
            lines.append(f"{draw(st.integers(1, 12))}. {rng.choice(SEED_LINES)[:60]}")
        if draw(st.booleans()):
            lines.append("")
    return "\n".join(lines) + "\n"


SETTINGS = Settings(root=ROOT, default_network="AME-chefsnätverket")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_random_documents_lose_no_word(text):
    diagnostics = Diagnostics()
    source = source_from_text(text)
    document = parse_document(source, SETTINGS, KNOWLEDGE, diagnostics)  # never raises
    corpus = resolve([document], KNOWLEDGE, diagnostics).corpus
    page = corpus.pages[0]
    md = render_document(page, corpus, "kallor/test.txt").split("\n---\n", 1)[1]
    html = markdown.markdown(md, extensions=EXTENSIONS)
    visible = VisibleText()
    visible.feed(html)
    assert words(source.raw) <= words(" ".join(visible.structured + visible.original))
    # the original block holds the whole text, line for line
    original = "".join(visible.original)
    for line in source.raw.splitlines():
        if line.strip():
            assert line.strip() in original, line
    assert not re.search(r"<(script|img|iframe)\b", html.split('class="arkiv-original"')[0]), "markup injected"
