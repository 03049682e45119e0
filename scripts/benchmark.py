"""Benchmark: per-document cost of generating and building a large archive.

Builds a temporary archive of N copies of every seed document (each copy dated a different
day through front matter, so every page is distinct) and reports, from one run:
  - generate (read -> parse -> resolve -> render -> write): ms per document;
  - a second generate with nothing changed, as a ratio of the first (writes nothing);
  - mkdocs build: ms per page;
  - size of the built HTML per page (navigation.prune keeps it flat as the archive grows).

    .venv/bin/python scripts/benchmark.py [--copies N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_project(target: Path, copies: int) -> int:
    (target / "source").mkdir(parents=True)
    shutil.copy2(ROOT / "source" / "arkiv.yml", target / "source" / "arkiv.yml")
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    (target / "generator").symlink_to(ROOT / "generator", target_is_directory=True)
    (target / "docs").mkdir()
    shutil.copy2(ROOT / "docs" / "om.md", target / "docs" / "om.md")
    seeds = sorted(p for p in (ROOT / "source").glob("*.txt"))
    start = dt.date(2000, 1, 1)
    count = 0
    for n in range(copies):
        for seed in seeds:
            day = start + dt.timedelta(days=count)
            text = f"---\ndate: {day.isoformat()}\n---\n" + seed.read_text(encoding="utf-8")
            (target / "source" / f"{n:05d}_{seed.name}").write_text(text, encoding="utf-8")
            count += 1
    return count


def html_bytes(site: Path) -> tuple[int, int]:
    pages = [p for p in site.rglob("*.html")]
    return len(pages), sum(p.stat().st_size for p in pages)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=100, help="copies of each seed (default 100 -> 500 documents)")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.build import generate
    from generator.cli import SKIP_GENERATE

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "archive"
        documents = make_project(root, args.copies)

        t0 = time.perf_counter()
        result = generate(root)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = generate(root)
        second = time.perf_counter() - t0
        assert again.report.written == [], "a second generate must write nothing"

        os.environ[SKIP_GENERATE] = "1"
        t0 = time.perf_counter()
        build(load_config(str(root / "mkdocs.yml")))
        built = time.perf_counter() - t0
        pages, size = html_bytes(root / "site")

    print(f"documents: {documents} ({len(result.corpus.pages)} pages), errors: {result.diagnostics.count('error')}")
    print(f"generate: {1000 * first / documents:.2f} ms per document")
    print(f"generate again (nothing changed): {second / first:.2f} x the first run")
    print(f"mkdocs build: {1000 * built / pages:.2f} ms per HTML page ({pages} pages); "
          f"build/generate ratio {built / first:.1f}")
    print(f"HTML: {size / pages / 1024:.1f} KiB per page")


if __name__ == "__main__":
    main()
