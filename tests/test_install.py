"""Installing the package is quiet: the packaging metadata draws no deprecation warning.

setuptools prints a boxed SetuptoolsDeprecationWarning for outdated `pyproject.toml` forms
(e.g. `license = { text = ... }`) on every install; an editor should see none.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.helpers import ROOT


def test_building_the_package_prints_no_deprecation(tmp_path):
    # A copy: building writes build/ and *.egg-info/ next to pyproject.toml.
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / "generator", project / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--verbose", "--no-deps", "--wheel-dir", str(tmp_path / "wheel"),
         str(project)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    output = result.stdout + result.stderr
    assert "Deprecat" not in output and "deprecat" not in output, \
        [line for line in output.splitlines() if "eprecat" in line][:5]
