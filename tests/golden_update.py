"""Rewrite tests/golden/ from the current generator (`make golden`). Review the diff!"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from generator.build import generate
from tests.conftest import copy_project
from tests.test_golden import GOLDEN, golden_files


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = copy_project(Path(folder) / "project")
        generate(root)
        if GOLDEN.exists():
            shutil.rmtree(GOLDEN)
        for name, data in golden_files(root / "docs").items():
            target = GOLDEN / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        print(f"{len(golden_files(root / 'docs'))} golden files written to {GOLDEN}")


if __name__ == "__main__":
    main()
