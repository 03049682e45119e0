"""Phones and narrow windows, the attendance matrix by tap and keyboard, and 404.html from
disk. (The quality gates check every page type for content cut off at 390x844 and
1280x900: tests/quality/test_quality_pages.py.)"""

from __future__ import annotations

import pytest

from tests.browser.conftest import file_url, requests_outside

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def open_page(browser, built_site):
    """open_page(path in the site, **context options) -> page; contexts are closed afterwards."""
    contexts = []

    def _open(rel: str, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.goto(file_url(built_site / rel))
        page.wait_for_load_state("load")
        return page

    yield _open
    for context in contexts:
        context.close()


_IN_VIEW_JS = """els => els.map(el => {
    el.scrollIntoView({block: 'center'});
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {text: el.textContent.trim(), left: r.left, right: r.right, width: r.width,
            visible: !!hit && (hit === el || el.contains(hit)), vw: document.documentElement.clientWidth};
})"""


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390x844", "1280x900"])
def test_register_permalinks_and_buttons_are_in_view(open_page, size):
    """beslut.html: every decision's permalink and copy button can be seen and tapped without
    scrolling sideways (at 1280 px the permalink column used to be off-screen)."""
    page = open_page("beslut.html", **size)
    for selector in ("article td a[href*='#beslut-']", "article .arkiv-kopiera"):
        boxes = page.eval_on_selector_all(selector, _IN_VIEW_JS)
        assert len(boxes) == 4, selector
        for box in boxes:
            assert box["width"] > 0 and box["left"] >= 0 and box["right"] <= box["vw"], box
            assert box["visible"], f"covered or cut off: {box}"
    # on the phone the decision text is in view too
    texts = page.eval_on_selector_all("article td[data-label='Beslut']", _IN_VIEW_JS)
    assert len(texts) == 4 and all(t["right"] <= t["vw"] and t["visible"] for t in texts), texts


_CARDS_JS = """() => Array.from(document.querySelectorAll('article table[data-cards]')).map(table => {
    const headers = Array.from(table.tHead.rows[0].cells).map(th => th.textContent.replace(/\\s+/g, ' ').trim());
    const cells = Array.from(table.tBodies[0].rows).flatMap(tr => Array.from(tr.cells).map((td, i) => ({
        label: td.dataset.label, header: headers[i],
        shown: getComputedStyle(td, '::before').content,
        right: td.getBoundingClientRect().right,
    })));
    return {display: getComputedStyle(table.tBodies[0].rows[0]).display, cells,
            vw: document.documentElement.clientWidth};
})"""


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("rel", ["tidslinje.html", "index.html", "amnen/jobbspar.html", "kommuner/goteborg.html",
                                 "beslut.html", "ordlista.html"])
def test_tables_become_cards_labelled_with_their_column_headers_on_a_phone(open_page, rel, javascript):
    page = open_page(rel, java_script_enabled=javascript, **PHONE)
    tables = page.evaluate(_CARDS_JS)
    assert tables, f"no table with data-cards on {rel}"
    for table in tables:
        assert table["display"] == "block", "rows should stack as cards"
        for cell in table["cells"]:
            assert cell["label"] == cell["header"], cell
            assert cell["shown"] == f'"{cell["header"]}"', cell  # the label is on screen
            assert cell["right"] <= table["vw"], cell


def test_tables_stay_tables_on_desktop(open_page):
    page = open_page("tidslinje.html", **DESKTOP)
    assert all(t["display"] == "table-row" for t in page.evaluate(_CARDS_JS))
    page = open_page("beslut.html", **DESKTOP)
    assert all(t["display"] == "table-row" for t in page.evaluate(_CARDS_JS))


# --- the attendance matrix ------------------------------------------------------------------

GOTEBORG_2023 = "Göteborg, närvarande: Sofia Gustafsson, Anna Rieglert, Anne Bansson (ej närvarande)"


def _goteborg_2023(page):
    column = page.locator(".arkiv-matris thead th").all_inner_texts().index("Göteborg")
    return page.locator(".arkiv-matris tbody tr").first.locator("td").nth(column)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_matrix_mark_shows_who_attended_when_tapped(open_page, javascript):
    page = open_page("kommuner/narvaro.html", java_script_enabled=javascript, **PHONE)
    cell = _goteborg_2023(page)
    assert not cell.get_by_text("Sofia Gustafsson").is_visible()
    cell.locator("summary").tap()
    names = cell.locator(".arkiv-vem-namn")
    names.wait_for(state="visible")
    assert names.inner_text() == GOTEBORG_2023
    box, viewport = names.bounding_box(), page.viewport_size
    assert 0 <= box["x"] and box["x"] + box["width"] <= viewport["width"]  # scrolled into view, not cut off
    cell.locator("summary").tap()
    assert not names.is_visible()


def test_matrix_mark_opens_with_the_keyboard(open_page):
    page = open_page("kommuner/narvaro.html", **DESKTOP)
    # Tab from the meeting link of the first row to the first mark, then along the row
    page.locator(".arkiv-matris tbody tr").first.locator("td").first.locator("a").focus()
    column = page.locator(".arkiv-matris thead th").all_inner_texts().index("Göteborg")
    for _ in range(column):
        page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.tagName + ' ' + document.activeElement.textContent")
    assert focused == "SUMMARY ✔ närvarande"
    page.keyboard.press("Enter")
    names = _goteborg_2023(page).locator(".arkiv-vem-namn")
    assert names.is_visible() and names.inner_text() == GOTEBORG_2023
    page.keyboard.press("Space")
    assert not names.is_visible()


@pytest.mark.parametrize("rel", ["kommuner/narvaro.html", "kommuner/narvaro/2023.html"])
def test_matrix_scrolls_inside_its_box_and_keeps_the_meeting_column(open_page, rel):
    page = open_page(rel, **PHONE)
    state = page.evaluate("""() => {
        const de = document.documentElement;
        const box = document.querySelector('.arkiv-matris .md-typeset__scrollwrap');
        box.scrollIntoView({block: 'center'});  // below the years on the summary page
        box.scrollLeft = box.scrollWidth;
        const first = document.querySelector('.arkiv-matris tbody tr td');
        const r = first.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + 5, r.top + r.height / 2);
        return {pageScrolls: de.scrollWidth > de.clientWidth, boxScrolls: box.scrollWidth > box.clientWidth,
                scrolled: box.scrollLeft, left: r.left, covered: !first.contains(hit)};
    }""")
    assert not state["pageScrolls"] and state["boxScrolls"] and state["scrolled"] > 0, state
    assert 0 <= state["left"] < 20 and not state["covered"], state


# --- 404.html -------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390x844", "1280x900"])
def test_404_page_works_from_disk(browser, built_site, size):
    context = browser.new_context(**size)
    page = context.new_page()
    requests, failed, errors = [], [], []
    context.on("request", lambda r: requests.append(r.url))
    context.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})"))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(file_url(built_site / "404.html"))
        page.wait_for_load_state("load")
        assert page.locator("article h1").inner_text() == "Sidan finns inte"
        # styled: the theme's stylesheet and ours are applied
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert "arkiv-sidfot" in page.locator("footer").inner_html()
        assert failed == [] and errors == [] and requests_outside(requests, built_site) == []
        assert len(requests) > 5
        page.get_by_role("link", name="startsidan").click()
        page.wait_for_load_state("load")
        assert page.url == file_url(built_site / "index.html")
    finally:
        context.close()


def test_the_menu_is_closed_when_a_page_is_shown_again_with_back(open_page):
    """The theme's toggles carry no autocomplete="off" (invalid HTML on a checkbox): a page
    reached again with Back opens with its navigation drawer closed all the same."""
    page = open_page("index.html", **PHONE)
    assert page.locator("input#__drawer").get_attribute("autocomplete") is None
    page.locator(".md-header label[for='__drawer']").click()
    assert page.locator("input#__drawer").is_checked()
    with page.expect_navigation():
        page.evaluate("location.href = new URL('beslut.html', location.href).href")
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url.endswith("index.html")
    # closed by arkiv.js on `pageshow`, whenever the browser gets to it (no fixed wait)
    page.wait_for_function("() => !document.getElementById('__drawer').checked", timeout=5_000)
