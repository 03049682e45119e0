"""A published address keeps working when a page moves (e.g. its date becomes known)."""

from __future__ import annotations

import pytest

from generator.build import generate
from generator.cli import main
from tests.browser.conftest import file_url
from tests.conftest import copy_project
from tests.helpers import SEEDS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("moved") / "project")
    generate(root)  # first publication: moten/2022-10-ame-chefsnatverket.html
    seed = root / "source" / SEEDS["2022"]
    seed.write_text("---\ndate: 2022-10-20\n---\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["--root", str(root), "--strict", "build"]) == 0
    return root / "site"


def test_old_decision_link_lands_on_the_decision_at_its_new_address(moved_site, page, request_log):
    old = moved_site / "moten" / "2022-10-ame-chefsnatverket.html"
    assert old.exists()
    page.goto(file_url(old) + "#beslut-6-1")
    page.wait_for_url("**/moten/2022-10-20-ame-chefsnatverket.html#beslut-6-1")
    decision = page.locator("#beslut-6-1")
    assert "förslaget beviljas" in decision.inner_text()
    in_view = page.evaluate("() => { const r = document.getElementById('beslut-6-1').getBoundingClientRect();"
                            " return r.top >= 0 && r.top < window.innerHeight; }")
    assert in_view
    assert request_log.outside(moved_site) == []


def test_redirect_works_without_javascript(moved_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(file_url(moved_site / "moten" / "2022-10-ame-chefsnatverket.html"))
        page.wait_for_url("**/moten/2022-10-20-ame-chefsnatverket.html", timeout=10_000)
        assert page.locator("h1").first.inner_text().startswith("Möte i AME-chefsnätverket, 20 oktober 2022")
    finally:
        context.close()


@pytest.fixture(scope="module")
def merged_site(tmp_path_factory):
    """Two spellings published as two person pages, then merged by the editor."""
    import yaml

    from tests.test_addresses import MINUTES, MORE_MINUTES

    root = copy_project(tmp_path_factory.mktemp("merged") / "project")
    (root / "source" / "mote_a.txt").write_text("---\ndate: 2024-01-10\n---\n" + MINUTES, encoding="utf-8")
    (root / "source" / "mote_b.txt").write_text("---\ndate: 2024-02-10\n---\n" + MORE_MINUTES, encoding="utf-8")
    generate(root)
    settings = root / "source" / "arkiv.yml"
    data = yaml.safe_load(settings.read_text(encoding="utf-8"))
    data["people"]["merge"] = [["Kerstin Lundgren", "Kerstin Lundgreen"]]
    settings.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


def test_a_merged_persons_old_page_leads_to_the_merged_page_with_its_anchor(merged_site, page, request_log):
    page.goto(file_url(merged_site / "personer" / "kerstin-lundgreen.html") + "#narvaro")
    page.wait_for_url("**/personer/kerstin-lundgren.html#narvaro")
    assert page.locator("h1").first.inner_text().startswith("Kerstin Lundgren")
    assert page.locator("#narvaro").count() == 1
    assert request_log.outside(merged_site) == []
