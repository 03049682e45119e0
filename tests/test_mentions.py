"""Recognising municipality and organisation mentions in running text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.resolve.mentions import _BLOCKED, Mention, _blocked_spans, find_mentions
from generator.knowledge.registers import Registers
from tests.helpers import REGISTERS

SOURCE = Path(__file__).resolve().parent.parent / "source"


@pytest.fixture(scope="module")
def registers() -> Registers:
    return REGISTERS


def found(text: str, registers: Registers) -> list[tuple[str, str]]:
    return [(m.written, m.target) for m in find_mentions(text, registers)]


# --- positives, from the seed documents --------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    # 001: municipalities' reports, one misspelt
    ("Mölnadal: Köping var ett inspirerande exempel men kanske fungerar det pga.",
     [("Mölnadal", "1481"), ("Köping", "1983")]),
    ("Kungsbacka: De kommunerna som presenterade sina goda erfarenheter", [("Kungsbacka", "1384")]),
    ("Stenungssund: det har svårt att få fram jobbspår", [("Stenungssund", "1415")]),
    ("Två kommuner inom GR, Kungsbacka och Stenungssund, har fått i uppdrag",
     [("GR", "gr"), ("Kungsbacka", "1384"), ("Stenungssund", "1415")]),
    ("arbetssätt som Falkenbergskommun antagit", [("Falkenbergskommun", "1382")]),
    ("4. Ale kommun i fokus", [("Ale kommun", "1440")]),
    ("Integrationscentrum finns med i digitaliseringsutbildningar för Göteborgs stad.",
     [("Göteborgs stad", "1480")]),
    ("Partille kommun har kontakt med Puma", [("Partille kommun", "1402")]),
    # 003: the parties, lists with ambiguous Mark, reports, signatures, a table
    ("Kommuner: Borås, Svenljunga, Tranemo, Mark, Bollebygd och Ulricehamn.",
     [("Borås", "1490"), ("Svenljunga", "1465"), ("Tranemo", "1452"), ("Mark", "1463"),
      ("Bollebygd", "1443"), ("Ulricehamn", "1491")]),
    ("Flera av Sjuhäradskommunerna (Mark, Svenljunga/Tranemo, Mark, Bollebygd och Ulricehamn) är engagerade",
     [("Mark", "1463"), ("Svenljunga", "1465"), ("Tranemo", "1452"), ("Mark", "1463"),
      ("Bollebygd", "1443"), ("Ulricehamn", "1491")]),
    ("Marks kommun har beviljats §37 medel från Länsstyrelsen till projektet",
     [("Marks kommun", "1463"), ("Länsstyrelsen", "lansstyrelsen")]),
    ("Mark: Vård och omsorg och barnomsorg", [("Mark", "1463")]),
    ("Det Arbetsförmedlingen kan erbjuda\n\nMark\n\nAnsvarar för det", [("Arbetsförmedlingen", "arbetsformedlingen"), ("Mark", "1463")]),
    ("Där näringslivsenheten ska ingå tillsammans med representanter från näringslivet i Mark.", [("Mark", "1463")]),
    ("Borås\t600\t903\nMark\t113\t163", [("Borås", "1490"), ("Mark", "1463")]),
    ("Mark 2020-10-18 Svenljunga 2020-10-14", [("Mark", "1463"), ("Svenljunga", "1465")]),
    ("Mats Lilienberg\nKommundirektör, Mark", [("Mark", "1463")]),
    ("ULRICEHAMN 2020-11-02 Tranemo 2020-10-14", [("ULRICEHAMN", "1491"), ("Tranemo", "1452")]),
    ("Borås: Arbetslivsförvaltningen Borås Stad arbetar med flera Jobbspår.",
     [("Borås", "1490"), ("Arbetslivsförvaltningen Borås Stad", "arbetslivsforvaltningen-boras")]),
    ("I samarbete med Arbetsförmedlingen, Jobb Borås samt framtida arbetsgivare",
     [("Arbetsförmedlingen", "arbetsformedlingen"), ("Jobb Borås", "jobb-boras")]),
    ("Projektet genomförs med Studieförbundet vuxenskolan och Rädda Barnen som samverkansparter.",
     [("Studieförbundet vuxenskolan", "studieforbundet-vuxenskolan"), ("Rädda Barnen", "radda-barnen")]),
    ("ett ESF-projekt som drivs av Västragötalandsregionen.", [("ESF", "esf"), ("Västragötalandsregionen", "vgr")]),
    ("AME och Bollebygds Integrationsenheten samarbetar", [("Bollebygds", "1443")]),
    ("Arbetsförmedlingen Sjuhärad.", [("Arbetsförmedlingen Sjuhärad", "arbetsformedlingen")]),
    ("Göteborgsregionen (GR) består av 13 kommuner", [("Göteborgsregionen", "gr"), ("GR", "gr")]),
    ("Göteborgregionens Kommunalaförbund", [("Göteborgregionens Kommunalaförbund", "gr")]),
])
def test_recognises_seed_sentences(registers, text, expected):
    assert found(text, registers) == expected


@pytest.mark.parametrize("text, expected", [
    ("Nu kommer även SKR:s jurister titta vidare", [("SKR:s", "skr")]),
    ("i och med AF:s besked", [("AF:s", "arbetsformedlingen")]),
    ("GR- kommunernas vägval och GR-kommunerna", [("GR", "gr"), ("GR", "gr")]),
    ("efter att Arbetsförmedlingens juridiska avdelning", [("Arbetsförmedlingens", "arbetsformedlingen")]),
    ("tät dialog med Af och AF", [("Af", "arbetsformedlingen"), ("AF", "arbetsformedlingen")]),
    ("Kommuner, Arbetsförmedling, Försäkringskassa och region", [
        ("Arbetsförmedling", "arbetsformedlingen"), ("Försäkringskassa", "forsakringskassan")]),
    ("ARBETSFÖRMEDLINGEN INFORMERAR", [("ARBETSFÖRMEDLINGEN", "arbetsformedlingen")]),
    ("inom ramen för Duas uppföljning", [("Duas", "dua")]),
])
def test_organisation_forms(registers, text, expected):
    assert found(text, registers) == expected


@pytest.mark.parametrize("text, expected", [
    ("I Mark finns mycket. Från Vara kom två.", [("Mark", "1463"), ("Vara", "1470")]),
    ("Mark kommun, Vara kommun och Lunds stad.", [("Mark kommun", "1463"), ("Vara kommun", "1470"), ("Lunds stad", "1281")]),
    ("Lerum, Nora och Mora deltog.", [("Lerum", "1441"), ("Nora", "1884"), ("Mora", "2062")]),
    ("Region Gotland och Stockholms stad", [("Region Gotland", "0980"), ("Stockholms stad", "0180")]),
    ("Göteborg, Mölnadal och Lerum", [("Göteborg", "1480"), ("Mölnadal", "1481"), ("Lerum", "1441")]),
    ("Anna Rieglert berättar om Göteborgs arbete", [("Göteborgs", "1480")]),
    ("Upplands Väsby och Upplands-Bro", [("Upplands Väsby", "0114"), ("Upplands-Bro", "0139")]),
])
def test_context_rules(registers, text, expected):
    assert found(text, registers) == expected


# --- negatives ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Vi har ett mål att nå.",
    "*Park och natur* har tagit emot de individer som står längst från arbetsmarknaden.",
    "Mark och natur är viktigt för oss.",
    "Vi byggde på mark i skogen, i mark och vatten.",
    "Han gick till ale-festen.",
    "Det är viktigt att vara med.",
    "Vara kan vi alltid, sa hon.",
    "Mora Svensson berättade om projektet.",
    "Salem Ahmed och Nora Berg berättade.",
    "Projekt i Mark Anderssons regi.",
    "Det finns en bod. Boden är stängd.",
    "Berg och dal. Sala är ett namn.",
    "VARA KAN VI, ATT VARA MED.",
    "Nora, Mora och Vara.",  # a list of ambiguous names only
    "Vilket Mölnadal vittnar om.",  # a typo outside a report or list position
    "Göteborgsjobb och Göteborgsjobben under CFA:s ansvar",
    "Borås-området och Göteborgs-Posten",
    "Region Uppsala, Kalmar län och Lunds universitet",
    "Tina Arekvist Lundell och Anders Nordberg Markhede",
    "Ekberg, Lerum",  # a surname next to a municipality: not corrected to Lekeberg
])
def test_no_false_municipalities(registers, text):
    assert [m for m in find_mentions(text, registers) if m.kind == "municipality"
            and m.written not in ("Lerum",)] == []


@pytest.mark.parametrize("text", [
    "skickas direkt till per.overberg@skr.se",
    "se https://www.arbetsformedlingen.se/AF/om-oss och www.skr.se/SKR",
    "Läs mer på Arbetsförmedlingen.se eller gr.se",
    "Staf af Klint och AFA Försäkring",
    "arbetsförmedlingen, vuxenutbildningen och samordningsförbunden",
    "Rektorena i BrVux och BRvux har ett nätverk",
    "Det är kommunalförbundet som ansvarar",
    "Arbetsförmedlingschef och Arbetsförmedlingskontoret",
])
def test_no_false_organisations(registers, text):
    assert [m for m in find_mentions(text, registers) if m.kind == "organisation"] == []


# --- structure ---------------------------------------------------------------------------


def test_mention_fields(registers):
    text = "Lerum berättar. SKR:s jurister."
    assert find_mentions(text, registers) == [
        Mention(0, 5, "municipality", "1441", "Lerum"),
        Mention(16, 21, "organisation", "skr", "SKR:s"),
    ]


def _assert_well_formed(text: str, mentions: list[Mention]) -> None:
    for m in mentions:
        assert text[m.start:m.end] == m.written
        assert m.kind in ("municipality", "organisation")
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start


_TOKENS = ["Mark", "mark", "Marks kommun", "Göteborg", "Göteborgs", "GR", "GR:s", "AF", "af", "Vara",
           "i", "från", "och", ",", ":", "\n", "\t", " ", "-", "Lilla", "Edet", "Borås", "Stad",
           "Mölnadal", "Arbetsförmedlingen", "x@skr.se", "2020-10-18", "Anna", "Region", "län", "/"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=25).map(" ".join))
def test_mentions_are_sorted_non_overlapping_and_exact(text):
    _assert_well_formed(text, find_mentions(text, REGISTERS))


@pytest.mark.skipif(not SOURCE.is_dir(), reason="no seed documents")
def test_seed_documents(registers):
    for path in sorted(SOURCE.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions = find_mentions(text, registers)
        _assert_well_formed(text, mentions)
        # Every capitalised `Mark` standing alone in the seeds is the municipality.
        standalone = {m.start() for m in re.finditer(r"(?<![\w-])Mark(?![\w-])(?! [A-ZÅÄÖ])", text)}
        linked = {m.start for m in mentions if m.target == "1463"}
        assert standalone <= linked, path.name


_ADDRESS_PIECES = ["Lerum", "kommun", "info@lerum.se", "www.gr.org", "https://x.se/a", "gr.se", "a.b",
                   "Se", "SE", "@", ".", "-", "+", "://", "http", "mail", "x.nu", "EU", ".io", "Mölndal", " ", "\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ADDRESS_PIECES), max_size=25), st.booleans())
def test_addresses_are_found_the_quick_way_exactly_where_the_full_pattern_finds_them(pieces, spaced):
    text = (" " if spaced else "").join(pieces)
    assert _blocked_spans(text) == [m.span() for m in _BLOCKED.finditer(text)]
