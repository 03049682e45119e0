"""Kind recognition from the text alone (generator/parse/classify.py, data/kind_cues.yml)."""

from __future__ import annotations

import pytest

from generator.model import Kind
from generator.parse.classify import classify
from tests.helpers import KNOWLEDGE

CUES = KNOWLEDGE.kind_cues


def kind_of(text: str) -> Kind:
    return classify(text, CUES).kind


@pytest.mark.parametrize("heading", [
    "Överenskommelse", "ÖVERENSKOMMELSE", "Lokal överenskommelse om samverkan",
    "Överenskommelse om akuta placeringar", "Avtal om gemensam arbetsmarknadsinsats",
    "AVTAL OM GEMENSAM ARBETSMARKNADSINSATS", "Samverkansavtal", "SAMVERKANSAVTAL",
    "Samarbetsöverenskommelse mellan Lerum och Alingsås",
])
def test_agreement_headings(heading):
    text = f"{heading}\n\nMellan Lerums kommun och Alingsås kommun.\n\nVi samarbetar om jobbspår.\n"
    assert kind_of(text) is Kind.AGREEMENT


def test_a_signature_form_and_a_parties_heading_count_for_agreements():
    text = ("Samverkan kring praktik\n\nParter\nBorås Stad\nArbetsförmedlingen\n\nText om samverkan.\n\n"
            "Underskrifter\n\nOrt och datum: Borås 2021-02-03\nNamn: Anna Ek\n")
    classification = classify(text, CUES)
    assert classification.kind is Kind.AGREEMENT
    assert "underskrifter" in classification.reason and "parter" in classification.reason


def test_numbered_parties_heading_with_paragraph_sign():
    text = "Samverkan kring praktik\n\n§ 1 Parter\nBorås Stad och Arbetsförmedlingen.\n\n§ 2 Underskrifter\n"
    assert kind_of(text) is Kind.AGREEMENT


def test_a_heading_ending_in_avtal_inside_minutes_does_not_make_an_agreement():
    text = ("Minnesanteckningar AME-nätverket\n\nNärvarande:\nAnna Ek, Lerum\n\n"
            "Ramavtal för tolkar\nAvtalet förlängs.\n")
    assert kind_of(text) is Kind.MINUTES


def test_attendance_heading_narvaro():
    """`Närvaro` over the attendance table is an attendance heading (minutes whose title
    is only the network's name and the date)."""
    text = "AME-chefsnätverket, 7 november 2024\n\nNärvaro\n\nAnna Ek\tLerum\tX\n\n1. Inledning\n"
    assert kind_of(text) is Kind.MINUTES


def test_a_report_without_cues_is_other():
    text = ("Verksamhetsberättelse 2023\n\nOm nätverket\nNätverket samlar cheferna.\n\n"
            "Göteborg 2024-02-15\n\nMaja Sundén\nProcessledare, GR\n")
    assert kind_of(text) is Kind.OTHER
