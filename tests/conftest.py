"""Fixtures that build the seed archive in a temporary copy of the project."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from tests.helpers import ROOT

# In CI the property tests explore the same examples on every run (a fixed seed), so a
# change is judged on its own merits; locally they keep exploring new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

PROJECT_PARTS = ("source", "mkdocs.yml", "overrides")


def copy_project(target: Path) -> Path:
    """The project as a fresh clone has it: sources, config, theme overrides, hand-written pages."""
    for part in PROJECT_PARTS:
        origin = ROOT / part
        if origin.is_dir():
            shutil.copytree(origin, target / part)
        else:
            shutil.copy2(origin, target / part)
    # mkdocs.yml names its hook by path (generator/mkdocs_hook.py)
    (target / "generator").symlink_to(ROOT / "generator", target_is_directory=True)
    (target / "docs").mkdir()
    for page in ("om.md",):
        shutil.copy2(ROOT / "docs" / page, target / "docs" / page)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """The seed archive built once per test session with `arkiv build` (strict)."""
    from generator.cli import main

    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    assert main(["--root", str(root), "--strict", "build"]) == 0
    return root


@pytest.fixture(scope="session")
def built_site(built_project: Path) -> Path:
    return built_project / "site"
