"""Pages that stay small: every page that lists the archive is a summary with year parts
(generator/render/parts.py) at stable addresses, the parts hold every entry exactly once,
the main pages link every part, and no page grows with the archive."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.build import generate
from generator.model import Diagnostics, Kind
from generator.render.parts import UNDATED, plan_parts, relative, year_of
from generator.render.site import Reuse, render_site
from tests.helpers import ROOT, synthetic_archive

LINK = re.compile(r"\]\(([^)\s#]+\.md)(?:#([\w-]+))?(?: \"[^\"]*\")?\)")
PART = re.compile(r"^(\d{4}|odaterade)(-\d+)?\.md$")



@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """150 synthetic documents over several years, generated once."""
    root = synthetic_archive().make_project(tmp_path_factory.mktemp("parts") / "project", 150, seed=3)
    result = generate(root)
    return root / "docs", result.corpus


def _links(page: Path, docs: Path) -> dict[str, set[str]]:
    """docs/-relative targets of a page's links -> the anchors linked there."""
    found: dict[str, set[str]] = {}
    rel = page.relative_to(docs).as_posix()
    for target, anchor in LINK.findall(page.read_text(encoding="utf-8")):
        path = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target))
        found.setdefault(path, set()).update({anchor} if anchor else set())
    return found


def _parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.md") if PART.match(p.name))


def _years(documents) -> set[str]:
    return {year_of(d) for d in documents}


# --- addresses --------------------------------------------------------------------------------


def test_every_listing_has_a_part_per_year_at_its_stable_address(archive):
    docs, corpus = archive
    years = _years(p.document for p in corpus.pages)
    assert len(years) >= 4  # the archive spans several years
    assert {n.removesuffix(".md") for n in _parts(docs / "tidslinje")} == years
    assert {n.removesuffix(".md") for n in _parts(docs / "beslut")} == _years(e.page.document for e in corpus.register)
    for kind in (Kind.MINUTES, Kind.AGREEMENT, Kind.ARTICLE):
        kind_years = _years(p.document for p in corpus.pages if p.document.kind is kind)
        assert {n.removesuffix(".md") for n in _parts(docs / kind.folder / "ar")} == kind_years
    meetings = [p.document for p in corpus.pages if p.document.kind is Kind.MINUTES and p.document.attendees]
    assert {n.removesuffix(".md") for n in _parts(docs / "kommuner" / "narvaro")} == _years(meetings)
    for person in corpus.people.values():
        mine = _years(a.document for a in person.appearances)
        assert {n.removesuffix(".md") for n in _parts(docs / "personer" / person.id)} == mine, person.id
    for topic_id, summary in corpus.topics.items():
        mine = _years(o.document for o in summary.occurrences)
        assert {n.removesuffix(".md") for n in _parts(docs / "amnen" / topic_id)} == mine, topic_id
    for record in [*corpus.municipalities.values(), *corpus.organisations.values()]:
        assert (docs / record.path).exists()
        assert _parts(docs / record.path.removesuffix(".md")), record.id


def test_part_addresses_are_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for address in ("beslut/2023.html", "tidslinje/2023.html", "kommuner/narvaro/2023.html",
                    "kommuner/ale/2023.html", "personer/anna-berg/2023.html", "amnen/jobbspar/2023.html",
                    "moten/ar/2023.html", "2023-2.html", "odaterade.html"):
        assert address in readme, address


def test_new_folders_stay_out_of_the_navigation():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    not_in_nav = re.search(r"not_in_nav: \|\n((?:  .*\n)+)", text).group(1).split()
    assert {"/beslut/*", "/tidslinje/*", "/moten/*", "/kommuner/*", "/personer/*"} <= set(not_in_nav)


# --- main pages link every part --------------------------------------------------------------


def _main_pages(docs: Path, corpus) -> list[tuple[Path, Path]]:
    """(main page, folder of its parts) for every listing page of the build."""
    pairs = [(docs / "tidslinje.md", docs / "tidslinje"), (docs / "beslut.md", docs / "beslut"),
             (docs / "kommuner" / "narvaro.md", docs / "kommuner" / "narvaro")]
    pairs += [(docs / kind.folder / "index.md", docs / kind.folder / "ar") for kind in Kind]
    pairs += [(docs / "personer" / f"{i}.md", docs / "personer" / i) for i in corpus.people]
    pairs += [(docs / r.path, docs / r.path.removesuffix(".md"))
              for r in [*corpus.municipalities.values(), *corpus.organisations.values()]]
    pairs += [(docs / "amnen" / f"{i}.md", docs / "amnen" / i) for i in corpus.topics]
    return pairs


def test_main_pages_link_every_part_and_parts_lead_back(archive):
    docs, corpus = archive
    checked = 0
    for main, folder in _main_pages(docs, corpus):
        parts = _parts(folder)
        linked = _links(main, docs)
        main_rel = main.relative_to(docs).as_posix()
        for name in parts:
            part = folder / name
            rel = part.relative_to(docs).as_posix()
            assert rel in linked, f"{main_rel} does not link {rel}"
            assert "ar" in _links(part, docs).get(main_rel, set()), f"{rel} does not lead back to {main_rel}#ar"
            checked += 1
        assert "{ #ar }" in main.read_text(encoding="utf-8") or not parts
    assert checked > 500


def test_parts_lead_to_the_previous_and_next_part_in_date_order(archive):
    docs, _corpus = archive
    for folder in (docs / "tidslinje", docs / "beslut", docs / "kommuner" / "goteborg"):
        names = _parts(folder)
        order = sorted(names, key=lambda n: ("0000" if n.startswith(UNDATED) else n[:4],
                                             int((re.search(r"-(\d+)\.md$", n) or [0, 1])[1])))
        for before, after in zip(order, order[1:]):
            text = (folder / after).read_text(encoding="utf-8")
            nav = re.search(r'<nav class="arkiv-delar" aria-label="Bläddra mellan åren" markdown>\n(.*)\n</nav>',
                            text).group(1)
            assert nav.startswith(f"[← {before.removesuffix('.md').replace('-', ':')}]({before}")
            assert f"]({after}" in (folder / before).read_text(encoding="utf-8").split("</nav>")[0]


# --- the parts hold every entry exactly once ---------------------------------------------------


def test_timeline_parts_list_each_document_once_in_its_year(archive):
    docs, corpus = archive
    seen: dict[str, str] = {}
    for name in _parts(docs / "tidslinje"):
        for target in _links(docs / "tidslinje" / name, docs):
            if target.startswith(("moten/", "overenskommelser/", "artiklar/", "dokument/")):
                assert target not in seen, f"{target} in {seen.get(target)} and {name}"
                seen[target] = name
    for page in corpus.pages:
        assert seen[page.path] == f"{year_of(page.document)}.md"
    main = (docs / "tidslinje.md").read_text(encoding="utf-8")
    for year in _years(p.document for p in corpus.pages):
        assert f'<span id="ar-{year}"></span>' in main  # the year's old anchor still lands


def test_register_parts_hold_every_decision_once(archive):
    docs, corpus = archive
    found: list[str] = []
    for name in _parts(docs / "beslut"):
        text = (docs / "beslut" / name).read_text(encoding="utf-8")
        assert '<div class="arkiv-sortable" markdown>' in text
        rows = re.findall(r'data-href="([^"]+)"', text)
        for href in rows:
            page = next(p for p in corpus.pages if href.startswith(p.url))
            assert name == f"{year_of(page.document)}.md"
        found += rows
    assert sorted(found) == sorted(f"{e.page.url}#{e.decision.anchor}" for e in corpus.register)
    main = (docs / "beslut.md").read_text(encoding="utf-8")
    assert f"Arkivet innehåller {len(corpus.register)} beslut" in main
    assert main.count('data-href="') == min(10, len(corpus.register))


def test_person_and_entity_parts_show_that_years_entries(archive):
    docs, corpus = archive
    person = max(corpus.people.values(), key=lambda p: len(p.appearances))
    attended = [a for a in person.appearances if a.role == "attendee"]
    assert len(attended) > 10
    main = (docs / "personer" / f"{person.id}.md").read_text(encoding="utf-8")
    assert f"- **Möten i närvarolistor:** {len(attended)}" in main
    assert f"De 10 senaste av {len(attended)}. Alla per år:" in main
    total = 0
    for year in _years(a.document for a in attended):
        text = (docs / "personer" / person.id / f"{year}.md").read_text(encoding="utf-8")
        section = text.split("## Närvaro { #narvaro }")[1].split("\n## ")[0]
        rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line][1:]
        assert len(rows) == sum(1 for a in attended if year_of(a.document) == year)
        total += len(rows)
    assert total == len(attended)

    record = max(corpus.municipalities.values(), key=lambda r: len(r.mentions))
    folder = docs / "kommuner" / record.id
    excerpts = [line for name in _parts(folder) for line in (folder / name).read_text(encoding="utf-8").split(
        "## Nämns i { #namns }")[-1].splitlines() if line.startswith("| ") and "---" not in line and "Utdrag" not in line]
    assert len(excerpts) == len(record.mentions)


def test_matrix_parts_have_a_table_per_network(archive):
    docs, corpus = archive
    meetings = [p.document for p in corpus.pages if p.document.kind is Kind.MINUTES and p.document.attendees]
    year = max(_years(meetings) - {UNDATED})
    text = (docs / "kommuner" / "narvaro" / f"{year}.md").read_text(encoding="utf-8")
    networks = {d.network for d in meetings if year_of(d) == year}
    assert len(networks) > 1
    for network in networks:
        assert f"\n## {network} {{ #natverk-" in text
    assert text.count('<div class="arkiv-matris arkiv-rullbar" markdown>') == len(networks)
    rows = [line for line in text.splitlines() if line.startswith("| [")]
    assert len(rows) == sum(1 for d in meetings if year_of(d) == year)


# --- sizes -----------------------------------------------------------------------------------------


def _largest(docs: Path) -> tuple[int, str]:
    """The largest listing page: all but the documents' own pages and the index of people
    (a line per person, not per document)."""
    sizes = [(p.stat().st_size, p.relative_to(docs).as_posix()) for p in docs.rglob("*.md")
             if not re.match(r"(moten|overenskommelser|artiklar|dokument)/(20|odaterat)|personer/index",
                             p.relative_to(docs).as_posix())]
    return max(sizes)


def test_no_page_grows_with_the_archive(tmp_path, monkeypatch):
    """With pages of at most 25 entries, the largest listing page of 450 documents is hardly
    larger than that of 150 (the synthetic archive keeps its span of years up to about 4,000
    documents, so its years fill up three times over): a page is bounded by its budget,
    whatever the size of the archive. scripts/page_sizes.py checks the real budget at
    10,000 documents."""
    from generator.render import parts

    monkeypatch.setattr(parts, "ROW_BUDGET", 25)
    largest = []
    for documents in (150, 450):
        root = synthetic_archive().make_project(tmp_path / str(documents), documents, seed=3)
        generate(root, use_cache=False)
        largest.append(_largest(root / "docs"))
    small, large = largest
    assert large[0] < 1.25 * small[0], (small, large)
    assert any(re.search(r"/\d{4}-\d+\.md$", p.relative_to(root / "docs").as_posix())
               for p in (root / "docs").rglob("*.md"))  # years of several pages


# --- splitting a year -------------------------------------------------------------------------


class _Date:
    def __init__(self, value):
        self.value = value
        self.sort_key = value or "0000"


class _Source:
    def __init__(self, name):
        self.name = name


class _Document:
    def __init__(self, name, value):
        self.source, self.date = _Source(name), _Date(value)


def test_a_year_over_the_budget_is_cut_between_documents_into_equal_pages():
    documents = [_Document(f"{i:03}.txt", f"2023-{1 + i // 10:02}") for i in range(100)]
    documents.append(_Document("x.txt", None))
    documents.append(_Document("y.txt", "2022"))
    parts = plan_parts([(d, 4) for d in documents], budget=100)
    assert [p.slug for p in parts] == ["odaterade", "2022", "2023", "2023-2", "2023-3", "2023-4"]
    pages = [p for p in parts if p.year == "2023"]
    assert [len(p.sources) for p in pages] == [25, 25, 25, 25]
    assert pages[0].sources == {f"{i:03}.txt" for i in range(25)}  # the oldest first
    assert [p.label for p in pages[:2]] == ["2023, del 1 av 4", "2023, del 2 av 4"]
    assert parts[0].label == "odaterade dokument" and parts[0].during == "utan datum"
    # a document's entries stay on one page, however many
    heavy = plan_parts([(documents[0], 500), (documents[1], 1)], budget=100)
    assert [len(p.sources) for p in heavy] == [1, 1]


def _plan_by_the_rule(weights, budget):
    """The rule of plan_parts written out plainly: documents oldest first (undated first),
    by year; a year of more than `budget` entries cut into ceil(total / budget) pages,
    each document on the page where its first entry falls."""
    documents, weight = {}, {}
    for document, rows in weights:
        documents[document.source.name] = document
        weight[document.source.name] = weight.get(document.source.name, 0) + rows
    ordered = sorted(documents.values(), key=lambda d: (d.date.sort_key, d.source.name))
    parts = []
    for year in dict.fromkeys(year_of(d) for d in ordered):
        members = [d.source.name for d in ordered if year_of(d) == year]
        total = sum(max(weight[name], 1) for name in members)
        pages = max(1, -(-total // budget))
        chunks, done = [[] for _ in range(pages)], 0
        for name in members:
            chunks[min(pages - 1, done * pages // total)].append(name)
            done += max(weight[name], 1)
        chunks = [chunk for chunk in chunks if chunk]
        parts += [(year, number, len(chunks), frozenset(chunk)) for number, chunk in enumerate(chunks, start=1)]
    return parts


_DATES = st.one_of(st.none(), st.just(""), st.sampled_from(["2021", "2022-05", "2022-05-04", "2022-11-30", "2023-01"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), _DATES, st.integers(0, 60)), max_size=60), st.integers(1, 90))
def test_parts_follow_the_rule(rows, budget):
    documents = {}
    weights = []
    for number, date, count in rows:  # a source name always comes with the same date
        document = documents.setdefault(number, _Document(f"{number:02}.txt", date))
        weights.append((document, count))
    planned = [(p.year, p.number, p.count, p.sources) for p in plan_parts(weights, budget=budget)]
    assert planned == _plan_by_the_rule(weights, budget)


# --- incremental: an edit renders its own year again, not the others ---------------------------------


def test_an_edited_document_renders_again_only_the_parts_that_show_it(archive):
    docs, corpus = archive
    keys = {page.source: f"key-{page.source}" for page in corpus.pages}
    _files, first, _parts = render_site(corpus, lambda name: b"", lambda *a: None, Diagnostics(), version="t",
                                        document_keys=keys)
    edited = next(p for p in corpus.pages if p.document.kind is Kind.MINUTES and p.document.decisions
                  and p.document.attendees and p.document.date.value)
    keys[edited.source] = "edited"
    loaded: set[str] = set()

    def intact(path):
        loaded.add(path)
        return True

    _files, second, _parts = render_site(corpus, lambda name: b"", lambda *a: None, Diagnostics(), version="t",
                                         document_keys=keys, reuse=Reuse(first, intact))
    rendered = {path for path in second if path not in loaded}
    year = year_of(edited.document)
    for listing in ("tidslinje", "beslut", "kommuner/narvaro", "moten/ar"):
        assert f"{listing}/{year}.md" in rendered
        others = {p for p in rendered if p.startswith(f"{listing}/") and p != f"{listing}/{year}.md"}
        assert not others, others
    assert len(rendered) < len(second) / 5


_PATHS = st.lists(st.sampled_from(["a", "b", "kommuner", "ale.md", "2023.md", "", ".", "..", "x y"]),
                  min_size=1, max_size=4).map("/".join).filter(bool)


@settings(max_examples=500, deadline=None)
@given(_PATHS, _PATHS)
def test_a_link_between_pages_is_what_relpath_gives(from_path, to_path):
    assert relative(from_path, to_path) == posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
