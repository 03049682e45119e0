"""Property tests: minutes assembled from random parts parse back into those parts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import BulletList, Decision, Diagnostics, Paragraph, SubHeading
from generator.parse import parse_document
from tests.helpers import KNOWLEDGE, SETTINGS, parse_text, source_from_text

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö", min_size=2, max_size=9)
SENTENCE = st.lists(WORD, min_size=3, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
FIRST = st.sampled_from(["Anna", "Björn", "Åsa", "Örjan", "Karin", "Per"])
LAST = st.sampled_from(["Ek", "Lind", "Öberg", "Ångström", "Nilsson", "Berg"])
PLACE = st.sampled_from(["Ale", "Borås", "Göteborg", "Lilla Edet", "Mölndal", "Öckerö", "GR", "SKR"])
HOSTILE = st.sampled_from(["# rubrik?", "<script>x</script>", "| a | b |", "!!! note", "{: #id }", "--8<--"])


@st.composite
def minutes(draw):
    people = draw(st.lists(st.tuples(FIRST, LAST, PLACE), min_size=1, max_size=6, unique_by=lambda p: p[:2]))
    items = []
    for _ in range(draw(st.integers(1, 6))):
        title = draw(WORD).capitalize() + " " + draw(WORD)
        paragraphs = draw(st.lists(st.one_of(SENTENCE, HOSTILE.map(lambda h: "Text " + h)), min_size=1, max_size=3))
        bullets = draw(st.lists(SENTENCE, max_size=3))
        decision = draw(st.one_of(st.none(), SENTENCE))
        items.append((title, paragraphs, bullets, decision))
    return people, items


def write(people, items) -> str:
    lines = ["Anteckningar", "", "NÄRVARANDE", ""]
    lines += [f"{first} {last}, {place}" for first, last, place in people]
    lines.append("")
    for number, (title, paragraphs, bullets, decision) in enumerate(items, start=1):
        lines += [f"{number}. {title}", ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
        if bullets:
            lines += [f"- {b}" for b in bullets] + [""]
        if decision:
            lines += [f"Beslut: {decision}", ""]
    return "\n".join(lines)


@settings(max_examples=150, deadline=None)
@given(minutes())
def test_minutes_parse_back_into_their_parts(case):
    people, items = case
    document, _ = parse_text(write(people, items))
    assert [(a.name, a.affiliation.name) for a in document.attendees] == \
        [(f"{first} {last}", place) for first, last, place in people]
    assert [(i.number, i.title) for i in document.items] == [(n, t) for n, (t, *_) in enumerate(items, 1)]
    for parsed, (_title, paragraphs, bullets, decision) in zip(document.items, items):
        texts = [b.text for b in parsed.blocks if isinstance(b, (Paragraph, SubHeading))]
        assert texts == paragraphs
        lists = [b.items for b in parsed.blocks if isinstance(b, BulletList)]
        assert lists == ([tuple(bullets)] if bullets else [])
        decisions = [b for b in parsed.blocks if isinstance(b, Decision)]
        assert [d.text for d in decisions] == ([decision] if decision else [])
        assert [d.anchor for d in decisions] == ([f"beslut-{parsed.number}-1"] if decision else [])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_parser_never_raises_and_keeps_the_original(text):
    source = source_from_text(text)
    diagnostics = Diagnostics()
    document = parse_document(source, SETTINGS, KNOWLEDGE, diagnostics)
    assert document.source.raw == source.raw
    for item in document.items:
        assert item.anchor == f"punkt-{item.number}"
    for diagnostic in diagnostics.items:
        assert diagnostic.level in ("error", "warning", "info") and diagnostic.message
