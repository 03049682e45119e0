"""Benchmark: the generator's cost per document on a realistic synthetic archive.

Builds two temporary projects with scripts/synthetic_archive.py (default 300 and 3,000
documents: dozens of networks, hundreds of people, minutes in several layouts, agreements,
articles) and reports, from one run:
  - generate (read -> parse -> resolve -> render -> write) in ms per document at each size,
    and the growth from the small to the large size (1.00x would be linear cost);
  - for the large size: a second generate with nothing changed, and a generate after one
    edited source (a sentence appended to one minutes file), each as a fraction of the first
    (cold) generate; the second generate must write nothing;
  - with --mkdocs (default on, small size only): mkdocs build in ms per HTML page.

Each size is built --repeat times (default 3), each time as a new project, and every figure
is the median of the repetitions with their range, since one build on a shared machine can
be off by 15 %.

    .venv/bin/python scripts/benchmark.py [--sizes 300,3000] [--seed 1] [--repeat 3] [--no-mkdocs]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic_archive import make_project  # noqa: E402

EDIT = "\nTillägg efter mötet: nätverket tackar värdkommunen för ett väl genomfört möte.\n"


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def minutes_to_edit(result) -> Path:
    """One UTF-8 minutes file (the first in name order)."""
    pages = sorted((p for p in result.corpus.pages if p.document.kind.value == "minutes"
                    and p.document.source.encoding == "utf-8"), key=lambda p: p.document.source.name)
    return pages[0].document.source.path


def append_sentence(path: Path) -> None:
    with path.open("ab") as handle:
        handle.write(EDIT.encode("utf-8"))


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="300,3000", help="small,large number of documents (default 300,3000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic archive (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each size (default 3); medians are shown")
    parser.add_argument("--mkdocs", action=argparse.BooleanOptionalAction, default=True,
                        help="also time mkdocs build on the small archive (default on)")
    args = parser.parse_args()
    small, large = (int(n) for n in args.sizes.split(","))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    from generator.build import generate
    from generator.cli import SKIP_GENERATE

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        generate(make_project(Path(folder) / "warm-up", 20, args.seed))  # imports, not timed
        for label, documents in (("small", small), ("large", large)):
            runs = [_measure(generate, make_project(Path(folder) / f"{label}-{n}", documents, args.seed),
                             edits=label == "large") for n in range(max(1, args.repeat))]
            row = {"label": label, "documents": documents, **runs[0],
                   "ms_per_doc": [1000 * run["cold"] / documents for run in runs],
                   "again": [run["again"] / run["cold"] for run in runs if "again" in run],
                   "edited": [run["edited"] / run["cold"] for run in runs if "edited" in run]}
            if label == "small" and args.mkdocs:
                from mkdocs.commands.build import build
                from mkdocs.config import load_config

                root = Path(folder) / f"{label}-0"
                os.environ[SKIP_GENERATE] = "1"
                try:
                    _, row["mkdocs"] = timed(build, load_config(str(root / "mkdocs.yml")))
                finally:
                    os.environ.pop(SKIP_GENERATE, None)
                row["html"] = html_pages(root / "site")
            rows.append(row)

    print(f"size   documents  people  generate ms/doc (median of {max(1, args.repeat)}, range)")
    per_doc = {row["label"]: statistics.median(row["ms_per_doc"]) for row in rows}
    for row in rows:
        growth = f"   ({per_doc['large'] / per_doc['small']:.2f}x small)" if row["label"] == "large" else ""
        errors = f"   {row['errors']} errors!" if row["errors"] else ""
        print(f"{row['label']:<6} {row['documents']:>9} {row['people']:>7} {per_doc[row['label']]:>16.1f}"
              f"  {_range(row['ms_per_doc'], '.1f')}{growth}{errors}")
    big = rows[1]
    print(f"nothing changed: {statistics.median(big['again']):.2f}x cold {_range(big['again'], '.2f')}   "
          f"one edited source: {statistics.median(big['edited']):.2f}x cold {_range(big['edited'], '.2f')}")
    if "mkdocs" in rows[0]:
        print(f"mkdocs build (small): {1000 * rows[0]['mkdocs'] / rows[0]['html']:.1f} ms per HTML page "
              f"({rows[0]['html']} pages)")


def _measure(generate, root: Path, edits: bool) -> dict:
    """A cold generate of a new project; with `edits`, then one with nothing changed and one
    after an edited source. Each build as a user runs it: nothing of an earlier build in memory."""
    result, cold = timed(generate, root)
    run = {"people": len(result.corpus.people), "errors": result.diagnostics.count("error"), "cold": cold}
    if edits:
        target = minutes_to_edit(result)
        del result
        gc.collect()
        again, run["again"] = timed(generate, root)
        assert again.report.written == [], "a second generate must write nothing"
        del again
        gc.collect()
        append_sentence(target)
        _, run["edited"] = timed(generate, root)
    return run


def _range(values: list[float], spec: str) -> str:
    return f"({min(values):{spec}}-{max(values):{spec}})"


if __name__ == "__main__":
    main()
