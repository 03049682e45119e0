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

    .venv/bin/python scripts/benchmark.py [--sizes 300,3000] [--seed 1] [--no-mkdocs]
"""

from __future__ import annotations

import argparse
import gc
import os
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
            root = make_project(Path(folder) / label, documents, args.seed)
            result, cold = timed(generate, root)
            errors = result.diagnostics.count("error")
            row = {"label": label, "documents": documents, "people": len(result.corpus.people),
                   "pages": len(result.corpus.pages), "cold": cold, "errors": errors}
            if label == "large":
                # Each build as a user runs it: nothing of an earlier build still in memory.
                target = minutes_to_edit(result)
                del result
                gc.collect()
                again, row["again"] = timed(generate, root)
                assert again.report.written == [], "a second generate must write nothing"
                del again
                gc.collect()
                append_sentence(target)
                _, row["edited"] = timed(generate, root)
            if label == "small" and args.mkdocs:
                from mkdocs.commands.build import build
                from mkdocs.config import load_config

                os.environ[SKIP_GENERATE] = "1"
                try:
                    _, row["mkdocs"] = timed(build, load_config(str(root / "mkdocs.yml")))
                finally:
                    os.environ.pop(SKIP_GENERATE, None)
                row["html"] = html_pages(root / "site")
            rows.append(row)

    print("size   documents  people  generate ms/doc")
    per_doc = {row["label"]: 1000 * row["cold"] / row["documents"] for row in rows}
    for row in rows:
        growth = f"   ({per_doc['large'] / per_doc['small']:.2f}x small)" if row["label"] == "large" else ""
        errors = f"   {row['errors']} errors!" if row["errors"] else ""
        print(f"{row['label']:<6} {row['documents']:>9} {row['people']:>7} {per_doc[row['label']]:>16.1f}"
              f"{growth}{errors}")
    big = rows[1]
    print(f"nothing changed: {big['again'] / big['cold']:.2f}x cold   "
          f"one edited source: {big['edited'] / big['cold']:.2f}x cold")
    if "mkdocs" in rows[0]:
        print(f"mkdocs build (small): {1000 * rows[0]['mkdocs'] / rows[0]['html']:.1f} ms per HTML page "
              f"({rows[0]['html']} pages)")


if __name__ == "__main__":
    main()
