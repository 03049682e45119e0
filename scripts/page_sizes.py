"""Page sizes: no page may grow with the archive (README, "Pages that stay small").

Builds synthetic archives with scripts/synthetic_archive.py and reports:
  - the largest generated Markdown pages at 10,000 documents (`arkiv generate` only);
    limit 500 kB per page;
  - the largest HTML pages at 3,000 documents (`arkiv build`, MkDocs included); limit 1 MB;
  - every link and #anchor of that 3,000-document site, checked like a browser opening it
    from disk (tests/quality/linkcheck.py): none may be broken.
Exits 1 when a limit is broken or a link does not resolve. Takes about ten minutes.

    .venv/bin/python scripts/page_sizes.py [--markdown 10000] [--html 3000] [--seed 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic_archive import make_project  # noqa: E402

MARKDOWN_LIMIT = 500_000  # bytes of one generated Markdown page
HTML_LIMIT = 1_000_000  # bytes of one built HTML page
SHOWN = 8


def page_type(rel: str) -> str:
    """`kommuner/*/<year>`, `personer/*`, `beslut/<year>` ...: pages of one kind, by their address."""
    rel = re.sub(r"\.(md|html)$", "", rel)
    rel = re.sub(r"/(\d{4}|odaterade)(-\d+)?$", "/<år>", rel)
    parts = rel.split("/")
    if len(parts) == 3 and parts[0] in ("personer", "kommuner", "organisationer", "amnen") and parts[1] != "narvaro":
        return f"{parts[0]}/*/{parts[2]}"
    if len(parts) == 2 and parts[0] in ("personer", "kommuner", "organisationer", "amnen", "moten",
                                         "overenskommelser", "artiklar", "dokument") \
            and parts[1] not in ("index", "narvaro"):
        return f"{parts[0]}/*"
    return rel


def largest(folder: Path, suffix: str) -> tuple[int, list[tuple[int, str]], dict[str, tuple[int, str]]]:
    """Number of pages, the largest pages, and the largest page of each type."""
    sizes = sorted(((p.stat().st_size, p.relative_to(folder).as_posix()) for p in folder.rglob(f"*{suffix}")),
                   reverse=True)
    by_type: dict[str, tuple[int, str]] = {}
    for size, rel in sizes:
        by_type.setdefault(page_type(rel), (size, rel))
    return len(sizes), sizes[:SHOWN], by_type


def report(title: str, count: int, top: list[tuple[int, str]], by_type: dict[str, tuple[int, str]],
           limit: int) -> bool:
    print(f"\n{title}: {count} pages, limit {limit / 1000:,.0f} kB")
    for size, rel in top:
        print(f"  {size / 1000:>10,.1f} kB  {rel}{'   OVER THE LIMIT' if size > limit else ''}")
    print("  largest of each type:")
    for kind, (size, rel) in sorted(by_type.items(), key=lambda item: -item[1][0]):
        print(f"  {size / 1000:>10,.1f} kB  {kind:<28} {rel}")
    return not top or top[0][0] <= limit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--markdown", type=int, default=10_000, help="documents of the generate-only archive")
    parser.add_argument("--html", type=int, default=3_000, help="documents of the fully built archive")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build the archives in this folder and keep them")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    from generator.build import generate
    from generator.cli import main as arkiv
    from tests.quality.linkcheck import check_site

    ok = True
    with tempfile.TemporaryDirectory() as scratch:
        base = args.keep or Path(scratch)
        if args.markdown:
            started = time.perf_counter()
            root = make_project(base / f"markdown-{args.markdown}", args.markdown, args.seed)
            generate(root)
            count, top, by_type = largest(root / "docs", ".md")
            ok &= report(f"Markdown at {args.markdown:,} documents (generate, {time.perf_counter() - started:.0f} s)",
                         count, top, by_type, MARKDOWN_LIMIT)
        if args.html:
            started = time.perf_counter()
            root = make_project(base / f"html-{args.html}", args.html, args.seed)
            output = io.StringIO()
            with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
                code = arkiv(["--root", str(root), "build"])
            print("\n".join(output.getvalue().strip().splitlines()[-3:]))  # the summary, not every warning
            if code == 2:
                print("the build failed")
                return 1
            count, top, by_type = largest(root / "site", ".html")
            ok &= report(f"HTML at {args.html:,} documents (build, {time.perf_counter() - started:.0f} s)",
                         count, top, by_type, HTML_LIMIT)
            links = check_site(root / "site")
            print(f"\nLinks of the {args.html:,}-document site: {links.summary()}")
            if links.broken:
                print(links.format_broken()[:20000])
                ok = False
    print("\npage sizes: " + ("OK" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
