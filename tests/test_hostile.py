"""A corpus of hostile and broken files: good files build, bad ones are reported, nothing
is injected, nothing is lost, nothing hand-written is overwritten."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml

from generator.build import generate
from generator.cli import main
from generator.read.config import ConfigError

HOSTILE_MINUTES = """Anteckningar

NÄRVARANDE

Åsa Öberg, Mölndal
Karl <b>Fet</b>, Ale

1. Inledning med {: onclick="window.__pwned='attr'" } och <script>window.__pwned='title'</script>

<script>window.__pwned = 'script';</script>
<img src=x onerror="window.__pwned='img'">
# Inte en rubrik
> inte ett citat
| a | b |
|---|---|
| c | d |
---
1. inte en lista
!!! danger "Ingen ruta"
??? note "Ingen utfällning"
--8<-- "README.md"
{{ config.site_name }} {% include "x" %}
[klicka här](javascript:window.__pwned='js')
[eller här](data:text/html,<script>alert(1)</script>)
&lt;b&gt; &amp; & < > "citat" 'apostrof'

2. Beslutspunkt

Beslut: Nätverket antar <iframe src="https://evil.example"></iframe> planen.
"""

CP1252_MINUTES = "Anteckningar\n\nNÄRVARANDE\n\nÅsa Öberg, Borås\n\n1. Inledning\n\nVälkomna till mötet i Härryda.\n"


def hostile_corpus(source: Path) -> None:
    """Broken, hostile and odd files next to the seeds."""
    (source / "hostile.txt").write_text(HOSTILE_MINUTES, encoding="utf-8")
    (source / "windows.txt").write_bytes(CP1252_MINUTES.encode("cp1252"))
    (source / "crlf.txt").write_bytes(CP1252_MINUTES.replace("\n", "\r\n").encode("utf-8"))
    (source / "mixed-newlines.txt").write_bytes(b"Anteckningar\r\n\r\nN\xc3\x84RVARANDE\r\rKarin Berg, Ale\n\n1. Inledning\r\n\r\nText med\ttabb.\n")
    (source / "utf16.txt").write_bytes(CP1252_MINUTES.replace("Borås", "Tjörn").encode("utf-16"))
    (source / "empty.txt").write_bytes(b"")
    (source / "spaces.txt").write_bytes(b"  \n\t\n  ")
    (source / "report.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj")
    (source / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (source / "huge.txt").write_bytes(b"a " * (3 * 1024 * 1024))  # 6 MB
    (source / "odd kind.txt").write_text("Inköpslista\n\nMjölk\n", encoding="utf-8")
    sub = source / "år 2023" / ".." / "undermapp"
    sub.mkdir(parents=True)
    long_name = ("Mycket långt filnamn med å ä ö " * 6).strip().replace(" ", "_") + ".txt"
    (sub / long_name).write_text(
        '---\ntitle: "Titel: med \\"citat\\" # och ---\\nradbrytning"\ndate: 2024-03-05\n---\n' + CP1252_MINUTES,
        encoding="utf-8")
    (source / "Samma.txt").write_text("---\ndate: 2024-03-05\n---\n" + CP1252_MINUTES, encoding="utf-8")
    (source / "samma.txt").write_text("---\ndate: 2024-03-05\n---\n" + CP1252_MINUTES, encoding="utf-8")


@pytest.fixture
def hostile_project(project: Path) -> Path:
    hostile_corpus(project / "source")
    return project


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_bad_files_are_reported_and_good_files_built(hostile_project, capsys):
    code = main(["--root", str(hostile_project), "generate"])
    out, err = capsys.readouterr()
    assert code == 2  # errors the editor must act on, but everything else is built
    expected = {
        "report.txt: error: filen är en PDF-fil, inte text",
        "binary.txt: error: filen innehåller binära data",
        "huge.txt: error: filen är 6.0 MB; gränsen för ett dokument är 5 MB",
        "empty.txt: warning: filen är tom",
        "spaces.txt: warning: filen är tom",
        "windows.txt: warning: filen är inte UTF-8; läst som Windows-1252",
        "odd kind.txt: warning: dokumenttypen kunde inte avgöras ur texten",
    }
    for message in expected:
        assert message in err, message
    for line in err.splitlines():
        assert re.match(r"^[^:]+(:\d+)?: (error|warning|info): .+", line), line
    assert len(err.splitlines()) == len(set(err.splitlines()))  # each problem once
    assert re.search(r"^19 dokument lästa, 14 byggda, 5 hoppades över, \d+ varningar, 3 fel$", out, re.M)
    result = json.loads((hostile_project / "docs" / "data" / "arkiv.json").read_text(encoding="utf-8"))
    sources = {d["source_file"] for d in result["documents"]}
    assert {"hostile.txt", "windows.txt", "crlf.txt", "mixed-newlines.txt", "utf16.txt", "odd kind.txt",
            "Samma.txt", "samma.txt"} <= sources
    windows = next(d for d in result["documents"] if d["source_file"] == "windows.txt")
    assert windows["attendees"][0]["name"] == "Åsa Öberg"  # decoded right
    other = next(d for d in result["documents"] if d["source_file"] == "odd kind.txt")
    assert other["kind"] == "other" and (hostile_project / "docs" / other["url"].replace(".html", ".md")).exists()


def test_slugs_are_safe_and_unique(hostile_project):
    result = generate(hostile_project)
    paths = [page.path for page in result.corpus.pages]
    assert len(paths) == len(set(paths))
    for path in paths:
        assert re.fullmatch(r"[a-z]+/[a-z0-9-]{1,90}\.md", path), path
    same = sorted(p.path for p in result.corpus.pages if p.document.source.name.lower() == "samma.txt")
    assert same == ["moten/2024-03-05-ame-chefsnatverket-2.md", "moten/2024-03-05-ame-chefsnatverket-3.md"] or \
        len(set(same)) == 2
    copies = sorted(p.name for p in (hostile_project / "docs" / "kallor").iterdir())
    assert len(copies) == len(set(c.lower() for c in copies)) == len(result.corpus.pages)
    assert all(c.endswith(".txt") for c in copies)


def test_front_matter_survives_a_round_trip(hostile_project):
    result = generate(hostile_project)
    page = next(p for p in result.corpus.pages if p.document.source.name.startswith("undermapp/"))
    written = (hostile_project / "docs" / page.path).read_text(encoding="utf-8")
    meta = yaml.safe_load(re.match(r"\A---\n(.*?\n)---\n", written, re.DOTALL).group(1))
    assert meta["title"] == 'Titel: med "citat" # och ---\nradbrytning'


def test_hostile_text_is_shown_as_text(hostile_project):
    result = generate(hostile_project)
    page = next(p for p in result.corpus.pages if p.document.source.name == "hostile.txt")
    markdown = (hostile_project / "docs" / page.path).read_text(encoding="utf-8")
    structured = markdown.split("## Originaltext")[0].split("---\n", 2)[2]
    for raw in ("<script", "<img", "<iframe", "javascript:", "data:text/html", "{: onclick", "--8<--"):
        for line in structured.splitlines():
            if raw in line:
                # only inside escaped text: never as markup the Markdown renderer would act on
                assert "&lt;" in line or "\\{" in line or "\\-" in line or "arkiv-lanktext" in line, line
    assert "\\{\\{ config.site\\_name \\}\\}" in structured  # Jinja braces are escaped text


def test_two_builds_of_the_hostile_corpus_are_identical_and_the_manifest_exact(hostile_project):
    generate(hostile_project)
    first = digest(hostile_project / "docs")
    generate(hostile_project)
    assert digest(hostile_project / "docs") == first
    manifest = json.loads((hostile_project / "docs" / ".arkiv-manifest.json").read_text(encoding="utf-8"))["files"]
    on_disk = {p for p in first if p != ".arkiv-manifest.json" and p != "om.md"}
    assert set(manifest) == on_disk
    assert (hostile_project / "docs" / "om.md").exists()


def test_config_errors_name_the_key_and_the_form(project):
    settings = project / "source" / "arkiv.yml"
    cases = {
        "default_network: [1, 2]\n": "`default_network` ska vara en text",
        "nätverk: x\n": "okänd nyckel `nätverk`",
        "people:\n  hide: Per\n": "`people.hide` ska vara en lista av namn",
        "networks:\n  - name: A\n    alias: [B]\n": "okänd nyckel `networks.alias`",
        "archive_title: [\n": "ogiltig YAML",
    }
    for text, message in cases.items():
        settings.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError, match=re.escape(message)):
            generate(project)
    assert not (project / "docs" / "moten").exists()  # nothing built from a half-read configuration


def test_writer_never_writes_outside_docs():
    from generator.write.writer import WriteError, safe_relative

    for bad in ("../x.md", "/etc/passwd", "a/../../b.md", "", "a//b.md"):
        with pytest.raises(WriteError):
            safe_relative(bad)


def test_written_files_can_be_read_by_others_as_the_umask_allows(project):
    """The build writes docs/ and source/adresser.yml with the mode any new file gets
    (a shared drive, a web server's user); a file that was there keeps its own mode."""
    import os

    mask = os.umask(0o022)
    try:
        ledger = project / "source" / "adresser.yml"
        if ledger.exists():
            ledger.chmod(0o664)
        generate(project)
        assert ledger.stat().st_mode & 0o777 == 0o664
        written = [p for p in (project / "docs").rglob("*") if p.is_file()]
        assert written and {p.stat().st_mode & 0o777 for p in written} == {0o644}
    finally:
        os.umask(mask)


def test_an_interrupted_build_leaves_the_previous_docs_usable(project, monkeypatch):
    generate(project)
    before = digest(project / "docs")
    seed = next((project / "source").glob("000_*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8").replace("Inledning", "Inledning och välkomnande"),
                    encoding="utf-8")

    import generator.write.writer as writer

    real = writer.os.replace
    calls = {"n": 0}

    def crash_after_one(source, target):
        if Path(target).is_relative_to(project / "docs"):  # (the build cache's writes go on)
            calls["n"] += 1
            if calls["n"] > 1:
                raise KeyboardInterrupt("power cut")
        return real(source, target)

    monkeypatch.setattr(writer.os, "replace", crash_after_one)
    with pytest.raises(KeyboardInterrupt):
        generate(project)
    monkeypatch.setattr(writer.os, "replace", real)
    after = digest(project / "docs")
    # no half-written file, no temporary file left, every file is the old or the new version
    assert not [p for p in (project / "docs").rglob("*.tmp")]
    assert set(after) == set(before)
    changed = [name for name in before if after[name] != before[name]]
    assert len(changed) == 1
    assert (project / "docs" / ".arkiv-manifest.json").read_bytes()  # the old manifest still lists all
    generate(project)  # and the next build completes the work
    assert "Inledning och välkomnande" in next((project / "docs" / "moten").glob("2023-09-*.md")).read_text(
        encoding="utf-8")
