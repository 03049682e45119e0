"""The year parts of the listing pages in Chromium, from disk: a summary leads to its years,
a year to the next and back, and an old link to a year of the timeline still lands."""

from __future__ import annotations

import pytest

from tests.browser.conftest import file_url

pytestmark = pytest.mark.browser


def test_a_person_page_leads_to_its_years_and_back(built_site, page, request_log):
    page.goto(file_url(built_site / "personer" / "anne-bansson.html"))
    overview = page.locator("#ar ~ * table").first
    assert overview.locator("th").all_inner_texts() == ["År", "Innehåll"]
    overview.get_by_role("link", name="2022").click()
    page.wait_for_load_state()
    assert page.url.endswith("personer/anne-bansson/2022.html")
    assert page.locator("h1").first.inner_text().rstrip("¶") == "Anne Bansson – 2022"
    navigation = page.get_by_role("navigation", name="Bläddra mellan åren")
    assert navigation.inner_text() == "Alla år för Anne Bansson · 2023 →"
    assert page.locator("#narvaro").count() == 1  # the same sections, with their anchors
    navigation.get_by_role("link", name="2023 →").click()
    page.wait_for_load_state()
    assert page.url.endswith("personer/anne-bansson/2023.html")
    page.get_by_role("navigation", name="Bläddra mellan åren").get_by_role("link", name="← 2022").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Alla år för Anne Bansson").click()
    page.wait_for_load_state()
    assert page.url.endswith("personer/anne-bansson.html#ar")
    assert request_log.outside(built_site) == [] and request_log.page_errors == []


def test_an_old_link_to_a_year_of_the_timeline_lands_on_that_year(built_site, page):
    page.goto(file_url(built_site / "tidslinje.html") + "#ar-2021")
    row = page.locator("tr", has=page.locator("#ar-2021"))
    row.wait_for()
    box, viewport = row.bounding_box(), page.viewport_size
    assert 0 <= box["y"] < viewport["height"]
    assert row.get_by_role("link", name="2021").get_attribute("href") == "tidslinje/2021.html"


def test_the_register_of_a_year_sorts_and_copies_like_the_register(built_site, page):
    page.goto(file_url(built_site / "beslut" / "2022.html"))
    rows = page.locator(".arkiv-sortable tbody tr")
    assert rows.count() == 2
    assert page.locator(".arkiv-kopiera").first.get_attribute("data-href").startswith(
        "moten/2022-10-ame-chefsnatverket.html#beslut-")
    page.locator(".arkiv-sortable th", has_text="Punkt").click()
    first = rows.first.locator("td").nth(2).inner_text()
    page.locator(".arkiv-sortable th", has_text="Punkt").click()
    assert rows.first.locator("td").nth(2).inner_text() != first


def test_a_year_of_the_attendance_matrix_has_a_table_per_network(built_site, page):
    page.goto(file_url(built_site / "kommuner" / "narvaro" / "2022.html"))
    assert page.locator("h2").first.inner_text().rstrip("¶") == "AME-chefsnätverket"
    table = page.locator(".arkiv-matris table")
    assert table.count() == 1
    headers = table.locator("th").all_inner_texts()
    assert headers[0] == "Möte" and "Göteborg" in headers
    assert table.locator("tbody tr").count() == 1
