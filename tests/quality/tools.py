"""Where the test tools are (installed by scripts/install-test-tools from package.json)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"

INSTALL_HINT = "run scripts/install-test-tools (make test does it)"


def require(path: Path, what: str) -> Path:
    """A missing tool fails the gate; a silently skipped gate is worse than none."""
    if not path.is_file():
        pytest.fail(f"{what} is missing ({path.relative_to(ROOT)}): {INSTALL_HINT}", pytrace=False)
    return path


def require_java() -> str:
    java = shutil.which("java")
    if not java:
        pytest.fail(f"java is not on PATH (the Nu HTML Checker needs Java 17+): {INSTALL_HINT}",
                    pytrace=False)
    return java
