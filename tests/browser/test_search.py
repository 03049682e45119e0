"""The archive's search in Chromium, over the built seed archive opened from disk (file://).

Each behaviour a member expects (README, "Search"): inflections both ways, prefix while
typing, exact phrases, å/ä/ö-folded matching, filters, results that link to their anchor,
an entity's own page first, clean snippets, keyboard use, the words marked on the target
page, and a click to another page that loads only the small manifest (no index rebuilt).
"""

from __future__ import annotations

import json
import re

import pytest

from generator.render.search import stem, words
from tests import search_index
from tests.browser.conftest import RESULT, SEARCH_BOX, SEARCH_INPUT, file_url, search

pytestmark = pytest.mark.browser

ALL = {"kind": "", "year": "", "network": "", "municipality": ""}


def results(page, query: str, **filters) -> list[dict]:
    """Every result of `query` (not only the shown ones), best first."""
    return page.evaluate("([q, f]) => arkivSok.results(q, f)", [query, {**ALL, **filters}])


def urls(page, query: str, **filters) -> list[str]:
    return [r["url"] for r in results(page, query, **filters)]


@pytest.fixture(scope="module")
def index(built_site) -> list[dict]:
    return search_index.entries(built_site)


@pytest.fixture
def opened(built_site, page, request_log, open_site):
    open_site(page, built_site / "moten" / "index.html")
    yield page
    assert request_log.outside(built_site) == []
    assert request_log.page_errors == [] and request_log.console_errors == []


def _code(index_manifest: dict, kind: str) -> str:
    return str([code for code, _label in index_manifest["kinds"]].index(kind))


def _with_word(index: list[dict], word: str, without: str) -> set[str]:
    found = set()
    for entry in index:
        found_words = set(words(f"{entry['title']} {entry['text']}"))
        if word in found_words and without not in found_words:
            found.add(entry["url"])
    return found


@pytest.mark.parametrize("query, form, other", [
    ("jobbspåren ", "jobbspår", "jobbspåren"),  # the inflected query finds the base form
    ("vuxenutbildning ", "vuxenutbildningen", "vuxenutbildning"),  # ... and the base form the inflected one
    ("Arbetsförmedlingens ", "arbetsförmedlingen", "arbetsförmedlingens"),
    ("Arbetsförmedlingen ", "arbetsförmedlingens", "arbetsförmedlingen"),
])
def test_inflections_find_each_other(opened, index, query, form, other):
    # a trailing space: the word is complete, so this is stemming, not prefix search
    targets = _with_word(index, form, other)
    assert targets, f"the seed archive has no entry with {form!r} but not {other!r}"
    assert targets <= set(urls(opened, query)), query


def test_prefix_while_typing(opened):
    assert urls(opened, "arbetsförm")[0] == "organisationer/arbetsformedlingen.html"
    # typed past the stem (`överenskomm`): the word forms carry the prefix
    assert stem("överenskommelse") != "överenskommel"
    assert any(u.startswith("overenskommelser/") for u in urls(opened, "överenskommel"))
    # a complete word is not a prefix: `jobb ` does not find `jobbspår`
    assert not any(u == "amnen/jobbspar.html" for u in urls(opened, "jobb "))


def test_exact_phrase_in_quotes(opened, index):
    found = results(opened, '"förslaget beviljas"')
    assert found and all("förslaget beviljas" in r["text"].lower() for r in found)
    assert found[0]["url"].endswith("#beslut-6-1")
    assert results(opened, '"beviljas förslaget"') == []  # the words, but not in that order
    assert results(opened, "beviljas förslaget")  # without quotes: both words anywhere


@pytest.mark.parametrize("query, first", [
    ("molndal", "kommuner/molndal.html"),
    ("overberg", "personer/per-overberg.html"),
    ("Överberg", "personer/per-overberg.html"),
    ("per overberg", "personer/per-overberg.html"),
    ("harryda", "kommuner/harryda.html"),
    ("molnd", "kommuner/molndal.html"),  # while typing, too
])
def test_folded_letters_find_a_a_o(opened, query, first):
    assert urls(opened, query)[0] == first


@pytest.mark.parametrize("query, first", [
    ("Mölndal", "kommuner/molndal.html"),  # the municipality's own page, not its mentions
    ("Per Överberg", "personer/per-overberg.html"),
    ("jobbspår", "amnen/jobbspar.html"),  # the topic's page above every meeting about it
    ("Arbetsförmedlingen", "organisationer/arbetsformedlingen.html"),
])
def test_an_entitys_own_page_ranks_first(opened, query, first):
    assert urls(opened, query)[0] == first


def test_decision_text_ranks_above_the_discussion(opened):
    found = results(opened, "förslaget beviljas")
    assert found[0]["kind"] == "beslut" and found[0]["url"].endswith("#beslut-6-1")


def test_results_link_to_their_anchor(opened, built_site):
    found = urls(opened, "jobbspår")
    assert any(re.search(r"^moten/.+\.html#punkt-\d+$", u) for u in found)
    assert any(re.search(r"^overenskommelser/.+\.html#avsnitt-\d+$", u) for u in found)
    assert any(re.search(r"#beslut-\d+-\d+$", u) for u in urls(opened, "finansiering"))
    for url in found:  # every anchor exists on its page
        path, _, anchor = url.partition("#")
        if anchor:
            assert f'id="{anchor}"' in (built_site / path).read_text(encoding="utf-8"), url


def test_filters(opened, built_site):
    manifest = search_index.manifest(built_site)
    everything = results(opened, "jobbspår")
    decisions = results(opened, "finansiering", kind=_code(manifest, "beslut"))
    assert decisions and all(r["kind"] == "beslut" for r in decisions)
    in_2022 = results(opened, "jobbspår", year="2022")
    assert in_2022 and len(in_2022) < len(everything) and all("2022" in r["url"] for r in in_2022)
    network = str(manifest["networks"].index("AME-chefsnätverket") + 1)
    in_network = results(opened, "jobbspår", network=network)
    assert in_network and not any(r["kind"] in ("amne", "person", "kommun", "organisation") for r in in_network)
    molndal = str([m for m, _name in manifest["municipalities"]].index("molndal"))
    about = results(opened, "beslut", municipality=molndal)
    assert about and len(about) < len(results(opened, "beslut"))
    export = json.loads((built_site / "data" / "arkiv.json").read_text(encoding="utf-8"))
    concerns = {}  # page -> the places (item anchor or None) Mölndal occurs in
    for document in export["documents"]:
        concerns[document["url"]] = {m["item"] for m in document["municipalities"] if m["id"] == "molndal"}
    for r in about:
        path, _, anchor = r["url"].partition("#")
        item = f"punkt-{anchor.split('-')[1]}" if anchor.startswith("beslut-") else anchor
        assert path in concerns and (not anchor and concerns[path] or item in concerns[path]), r["url"]


def test_filters_in_the_panel(opened):
    search(opened, "finansiering")
    opened.select_option("select[data-filter=kind]", label="Beslut")
    opened.wait_for_function(
        "sel => document.querySelector(sel).getAttribute('data-arkiv-fraga') === 'finansiering'", arg=SEARCH_BOX)
    kinds = opened.locator(".arkiv-sok-typ").all_inner_texts()
    assert kinds and set(kinds) == {"Beslut"}
    labels = opened.locator(".arkiv-sok-filter label").all_inner_texts()
    assert [label.split("\n")[0].split(" ")[0] for label in labels] == ["Typ", "År", "Nätverk", "Kommun"]


def test_snippets_are_the_words_around_the_hit(opened):
    for query in ("jobbspår", "Arbetsförmedlingen", "beslut", "Försörjningsstöd"):
        for result in search(opened, query):
            assert "Kopiera länk" not in result["snippet"] and "Permalänk" not in result["snippet"]
            assert "<mark>" in result["snippet_html"] or query.lower() in result["title"].lower(), result
            assert len(result["snippet"]) < 400
    # a table row: each cell with its column header, separated, never run together
    rows = [r["snippet"] for r in search(opened, "Försörjningsstöd vuxna")]
    assert any(re.search(r"Försörjningsstöd vuxna[^;]*: \d+", s) for s in rows), rows


def test_keyboard(opened, built_site):
    page = opened
    page.locator("article").first.click()  # focus on the page, not in a field
    page.keyboard.press("/")
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("jobbspår")
    page.wait_for_function("sel => document.querySelector(sel).getAttribute('data-arkiv-fraga') === 'jobbspår'",
                           arg=SEARCH_BOX)
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.getAttribute('href')")
    assert first and second and first != second and "amnen/jobbspar.html" in first
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("s")
    assert page.evaluate("document.getElementById('__search').checked")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # opens the first result
    assert "amnen/jobbspar.html" in page.url


def test_a_newer_query_replaces_the_results_of_an_older_one(opened):
    """While an older query's results still wait for their chunks, a newer query starts:
    only the newer query's results are shown, once each."""
    page = opened
    page.click(SEARCH_INPUT)
    page.evaluate("""([sel, older, newer]) => {
        const box = document.querySelector(sel), input = document.querySelector('input.md-search__input');
        const meta = box.querySelector('.md-search-result__meta');
        const type = text => { input.value = text; input.dispatchEvent(new Event('input')); };
        // The count is shown when the older query's results are found and their chunks are
        // being fetched: that is when the member types on.
        new MutationObserver((_, observer) => { observer.disconnect(); type(newer); })
            .observe(meta, {childList: true, characterData: true, subtree: true});
        type(older);
    }""", [SEARCH_BOX, "jobbs", "jobbspår"])
    page.wait_for_function("sel => document.querySelector(sel).getAttribute('data-arkiv-fraga') === 'jobbspår'",
                           arg=SEARCH_BOX)
    page.wait_for_timeout(200)  # anything the older query would still add arrives by now
    shown = page.eval_on_selector_all(f"{SEARCH_BOX} a[data-arkiv-traff]", "links => links.map(a => a.href)")
    older = [href for href in shown if re.search(r"[?&]h=jobbs(?:[&#]|$)", href)]
    assert shown and older == [], older
    assert len(shown) == len(set(shown)) == min(len(urls(page, "jobbspår")), 25)
    assert "amnen/jobbspar.html" in shown[0]


def test_more_results_follow_the_first_ones_in_rank_order(opened, built_site):
    """The panel shows 25 results at a time; "Visa fler träffar" adds the next ones,
    continuing the ranking without repeating a result."""
    ranked = urls(opened, "kommun")
    assert len(ranked) > 25, "the seed archive should have more than one panel of results"
    first = search(opened, "kommun")
    more = opened.locator(f"{SEARCH_BOX} .arkiv-sok-fler button")
    assert len(first) == 25 and more.count() == 1
    more.click()
    opened.wait_for_function("([sel, n]) => document.querySelectorAll(sel).length > n", arg=[RESULT, 25])
    shown = opened.eval_on_selector_all(RESULT + " a", "links => links.map(a => a.getAttribute('href'))")
    assert len(shown) == min(len(ranked), 50) and len(set(shown)) == len(shown)
    root = file_url(built_site) + "/"
    assert [re.sub(r"\?h=[^#]*", "", href).removeprefix(root) for href in shown] == ranked[:len(shown)]
    assert (opened.locator(f"{SEARCH_BOX} .arkiv-sok-fler button").count() == 1) == (len(ranked) > 50)


def test_the_target_page_marks_the_words(opened, built_site):
    result = next(r for r in search(opened, "jobbspåren") if "#punkt-" in r["href"])
    assert "?h=jobbsp%C3%A5ren#punkt-" in result["href"]
    with opened.expect_navigation():
        opened.locator(f'.arkiv-sok-traff a[href="{result["href"]}"]').click()
    marks = opened.locator("article mark[data-md-highlight]").all_text_contents()
    assert marks and all(stem(m.lower()) == "jobbspår" for m in marks), [m for m in marks if stem(m.lower()) != "jobbspår"]
    anchor = result["href"].split("#")[1]
    assert opened.locator(f"#{anchor}").count() == 1


def test_a_click_to_another_page_loads_only_the_manifest(built_site, context, page, request_log, open_site):
    open_site(page, built_site / "moten" / "index.html")
    search(page, "jobbspåren")
    before = len(request_log.requests)
    page.evaluate("document.getElementById('__search').checked = false")
    page.get_by_role("link", name="Möte i AME-chefsnätverket, september 2023").first.click()
    page.wait_for_load_state("load")
    page.wait_for_selector(f"{SEARCH_BOX}[data-arkiv-sok-klar]", state="attached")
    loaded = [u.split("/sok/")[1] for u in request_log.requests[before:] if "/sok/" in u]
    assert loaded == ["index.js"]  # the manifest; no shard, no entry, nothing rebuilt
    found = search(page, "jobbspåren")
    assert found and found[0]["href"].split("?")[0].endswith("amnen/jobbspar.html")
    after = [u.split("/sok/")[1] for u in request_log.requests[before:] if "/sok/" in u]
    assert len(after) < 12, after  # a few shards and entry chunks for this query
    assert request_log.outside(built_site) == []


def test_search_from_the_site_root_and_nested_pages(built_site, page, open_site):
    for target in (built_site / "index.html", built_site / "moten" / "2023-09-ame-chefsnatverket.html",
                   built_site / "404.html"):
        open_site(page, target)
        found = search(page, "jobbspår")
        assert found, target
        href = found[0]["href"]
        assert href.startswith(file_url(built_site)) and "amnen/jobbspar.html" in href


def test_nothing_found_says_so(opened):
    assert search(opened, "kommunfullmäktige") == []
    assert opened.locator(".md-search-result__meta").inner_text() == "Inga träffar"
    opened.fill(SEARCH_INPUT, "")
    opened.wait_for_function("sel => document.querySelector(sel).getAttribute('data-arkiv-fraga') === ''",
                             arg=SEARCH_BOX)
    assert opened.locator(".arkiv-sok-traff").count() == 0
