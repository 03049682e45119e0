"""No script from a source document runs in the browser; the text is shown as written."""

from __future__ import annotations

import pytest

from generator.cli import main
from tests.browser.conftest import file_url
from tests.conftest import copy_project
from tests.test_hostile import hostile_corpus

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    hostile_corpus(root / "source")
    assert main(["--root", str(root), "build"]) == 2  # the broken files are errors; the rest is built
    return root / "site"


def test_planted_scripts_never_run(hostile_site, page, request_log):
    pages = sorted(hostile_site.glob("moten/*.html")) + sorted(hostile_site.glob("dokument/*.html"))
    pages += [hostile_site / "index.html", hostile_site / "beslut.html", hostile_site / "personer" / "index.html"]
    assert len(pages) > 10
    for path in pages:
        page.goto(file_url(path))
        # give an onerror handler every chance to fire
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        for link in page.locator("article a[href]").all():
            href = link.get_attribute("href") or ""
            assert not href.lower().startswith(("javascript:", "data:", "vbscript:")), (path, href)
    assert request_log.outside(hostile_site) == []
    assert request_log.page_errors == []


def test_hostile_text_is_visible_as_written(hostile_site, page):
    target = next(p for p in hostile_site.glob("moten/*.html") if "onclick" in p.read_text(encoding="utf-8"))
    page.goto(file_url(target))
    text = page.locator("article").inner_text()
    for written in ("<script>window.__pwned = 'script';</script>", "# Inte en rubrik", "> inte ett citat",
                    "| a | b |", "!!! danger \"Ingen ruta\"", "--8<-- \"README.md\"", "{{ config.site_name }}",
                    "klicka här",
                    "<iframe src=\"https://evil.example\"></iframe>"):
        assert written in text, written
    assert page.locator("article iframe, article script, article img[src='x']").count() == 0


def test_original_download_is_plain_text(hostile_site, page):
    copy = next(p for p in (hostile_site / "kallor").iterdir() if p.name == "hostile.txt")
    page.goto(file_url(copy))
    assert page.evaluate("document.contentType") == "text/plain"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert "<script>" in page.locator("body").inner_text()
