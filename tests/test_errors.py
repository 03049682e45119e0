"""Errors are values until the edge: a bad data file, ledger or settings file gives one line
`file:line: error: message` and exit 2, never a traceback; a document that fails is
reported with its file and the rest still builds."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from generator.build import generate
from generator.cli import main
from tests.helpers import ROOT


def _own_generator(project: Path) -> Path:
    """The project with its own copy of the generator, so its data files can be broken."""
    (project / "generator").unlink()
    shutil.copytree(ROOT / "generator", project / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    return project / "generator" / "data"


def _arkiv(project: Path, *args: str) -> subprocess.CompletedProcess:
    # run from the project folder, so that `import generator` finds the project's copy
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(project), *args],
                          cwd=project, capture_output=True, text=True, timeout=120)


def test_a_bad_topic_file_is_one_line_and_exit_2(project):
    data = _own_generator(project)
    path = data / "amnen.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("{pattern: KAA, case_sensitive: true}", "{pattern: K*A, case_sensitive: true}", 1),
                    encoding="utf-8")
    result = _arkiv(project, "check")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert "amnen.yml:" in line and ": error: " in line and "`*`" in line


def test_a_missing_key_in_the_date_cues_is_one_line_naming_it(project):
    data = _own_generator(project)
    path = data / "date_cues.yml"
    cues = yaml.safe_load(path.read_text(encoding="utf-8"))
    del cues["header_labels"]
    path.write_text(yaml.safe_dump(cues, allow_unicode=True), encoding="utf-8")
    result = _arkiv(project, "generate")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [f"{path}: error: key `header_labels` is missing (a list of texts)"]
    assert not (project / "docs" / "index.md").exists()  # nothing is built from half-read knowledge


def test_bad_settings_are_one_line_and_exit_2(project, capsys):
    (project / "source" / "arkiv.yml").write_text("networks: ett nätverk\n", encoding="utf-8")
    assert main(["--root", str(project), "build"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["source/arkiv.yml: error: `networks` ska vara en lista av `- name: ...` med valfria `aliases: [...]`"]


def test_a_hand_edited_ledger_path_outside_the_site_is_an_error_not_a_traceback(project, capsys):
    generate(project)
    ledger = project / "source" / "adresser.yml"
    data = yaml.safe_load(ledger.read_text(encoding="utf-8"))
    data["personer"]["anne bensson"].insert(0, "../../utanfor.html")
    ledger.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["--root", str(project), "generate"]) == 2
    err = capsys.readouterr().err
    assert "source/adresser.yml: error: `personer.anne bensson`: `../../utanfor.html`" in err
    assert "Traceback" not in err


def test_a_document_that_fails_to_render_is_reported_and_the_rest_builds(project, monkeypatch, capsys):
    import generator.render.site as site

    original = site.render_document

    def failing(page, corpus, url):
        if page.document.kind.value == "agreement":
            raise RuntimeError("planted")
        return original(page, corpus, url)

    monkeypatch.setattr(site, "render_document", failing)
    assert main(["--root", str(project), "generate"]) == 2
    err = capsys.readouterr().err
    assert "003_59e58a48d8f72bd0.txt: error: sidan kunde inte skapas (RuntimeError: planted)" in err
    assert len(list((project / "docs" / "moten").glob("20*.md"))) == 3
    assert not list((project / "docs" / "overenskommelser").glob("20*.md"))


def test_a_document_that_fails_to_parse_is_reported_and_the_rest_builds(project, monkeypatch, capsys):
    import generator.build as build

    original = build.parse_document

    def failing(source, settings, knowledge, diagnostics):
        if source.name.startswith("004"):
            raise ValueError("planted")
        return original(source, settings, knowledge, diagnostics)

    monkeypatch.setattr(build, "parse_document", failing)
    assert main(["--root", str(project), "generate"]) == 2
    assert "004_9c724100ee0c9759.txt: error: dokumentet kunde inte tolkas (ValueError: planted)" in capsys.readouterr().err
    assert len(list((project / "docs" / "moten").glob("20*.md"))) == 3
