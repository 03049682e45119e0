"""Browser benchmark of the archive's search, opened from disk (file://) in Debian's Chromium.

For synthetic archives (scripts/synthetic_archive.py; default 1,000 and 10,000 documents) it
builds the site with the current generator and reports, from Playwright driving
/usr/bin/chromium over file:// URLs:

  - first results: from a page's load event to the first results of a query typed at once,
    on a fresh page (new browser context: a meeting's page) and after clicking to another page
    (the first attendee's page);
  - time per query once the page is open (median and slowest of a fixed list);
  - JS heap after the queries (Runtime.getHeapUsage, after a garbage collection), and of the
    same page opened without searching (what the page itself takes);
  - the index's size on disk, the HTML's size and their ratio, and the largest page;
  - for the archives built in full: `arkiv build` (cold: no build cache; and again with the
    cache warm) against a plain `mkdocs build` of the same pages (the same mkdocs.yml without
    the hook), each from an empty site/.

Large archives are not run through mkdocs as a whole (`--full-html-up-to`, default 1,000):
the generator writes all of docs/ including the search index (sok/), then mkdocs renders only
the pages the benchmark visits (a copy of docs/ with those pages, the section index they link
from and sok/, SKIP_GENERATE set so the hook does not regenerate). The HTML's total size is
then estimated from the Markdown: bytes of HTML per byte of Markdown plus the page frame,
fitted on the archive built in full (the line says "estimated").

The figures of the theme's lunr search (before this search replaced it) come from the same
measurement over a site built by the older code: `measure SITE_DIR` measures any built site
and detects which search it has (sok/ or search/search_index.js):

    .venv/bin/python scripts/search_benchmark.py [--sizes 1000,10000] [--seed 1]
    .venv/bin/python scripts/search_benchmark.py measure SITE_DIR [--timeout 600]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic_archive import make_project  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
FIRST_QUERY = "jobbspåren"
QUERIES = ["jobbspåren", "Arbetsförmedlingens", "molndal", "overberg", "arbetsmark", '"nästa möte"',
           "kompetensförsörjning", "Göteborg", "beslut finansiering", "praktik"]


# --- measuring a built site -------------------------------------------------------------------


def engine_of(site: Path) -> str:
    if (site / "sok" / "index.js").exists():
        return "arkiv"
    if (site / "search" / "search_index.js").exists():
        return "lunr"
    raise SystemExit(f"{site}: no search index found (sok/index.js or search/search_index.js)")


_TYPE = """([engine, query, timeout]) => new Promise((resolve, reject) => {
  const input = document.querySelector("input.md-search__input");
  const arkiv = engine === "arkiv";
  const target = arkiv ? document.querySelector("[data-arkiv-sok-resultat]") : document.querySelector(".md-search-result__meta");
  if (!arkiv) target.textContent = "__vantar__";
  const done = () => arkiv ? target.getAttribute("data-arkiv-fraga") === query : /sökresultat/.test(target.textContent);
  const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(performance.now()); } });
  observer.observe(target, {attributes: true, childList: true, characterData: true, subtree: true});
  setTimeout(() => { observer.disconnect(); reject(new Error("no results in " + timeout + " ms")); }, timeout);
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent("keyup", {key: "End", bubbles: true}));
})"""


_CLEAR = """() => { const input = document.querySelector("input.md-search__input");
  input.value = ""; input.dispatchEvent(new KeyboardEvent("keyup", {key: "Backspace", bubbles: true})); }"""


def _type_and_wait(page, engine: str, query: str, timeout_ms: int) -> float:
    """Type `query` at once (in the page: value set, input and keyup events); return
    performance.now() in the page when its results show."""
    return page.evaluate(_TYPE, [engine, query, timeout_ms])


def _load_event(page) -> float:
    return page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")


def _first_results(page, engine: str, timeout_ms: int) -> float:
    done = _type_and_wait(page, engine, FIRST_QUERY, timeout_ms)
    return done - _load_event(page)


def _heap(page) -> int:
    session = page.context.new_cdp_session(page)
    session.send("HeapProfiler.enable")
    session.send("HeapProfiler.collectGarbage")
    used = session.send("Runtime.getHeapUsage")["usedSize"]
    session.detach()
    return used


def pick_pages(site: Path) -> Path:
    """The page opened first: a meeting's page in the middle of the archive."""
    meetings = sorted((site / "moten").glob("2*.html"))
    return meetings[len(meetings) // 2]


def measure(site: Path, timeout_s: float = 120) -> dict:
    from playwright.sync_api import sync_playwright

    site = Path(site).resolve()
    engine = engine_of(site)
    first = pick_pages(site)
    timeout_ms = int(timeout_s * 1000)
    result: dict = {"engine": engine}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(first.as_uri(), wait_until="load")
            result["fresh_ms"] = _first_results(page, engine, timeout_ms)
            # click to another page: the first attendee's page (a page of ordinary size; the
            # section indexes are as long as the archive and measured as the largest page)
            link = page.locator('article a[href^="../personer/"]').first
            page.evaluate("() => { const t = document.getElementById('__search'); if (t) t.checked = false }")
            with page.expect_navigation(wait_until="load"):
                link.click()
            result["after_click_ms"] = _first_results(page, engine, timeout_ms)
            second = page.url
            times = []
            for query in QUERIES:
                if engine == "arkiv":
                    _type_and_wait(page, engine, "", timeout_ms)
                else:  # Material searches only when the value changed since its last search
                    page.evaluate(_CLEAR)
                    page.wait_for_timeout(300)
                start = page.evaluate("performance.now()")
                times.append(_type_and_wait(page, engine, query, timeout_ms) - start)
            result["query_median_ms"] = statistics.median(times)
            result["query_max_ms"] = max(times)
            result["heap_bytes"] = _heap(page)
            # the same page without any search: what the page itself takes
            bare = context.new_page()
            bare.goto(second, wait_until="load")
            bare.wait_for_timeout(200)
            result["page_heap_bytes"] = _heap(bare)
            result["errors"] = errors
        except Exception as error:  # a search that does not answer in time is a result too
            result["failed"] = f"{error.__class__.__name__}: {str(error).splitlines()[0]}"
        finally:
            browser.close()
    result.update(sizes(site, engine))
    return result


def _size(paths) -> int:
    return sum(p.stat().st_size for p in paths if p.is_file())


def sizes(site: Path, engine: str) -> dict:
    html = list(site.rglob("*.html"))
    index = _size((site / "sok").rglob("*")) if engine == "arkiv" else _size([site / "search" / "search_index.js"])
    largest = max(html, key=lambda p: p.stat().st_size)
    return {"index_bytes": index, "html_bytes": _size(html), "html_pages": len(html),
            "largest_page": str(largest.relative_to(site)), "largest_page_bytes": largest.stat().st_size}


# --- building synthetic archives ---------------------------------------------------------------


def _mkdocs(config: Path) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    build(load_config(str(config)))
    return time.perf_counter() - start


def build_full(root: Path) -> dict:
    """`arkiv build` cold (no build cache, empty site/) and again with the cache warm (sources
    unchanged, empty site/), and a plain `mkdocs build` of the same pages (the same mkdocs.yml
    without the hook, empty site/); each command in a process of its own, as a user runs it."""
    arkiv = [str(Path(sys.executable).parent / "arkiv"), "--root", str(root), "build"]
    timings = {}
    for label in ("arkiv_build_s", "arkiv_build_warm_s"):
        if label == "arkiv_build_s":
            shutil.rmtree(root / ".arkiv-cache", ignore_errors=True)
        shutil.rmtree(root / "site", ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(arkiv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        timings[label] = time.perf_counter() - start
    plain = root / "mkdocs-plain.yml"
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    plain.write_text(re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text).replace("site_dir: site", "site_dir: site-plain"),
                     encoding="utf-8")
    shutil.rmtree(root / "site-plain", ignore_errors=True)
    # as a user runs it, like `arkiv build` above: its own process (start, imports, output)
    mkdocs = [str(Path(sys.executable).parent / "mkdocs"), "build", "--quiet", "--config-file", str(plain)]
    start = time.perf_counter()
    subprocess.run(mkdocs, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=root,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    timings["mkdocs_build_s"] = time.perf_counter() - start
    shutil.rmtree(root / "site-plain", ignore_errors=True)
    return timings


def build_reduced(root: Path) -> None:
    """docs/ in full (with sok/), HTML only for the pages the benchmark visits."""
    from generator.build import generate
    from generator.cli import SKIP_GENERATE

    generate(root)
    docs = root / "docs"
    reduced = root / "docs-reduced"
    shutil.rmtree(reduced, ignore_errors=True)
    meetings = sorted((docs / "moten").glob("2*.md"))
    meeting = meetings[len(meetings) // 2]
    people = sorted(set(re.findall(r"\(\.\./(personer/[a-z0-9-]+\.md)", meeting.read_text(encoding="utf-8"))))
    keep = ["index.md", "om.md", meeting.relative_to(docs).as_posix(), *people]
    for name in keep:
        (reduced / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(docs / name, reduced / name)
    shutil.copytree(docs / "sok", reduced / "sok")
    config = root / "mkdocs-reduced.yml"
    text = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("docs_dir: docs", "docs_dir: docs-reduced")
    config.write_text(text, encoding="utf-8")
    os.environ[SKIP_GENERATE] = "1"
    try:
        _mkdocs(config)
    finally:
        os.environ.pop(SKIP_GENERATE, None)


def markdown_bytes(docs: Path) -> tuple[int, int]:
    pages = [p for p in docs.rglob("*.md") if "sok" not in p.parts]
    return _size(pages), len(pages)


def fit_html(site: Path, docs: Path) -> tuple[float, float]:
    """HTML bytes ~ a * Markdown bytes + b per page, least squares over the pages built in full."""
    xs, ys = [], []
    for md in docs.rglob("*.md"):
        html = site / md.relative_to(docs).with_suffix(".html")
        if html.exists():
            xs.append(md.stat().st_size)
            ys.append(html.stat().st_size)
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    a = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return a, my - a * mx


def run(sizes_: list[int], seed: int, full_up_to: int, keep: Path | None) -> list[dict]:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    rows = []
    fit = None
    with tempfile.TemporaryDirectory() as folder:
        base = keep or Path(folder)
        for documents in sizes_:
            root = base / f"archive-{documents}"
            if not (keep and (root / "source").is_dir()):  # --keep: an archive made earlier is reused
                make_project(root, documents, seed)
            row: dict = {"documents": documents}
            if documents <= full_up_to:
                row.update(build_full(root))
                row["built"] = "full"
            else:
                build_reduced(root)
                row["built"] = "reduced"
            site = root / "site"
            row.update(measure(site))
            md, md_pages = markdown_bytes(root / "docs")
            if row["built"] == "full":
                fit = fit_html(site, root / "docs")
            elif fit is None and keep is not None:  # an archive built in full earlier in --keep
                built = [p for p in sorted(keep.glob("archive-*"), key=lambda p: int(p.name.split("-")[1]))
                         if int(p.name.split("-")[1]) <= full_up_to and (p / "site" / "index.html").exists()]
                if built:
                    fit = fit_html(built[-1] / "site", built[-1] / "docs")
            if row["built"] == "reduced" and fit is not None:
                row["html_bytes"] = round(fit[0] * md + fit[1] * md_pages)
                row["html_pages"] = md_pages
                row["html_estimated"] = True
                biggest = max((p for p in (root / "docs").rglob("*.md") if "sok" not in p.parts),
                              key=lambda p: p.stat().st_size)
                row["largest_page"] = biggest.relative_to(root / "docs").with_suffix(".html").as_posix()
                row["largest_page_bytes"] = round(fit[0] * biggest.stat().st_size + fit[1])
                row["largest_page_estimated"] = True
            row["index_bytes"] = _size((root / "docs" / "sok").rglob("*"))
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), file=sys.stderr)
    return rows


# --- report ----------------------------------------------------------------------------------


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def report(rows: list[dict]) -> str:
    lines = ["| | " + " | ".join(f"{r['engine']} {r['documents']:,}".replace(",", " ") for r in rows) + " |",
             "| --- |" + " --- |" * len(rows)]

    def line(label, fn):
        cells = []
        for r in rows:
            try:
                cells.append(fn(r))
            except (KeyError, TypeError, ZeroDivisionError):
                cells.append(r.get("failed", "–") if "failed" in r else "–")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    line("first results, fresh page", lambda r: f"{r['fresh_ms'] / 1000:.2f} s")
    line("first results after a click to another page", lambda r: f"{r['after_click_ms'] / 1000:.2f} s")
    line("time per query (median / slowest)", lambda r: f"{r['query_median_ms']:.0f} / {r['query_max_ms']:.0f} ms")
    line("JS heap after the queries (the page alone)",
         lambda r: f"{_mb(r['heap_bytes'])} ({_mb(r['page_heap_bytes'])})")
    line("index on disk", lambda r: _mb(r["index_bytes"]))
    line("HTML on disk" , lambda r: _mb(r["html_bytes"]) + (" (estimated)" if r.get("html_estimated") else ""))
    line("index / HTML", lambda r: f"{100 * r['index_bytes'] / r['html_bytes']:.0f} %")
    line("largest page", lambda r: f"{_mb(r['largest_page_bytes'])} ({r['largest_page']})"
         + (" (estimated)" if r.get("largest_page_estimated") else ""))
    line("`arkiv build` / plain `mkdocs build`",
         lambda r: f"{r['arkiv_build_s']:.0f} s / {r['mkdocs_build_s']:.0f} s = {r['arkiv_build_s'] / r['mkdocs_build_s']:.2f}x")
    line("`arkiv build` with the cache warm / plain `mkdocs build`",
         lambda r: f"{r['arkiv_build_warm_s']:.0f} s / {r['mkdocs_build_s']:.0f} s = "
                   f"{r['arkiv_build_warm_s'] / r['mkdocs_build_s']:.2f}x")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["measure"]:
        parser = argparse.ArgumentParser(description="Measure the search of a built site.")
        parser.add_argument("site", type=Path)
        parser.add_argument("--documents", type=int, default=0, help="the archive's size, for the table")
        parser.add_argument("--timeout", type=float, default=120, help="seconds to wait for results (default 120)")
        args = parser.parse_args(argv[1:])
        row = {"documents": args.documents, **measure(args.site, args.timeout)}
        print(json.dumps(row, ensure_ascii=False))
        print(report([row]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="numbers of documents (default 1000,10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--full-html-up-to", type=int, default=1000,
                        help="run mkdocs over the whole archive up to this size (default 1000)")
    parser.add_argument("--keep", type=Path,
                        help="build the archives in this folder and keep them (an archive already there is reused)")
    args = parser.parse_args(argv)
    rows = run([int(n) for n in args.sizes.split(",")], args.seed, args.full_html_up_to, args.keep)
    print(report(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
