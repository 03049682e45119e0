"""The build cache never changes what is built: after any edit, a build that reuses the
cache gives byte-identical docs/ to a build of the same sources without it.

Each case edits the archive one way (text, a new person, a date, a new or deleted
document, a merge, a data file), builds with the cache, then builds a copy of the same
sources cold and compares every file.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from generator.build import generate
from tests.conftest import copy_project
from tests.helpers import SEEDS

NEW_MINUTES = """\
Anteckningar

NÄRVARANDE

Kerstin Lundgren, Lerum
Per Överberg, SKR

1. Inledning

Kerstin Lundgren hälsar välkommen. Nätverket diskuterar jobbspår i Lerum.

Beslut: Nätverket ställer sig bakom förslaget.
"""


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _append(root: Path, key: str, text: str) -> None:
    path = root / "source" / SEEDS[key]
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _set_people(root: Path, **rules) -> None:
    path = root / "source" / "arkiv.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["people"].update(rules)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


EDITS = {
    "a sentence appended": lambda root: _append(root, "2023", "\nEn mening till om läget i Lerum.\n"),
    "a new person named": lambda root: _append(root, "2022", "\nAnna-Stina Westerlund från Mölndal berättar.\n"),
    "a date given": lambda root: (root / "source" / SEEDS["2021"]).write_text(
        "---\ndate: 2021-02-11\n---\n" + (root / "source" / SEEDS["2021"]).read_text(encoding="utf-8"),
        encoding="utf-8"),
    "a document added": lambda root: (root / "source" / "nytt.txt").write_text(NEW_MINUTES, encoding="utf-8"),
    "a document deleted": lambda root: (root / "source" / SEEDS["article"]).unlink(),
    "two spellings kept apart": lambda root: _set_people(root, keep_apart=[["Anne Bansson", "Anne Bensson"]]),
    "a person hidden": lambda root: _set_people(root, hide=["Per Överberg"]),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_build_with_the_cache_equals_a_cold_build(tmp_path, edit):
    warm = copy_project(tmp_path / "warm")
    generate(warm)  # fills the cache
    EDITS[edit](warm)
    generate(warm)
    cold = tmp_path / "cold"
    shutil.copytree(warm / "source", tmp_path / "sources")
    copy_project(cold)
    shutil.rmtree(cold / "source")
    shutil.copytree(tmp_path / "sources", cold / "source")
    # the cold build reads the ledger the warm one left, exactly as a fresh clone would
    generate(cold, use_cache=False)
    assert _digest(warm / "docs") == _digest(cold / "docs")


def test_a_changed_data_file_rebuilds_what_depends_on_it(tmp_path):
    """The knowledge files are part of the cache's version: a new glossary entry reaches
    the glossary page although no source changed."""
    root = copy_project(tmp_path / "project")
    shutil.rmtree(root / "generator") if (root / "generator").is_dir() and not (root / "generator").is_symlink() \
        else (root / "generator").unlink()
    shutil.copytree(Path(__file__).resolve().parent.parent / "generator", root / "generator",
                    ignore=shutil.ignore_patterns("__pycache__"))
    from generator.knowledge import load_knowledge

    generate(root, knowledge=load_knowledge(root / "generator" / "data"))
    glossary = root / "generator" / "data" / "ordlista.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n- term: ZQX\n  expansion: Zeta Quux\n"
                        "  explanation: Ett påhittat ord för testet.\n", encoding="utf-8")
    result = generate(root, knowledge=load_knowledge(root / "generator" / "data"))
    assert "ordlista.md" in result.report.written
    assert "Zeta Quux" in (root / "docs" / "ordlista.md").read_text(encoding="utf-8")


def test_nothing_changed_writes_nothing_and_reports_the_same(project):
    first = generate(project)
    again = generate(project)
    assert again.report.written == [] and again.report.removed == []
    assert [str(d) for d in again.diagnostics.items] == [str(d) for d in first.diagnostics.items]
    assert again.documents == first.documents
    assert [p.path for p in again.corpus.pages] == [p.path for p in first.corpus.pages]  # resolved on demand


def test_a_touched_output_is_rebuilt(project):
    generate(project)
    page = next((project / "docs" / "moten").glob("2023-09-*.md"))
    original = page.read_bytes()
    page.write_text("förstörd", encoding="utf-8")
    result = generate(project)
    assert page.read_bytes() == original
    assert page.relative_to(project / "docs").as_posix() in result.report.written


def test_an_edit_renders_only_the_pages_it_touches(project, monkeypatch):
    import generator.render.site as site

    generate(project)
    rendered: list[str] = []
    original = site.render_document
    monkeypatch.setattr(site, "render_document",
                        lambda page, corpus, url: rendered.append(page.source) or original(page, corpus, url))
    _append(project, "2023", "\nEn mening till.\n")
    generate(project)
    assert rendered == [SEEDS["2023"]]  # the other documents' pages are reused


def test_a_page_kept_from_the_last_build_is_not_read_or_written_again(project, monkeypatch):
    import generator.write.writer as writer

    generate(project)
    _append(project, "2023", "\nEn mening till.\n")
    touched: list[str] = []
    original = writer.write_if_changed
    monkeypatch.setattr(writer, "write_if_changed",
                        lambda path, data, *mode: touched.append(path.relative_to(project / "docs").as_posix())
                        or original(path, data, *mode))
    result = generate(project)
    kept = set(result.report.unchanged) - set(touched)
    other_minutes = {p.relative_to(project / "docs").as_posix() for p in (project / "docs" / "moten").glob("*.md")
                     if p.name[:4].isdigit() and not p.name.startswith("2023")}
    assert other_minutes and other_minutes <= kept
    assert len({name for name in kept if name.startswith("kallor/")}) == len(SEEDS) - 1  # downloadable originals
    assert other_minutes <= set(writer.read_manifest(project / "docs"))


def test_links_are_found_again_only_where_the_document_or_the_naming_changed(project, monkeypatch):
    from generator.resolve.linking import Linker

    generate(project)
    linked: set[str] = set()
    original = Linker.links
    monkeypatch.setattr(Linker, "links", lambda self, text, document: linked.add(document.source.name)
                        or original(self, text, document))
    _append(project, "2023", "\nEn mening till.\n")
    generate(project)
    assert linked == {SEEDS["2023"]}
    linked.clear()
    (project / "source" / "nytt.txt").write_text(NEW_MINUTES, encoding="utf-8")  # a new attendee: new naming
    generate(project)
    assert linked == {*SEEDS.values(), "nytt.txt"}


def test_the_hook_remembers_its_page_edits_and_forgets_pages_no_longer_built(project, monkeypatch):
    import generator.build as build
    from generator.build import annotate_page, page_annotator
    from generator.knowledge import load_knowledge

    knowledge = load_knowledge()
    pages = ["<p>GR och AF</p><table><thead><tr><th>A</th><th>B</th><th>C</th></tr></thead>"
             "<tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table>", "<p>SKR</p>"]
    expected = [annotate_page(p, knowledge.glossary) for p in pages]
    first = page_annotator(project, knowledge)
    assert [first.annotate(p) for p in pages] == expected
    first.save()

    computed: list[str] = []
    original = build._page_edits
    monkeypatch.setattr(build, "_page_edits", lambda html, glossary: computed.append(html) or original(html, glossary))
    second = page_annotator(project, knowledge)
    assert second.annotate(pages[0]) == expected[0]
    assert computed == []  # taken from the last build
    second.save()
    third = page_annotator(project, knowledge)
    third.annotate(pages[1])
    assert computed == [pages[1]]  # a page the last build did not have is annotated anew
