"""Every address the archive has published keeps working: people, municipalities,
organisations and topics join the address ledger like documents do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.resolve.addresses import PARTS, Ledger, ledger_text, read_ledger, reconcile, reconcile_parts
from generator.build import generate
from generator.cli import main
from generator.model import Diagnostics

# Two spellings that are NOT merged automatically (different affiliations), and two that
# fall on the same page name (`asa-lind`, `asa-lind-2`).
MINUTES = """\
Anteckningar

NÄRVARANDE

Kerstin Lundgren, Lerum
Åsa Lind, Partille

1. Inledning

Mötet öppnas.
"""
MORE_MINUTES = """\
Anteckningar

NÄRVARANDE

Kerstin Lundgreen, Alingsås
Asa Lind, Mölndal

1. Inledning

Mötet öppnas.
"""


def _settings(root: Path, people: dict) -> None:
    path = root / "source" / "arkiv.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["people"] = {"merge": [], "keep_apart": [], "hide": [], **people}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _target(redirect: Path) -> str:
    return re.search(r'url=([^"]+)"', redirect.read_text(encoding="utf-8")).group(1)


@pytest.fixture
def two_spellings(project: Path) -> Path:
    (project / "source" / "mote_a.txt").write_text("---\ndate: 2024-01-10\n---\n" + MINUTES, encoding="utf-8")
    (project / "source" / "mote_b.txt").write_text("---\ndate: 2024-02-10\n---\n" + MORE_MINUTES, encoding="utf-8")
    result = generate(project)
    people = set(result.corpus.people)
    assert {"kerstin-lundgren", "kerstin-lundgreen", "asa-lind", "asa-lind-2"} <= people
    return project


def test_a_merge_leaves_a_redirect_from_the_merged_away_page(two_spellings):
    _settings(two_spellings, {"merge": [["Kerstin Lundgren", "Kerstin Lundgreen"],
                                        ["Åsa Lind", "Asa Lind"]]})
    result = generate(two_spellings)
    docs = two_spellings / "docs" / "personer"
    assert (docs / "kerstin-lundgren.md").exists() and not (docs / "kerstin-lundgreen.md").exists()
    assert _target(docs / "kerstin-lundgreen.html") == "kerstin-lundgren.html"
    assert _target(docs / "asa-lind-2.html") == "asa-lind.html"
    assert result.corpus.redirects["personer/asa-lind-2.html"] == "personer/asa-lind.html"
    # the redirect carries the anchor (#narvaro) when JavaScript runs
    assert "location.hash" in (docs / "kerstin-lundgreen.html").read_text(encoding="utf-8")


def test_the_year_pages_of_a_merged_away_person_lead_to_the_merged_persons(two_spellings):
    _settings(two_spellings, {"merge": [["Kerstin Lundgren", "Kerstin Lundgreen"]]})
    generate(two_spellings)
    docs = two_spellings / "docs" / "personer"
    assert (docs / "kerstin-lundgren" / "2024.md").exists()
    assert _target(docs / "kerstin-lundgreen" / "2024.html") == "../kerstin-lundgren/2024.html"
    assert "location.hash" in (docs / "kerstin-lundgreen" / "2024.html").read_text(encoding="utf-8")


def test_a_collision_suffix_stays_with_its_person(two_spellings):
    """A third person on the same page name takes a new suffix; the others keep theirs."""
    before = generate(two_spellings).corpus.person_by_name
    (two_spellings / "source" / "mote_c.txt").write_text(
        "---\ndate: 2024-03-10\n---\nAnteckningar\n\nNÄRVARANDE\n\nÁsa Lind, Kungälv\n\n1. Inledning\n\nText.\n",
        encoding="utf-8")
    after = generate(two_spellings).corpus.person_by_name
    assert after["Åsa Lind"] == before["Åsa Lind"] and after["Asa Lind"] == before["Asa Lind"]
    assert after["Ása Lind"] == "asa-lind-3"


def test_a_split_keeps_both_pages_and_redirects_nothing_live(project):
    """The seeds' `Anne Bansson`/`Anne Bensson` are merged automatically; kept apart, each
    gets a page and the shared address stays a page, not a redirect."""
    first = generate(project)
    shared = first.corpus.person_by_name["Anne Bensson"]
    _settings(project, {"keep_apart": [["Anne Bansson", "Anne Bensson"]]})
    result = generate(project)
    ids = {result.corpus.person_by_name["Anne Bansson"], result.corpus.person_by_name["Anne Bensson"]}
    assert len(ids) == 2 and shared in ids
    assert f"personer/{shared}.html" not in result.corpus.redirects
    for person_id in ids:
        assert (project / "docs" / "personer" / f"{person_id}.md").exists()


def test_a_renamed_municipality_page_and_a_vanished_topic_redirect(project):
    generate(project)
    ledger = project / "source" / "adresser.yml"
    data = yaml.safe_load(ledger.read_text(encoding="utf-8"))
    code = next(k for k, v in data["kommuner"].items() if v == ["kommuner/ale.html"])
    data["kommuner"][code] = ["kommuner/ale-kommun.html", "kommuner/ale.html"]  # once published elsewhere
    data["amnen"]["ett-borttaget-amne"] = ["amnen/ett-borttaget-amne.html"]
    ledger.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = generate(project)
    assert result.corpus.redirects["kommuner/ale-kommun.html"] == "kommuner/ale.html"
    assert result.corpus.redirects["amnen/ett-borttaget-amne.html"] == "amnen/index.html"
    assert _target(project / "docs" / "amnen" / "ett-borttaget-amne.html") == "index.html"


def test_a_hidden_person_leaves_no_address_behind(project):
    generate(project)
    assert "per överberg" in (project / "source" / "adresser.yml").read_text(encoding="utf-8")
    _settings(project, {"hide": ["Per Överberg"]})
    result = generate(project)
    assert "verberg" not in (project / "source" / "adresser.yml").read_text(encoding="utf-8")
    assert not any("verberg" in old for old in result.corpus.redirects)
    assert not list((project / "docs").rglob("*overberg*"))


def test_a_hand_edited_entry_outside_the_site_is_reported_not_followed(project, capsys):
    generate(project)
    ledger = project / "source" / "adresser.yml"
    data = yaml.safe_load(ledger.read_text(encoding="utf-8"))
    name = next(iter(data["dokument"]))
    data["dokument"][name].insert(0, "../utanfor.html")
    ledger.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["--root", str(project), "generate"]) == 2
    err = capsys.readouterr().err
    assert "source/adresser.yml: error: `dokument." in err and "../utanfor.html" in err
    assert not (project / "utanfor.html").exists()


def test_the_first_ledger_format_is_still_read(tmp_path):
    (tmp_path / "adresser.yml").write_text("a.txt:\n- moten/2021-x.html\n- moten/2021-02-x.html\n",
                                           encoding="utf-8")
    diagnostics = Diagnostics()
    ledger = read_ledger(tmp_path, diagnostics)
    assert ledger.history("dokument", "a.txt") == ("moten/2021-x.html", "moten/2021-02-x.html")
    assert diagnostics.items == []


def test_reconcile_prefers_a_moved_identity_over_a_vanished_one():
    ledger = Ledger({"personer": {"gone": ("personer/x.html",), "moved": ("personer/x.html",)}})
    _, redirects = reconcile(ledger, {"personer": {"moved": "personer/y.html"}})
    assert redirects == {"personer/x.html": "personer/y.html"}


# --- year parts (generator/render/parts.py): every part page published is remembered too ---

def test_a_vanished_year_part_leads_to_its_year_or_else_its_main_page():
    ledger = Ledger({PARTS: {"personer/x.html": ("personer/x/2022.html", "personer/x/2023.html",
                                                 "personer/x/2023-2.html")}})
    published = {"personer/x.html": ("personer/x/2023.html",)}
    after, redirects = reconcile_parts(ledger, published, {})
    assert redirects == {"personer/x/2022.html": "personer/x.html",  # the year is gone: the years' overview
                         "personer/x/2023-2.html": "personer/x/2023.html"}  # the year shrank to one page
    assert after.history(PARTS, "personer/x.html") == ("personer/x/2022.html", "personer/x/2023.html",
                                                      "personer/x/2023-2.html")


def test_new_parts_are_recorded_after_the_old_ones():
    ledger = Ledger({PARTS: {"beslut.html": ("beslut/2023.html",)}})
    after, redirects = reconcile_parts(ledger, {"beslut.html": ("beslut/2022.html", "beslut/2023.html")}, {})
    assert after.history(PARTS, "beslut.html") == ("beslut/2023.html", "beslut/2022.html")
    assert redirects == {}


def test_the_parts_of_a_moved_page_lead_to_the_same_part_of_its_new_page():
    ledger = Ledger({PARTS: {"personer/old.html": ("personer/old/2021.html", "personer/old/2023.html")}})
    published = {"personer/new.html": ("personer/new/2023.html", "personer/new/2024.html")}
    after, redirects = reconcile_parts(ledger, published, {"personer/old.html": "personer/new.html"})
    assert redirects == {"personer/old/2021.html": "personer/new.html",
                         "personer/old/2023.html": "personer/new/2023.html",
                         # not recorded (a ledger from before parts were), followed all the same
                         "personer/old/2024.html": "personer/new/2024.html"}
    assert after.history(PARTS, "personer/old.html") == ("personer/old/2021.html", "personer/old/2023.html")


def test_the_parts_of_a_vanished_page_lead_where_the_page_leads():
    ledger = Ledger({PARTS: {"amnen/gone.html": ("amnen/gone/2020.html",)}})
    _, redirects = reconcile_parts(ledger, {}, {"amnen/gone.html": "amnen/index.html"})
    assert redirects == {"amnen/gone/2020.html": "amnen/index.html"}


def test_the_parts_of_a_page_that_left_no_redirect_are_forgotten():
    """A hidden person's page leaves no redirect; their parts leave no entry and no redirect."""
    ledger = Ledger({PARTS: {"personer/hidden.html": ("personer/hidden/2020.html",)},
                     "personer": {"someone": ("personer/someone.html",)}})
    after, redirects = reconcile_parts(ledger, {}, {})
    assert redirects == {} and PARTS not in after.sections
    assert after.history("personer", "someone") == ("personer/someone.html",)


def test_a_live_part_is_never_redirected():
    ledger = Ledger({PARTS: {"personer/a.html": ("personer/a/2020.html",)}})
    published = {"personer/a.html": ("personer/a/2020.html",)}
    assert reconcile_parts(ledger, published, {"personer/b.html": "personer/a.html"})[1] == {
        "personer/b/2020.html": "personer/a/2020.html"}


def test_the_parts_section_is_written_and_read_back(tmp_path):
    ledger = Ledger({"dokument": {"a.txt": ("moten/2021-a.html",)},
                     PARTS: {"moten/index.html": ("moten/ar/2021.html",)}})
    (tmp_path / "adresser.yml").write_text(ledger_text(ledger), encoding="utf-8")
    diagnostics = Diagnostics()
    assert read_ledger(tmp_path, diagnostics) == ledger and diagnostics.items == []


def test_a_hand_edited_part_outside_the_site_is_reported(tmp_path):
    (tmp_path / "adresser.yml").write_text(
        f"{PARTS}:\n  beslut.html:\n  - ../x.html\n  - beslut/2020.html\n  ../y.html:\n  - y/2020.html\n",
        encoding="utf-8")
    diagnostics = Diagnostics()
    ledger = read_ledger(tmp_path, diagnostics)
    assert ledger.history(PARTS, "beslut.html") == ("beslut/2020.html",)
    assert "../y.html" not in ledger.sections[PARTS]
    messages = [d.message for d in diagnostics.items]
    assert len(messages) == 2 and all("../" in m for m in messages), messages


def _dated(project: Path, name: str, date: str) -> None:
    (project / "source" / name).write_text(f"---\ndate: {date}\n---\n" + MINUTES, encoding="utf-8")


def test_a_year_page_that_vanishes_leaves_a_redirect(project):
    """A document moves from 2023 to 2024 (its date is corrected): the year page of 2023 of
    everyone it names leads to their page, whose overview lists the years there are."""
    _dated(project, "mote_a.txt", "2023-05-10")
    _dated(project, "mote_b.txt", "2024-02-10")
    first = generate(project)
    person = first.corpus.person_by_name["Kerstin Lundgren"]
    year_page = project / "docs" / "personer" / person / "2023.md"
    assert year_page.exists()
    _dated(project, "mote_a.txt", "2024-05-10")
    result = generate(project)
    assert not year_page.exists()
    redirect = year_page.with_suffix(".html")
    assert _target(redirect) == f"../{person}.html"
    assert "location.hash" in redirect.read_text(encoding="utf-8")
    assert (project / "docs" / "personer" / person / "2024.md").exists()
    assert result.diagnostics.count("error") == 0
    # the next build, with nothing changed, keeps the redirect
    generate(project)
    assert _target(redirect) == f"../{person}.html"
    assert f"personer/{person}/2023.html" in (project / "source" / "adresser.yml").read_text(encoding="utf-8")
