"""The whole pipeline on a copy of the project: pages, determinism, safe writes, redirects."""

from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path

import pytest

from generator.build import generate
from generator.cli import main
from generator.read.config import ConfigError
from tests.helpers import SEEDS


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_seed_gets_a_page_in_its_folder(project):
    result = generate(project)
    paths = sorted(page.path for page in result.corpus.pages)
    assert paths == [
        "artiklar/2019-nytt-uppdrag-ska-utreda-hur-kommunerna-kan-samverka-mer-vid.md",
        "moten/2021-ame-chefsnatverket.md",
        "moten/2022-10-ame-chefsnatverket.md",
        "moten/2023-09-ame-chefsnatverket.md",
        "overenskommelser/2020-11-02-overenskommelse-om-samverkan-for-att-forbattra.md",
    ]
    for path in paths:
        assert (project / "docs" / path).is_file()
    assert result.diagnostics.count("error") == 0


def test_two_builds_are_byte_identical_and_the_second_writes_nothing(project):
    generate(project)
    first = tree_digest(project / "docs")
    mtimes = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()}
    result = generate(project)
    assert tree_digest(project / "docs") == first
    assert result.report.written == []
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes


def test_original_files_are_copied_unchanged_for_download(project):
    generate(project)
    for name in SEEDS.values():
        copy = project / "docs" / "kallor" / name.lower()
        assert copy.read_bytes() == (project / "source" / name).read_bytes()


def test_every_source_line_is_in_the_original_block(project):
    generate(project)
    pages = [page for folder in ("moten", "overenskommelser", "artiklar", "dokument")
             for page in (project / "docs").glob(f"{folder}/20*.md")]
    assert len(pages) == len(SEEDS)
    for page in pages:
        source_name = next(line.split(": ", 1)[1] for line in page.read_text().splitlines()
                           if line.startswith("source_file: "))
        text = page.read_text(encoding="utf-8")
        original = text.split('<pre class="arkiv-originaltext"><code>', 1)[1]
        for line in (project / "source" / source_name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                escaped = html.escape(line, quote=False).replace("\t", "&#9;")
                assert escaped in original, f"{source_name}: {line!r} missing from {page.name}"


def test_hand_written_page_survives_and_stale_pages_are_removed(project):
    generate(project)
    handwritten = (project / "docs" / "om.md").read_bytes()
    (project / "source" / SEEDS["article"]).unlink()
    result = generate(project)
    assert (project / "docs" / "om.md").read_bytes() == handwritten
    assert any(name.startswith("artiklar/2019-") for name in result.report.removed)
    assert not list((project / "docs" / "artiklar").glob("2019-*"))


def test_generator_refuses_to_overwrite_a_file_it_did_not_write(project):
    (project / "docs" / "tidslinje.md").write_text("# Min egen tidslinje\n", encoding="utf-8")
    result = generate(project)
    assert (project / "docs" / "tidslinje.md").read_text(encoding="utf-8") == "# Min egen tidslinje\n"
    assert any(d.file == "docs/tidslinje.md" and d.level == "error" for d in result.diagnostics.items)


def test_front_matter_overrides_and_old_address_redirects(project):
    generate(project)
    seed = project / "source" / SEEDS["2021"]
    item_line = seed.read_text(encoding="utf-8").split("\n").index("1. Inledning") + 1
    seed.write_text("---\ndate: 2021-02-11\ntitle: 'Möte: \"prioriteringar\" # 2021'\n---\n"
                    + seed.read_text(encoding="utf-8"), encoding="utf-8")
    result = generate(project)
    page = next(p for p in result.corpus.pages if p.document.source.name == SEEDS["2021"])
    assert page.path == "moten/2021-02-11-ame-chefsnatverket.md"
    assert page.document.title == 'Möte: "prioriteringar" # 2021'
    assert page.document.date.inferred is False
    redirect = project / "docs" / "moten" / "2021-ame-chefsnatverket.html"
    assert "2021-02-11-ame-chefsnatverket.html" in redirect.read_text(encoding="utf-8")
    ledger = (project / "source" / "adresser.yml").read_text(encoding="utf-8")
    assert "moten/2021-ame-chefsnatverket.html" in ledger and "moten/2021-02-11-ame-chefsnatverket.html" in ledger
    # line numbers still point into the file after the front matter
    document = page.document
    assert document.items[0].line == 4 + item_line  # four lines of front matter above it


def test_export_has_the_documented_shape(project):
    generate(project)
    data = json.loads((project / "docs" / "data" / "arkiv.json").read_text(encoding="utf-8"))
    assert {"documents", "people", "municipalities", "organisations"} <= set(data)
    meeting = next(d for d in data["documents"] if d["id"] == "2022-10-ame-chefsnatverket")
    assert {"id", "kind", "title", "source_file", "url", "date", "date_precision", "date_inferred",
            "date_reason", "network", "note_taker", "attendees", "items", "decisions"} <= set(meeting)
    # the documented keys (the export only ever grows, so more keys may follow)
    assert meeting["decisions"][1].items() >= {
        "id": "2022-10-ame-chefsnatverket#beslut-6-1", "item": 6, "text": "förslaget beviljas",
        "proposal": "fortsätta med de pågående fördjupningsområden inom FoU-plattform från 2022 även under 2023.",
        "anchor": "beslut-6-1", "url": "moten/2022-10-ame-chefsnatverket.html#beslut-6-1",
        "derived": False}.items()
    attendee = meeting["attendees"][0]
    assert set(attendee) >= {"person", "name", "status", "affiliation", "note"}
    csv_lines = (project / "docs" / "data" / "beslut.csv").read_text(encoding="utf-8").splitlines()
    assert len(csv_lines) == 1 + sum(len(d["decisions"]) for d in data["documents"])


def test_invalid_settings_stop_before_anything_is_written(project):
    (project / "source" / "arkiv.yml").write_text("default_netwrok: AME\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="default_netwrok"):
        generate(project)
    assert not (project / "docs" / "moten").exists()


def test_check_exit_codes(project, capsys):
    assert main(["--root", str(project), "check"]) == 0
    assert "5 dokument lästa, 5 byggda, 0 hoppades över" in capsys.readouterr().out
    (project / "source" / "trasig.txt").write_bytes(b"\x00\x01binary")
    assert main(["--root", str(project), "check"]) == 2
    out = capsys.readouterr()
    assert "trasig.txt: error: filen innehåller binära data" in out.err
    (project / "source" / "trasig.txt").unlink()
    (project / "source" / "gammal.txt").write_bytes("Anteckningar\n\nNÄRVARANDE\n\nÅsa Öberg, Borås\n\n"
                                                      "1. Inledning\n\nVälkomna.\n".encode("cp1252"))
    assert main(["--root", str(project), "check"]) == 0
    assert main(["--root", str(project), "--strict", "check"]) == 1
    assert "gammal.txt: warning: filen är inte UTF-8; läst som Windows-1252" in capsys.readouterr().err
