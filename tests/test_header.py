"""Header rules: whose minutes these are (generator/parse/header.py and `_network` in
generator/parse/__init__.py) and the date the header states (generator/parse/dates.py with
generator/data/date_cues.yml), one small inline text per rule."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.model import DateSource, Diagnostics, Kind, Precision, SourceFile
from generator.parse import parse_document
from generator.parse.header import configured_network, network_in_header, publisher_forms
from generator.read.config import Network
from tests.helpers import KNOWLEDGE, SETTINGS, parse_text, source_from_text

DEFAULT = "Standardnätverket"
NETWORKS = dataclasses.replace(
    SETTINGS, publisher="Göteborgsregionen (GR)", default_network=DEFAULT,
    networks=(Network("AME-chefsnätverket", ("Arbetsmarknadschefsnätverket", "AME-nätverket")),
              Network("IFO-chefsnätverket", ("Socialchefsnätverket",))))
LIST_AND_ITEM = "\n\nNärvarande:\nAnna Berg, Ale\n\n1. Inledning\n\n{body}\n"
NOT_CONFIGURED = "finns inte i source/arkiv.yml"


def parse(text: str, meta: dict | None = None):
    diagnostics = Diagnostics()
    source = source_from_text(text)
    if meta:
        source = dataclasses.replace(source, meta=meta)
    return parse_document(source, NETWORKS, KNOWLEDGE, diagnostics), diagnostics


def minutes(header: str, body: str = "Ordföranden hälsar välkommen."):
    return parse(header + LIST_AND_ITEM.format(body=body))


def network_notes(diagnostics: Diagnostics) -> list[tuple[str, int | None, str]]:
    return [(d.level, d.line, d.message.split('"')[1]) for d in diagnostics.items if NOT_CONFIGURED in d.message]


# --- the network --------------------------------------------------------------------------------

@pytest.mark.parametrize(("header", "network"), [
    ("Minnesanteckningar AME-chefsnätverket", "AME-chefsnätverket"),
    ("Minnesanteckningar från Arbetsmarknadschefsnätverket", "AME-chefsnätverket"),
    ("AME-nätverket – minnesanteckningar 2024-03-05", "AME-chefsnätverket"),
    ("Protokoll\nSocialchefsnätverket", "IFO-chefsnätverket"),
    ("Minnesanteckningar IFO-chefsnätverket, möte 2024-03-05", "IFO-chefsnätverket"),
    ("Mötesanteckningar | IFO chefsnätverket", "IFO-chefsnätverket"),
])
def test_a_configured_network_named_in_the_header_owns_the_minutes(header, network):
    document, diagnostics = minutes(header)
    assert document.network == network
    assert network_notes(diagnostics) == []


@pytest.mark.parametrize("qualifier", ["inom Göteborgsregionen", "i Göteborgsregionen", "inom GR", "i GR", "hos GR"])
def test_a_configured_network_is_known_also_with_the_publisher_after_it(qualifier):
    document, diagnostics = minutes(f"Minnesanteckningar Socialchefsnätverket {qualifier}")
    assert document.network == "IFO-chefsnätverket"
    assert network_notes(diagnostics) == []


def test_the_publishers_forms_are_its_name_and_its_abbreviation():
    assert publisher_forms(NETWORKS) == ["Göteborgsregionen", "GR"]
    assert configured_network("AME-nätverket inom GR", NETWORKS) == "AME-chefsnätverket"
    assert configured_network("AME nätverket", NETWORKS) == "AME-chefsnätverket"  # hyphen or space alike
    assert configured_network("AME-nätverket inom Fyrbodal", NETWORKS) is None


@pytest.mark.parametrize(("header", "network", "line"), [
    ("Minnesanteckningar\nKompetensnätverket i Fyrbodal", "Kompetensnätverket i Fyrbodal", 2),
    ("Protokoll fört vid möte med Styrgruppen för DUA i Vänersborg", "Styrgruppen för DUA i Vänersborg", 1),
    ("Minnesanteckningar – Referensgruppen för försörjningsstöd, 2024-03-05", "Referensgruppen för försörjningsstöd", 1),
    ("Minnesanteckningar\nDatum: 2024-03-05\nLedningsgruppen för vuxenutbildning", "Ledningsgruppen för vuxenutbildning", 3),
    # named in lower case after the document type: the name starts with a capital
    ("Minnesanteckningar från nätverket för gymnasiechefer i Sjuhärad", "Nätverket för gymnasiechefer i Sjuhärad", 1),
    ("Anteckningar från styrgruppen för Jobbtorg", "Styrgruppen för Jobbtorg", 1),
])
def test_an_unconfigured_network_in_the_title_is_kept_as_written_and_reported(header, network, line):
    document, diagnostics = minutes(header)
    assert document.network == network
    assert network_notes(diagnostics) == [("info", line, network)]
    [note] = [d for d in diagnostics.items if NOT_CONFIGURED in d.message]
    assert "`networks:`" in note.message and "aliases" in note.message


def test_the_board_of_a_body_files_its_minutes_under_the_body():
    document, diagnostics = minutes("Protokoll\nStyrelsen för Samordningsförbundet Älv & Kust")
    assert document.network == "Samordningsförbundet Älv & Kust"
    assert network_notes(diagnostics) == [("info", 2, "Samordningsförbundet Älv & Kust")]


def test_the_unconfigured_networks_report_carries_the_file_line():
    text = "---\ntitle: Möte\n---\nMinnesanteckningar\nKompetensnätverket i Fyrbodal" + LIST_AND_ITEM.format(body="Text.")
    source = SourceFile(path=Path("m.txt"), name="m.txt", raw=text, body=text.split("---\n", 2)[2],
                        meta={"title": "Möte"}, first_body_line=4)
    diagnostics = Diagnostics()
    document = parse_document(source, NETWORKS, KNOWLEDGE, diagnostics)
    assert document.network == "Kompetensnätverket i Fyrbodal"
    assert network_notes(diagnostics) == [("info", 5, "Kompetensnätverket i Fyrbodal")]


@pytest.mark.parametrize(("header", "body", "network"), [
    ("Minnesanteckningar IFO-chefsnätverket", "AME-nätverket har bjudit in till en konferens.", "IFO-chefsnätverket"),
    ("Minnesanteckningar\nKompetensnätverket i Fyrbodal", "AME-nätverket har bjudit in till en konferens.",
     "Kompetensnätverket i Fyrbodal"),
    ("Minnesanteckningar AME-nätverket", "Styrgruppen för DUA i Vänersborg har träffats.", "AME-chefsnätverket"),
])
def test_a_network_mentioned_in_the_body_does_not_override_the_header(header, body, network):
    document, _ = minutes(header, body)
    assert document.network == network


@pytest.mark.parametrize("first_item", ["1. Inledning", "1) Inledning", "§ 1 Inledning", "Punkt 1 Inledning",
                                        "Ärende 1 Inledning"])
def test_the_header_ends_at_the_first_item_so_a_group_named_below_is_no_owner(first_item):
    document, diagnostics = parse(f"Minnesanteckningar\n\n{first_item}\n\nStyrgruppen för DUA i Vänersborg har träffats.\n")
    assert [i.number for i in document.items] == [1]
    assert document.network == DEFAULT
    assert network_notes(diagnostics) == []


def test_the_header_ends_at_the_attendance_list():
    document, diagnostics = parse("Minnesanteckningar\n\nNärvarande:\nAnna Berg, Kompetensnätverket i Fyrbodal\n\n"
                                  "1. Inledning\n\nText.\n")
    assert document.network == DEFAULT
    assert network_notes(diagnostics) == []


def test_a_configured_network_named_only_in_the_body_owns_minutes_whose_header_names_none():
    document, _ = minutes("Minnesanteckningar", "Socialchefsnätverket diskuterade budgeten.")
    assert document.network == "IFO-chefsnätverket"


def test_minutes_that_name_no_network_belong_to_the_default_network():
    document, diagnostics = minutes("Minnesanteckningar")
    assert document.network == DEFAULT
    assert network_notes(diagnostics) == []


def test_the_network_in_front_matter_wins_over_the_header():
    document, diagnostics = parse("Minnesanteckningar\nKompetensnätverket i Fyrbodal" + LIST_AND_ITEM.format(body="Text."),
                                  meta={"network": "AME-chefsnätverket"})
    assert document.network == "AME-chefsnätverket"
    assert network_notes(diagnostics) == []


def test_network_in_header_reports_its_body_line_and_the_written_form():
    found = network_in_header("Minnesanteckningar\n\nDatum: 2024-03-05\nAME-nätverket inom Göteborgsregionen\n",
                              NETWORKS, KNOWLEDGE.minutes_terms, stop=lambda line: False)
    assert (found.name, found.configured, found.written, found.line) == (
        "AME-chefsnätverket", True, "AME-nätverket inom Göteborgsregionen", 4)


# --- the date -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("header", "value", "line"), [
    ("Minnesanteckningar\nDatum: 2024-03-05", "2024-03-05", 2),
    ("Protokoll\nSammanträdesdatum 2024-03-05", "2024-03-05", 2),
    ("Minnesanteckningar\nMötesdatum: 5 mars 2024", "2024-03-05", 2),
    ("Minnesanteckningar AME-nätverket 2024-03-05", "2024-03-05", 1),
    ("Arbetsmarknadschefsnätverket – minnesanteckningar 13/2 2025", "2025-02-13", 1),
    ("Minnesanteckningar\nTorsdagen den 19 november 2020", "2020-11-19", 2),
    ("Minnesanteckningar\nTid: Torsdagen den 19 november 2020 kl. 9.00-12.00", "2020-11-19", 2),
    ("Minnesanteckningar\nden 3 februari 2022", "2022-02-03", 2),
    ("Minnesanteckningar\nMöte den 3 februari 2022", "2022-02-03", 2),
    ("Minnesanteckningar\nTid: 13/2 2025 kl 13.00-15.00\nPlats: Ale", "2025-02-13", 2),
    ("Minnesanteckningar\nPlats: Ale\nGöteborg 2024-03-05", "2024-03-05", 3),
    ("Anteckningar från mötet som hölls\n5 mars 2024", "2024-03-05", 2),
])
def test_a_date_in_the_header_is_the_meetings_date_from_the_text(header, value, line):
    document, _ = parse_text(header + LIST_AND_ITEM.format(body="Ordföranden hälsar välkommen."))
    date = document.date
    assert (date.value, date.precision, date.source, date.inferred) == (value, Precision.DAY, DateSource.TEXT, False)
    assert date.reason.startswith("Datum i dokumenthuvudet: ") and date.reason.endswith(f"(rad {line})")


@pytest.mark.parametrize("line", [
    "Nästa möte: 2024-05-20",
    "Datum för nästa möte: 2024-05-20",
    "Nästa sammanträde 2024-05-20",
    "Nästkommande möte: 2024-05-20",
    "Kommande möte 20 maj 2024",
    "Sista anmälningsdag 2024-04-30",
    "Sista dag för ansökan 2024-04-30",
    "Sista dagen att anmäla sig: 2024-04-30",
    "Sista svarsdag 2024-04-30",
    "Svar senast den 30 april 2024",
    "Deadline för underlag 2024-04-30",
    "Inbjudan till möte 2024-05-20",
])
@pytest.mark.parametrize("position", ["title", "header"])
def test_a_next_meeting_date_or_deadline_in_the_header_is_never_the_date(line, position):
    above = "Minnesanteckningar\n" if position == "title" else "Minnesanteckningar\nPlats: Ale\nTid: kl. 9-12\n"
    document, _ = parse_text(above + line + LIST_AND_ITEM.format(body="Ordföranden hälsar välkommen."))
    assert document.date.source is not DateSource.TEXT
    assert document.date.precision is not Precision.DAY
    assert document.date.value == "2024"


def test_the_meetings_own_date_wins_over_the_next_meetings_date_above_it():
    document, _ = parse_text("Minnesanteckningar\nNästa möte: 2024-05-20\nDatum: 2024-03-05"
                             + LIST_AND_ITEM.format(body="Text."))
    assert (document.date.value, document.date.source) == ("2024-03-05", DateSource.TEXT)


@pytest.mark.parametrize("next_meeting", [
    "Nästa möte:\n2024-05-20 kl. 9-12",
    "Nästa möte\n\nmåndagen den 20 maj 2024",
    "Kommande möten\nGöteborg 2024-05-20",
])
def test_a_date_under_a_next_meeting_heading_is_never_the_date(next_meeting):
    document, _ = parse_text(f"Minnesanteckningar\nPlats: Ale\n\n{next_meeting}" + LIST_AND_ITEM.format(body="Text."))
    assert (document.date.value, document.date.precision, document.date.source) == (
        "2024", Precision.YEAR, DateSource.INFERRED)


def test_a_next_meeting_date_at_the_end_of_short_minutes_is_never_the_date():
    document, _ = parse_text("Minnesanteckningar\n\n1. Inledning\n\nText.\n\n2. Nästa möte\n\nGöteborg 2024-05-20\n")
    assert document.kind is Kind.MINUTES
    assert (document.date.value, document.date.precision, document.date.source) == (
        "2024", Precision.YEAR, DateSource.INFERRED)


REPORT = "\n\n".join(["Rapport om feriejobb i kommunerna"] + [
    f"Avsnitt {n}. Kommunerna redovisade sina erfarenheter av feriejobben." for n in range(1, 17)])


def test_a_report_is_dated_by_its_closing_place_and_date():
    document, _ = parse_text(REPORT + "\n\nGöteborg 2024-02-15\nAnna Berg\nutredare\n")
    assert document.kind is Kind.OTHER
    date = document.date
    assert (date.value, date.precision, date.source) == ("2024-02-15", Precision.DAY, DateSource.TEXT)
    assert date.reason == 'Ort och datum i slutet av texten: "Göteborg 2024-02-15" (rad 35)'


def test_a_report_without_a_closing_date_is_not_dated_by_its_signature():
    document, _ = parse_text(REPORT + "\n\nAnna Berg\nutredare\n")
    assert (document.date.value, document.date.source) == (None, DateSource.INFERRED)
