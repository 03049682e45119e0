"""The built seed archive in Chromium, opened from disk: links, Swedish search, deep links."""

from __future__ import annotations

import pytest

from tests.browser.conftest import file_url, search

pytestmark = pytest.mark.browser


def test_start_page_links_to_a_meeting_page(built_site, page, request_log):
    page.goto(file_url(built_site / "index.html"))
    assert page.locator("h1").first.inner_text().rstrip("¶") == "Nätverksarkivet"
    page.get_by_role("link", name="Möte i AME-chefsnätverket, september 2023").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("moten/2023-09-ame-chefsnatverket.html")
    assert "Datum (uppskattat): september 2023" in page.locator(".arkiv-fakta").inner_text()
    # the item anchors exist and the original text is on the page
    assert page.locator("#punkt-5").inner_text().startswith("5. Beslut om finansiering")
    assert page.locator("#originaltext").count() == 1
    assert request_log.outside(built_site) == []
    assert request_log.page_errors == []


def test_timeline_lists_every_document(built_site, page):
    """The timeline links each year's page; together they list every document once."""
    page.goto(file_url(built_site / "tidslinje.html"))
    years = page.locator("#ar ~ * table a[href^='tidslinje/']")
    hrefs = [years.nth(i).get_attribute("href") for i in range(years.count())]
    assert hrefs == [f"tidslinje/{year}.html" for year in (2023, 2022, 2021, 2020, 2019)]
    listed = []
    for href in hrefs:
        page.goto(file_url(built_site / href))
        listed += page.locator("article table a").all_inner_texts()
    assert len(listed) == len(set(listed)) == 5


@pytest.mark.parametrize("query, expected", [
    ("jobbspåren", "Möte i AME-chefsnätverket, oktober 2022"),  # the page says `jobbspår`
    ("Arbetsförmedlingens", "Möte i AME-chefsnätverket, 2021"),
    ("överenskommelsen", "Överenskommelse om samverkan"),
    ("Överberg", "Möte i AME-chefsnätverket, september 2023"),
    ("Mårtensson", "Möte i AME-chefsnätverket, september 2023"),
    ("Skårvik", "Möte i AME-chefsnätverket, oktober 2022"),
])
def test_swedish_search_offline(built_site, page, request_log, open_site, search_titles, query, expected):
    open_site(page, built_site / "moten" / "index.html")
    titles = search_titles(page, query)
    assert any(expected in title for title in titles), f"{query!r} -> {titles}"
    assert request_log.outside(built_site) == []


def test_search_finds_a_decision_and_lands_on_it(built_site, page, open_site):
    open_site(page, built_site / "index.html")
    results = search(page, "förslaget beviljas")
    assert results[0]["title"].startswith("Beslut 6.1"), results
    page.locator(".arkiv-sok-traff a").first.click()
    page.wait_for_load_state()
    assert "moten/2022-10-ame-chefsnatverket.html" in page.url and page.url.endswith("#beslut-6-1")


def test_decision_deep_link_scrolls_into_view(built_site, page, request_log):
    page.goto(file_url(built_site / "moten" / "2022-10-ame-chefsnatverket.html") + "#beslut-6-1")
    decision = page.locator("#beslut-6-1")
    decision.wait_for()
    assert "förslaget beviljas" in decision.inner_text()
    in_view = page.evaluate("""() => {
        const r = document.getElementById('beslut-6-1').getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
    }""")
    assert in_view
    assert page.evaluate("window.scrollY") > 500  # the page really scrolled to it
    permalink = decision.locator(".arkiv-permalank a")
    assert permalink.get_attribute("href") == "#beslut-6-1"
    assert request_log.outside(built_site) == []


def test_original_text_is_collapsed_until_opened(built_site, page):
    page.goto(file_url(built_site / "moten" / "2023-09-ame-chefsnatverket.html"))
    details = page.locator("details.arkiv-original")
    assert details.get_attribute("open") is None
    details.locator("summary").click()
    assert "Antecknat av Linda Karlsson" in details.inner_text()


def test_meeting_person_municipality_click_through(built_site, page, request_log):
    page.goto(file_url(built_site / "moten" / "2023-09-ame-chefsnatverket.html"))
    page.locator("#punkt-4 ~ p a", has_text="Anna Rieglert").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("personer/anna-rieglert.html")
    assert "Göteborg" in page.locator(".arkiv-fakta").inner_text()
    page.locator("#tillhorighet ~ .md-typeset__scrollwrap a", has_text="Göteborg").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("kommuner/goteborg.html")
    representatives = page.locator("#representanter ~ .md-typeset__scrollwrap table").first.inner_text()
    assert "Anne Bansson" in representatives and "Sofia Gustafsson" in representatives
    page.go_back()
    assert page.url.endswith("personer/anna-rieglert.html")
    assert request_log.outside(built_site) == [] and request_log.page_errors == []


def test_merged_spellings_are_shown_on_the_person_page(built_site, page):
    page.goto(file_url(built_site / "personer" / "anne-bansson.html"))
    text = page.locator("article").inner_text()
    assert "Anne Bansson (1 gånger), Anne Bensson (1 gånger)" in text
    assert "sammanslagna automatiskt" in text


def test_attendance_matrix_uses_symbols_and_text(built_site, page):
    page.goto(file_url(built_site / "kommuner" / "narvaro.html"))
    table = page.locator(".arkiv-matris table")
    headers = table.locator("th").all_inner_texts()
    assert headers[0] == "Möte" and "Göteborg" in headers and len(headers) == 14
    first_row = table.locator("tbody tr").first
    assert first_row.locator("td").first.inner_text() == "september 2023 (uppskattat)"  # an estimate says so
    assert "närvarande" in first_row.locator("td").nth(1).inner_text()  # text, not colour alone


def test_copy_link_copies_the_path_inside_the_archive_without_a_published_address(built_site, browser):
    """The seed archive has no site_url: "Kopiera länk" copies the decision's path inside the
    archive, never this computer's file:// address, says so and shows the copied text."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(file_url(built_site / "moten" / "2022-10-ame-chefsnatverket.html"))
        decision = page.locator("#beslut-6-1")
        decision.locator(".arkiv-kopiera").click()
        page.wait_for_function("document.querySelector('#beslut-6-1 .arkiv-kopiera').dataset.copied")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == "moten/2022-10-ame-chefsnatverket.html#beslut-6-1"
        status = decision.locator(".arkiv-kopierat")
        assert "ingen publicerad webbadress" in status.inner_text()
        assert status.locator("code").inner_text() == copied  # shown, to select by hand
        assert status.get_attribute("role") == "status"
        # the path opens the decision from the archive's folder
        page.goto(file_url(built_site / copied.split("#")[0]) + "#beslut-6-1")
        assert "förslaget beviljas" in page.locator("#beslut-6-1").inner_text()
        # and from the register, which lives in another folder
        page.goto(file_url(built_site / "beslut.html"))
        row = page.locator("tr", has_text="beslut-2-1")
        row.locator(".arkiv-kopiera").click()
        row.locator(".arkiv-kopierat code").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == "moten/2022-10-ame-chefsnatverket.html#beslut-2-1"
        assert row.locator(".arkiv-kopierat code").inner_text() == "moten/2022-10-ame-chefsnatverket.html#beslut-2-1"
    finally:
        context.close()


def test_copy_link_shows_the_text_when_copying_is_refused(built_site, browser):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(file_url(built_site / "moten" / "2023-09-ame-chefsnatverket.html"))
        # a browser that refuses both ways of copying
        page.evaluate("""() => {
            Object.defineProperty(navigator, 'clipboard', {value: {writeText: () => Promise.reject(new Error('nej'))}});
            document.execCommand = () => false;
        }""")
        page.locator("#beslut-5-1 .arkiv-kopiera").click()
        status = page.locator("#beslut-5-1 .arkiv-kopierat")
        status.locator("code").wait_for()
        assert "Kunde inte kopiera" in status.inner_text()
        assert status.locator("code").inner_text() == "moten/2023-09-ame-chefsnatverket.html#beslut-5-1"
        assert page.evaluate("getSelection().toString()") == "moten/2023-09-ame-chefsnatverket.html#beslut-5-1"
    finally:
        context.close()


def test_register_sorts_by_date(built_site, page):
    page.goto(file_url(built_site / "beslut.html"))
    dates = page.locator(".arkiv-sortable tbody tr td:first-child")
    assert dates.all_inner_texts()[0] == "september 2023 (uppskattat)"
    page.locator(".arkiv-sortable th", has_text="Datum").click()
    first = dates.all_inner_texts()
    page.locator(".arkiv-sortable th", has_text="Datum").click()
    second = dates.all_inner_texts()
    assert {first[0], second[0]} == {"oktober 2022 (uppskattat)", "september 2023 (uppskattat)"} and first != second


def test_buttons_are_hidden_without_javascript(built_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(file_url(built_site / "beslut.html"))
        assert page.locator(".arkiv-kopiera").first.is_hidden()
        assert page.locator("a", has_text="beslut-6-1").count() == 1  # the permalink is still there
    finally:
        context.close()


def test_hovering_an_abbreviation_shows_its_expansion(built_site, page, request_log):
    page.goto(file_url(built_site / "moten" / "2022-10-ame-chefsnatverket.html"))
    abbr = page.locator("abbr", has_text="KROM").first
    abbr.scroll_into_view_if_needed()
    abbr.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert tooltip.inner_text() == "Kundval Rusta och matcha"
    assert request_log.console_errors == [] and request_log.outside(built_site) == []


def test_inferred_date_explains_itself_on_hover(built_site, page):
    page.goto(file_url(built_site / "moten" / "2023-09-ame-chefsnatverket.html"))
    page.locator(".arkiv-fakta .arkiv-datum").hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert "Mötestider 2024" in tooltip.inner_text()
