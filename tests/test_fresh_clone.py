"""A fresh clone plus a new document in source/ always builds, and nothing generated is tracked.

The editor's workflow: clone the repository, drop a text into source/, build. A generated
file committed by mistake makes that build refuse to overwrite it (it is not in the
generator's manifest of a fresh clone), so these tests work on a real `git clone`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from tests.helpers import ROOT

NEW_MINUTES = """\
Anteckningar

NÄRVARANDE

Kerstin Lundgren, Lerum
Omar Haddad, Partille

1. Inledning

Mötet öppnas och dagordningen gås igenom.

2. Nästa möte

Beslut: Nästa möte hålls digitalt.
"""


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs the project's git repository")
    target = tmp_path_factory.mktemp("clone") / "archive"
    # The working tree as it would be committed: clone, then lay the tracked changes on top,
    # so the test judges the tree under test, not only the last commit.
    _git("clone", "--quiet", "--no-hardlinks", str(ROOT), str(target), cwd=ROOT)
    tracked = set(_git("ls-files", "-z", cwd=ROOT).split("\0")) - {""}
    for name in sorted(tracked):
        origin, copy = ROOT / name, target / name
        if origin.is_file():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, copy)
        elif copy.exists():  # deleted in the working tree
            copy.unlink()
    for name in set(_git("ls-files", "-z", cwd=target).split("\0")) - tracked - {""}:
        (target / name).unlink(missing_ok=True)
    _git("add", "--all", cwd=target)
    _git("-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "--quiet",
         "--allow-empty", "-m", "working tree under test", cwd=target)
    return target


def test_a_fresh_clone_with_a_new_document_builds(clone: Path):
    (clone / "source" / "nytt_mote.txt").write_text(NEW_MINUTES, encoding="utf-8")
    assert main(["--root", str(clone), "build"]) == 0
    assert (clone / "site" / "index.html").is_file()
    built = list((clone / "site" / "moten").glob("*.html"))
    assert any("Kerstin Lundgren" in page.read_text(encoding="utf-8") for page in built)


def test_nothing_the_generator_writes_is_tracked_or_unignored(clone: Path):
    # exit 0: no generated file was found committed (the writer refuses to overwrite those)
    assert main(["--root", str(clone), "generate"]) == 0
    manifest = json.loads((clone / "docs" / ".arkiv-manifest.json").read_text(encoding="utf-8"))
    generated = [f"docs/{name}" for name in manifest["files"]] + ["docs/.arkiv-manifest.json"]
    tracked = set(_git("ls-files", "docs", cwd=clone).split())
    assert not tracked & set(generated), "generated files are committed"
    ignored = _git("check-ignore", "--no-index", *generated, cwd=clone).split()
    assert sorted(set(generated) - set(ignored)) == [], "generated files git would pick up"
    assert _git("status", "--porcelain", "--", "docs", cwd=clone) == ""
