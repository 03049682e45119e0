"""An archive with a published address (`site_url` in source/arkiv.yml): "Kopiera länk"
copies the decision's web address, the copy on disk still works offline."""

from __future__ import annotations

import pytest

from generator.cli import main
from tests.browser.conftest import file_url, requests_outside
from tests.conftest import copy_project

pytestmark = pytest.mark.browser

PUBLISHED = "https://arkiv.example.se/"


@pytest.fixture(scope="module")
def published_site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("published") / "project")
    settings = root / "source" / "arkiv.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "site_url: https://arkiv.example.se\n",
                        encoding="utf-8")
    assert main(["--root", str(root), "--strict", "build"]) == 0
    return root / "site"


def test_the_build_carries_the_address_to_mkdocs(published_site):
    page = (published_site / "moten" / "2023-09-ame-chefsnatverket.html").read_text(encoding="utf-8")
    assert f'<meta name="arkiv:publicerad-adress" content="{PUBLISHED}">' in page
    assert f'<link rel="canonical" href="{PUBLISHED}moten/2023-09-ame-chefsnatverket.html">' in page
    assert f"<loc>{PUBLISHED}beslut.html</loc>" in (published_site / "sitemap.xml").read_text(encoding="utf-8")


def test_copy_link_copies_the_published_address(published_site, browser):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(file_url(published_site / "moten" / "2023-09-ame-chefsnatverket.html"))
        decision = page.locator("#beslut-5-1")
        decision.locator(".arkiv-kopiera").click()
        decision.locator(".arkiv-kopierat code").wait_for()
        expected = f"{PUBLISHED}moten/2023-09-ame-chefsnatverket.html#beslut-5-1"
        assert page.evaluate("navigator.clipboard.readText()") == expected
        assert decision.locator(".arkiv-kopierat").inner_text() == f"Länken är kopierad: {expected}"
        page.goto(file_url(published_site / "beslut.html"))
        row = page.locator("tr", has_text="beslut-6-1")
        row.locator(".arkiv-kopiera").click()
        row.locator(".arkiv-kopierat code").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == \
            f"{PUBLISHED}moten/2022-10-ame-chefsnatverket.html#beslut-6-1"
    finally:
        context.close()
    assert requests_outside(requests, published_site) == []  # the copy on disk stays offline
