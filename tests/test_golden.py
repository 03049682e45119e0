"""Golden tests: the generated Markdown of the seed archive, pinned file by file.

After an intended change, run `make golden` and review the diff of tests/golden/.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from generator.build import generate

GOLDEN = Path(__file__).resolve().parent / "golden" / "docs"
# Pinned: every generated page and the export. The copies of the original files are
# compared with source/ in test_pipeline instead.
SUFFIXES = (".md", ".json", ".csv", ".html")


def golden_files(docs: Path) -> dict[str, bytes]:
    import json

    manifest = json.loads((docs / ".arkiv-manifest.json").read_text(encoding="utf-8"))["files"]
    return {name: (docs / name).read_bytes() for name in manifest if name.endswith(SUFFIXES)}


def test_generated_pages_match_golden(project):
    generate(project)
    produced = golden_files(project / "docs")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(produced) == sorted(expected), "set of generated files changed; run `make golden` if intended"
    for name in sorted(expected):
        if produced[name] != expected[name]:
            diff = "\n".join(difflib.unified_diff(
                expected[name].decode().splitlines(), produced[name].decode().splitlines(),
                f"golden/{name}", f"generated/{name}", lineterm="", n=2))
            raise AssertionError(f"{name} differs from golden (run `make golden` if intended):\n{diff[:6000]}")
