"""The decisions register page and its CSV."""

from __future__ import annotations

import csv
import io

from generator.build import generate


def test_register_lists_explicit_and_derived_decisions(project):
    generate(project)
    page = (project / "docs" / "beslut.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith("| <span data-sort=")]
    assert len(rows) == 4
    # the two explicit decisions of the 2022 minutes, the second with its proposal
    assert any("Skills" in r and "2022-10-ame-chefsnatverket.md#beslut-2-1" in r for r in rows)
    proposal_row = next(r for r in rows if "#beslut-6-1" in r)
    assert "förslaget beviljas" in proposal_row and "fortsätta med de pågående fördjupningsområden" in proposal_row
    # the derived financing decision of the 2023 minutes, marked as derived
    financing = next(r for r in rows if "2023-09-ame-chefsnatverket.md#beslut-5-1" in r)
    assert "säger följande kommuner ja till fortsatt finansiering" in financing and "härlett ur texten" in financing
    assert "kommuner/kungalv.md" in financing  # municipalities named in the decision


def test_csv_matches_the_register(project):
    generate(project)
    page = (project / "docs" / "beslut.md").read_text(encoding="utf-8")
    table = list(csv.DictReader(io.StringIO((project / "docs" / "data" / "beslut.csv").read_text(encoding="utf-8"))))
    import re

    anchors_on_page = [re.search(r"\(moten/[^)#]+#beslut-(\d+-\d+)\)", line).group(1)
                       for line in page.splitlines() if line.startswith("| <span data-sort=")]
    assert [row["id"].split("#beslut-")[1] for row in table] == anchors_on_page
    assert [row["derived"] for row in table] == ["ja", "ja", "nej", "nej"]
    assert table[0]["municipalities"].split(";")[:2] == ["goteborg", "alingsas"]
