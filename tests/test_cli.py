"""The `arkiv` command line: options anywhere, what it prints, progress only on a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

UNDATED = "Anteckningar\n\nNÄRVARANDE\n\nKerstin Lundgren, Lerum\n\n1. Inledning\n\nMötet öppnas.\n"


@pytest.fixture
def warned_project(project: Path) -> Path:
    """The seed archive plus one document that gives a warning (no date can be inferred)."""
    (project / "source" / "odaterat.txt").write_text(UNDATED, encoding="utf-8")
    return project


@pytest.mark.parametrize("argv", [
    ["--strict", "check"], ["check", "--strict"], ["check", "--root", "{root}", "--strict"],
])
def test_global_options_are_accepted_before_and_after_the_command(warned_project, argv, monkeypatch):
    monkeypatch.chdir(warned_project)
    argv = [a.replace("{root}", str(warned_project)) for a in argv]
    assert main(argv) == 1  # the warning counts with --strict wherever it is written


def test_an_option_before_the_command_is_not_reset_by_the_command(warned_project):
    assert main(["--root", str(warned_project), "--strict", "check"]) == 1
    assert main(["--root", str(warned_project), "check"]) == 0


def test_generate_prints_warnings_and_counts_infos(warned_project, capsys):
    main(["--root", str(warned_project), "generate"])
    out, err = capsys.readouterr()
    assert "odaterat.txt: warning: inget datum" in err
    assert ": info: " not in err
    assert "upplysningar (info) visas inte" in out


def test_verbose_and_check_print_every_info(warned_project, capsys):
    main(["--root", str(warned_project), "generate", "--verbose"])
    verbose = capsys.readouterr()
    main(["--root", str(warned_project), "check"])
    checked = capsys.readouterr()
    for out, err in (verbose, checked):
        assert ": info: " in err and "visas inte" not in out


def _run(argv: list[str], root: Path, tty: bool) -> str:
    command = [sys.executable, "-m", "generator", "--root", str(root), *argv]
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if not tty:
        return subprocess.run(command, capture_output=True, text=True, env=env).stderr
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_progress_bar_shows_on_a_terminal_only(project):
    on_terminal = _run(["generate"], project, tty=True)
    in_pipe = _run(["generate"], project, tty=False)
    assert "tolkar" in on_terminal and "skapar sidor" in on_terminal
    assert "tolkar" not in in_pipe and "\x1b[" not in in_pipe
