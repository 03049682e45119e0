"""What pages and the export say about dates, networks, contacts and excerpts.

- A date the text states is not an estimate; an estimate is labelled wherever it is shown.
- Only minutes fall back on the default network; an agreement or article gets a network
  only when its text names one.
- A contact line is shown as written, without a second label.
- A municipality page lists a passage once, as a report, not again as a mention.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import frontmatter
import pytest

from generator.build import generate


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    from tests.conftest import copy_project

    root = copy_project(tmp_path_factory.mktemp("presentation") / "project")
    generate(root)
    return root / "docs"


def _export(docs: Path) -> dict:
    return json.loads((docs / "data" / "arkiv.json").read_text(encoding="utf-8"))


def test_date_source_tells_stated_from_estimated(generated):
    documents = _export(generated)["documents"]
    for document in documents:
        assert document["date_source"] in ("front_matter", "text", "inferred")
        assert document["date_inferred"] is (document["date_source"] == "inferred")
    by_kind = {d["kind"]: d for d in documents}
    # an agreement is dated by its last signature, which the text states
    assert by_kind["agreement"]["date_source"] == "text"
    # minutes without a stated date are estimated from their content
    assert any(d["date_source"] == "inferred" and d["date_precision"] != "day" for d in documents)


def test_document_pages_label_the_date_by_its_source(generated):
    pages = [page for folder in ("moten", "overenskommelser", "artiklar", "dokument")
             for page in generated.glob(f"{folder}/20*.md")]
    assert pages
    for page in pages:
        post = frontmatter.load(page)
        label = {"front_matter": "Datum", "text": "Datum (enligt texten)",
                 "inferred": "Datum (uppskattat)"}[post["date_source"]]
        assert f"- **{label}:**" in post.content


def test_every_listing_labels_an_estimated_date(generated):
    estimated = [d for d in _export(generated)["documents"] if d["date_inferred"] and d["date"]]
    assert estimated
    pages = [generated / "beslut.md", generated / "tidslinje.md", *generated.glob("beslut/*.md"),
             *generated.glob("tidslinje/*.md")]
    for folder in ("personer", "kommuner", "organisationer", "amnen"):  # main pages and their years
        pages += [*generated.glob(f"{folder}/*.md"), *generated.glob(f"{folder}/*/*.md")]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"(?<=\|)[^|\n]+(?=\|)", text)]
        for document in estimated:
            # a cell that shows the date is `<date> (uppskattat)`, never the bare date
            for cell in cells:
                if cell == document["date_display"] or cell.startswith(document["date_display"] + " "):
                    assert "(uppskattat)" in cell, f"{page.name}: {cell[:120]}"


def test_only_minutes_fall_back_on_the_default_network(generated):
    from generator.read.config import load_settings

    settings = load_settings(generated.parent)
    names = [n for network in settings.networks for n in (network.name, *network.aliases)]
    checked = 0
    for document in _export(generated)["documents"]:
        text = (generated.parent / "source" / document["source_file"]).read_text(encoding="utf-8")
        named = any(name.casefold() in text.casefold() for name in names)
        if document["kind"] == "minutes":
            assert document["network"]
        elif not named:
            assert document["network"] in ("", None), document["id"]
            checked += 1
    assert checked  # the seed agreement names no network


def test_a_contact_line_is_shown_once_without_a_second_label(generated):
    for page in generated.glob("artiklar/*.md"):
        body = page.read_text(encoding="utf-8")
        for paragraph in re.findall(r'<p class="arkiv-kontakt" markdown>(.*?)</p>', body):
            assert not re.match(r"\*\*Kontakt\w*:\*\*\s*Kontakt", paragraph), paragraph


def test_a_municipality_page_lists_a_passage_once(generated):
    checked = 0
    for page in [*generated.glob("kommuner/*.md"), *generated.glob("organisationer/*.md")]:
        text = page.read_text(encoding="utf-8")
        sections = dict(re.findall(r"^## [^\n]*\{ #(\w+) \}\n(.*?)(?=^## |\Z)", text, re.M | re.S))
        reports = set(re.findall(r"\]\(([^)]*#[\w-]+)\)", sections.get("rapporter", "")))
        mentions = set(re.findall(r"\]\(([^)]*#[\w-]+)\)", sections.get("namns", "")))
        assert not reports & mentions, f"{page.name}: {sorted(reports & mentions)}"
        checked += bool(reports)
    assert checked  # the seeds have reports (`Lerum: ...`) to check


PROTOCOL = """PROTOKOLL
Styrgruppen för Jobbtorg Lerum
Sammanträdesdatum: 2022-05-12

Beslutande
Eva Lund (S), ordförande, Lerum
Karl Ek (M), Lerum

§ 4 Val av justerare

Beslut: Mötet utser Karl Ek att justera protokollet.

§ 5 Budget

5.1 Lokaler

Beslut
att hyra lokalen på torget,
att säga upp den gamla
"""


def test_the_export_carries_roles_parties_sub_items_and_formalities(tmp_path):
    from tests.conftest import copy_project

    root = copy_project(tmp_path / "project")
    (root / "source" / "protokoll-jobbtorg.txt").write_text(PROTOCOL, encoding="utf-8")
    generate(root)
    docs = root / "docs"
    document = next(d for d in _export(docs)["documents"] if d["source_file"] == "protokoll-jobbtorg.txt")
    assert [(a["name"], a["role"], a["party"]) for a in document["attendees"]] == [
        ("Eva Lund", "ordförande", "S"), ("Karl Ek", "ledamot", "M")]
    assert [(i["label"], i["sub"], i["anchor"]) for i in document["items"]] == [
        ("4", None, "punkt-4"), ("5", None, "punkt-5"), ("5.1", 1, "punkt-5-1")]
    assert [(x["item_label"], x["sub"], x["formality"], x["anchor"]) for x in document["decisions"]] == [
        ("4", None, True, "beslut-4-1"), ("5.1", 1, False, "beslut-5-1-1"), ("5.1", 1, False, "beslut-5-1-2")]
    rows = [line.split(",") for line in (docs / "data" / "beslut.csv").read_text(encoding="utf-8").splitlines()]
    header, ours = rows[0], [r for r in rows[1:] if "jobbtorg" in r[4]]
    assert header[-2:] == ["item_label", "formality"]
    assert [(r[-2], r[-1]) for r in ours] == [("4", "ja"), ("5.1", "nej"), ("5.1", "nej")]
    page = (docs / document["url"].replace(".html", ".md")).read_text(encoding="utf-8")
    assert "Beslut 4.1 (formalia)" in page and "Beslut 5.1.1<" in page and "Beslut 5.1.2<" in page
    assert re.search(r"Eva Lund\]\([^)]*\) \(S, ordförande\)", page)
    assert re.search(r"Karl Ek\]\([^)]*\) \(M\)", page)  # `ledamot`, everyone's role here, is not repeated
