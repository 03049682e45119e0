"""Agreement and article pages, and the cross-links they give people and places."""

from __future__ import annotations

import json
import re

from tests import search_index
from tests.test_no_loss import VisibleText, words


def page_text(built_site, path: str) -> tuple[str, str]:
    html = (built_site / path).read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    text = VisibleText()
    text.feed(article)
    return html, " ".join(" ".join(text.structured).split())


def agreement_path(built_site) -> str:
    data = json.loads((built_site / "data" / "arkiv.json").read_text(encoding="utf-8"))
    return next(d["url"] for d in data["documents"] if d["kind"] == "agreement")


def test_agreement_page_structure(built_site):
    html, text = page_text(built_site, agreement_path(built_site))
    assert "Datum (enligt texten): 2 november 2020" in text
    for day in ("6 oktober 2020", "14 oktober 2020", "18 oktober 2020", "19 oktober 2020", "21 oktober 2020",
                "22 oktober 2020", "2 november 2020"):
        assert day in text.split("Undertecknad:")[1].split("Giltighet")[0], day
    assert "gäller tills vidare; revideras årligen i oktober; första revision oktober 2021" in text
    # the signatures as a table, paired across the flattened columns
    signatures = html.split('id="avsnitt-11"')[1]
    rows = re.findall(r"<tr>(.*?)</tr>", signatures, re.S)[1:11]
    assert len(rows) == 10
    cells = [re.sub(r"<[^>]+>", "", r).split("\n") for r in rows]
    flat = [" | ".join(c.strip() for c in row if c.strip()) for row in cells]
    assert "Mats Lilienberg | Kommundirektör | Mark | Mark | 18 oktober 2020" in flat
    assert "Magnus Nilsson | Kommunchef | Svenljunga | Svenljunga | 14 oktober 2020" in flat
    assert "Håkan Sandahl | Kommunchef | Ulricehamn | ULRICEHAMN | 2 november 2020" in flat
    # the statistics table: numbers right-aligned, the total kept
    table = next(t for t in re.findall(r"<table[ >].*?</table>", html, re.S) if "<strong>Totalt</strong>" in t)
    assert table.count('style="text-align: right;"') >= 2 * 8  # two numeric columns, header + 7 rows
    assert len(re.findall(r"<tr>", table)) == 1 + 7 and "<strong>1681</strong>" in table
    # job-track commitments of six municipalities
    commitments = html.split('id="avsnitt-7-atagande-om-lokala-jobbspar"')[1].split("</table>")[0]
    assert len(re.findall(r"<tr>", commitments)) == 7
    # paragraphs cut by page breaks read whole
    assert "Spåret är en samverkan mellan två enheter" in text
    assert "I appen kan man träna på yrkesspecifika ord" in text


def test_article_page_without_boilerplate(built_site):
    data = json.loads((built_site / "data" / "arkiv.json").read_text(encoding="utf-8"))
    article = next(d for d in data["documents"] if d["kind"] == "article")
    html, text = page_text(built_site, article["url"])
    assert "Nytt uppdrag ska utreda hur kommunerna kan samverka mer vid arbetsmarknadsinsatser" in html
    assert "Kontaktperson: Eva Ahlstedt" in text
    assert 'href="../personer/eva-ahlstedt.html"' in html
    for boilerplate in ("Twitter", "Prenumerera", "består av 13 kommuner som har valt"):
        assert boilerplate not in text, boilerplate
    assert not any("bolla idéer" in e["text"] for e in search_index.entries(built_site))  # the publisher's blurb
    assert words("Twitter Prenumerera bolla") <= words(html)  # still in the verbatim original


def test_places_and_people_link_back_to_the_agreement(built_site):
    path = agreement_path(built_site)
    _html, ulricehamn = page_text(built_site, "kommuner/ulricehamn.html")
    assert "vård och omsorg, lokalvård, betong | planeras" in ulricehamn.replace(" planeras", " | planeras") or \
        ("vård och omsorg, lokalvård, betong" in ulricehamn and "planeras" in ulricehamn)
    assert "KAA 15/9: 133; Försörjningsstöd vuxna 30/6: 239" in ulricehamn
    html, _ = page_text(built_site, "organisationer/arbetsformedlingen.html")
    assert f'../{path}' in html
    html, person = page_text(built_site, "personer/mats-lilienberg.html")
    assert "Har undertecknat" in person and "Kommundirektör" in person and f'../{path}#avsnitt-11' in html
