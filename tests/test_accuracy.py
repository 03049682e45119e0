"""The labelled corpus holds the line: every field of every labelled document (tests/corpus/
and the seeds' gold in tests/corpus/seeds/) is extracted exactly. A rule that breaks one
document fails here with the values it got wrong; `make accuracy -v` shows the same list."""

from __future__ import annotations

import pytest

from tests.accuracy import evaluate, gold_files



@pytest.fixture(scope="module")
def report():
    return evaluate()


def test_the_corpus_has_the_documents_and_layouts_it_promises():
    labelled = gold_files()
    own = [doc for gold, doc, _ in labelled if gold.parent.name != "seeds"]
    seeds = [doc for gold, doc, _ in labelled if gold.parent.name == "seeds"]
    layouts = {tag for gold, _, data in labelled if gold.parent.name != "seeds" for tag in data.get("layout", [])}
    assert len(own) >= 30 and len(seeds) == 5
    assert len(layouts) >= 12


def test_every_labelled_document_is_read(report):
    assert report.problems == []
    assert report.documents == len(gold_files())


def test_every_field_is_extracted_exactly(report):
    wrong = {name: tally.errors for name, tally in report.tallies.items() if tally.fp or tally.fn}
    assert wrong == {}, report.table()
    total = report.total
    assert total.tp > 1500  # the corpus is scored on more than a handful of values
