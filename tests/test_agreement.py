"""Agreements: parties, sections, goals, tables, local passages, job-track commitments,
revision rule and signatures - on the seed, on a fixture of a different layout, on inline
cases, and as properties over generated agreements."""

from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model import BulletList, Diagnostics, Kind, LocalPassage, Paragraph, SourceFile, SubHeading
from generator.parse import parse_document
from generator.knowledge import DATA_DIR, FILES
from generator.parse.agreement import first_revision, parse_agreement, split_tracks
from generator.read.sources import read_source
from tests.helpers import KNOWLEDGE, SETTINGS, parse_seed, parse_text, source_from_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def seed():
    document, diagnostics = parse_seed("agreement")
    assert document.kind is Kind.AGREEMENT and document.agreement is not None
    return document, diagnostics


def parse_fixture(name: str):
    diagnostics = Diagnostics()
    source = read_source(FIXTURES / name, FIXTURES, diagnostics)
    assert source is not None
    return parse_document(source, SETTINGS, KNOWLEDGE, diagnostics), diagnostics


def all_text(blocks) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, LocalPassage):
            parts.append(all_text(block.blocks))
        elif isinstance(block, (Paragraph, SubHeading)):
            parts.append(block.text)
        elif isinstance(block, BulletList):
            parts.extend(block.items)
    return "\n".join(parts)


# --- the seed agreement ----------------------------------------------------------------------

EXPECTED_SIGNATORIES = [
    # name, title, affiliation, kind, place, date
    ("Dag Forsström", "Förvaltningschef", "Arbetslivsförvaltningen Borås", "organisation", "Borås", "2020-10-06"),
    ("Stefan Carlsson", "Kommunalråd", "Svenljunga", "municipality", "Svenljunga", "2020-10-14"),
    ("Mats Lilienberg", "Kommundirektör", "Mark", "municipality", "Mark", "2020-10-18"),
    ("Magnus Nilsson", "Kommunchef", "Svenljunga", "municipality", "Svenljunga", "2020-10-14"),
    ("Håkan Sandahl", "Kommunchef", "Ulricehamn", "municipality", "Ulricehamn", "2020-11-02"),
    ("Tony Hansen", "Kommunalråd", "Tranemo", "municipality", "Tranemo", "2020-10-14"),
    ("Monica Holmgren", "Kommunchef", "Bollebygd", "municipality", "Bollebygd", "2020-10-21"),
    ("Carita Browall", "Kommunchef", "Tranemo", "municipality", "Tranemo", "2020-10-14"),
    ("Tina Arekvist Lundell", "Verksamhetschef", "Vuxenutbildningen", "organisation", "Borås", "2020-10-19"),
    ("Daniel Bosćović", "Arbetsförmedlingschef", "Arbetsförmedlingen", "organisation", "Borås", "2020-10-22"),
]


def test_seed_ten_signatories_paired_with_their_place_and_date(seed):
    agreement = seed[0].agreement
    got = [(s.name, s.title, s.affiliation.name if s.affiliation else None,
            s.affiliation.kind if s.affiliation else None, s.place, s.date) for s in agreement.signatories]
    assert got == EXPECTED_SIGNATORIES


def test_seed_flattened_columns_keep_the_written_place(seed):
    by_name = {s.name: s for s in seed[0].agreement.signatories}
    assert by_name["Håkan Sandahl"].place_written == "ULRICEHAMN"
    assert by_name["Daniel Bosćović"].place_written == "BORÅS"
    # the two entries of one flattened line went to the two name blocks below it
    assert by_name["Mats Lilienberg"].date_line == by_name["Magnus Nilsson"].date_line
    assert by_name["Mats Lilienberg"].line < by_name["Magnus Nilsson"].line
    assert by_name["Magnus Nilsson"].written[0] == "Svenljunga 2020-10-14"


def test_seed_signing_dates_and_last_signed_agree_with_the_document_date(seed):
    document, diagnostics = seed
    agreement = document.agreement
    assert agreement.last_signed == "2020-11-02" == document.date.value
    assert agreement.signing_dates == (
        "2020-10-06", "2020-10-14", "2020-10-18", "2020-10-19", "2020-10-21", "2020-10-22", "2020-11-02")
    assert not [d for d in diagnostics.items if "underskrift" in d.message]


def test_seed_parties(seed):
    parties = seed[0].agreement.parties
    assert [(p.name, p.kind) for p in parties] == [
        ("Borås", "municipality"), ("Svenljunga", "municipality"), ("Tranemo", "municipality"),
        ("Mark", "municipality"), ("Bollebygd", "municipality"), ("Ulricehamn", "municipality"),
        ("Arbetsförmedlingen", "organisation"),
    ]
    assert parties[-1].written == "Arbetsförmedlingen Sjuhärad"
    assert parties[0].slug == "boras" and parties[-1].slug == "arbetsformedlingen"


def test_seed_sections_keep_their_numbers_and_anchors(seed):
    document = seed[0]
    agreement = document.agreement
    assert [(s.number, s.title, s.anchor) for s in agreement.sections] == \
        [(s.number, s.title, s.anchor) for s in document.sections]
    assert agreement.sections[0].anchor == "avsnitt-1" and len(agreement.sections) == 11
    roles = {s.number: s.role for s in agreement.sections}
    assert roles == {1: "parties", 2: "purpose", 3: "goals", 4: "target_group", 5: None, 6: None,
                     7: "job_tracks", 8: None, 9: "follow_up", 10: "revision", 11: "signatures"}


def test_seed_purpose_goals_and_target_group(seed):
    agreement = seed[0].agreement
    assert agreement.purpose == ("Att genom samverkan förbättra kompetensförsörjningen och påskynda "
                                 "individers etablering i arbetslivet.")
    assert [g.number for g in agreement.goals] == [1, 2, 3]
    assert agreement.goals[0].text.startswith("50% av de som påbörjar jobbspår")
    assert agreement.goals[2].text.endswith("för att hitta strategier och synergier.")
    assert agreement.target_group.startswith("De individer som för sin etablering")
    assert [f.number for f in agreement.follow_up] == [1, 2, 3]


def test_seed_statistics_table(seed):
    [table] = seed[0].agreement.tables
    assert table.header == ("Kommun", "KAA 15/9", "Försörjningsstöd vuxna 30/6")
    assert len(table.rows) == 7
    assert [r.cells[0] for r in table.rows] == ["Borås", "Mark", "Bollebygd", "Svenljunga", "Tranemo",
                                                "Ulricehamn", "Totalt"]
    assert [r.is_total for r in table.rows] == [False] * 6 + [True]
    assert table.total_row.cells == ("Totalt", "966", "1681")
    assert table.numeric_columns == (1, 2)
    assert [r.municipality for r in table.body_rows] == ["Borås", "Mark", "Bollebygd", "Svenljunga",
                                                         "Tranemo", "Ulricehamn"]
    assert table.caption.startswith("Statistik från KAA")


def test_seed_table_totals_checked(seed):
    """The seed's second column adds up to 1690, not the stated 1681: reported, not changed."""
    messages = [d.message for d in seed[1].items if d.level == "info"]
    assert any("1690" in m and "1681" in m for m in messages)
    assert not any("966" in m for m in messages)


def test_seed_commitments_per_municipality(seed):
    agreement = seed[0].agreement
    got = {c.municipalities: (c.tracks, c.planned) for c in agreement.commitments}
    assert got == {
        ("Svenljunga",): (("Vård- och omsorg", "lager/logistik"), False),
        ("Tranemo",): (("Måltid- och service", "industri"), False),
        ("Ulricehamn",): (("vård och omsorg", "lokalvård", "betong"), True),
        ("Bollebygd",): (("Vård och omsorg", "Måltid"), True),
        ("Borås",): (("Vård och omsorg", "barnomsorg", "kock", "lokalvård"), False),
        ("Mark",): (("Vård och omsorg", "barnomsorg"), False),
    }
    assert agreement.commitments_for("Ulricehamn")[0].written == \
        "Ulricehamn: Planerar för vård och omsorg, lokalvård samt betong"


def test_seed_revision_rule(seed):
    revision = seed[0].agreement.revision
    assert revision.validity == "tills vidare"
    assert (revision.frequency, revision.interval_months, revision.month) == ("årligen", 12, 10)
    assert revision.first_revision == "2021-10"
    assert "2020-11-02" in revision.basis


def test_seed_local_passages_attributed(seed):
    agreement = seed[0].agreement
    section6 = agreement.sections[5]
    passages = [b for b in section6.blocks if isinstance(b, LocalPassage)]
    first = passages[0]
    assert (first.written, first.municipalities) == ("Svenljunga/Tranemo", ("Svenljunga", "Tranemo"))
    assert first.blocks[0].text.startswith("Till våra kommuner kommer deltagarna")
    assert [p.municipalities for p in passages[:5]] == [("Svenljunga", "Tranemo"), ("Ulricehamn",),
                                                         ("Bollebygd",), ("Borås",), ("Mark",)]
    assert passages[4].written == "Marks kommun"
    assert passages[5].organisation == "Arbetsförmedlingen" and passages[5].municipalities == ()
    # heading-line passages under a topic heading
    mark = [p for p in passages if p.written == "Mark"]
    assert mark and mark[0].topic.startswith("Samverkan om deltagare")
    assert mark[0].blocks[0].text.startswith("Marks kommun har beviljats")
    # every municipality has text in sections 6 and 7
    for name in ("Svenljunga", "Tranemo", "Ulricehamn", "Bollebygd", "Borås", "Mark"):
        assert len(agreement.passages_for(name)) >= 3, name


def test_seed_broken_paragraphs_read_as_whole_sentences(seed):
    text = all_text(seed[0].agreement.blocks())
    for joined in ("Spåret är en samverkan mellan två enheter",
                   "I appen kan man träna på yrkesspecifika ord",
                   "stötta individen i ärenden såsom Arbetsförmedlingen",
                   "Vid psykisk ohälsa finns möjlighet att få ytterligare stöd",
                   "enkätundersökning av Näringsliv Ulricehamn AB (kommunens näringslivsbolag) där "
                   "kompetensförsörjningsbehov var en av delarna",
                   "Vi arbetar med att ha aktiva arbetsgivarrelationer både inom privata sektorn och inom våra",
                   "de utbildningar som finns tillgängliga på Komvux"):
        assert joined in text, joined
    # hard-wrapped lines inside a paragraph are joined with spaces
    assert not any("\n" in b.text for b in seed[0].agreement.blocks() if isinstance(b, Paragraph))


def test_seed_bullets_normalised_and_merged(seed):
    blocks = seed[0].agreement.blocks()
    lists = [b for b in blocks if isinstance(b, BulletList)]
    target = next(b for b in lists if b.items[0].startswith("Ungdomar som ingår"))
    assert len(target.items) == 3  # three one-line blocks, one list
    activities = next(b for b in lists if b.items[0] == "Vägledningskurs på Arbetsmarknadsenheten")
    assert not any(item.startswith(("*", "-")) for item in activities.items)


def test_document_sections_stay_plain_blocks(seed):
    """Pages that only know the plain block types keep working."""
    for section in seed[0].sections:
        assert all(isinstance(b, (Paragraph, BulletList, SubHeading)) for b in section.blocks)


# --- a fixture of a different layout ------------------------------------------------------------


@pytest.fixture(scope="module")
def lerum():
    document, diagnostics = parse_fixture("agreement_lerum_alingsas.txt")
    assert document.kind is Kind.AGREEMENT
    return document, diagnostics


def test_fixture_parties_from_a_sentence(lerum):
    assert [(p.written, p.name, p.kind) for p in lerum[0].agreement.parties] == [
        ("Lerums kommun", "Lerum", "municipality"), ("Alingsås kommun", "Alingsås", "municipality"),
        ("Arbetsförmedlingen", "Arbetsförmedlingen", "organisation")]


def test_fixture_single_column_signatures_with_for_lines(lerum):
    agreement = lerum[0].agreement
    got = [(s.name, s.title, s.affiliation.name, s.place, s.date) for s in agreement.signatories]
    assert got == [
        ("Anna Svensson", "kommunstyrelsens ordförande", "Lerum", "Lerum", "2021-03-03"),
        ("Per Olsson", "Kommundirektör", "Alingsås", "Alingsås", "2021-03-10"),
        ("Lisa Berg", "Sektionschef", "Arbetsförmedlingen", "Göteborg", "2021-03-15"),
    ]
    assert agreement.last_signed == lerum[0].date.value == "2021-03-15"


def test_fixture_table_with_empty_cells_and_totals(lerum):
    [table] = lerum[0].agreement.tables
    assert table.header == ("Kommun", "Unga 16–24", "Nyanlända", "Andel kvinnor (%)")
    assert [r.cells for r in table.rows] == [("Lerum", "142", "", "48"), ("Alingsås", "118", "75", ""),
                                             ("Summa", "260", "75", "")]
    assert table.total_row.cells[0] == "Summa" and table.numeric_columns == (1, 2, 3)
    assert table.caption == "Antal inskrivna per kommun:"
    assert not [d for d in lerum[1].items if "summa" in d.message]  # the totals add up


def test_fixture_goals_purpose_commitments_and_revision(lerum):
    agreement = lerum[0].agreement
    assert [(g.number, g.text) for g in agreement.goals] == [
        (1, "Minst 40 deltagare ska påbörja ett lokalt jobbspår under året."),
        (2, "Hälften av deltagarna ska efter avslutat jobbspår ha ett arbete eller studera vidare.")]
    assert agreement.purpose.endswith("Parterna ska gemensamt planera och följa upp insatserna.")
    assert [(c.municipalities, c.tracks, c.planned) for c in agreement.commitments] == [
        (("Lerum",), ("barnskötare", "kock", "fastighetsskötsel"), False),
        (("Alingsås",), ("bygg och anläggning", "lokalvård"), True)]
    revision = agreement.revision
    assert (revision.validity, revision.frequency, revision.interval_months, revision.month) == \
        (None, "vartannat år", 24, 3)
    assert revision.first_revision == "2023-03"


def test_fixture_passages(lerum):
    passages = lerum[0].agreement.local_passages
    assert [(p.written, p.municipalities) for p in passages] == [
        ("Lerums kommun", ("Lerum",)), ("Alingsås kommun", ("Alingsås",))]
    assert passages[0].blocks[0].text.endswith("bredda arbetet till fler verksamheter i kommunen. "
                                               "Arbetsmarknadsenheten samordnar arbetet.")


# --- inline cases: signature layouts --------------------------------------------------------------


def agreement_of(text: str):
    document, diagnostics = parse_text(text)
    assert document.kind is Kind.AGREEMENT
    return document.agreement, diagnostics


HEAD = """\
Överenskommelse

1. Parter

Kommuner: Lerum och Alingsås.

2. Underskrifter

"""


def test_dates_below_the_names():
    agreement, diagnostics = agreement_of(HEAD + """\
Anna Svensson
Kommunchef, Lerum

Lerum 2021-03-01
Ort och datum

Per Olsson
Kommunchef, Alingsås

Alingsås 2021-03-05
Ort och datum
""")
    assert [(s.name, s.place, s.date) for s in agreement.signatories] == [
        ("Anna Svensson", "Lerum", "2021-03-01"), ("Per Olsson", "Alingsås", "2021-03-05")]
    assert not diagnostics.items


def test_an_empty_date_field_does_not_shift_the_later_pairs():
    agreement, diagnostics = agreement_of(HEAD + """\
Ort & datum

Anna Svensson
Kommunchef, Lerum

Alingsås 2021-03-05

Ort & datum

Per Olsson
Kommunchef, Alingsås
""")
    assert [(s.name, s.date) for s in agreement.signatories] == [
        ("Anna Svensson", None), ("Per Olsson", "2021-03-05")]
    assert any("Anna Svensson saknar ort och datum" in d.message for d in diagnostics.items)


def test_signatures_without_a_numbered_section():
    agreement, _ = agreement_of("""\
Överenskommelse om samverkan

Denna överenskommelse är tecknad mellan Lerums kommun och Arbetsförmedlingen.

Överenskommelsen gäller tills vidare och ska revideras årligen.

Lerum 2021-05-03 Göteborg 2021-05-07

Ort & datum

Anna Svensson
Kommunchef, Lerum

Ort & datum

Lisa Berg
Arbetsförmedlingschef
""")
    assert [(p.name, p.kind) for p in agreement.parties] == [("Lerum", "municipality"),
                                                             ("Arbetsförmedlingen", "organisation")]
    assert [(s.name, s.place, s.date, s.affiliation.name) for s in agreement.signatories] == [
        ("Anna Svensson", "Lerum", "2021-05-03", "Lerum"),
        ("Lisa Berg", "Göteborg", "2021-05-07", "Arbetsförmedlingen")]
    assert agreement.revision.validity == "tills vidare"
    assert agreement.revision.first_revision == "2022-05"  # no month: a year after the last signature


def test_disagreeing_dates_are_reported():
    """generator/dates.py reads the latest date on a place-and-date line of the signature
    part; when that is not a signature's date (a place and date no signer took), the build
    says so, and the agreement is dated by its last signature."""
    document, diagnostics = parse_text(HEAD + "Lerum 2021-03-01\n\nOrt & datum\n\nAnna Svensson\n"
                                       "Kommunchef, Lerum\n\nAlingsås 2021-09-01\n")
    assert document.agreement.last_signed == "2021-03-01"
    assert document.date.value == "2021-03-01"
    assert "sista underskriften" in document.date.reason
    assert any(d.level == "warning" and "sista underskriften är daterad 2021-03-01" in d.message
               for d in diagnostics.items)


def test_a_dated_sentence_near_the_signatures_is_no_signing_date():
    """`Avtalet gäller 2022-03-01–2024-02-29.` just above the signatures is the validity
    period: the date rules and the signatures agree on the last signature."""
    document, diagnostics = parse_text(HEAD.replace("2. Underskrifter", "2. Avtalstid") + """\
Avtalet gäller 2022-03-01–2024-02-29. Bilagan uppdaterades 2024-01-15.

3. Underskrifter

Lerum 2021-03-01

Anna Svensson
Kommunchef, Lerum
""")
    assert document.date.value == "2021-03-01"
    assert not [d for d in diagnostics.items if "sista underskriften" in d.message]


def test_dates_above_a_later_signatures_heading_are_not_signing_dates():
    """A signatures section whose heading repeats further down (a section number the parser
    could not follow): dates standing alone above the last heading were not signed."""
    text = ("Överenskommelse\n\nOm praktik\n\n1. Underskrifter\n\nParterna har enats.\n"
            "2. Parter\n\n2000-1-1 2000-1-1\n\n3. Underskrifter\n\nBorås 2015-01-01\n\n"
            "Ort & datum\n\nAnna Ek\nKommunchef, Borås\n")
    agreement = parse_agreement(raw_source(text), KNOWLEDGE, Diagnostics())
    assert [(s.name, s.date, s.place) for s in agreement.signatories] == [("Anna Ek", "2015-01-01", "Borås")]


def test_front_matter_date_that_is_not_the_last_signature_is_noted():
    text = HEAD + "Lerum 2021-03-01\n\nAnna Svensson\nKommunchef, Lerum\n"
    source = source_from_text(text)
    source = dataclasses.replace(source, meta={"date": "2021-06-01"})
    diagnostics = Diagnostics()
    document = parse_document(source, SETTINGS, KNOWLEDGE, diagnostics)
    assert document.date.value == "2021-06-01"
    assert any("sista underskriften (2021-03-01)" in d.message for d in diagnostics.items)


# --- inline cases: layouts of issue 12 (one column, labels, columns, tables) --------------------


def signatories_of(text: str):
    agreement, diagnostics = agreement_of(text)
    return [(s.name, s.title, s.affiliation.name if s.affiliation else None, s.place, s.date)
            for s in agreement.signatories], diagnostics


def test_one_column_blocks_with_a_signature_line():
    got, diagnostics = signatories_of(HEAD + """\
Skövde 2016-06-20
___________________________
Katarina Holm
Kommundirektör, Skövde kommun

Göteborg 2016-06-28
___________________________
Anders Sjövall
Områdeschef, Försäkringskassan
""")
    assert got == [("Katarina Holm", "Kommundirektör", "Skövde", "Skövde", "2016-06-20"),
                   ("Anders Sjövall", "Områdeschef", "Försäkringskassan", "Göteborg", "2016-06-28")]
    assert not [d for d in diagnostics.items if d.level == "warning"]


def test_labelled_fields_under_for_headings():
    got, _ = signatories_of(HEAD + """\
För Lerums kommun

Ort och datum: Lerum 2021-02-22

Underskrift: ________________________

Namn: Hanna Jernberg
Titel: Kommundirektör

För Arbetsförmedlingen

Ort och datum: Borås 2021-03-04

Underskrift: ________________________

Namn: Mirza Begić
Titel: Sektionschef, Arbetsförmedlingen Sjuhärad
""")
    assert got == [("Hanna Jernberg", "Kommundirektör", "Lerum", "Lerum", "2021-02-22"),
                   ("Mirza Begić", "Sektionschef", "Arbetsförmedlingen", "Borås", "2021-03-04")]


def test_place_and_date_in_separate_fields():
    got, _ = signatories_of(HEAD + """\
För Alingsås kommun
Ort: Alingsås
Datum: 2023-06-14

Namnteckning:
Namnförtydligande: Sara Lindqvist
Befattning: Socialchef
""")
    assert got == [("Sara Lindqvist", "Socialchef", "Alingsås", "Alingsås", "2023-06-14")]


def test_two_columns_separated_by_wide_spaces():
    got, _ = signatories_of(HEAD + """\
Skärhamn den 3 februari 2022                   Henån den 10 februari 2022
För Tjörns kommun                              För Orust kommun

Martin Olausson                                Christina Bergqvist-Lööf
Förvaltningschef, socialförvaltningen          Sektorchef, sektor omsorg
""")
    assert got == [
        ("Martin Olausson", "Förvaltningschef, socialförvaltningen", "Tjörn", "Skärhamn", "2022-02-03"),
        ("Christina Bergqvist-Lööf", "Sektorchef, sektor omsorg", "Orust", "Henån", "2022-02-10")]


def test_two_columns_of_a_table_copied_with_tabs():
    got, _ = signatories_of(HEAD + "För Lerums kommun\tFör Arbetsförmedlingen\n"
                            "Ort och datum: Lerum 2023-12-12\tOrt och datum: Vänersborg 2023-12-19\n\n"
                            "________\t________\nNamn: Malin Rydh\tNamn: Kenneth Ohlsson\n"
                            "Titel: Kommundirektör\tTitel: Sektionschef\n")
    assert got == [("Malin Rydh", "Kommundirektör", "Lerum", "Lerum", "2023-12-12"),
                   ("Kenneth Ohlsson", "Sektionschef", "Arbetsförmedlingen", "Vänersborg", "2023-12-19")]


def test_a_markdown_signature_table():
    source = source_from_text(HEAD + "| För Lerums kommun | För Arbetsförmedlingen |\n|---|---|\n"
                              "| Ort och datum: Lerum 2023-12-12 | Ort och datum: Vänersborg 2023-12-19 |\n"
                              "| | |\n| Namn: Malin Rydh | Namn: Kenneth Ohlsson |\n", name="avtal.md")
    document = parse_document(source, SETTINGS, KNOWLEDGE, Diagnostics())
    assert [(s.name, s.place, s.date, s.affiliation.name) for s in document.agreement.signatories] == [
        ("Malin Rydh", "Lerum", "2023-12-12", "Lerum"), ("Kenneth Ohlsson", "Vänersborg", "2023-12-19",
                                                         "Arbetsförmedlingen")]
    assert document.date.value == "2023-12-19"


def test_a_signing_place_that_is_not_a_party_stays_a_place():
    got, diagnostics = signatories_of(HEAD + """\
För Härryda kommun
Mölnlycke den 10 april 2019

Anna-Lena Björkman
Förvaltningschef, sektor för socialtjänst
""")
    assert got == [("Anna-Lena Björkman", "Förvaltningschef, sektor för socialtjänst", "Härryda", "Mölnlycke",
                    "2019-04-10")]


@pytest.mark.parametrize("written, affiliation, kind", [
    ("Sektionschef, Arbetsförmedlingen Skövde", "Arbetsförmedlingen", "organisation"),  # an office
    ("Förbundschef, Samordningsförbundet Skaraborg", "Samordningsförbundet Skaraborg", "unknown"),
    ("Kommundirektör, Skövde kommun", "Skövde", "municipality"),
])
def test_an_organisation_and_the_place_of_its_office(written, affiliation, kind):
    agreement, _ = agreement_of(HEAD + f"Skövde 2016-06-20\n\nKatarina Holm\n{written}\n")
    [signatory] = agreement.signatories
    assert (signatory.title, signatory.affiliation.name, signatory.affiliation.kind) == \
        (written.split(",")[0], affiliation, kind)


@pytest.mark.parametrize("sentence, valid_from, valid_until, validity", [
    ("Överenskommelsen gäller från och med 1 januari 2024 till och med 31 december 2025.",
     "2024-01-01", "2025-12-31", None),
    ("Avtalet gäller 2022-03-01–2024-02-29. Parterna ska senast den 31 augusti 2023 ta ställning.",
     "2022-03-01", "2024-02-29", None),
    ("Avtalet gäller från 2023-09-01 till 2025-08-31.", "2023-09-01", "2025-08-31", None),
    ("Överenskommelsen gäller från och med den 1 maj 2019 och tills vidare.", "2019-05-01", None, "tills vidare"),
    ("Överenskommelsen gäller tills vidare. Den ska ses över senast i juni 2018.", None, None, "tills vidare"),
    ("Avtalet gäller till och med 2022-12-31.", None, "2022-12-31", None),
])
def test_validity_period(sentence, valid_from, valid_until, validity):
    agreement, _ = agreement_of(HEAD.replace("2. Underskrifter", "2. Giltighet") + sentence + "\n")
    revision = agreement.revision
    assert (revision.valid_from, revision.valid_until, revision.validity) == (valid_from, valid_until, validity)


def test_titled_sections_without_numbers():
    document, _ = parse_text("""\
Överenskommelse

om samverkan kring unga

Parter
Bollebygds kommun, genom kommunstyrelsen
Arbetsförmedlingen

Bakgrund
Kommunen och Arbetsförmedlingen har samarbetat länge.

Syfte och mål
Fler ska komma i arbete.

Giltighet och uppsägning
Överenskommelsen gäller från och med 2021-04-01 och tills vidare.

Underskrifter

Bollebygd 2021-02-22
Hanna Jernberg
Kommundirektör, Bollebygds kommun
""")
    agreement = document.agreement
    assert [(s.number, s.title, s.role) for s in agreement.sections] == [
        (None, "Parter", "parties"), (None, "Bakgrund", None), (None, "Syfte och mål", "purpose"),
        (None, "Giltighet och uppsägning", "revision"), (None, "Underskrifter", "signatures")]
    assert [p.name for p in agreement.parties] == ["Bollebygd", "Arbetsförmedlingen"]
    assert agreement.revision.valid_from == "2021-04-01"
    assert [s.name for s in agreement.signatories] == ["Hanna Jernberg"]
    assert document.date.value == "2021-02-22"


def test_a_single_title_line_does_not_make_titled_sections():
    document, _ = parse_text("Överenskommelse\n\nBakgrund\nText om samverkan mellan parterna.\n\n"
                             "Mer text som följer.\n")
    assert document.agreement.sections == ()


def test_sections_numbered_with_paragraph_signs():
    document, _ = parse_text("""\
ÖVERENSKOMMELSE

§ 1 Parter
Härryda kommun, Mölndals stad och Partille kommun, nedan kallade kommunerna.

§ 2 Underskrifter

Mölndal den 24 april 2019

Jan-Olof Fagerlund
Social- och arbetsmarknadsdirektör, Mölndals stad
""")
    agreement = document.agreement
    assert [(s.number, s.title, s.role) for s in agreement.sections] == [(1, "Parter", "parties"),
                                                                         (2, "Underskrifter", "signatures")]
    assert [p.name for p in agreement.parties] == ["Härryda", "Mölndal", "Partille"]
    assert agreement.sections[0].anchor == "avsnitt-1"


def test_parties_in_a_sentence_opening_with_mellan():
    agreement, _ = agreement_of("Avtal om gemensam verkstad\n\nMellan Tjörns kommun och Orust kommun har "
                                "följande avtal träffats.\n\n1. Syfte\n\nText.\n")
    assert [(p.written, p.name) for p in agreement.parties] == [("Tjörns kommun", "Tjörn"), ("Orust kommun", "Orust")]


def test_agreement_names_no_network_from_its_body():
    document, _ = parse_text("Överenskommelse\n\nFrågan har beretts i AME-chefsnätverket.\n\n"
                             "1. Parter\n\nKommuner: Lerum och Alingsås.\n")
    assert document.network == ""


# --- the rules as functions ----------------------------------------------------------------------


@pytest.mark.parametrize("written, tracks", [
    ("Vård- och omsorg & lager/logistik", ("Vård- och omsorg", "lager/logistik")),
    ("vård och omsorg, lokalvård samt betong", ("vård och omsorg", "lokalvård", "betong")),
    ("Vård och omsorg och barnomsorg", ("Vård och omsorg", "barnomsorg")),
    ("Vård och omsorg, barnomsorg, kock och lokalvård", ("Vård och omsorg", "barnomsorg", "kock", "lokalvård")),
    ("hälso- och sjukvård samt handel", ("hälso- och sjukvård", "handel")),
    ("bygg och anläggning och lokalvård.", ("bygg och anläggning", "lokalvård")),
    ("kock + städ; vaktmästare", ("kock", "städ", "vaktmästare")),
])
def test_split_tracks(written, tracks):
    assert split_tracks(written, KNOWLEDGE.agreement_terms) == tracks


@pytest.mark.parametrize("last, interval, month, expected", [
    ("2020-11-02", 12, 10, "2021-10"),
    ("2020-09-30", 12, 10, "2020-10"),
    ("2021-04-10", 24, 3, "2023-03"),
    ("2021-02-01", 24, 3, "2022-03"),
    ("2020-11-02", 12, None, "2021-11"),
    ("2020-11-02", 6, None, "2021-05"),
    (None, 12, 10, None),
])
def test_first_revision(last, interval, month, expected):
    assert first_revision(last, interval, month, KNOWLEDGE.month_names)[0] == expected


# --- properties ---------------------------------------------------------------------------------------

def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


FIRST = st.sampled_from(["Anna", "Björn", "Åsa", "Örjan", "Karin", "Per", "Daniel", "Ali"])
LAST = st.sampled_from(["Ek", "Lind", "Öberg", "Ångström", "Nilsson", "Bosćović", "Arekvist Lundell"])
TOWN = st.sampled_from(["Borås", "Lerum", "Alingsås", "Ulricehamn", "Tranemo", "Svenljunga", "Partille"])
TITLE = st.sampled_from(["Kommunchef", "Kommundirektör", "Förvaltningschef", "Kommunalråd"])
DAY = st.dates(min_value=datetime.date(2015, 1, 1), max_value=datetime.date(2030, 12, 31))


@st.composite
def signers(draw):
    people = draw(st.lists(st.tuples(FIRST, LAST, TITLE, TOWN, DAY), min_size=1, max_size=8,
                           unique_by=lambda p: (p[0], p[1])))
    layout = draw(st.sampled_from(["above", "columns", "below", "for"]))
    return people, layout


def signature_part(people, layout) -> str:
    lines: list[str] = []
    if layout == "above":
        for first, last, title, town, day in people:
            lines += [f"{town} {day.isoformat()}", "", "Ort & datum", "", f"{first} {last}", f"{title}, {town}", ""]
    elif layout == "columns":  # two columns flattened: both dates on one line, then the two names
        for i in range(0, len(people), 2):
            pair = people[i:i + 2]
            lines += [" ".join(f"{p[3].upper() if k else p[3]} {p[4].isoformat()}" for k, p in enumerate(pair)), ""]
            for first, last, title, town, _ in pair:
                lines += ["Ort & datum", "", f"{first} {last}", f"{title}, {town}", ""]
    elif layout == "below":
        for first, last, title, town, day in people:
            lines += [f"{first} {last}", f"{title}, {town}", "", f"{town} {day.isoformat()}", "Ort och datum", ""]
    else:
        for first, last, title, town, day in people:
            lines += [f"För {town}s kommun" if not town.endswith("s") else f"För {town} kommun",
                      f"{town} den {day.day} {MONTHS[day.month - 1]} {day.year}", f"{first} {last}", title, ""]
    return "\n".join(lines)


MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(signers())
def test_signatures_pair_in_every_layout(case):
    people, layout = case
    text = "Överenskommelse\n\n1. Parter\n\nKommuner: Borås och Lerum.\n\n2. Underskrifter\n\n" + \
        signature_part(people, layout)
    agreement, diagnostics = agreement_of(text)
    got = [(s.name, s.title, s.affiliation.name if s.affiliation else None, s.place, s.date)
           for s in agreement.signatories]
    assert got == [(f"{f} {l}", t, town, town, d.isoformat()) for f, l, t, town, d in people]
    assert agreement.last_signed == max(d for *_, d in people).isoformat()
    assert not [d for d in diagnostics.items if "kunde inte paras" in d.message or "saknar ort" in d.message]


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö", min_size=2, max_size=9)
SENTENCE = st.lists(WORD, min_size=3, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
FRAGMENT = st.lists(WORD, min_size=1, max_size=8).map(" ".join)
ROLE_TITLE = st.sampled_from(["Parter", "Syfte", "Lokala mål", "Målgrupp", "Lokala jobbspår", "Uppföljning",
                              "Varaktighet", "Underskrifter", "Organisering av samverkan"])
LINE = st.one_of(
    SENTENCE, FRAGMENT, WORD.map(str.capitalize),
    st.tuples(TOWN, SENTENCE).map(lambda t: f"{t[0]}: {t[1]}"),
    st.tuples(TOWN, st.lists(FRAGMENT, min_size=1, max_size=4)).map(lambda t: f"{t[0]}: {', '.join(t[1])}"),
    st.tuples(TOWN, FRAGMENT).map(lambda t: f"{t[0]}: Planerar för {t[1]} och {t[1]}"),
    st.lists(st.one_of(WORD, st.integers(0, 9999).map(str), st.just("")), min_size=2, max_size=5).map("\t".join),
    st.tuples(st.integers(1, 12), SENTENCE).map(lambda t: f"{t[0]}. {t[1]}"),
    st.tuples(st.integers(1, 12), SENTENCE).map(lambda t: f"{t[0]}) {t[1]}"),
    SENTENCE.map(lambda s: f"- * {s}"), SENTENCE.map(lambda s: f"-{s}"),
    st.tuples(TOWN, DAY, TOWN, DAY).map(lambda t: f"{t[0]} {t[1].isoformat()} {t[2].upper()} {t[3].isoformat()}"),
    st.sampled_from(["Ort & datum", "Åtagande om lokala jobbspår", "Totalt\t1\t2", "Kommuner: Borås och Lerum.",
                     "Överenskommelsens varaktighet är tills vidare och revideringen ska ske årligen i oktober.",
                     "Denna överenskommelse är tecknad mellan Lerums kommun och Arbetsförmedlingen.",
                     "För Lerums kommun", "Anna Ek, Kommunchef, Lerum", "Kommunchef", "Marks kommun", ""]),
    st.text(max_size=40),
)


# Track names: no word of the commitment grammar (separators, `planerar`, `jobbspår inom` ...).
_GRAMMAR = words(" ".join(str(v) for key in ("commitment_planned", "commitment_committed", "track_intros")
                          for v in yaml.safe_load((DATA_DIR / FILES["agreement_terms"]).read_text(encoding="utf-8"))[key]) + " och samt")
TRACK = st.lists(WORD.filter(lambda w: w not in _GRAMMAR), min_size=1, max_size=3).map(" ".join)
COMMITMENT = st.tuples(TOWN, st.booleans(), st.lists(TRACK, min_size=1, max_size=4)).map(
    lambda t: (t[0], t[1], t[2], f"{t[0]}: {'Planerar för ' if t[1] else ''}{', '.join(t[2])}"))


@st.composite
def agreement_texts(draw):
    """Agreement-like texts: random sections of random lines, and sometimes a commitments
    part and a signature part of a known layout (returned so the test can check them)."""
    lines = ["Överenskommelse", "", draw(FRAGMENT), ""]
    number = 0
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            number += 1
            lines += [f"{number}. {draw(ROLE_TITLE)}", ""]
        for _ in range(draw(st.integers(0, 6))):
            lines.append(draw(LINE))
            if draw(st.booleans()):
                lines.append("")
    commitments = draw(st.lists(COMMITMENT, max_size=5))
    if commitments:
        number += 1
        lines += ["", f"{number}. Kompetensförsörjning", "", "Åtagande om lokala jobbspår", ""]
        for *_, written in commitments:
            lines += [written, ""] if draw(st.booleans()) else [written]
    people, layout = draw(signers()) if draw(st.booleans()) else ([], "")
    if people:
        number += 1
        lines += ["", f"{number}. Underskrifter", "", signature_part(people, layout)]
    return "\n".join(lines), commitments, people


def strings(value) -> list[str]:
    """Every text in a parsed structure (dataclasses, tuples, strings, numbers)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [str(value)]
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in strings(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [s for item in value for s in strings(item)]
    return []


def structure_words(agreement) -> set[str]:
    return words("\n".join(strings(agreement)))


def raw_source(text: str) -> SourceFile:
    return SourceFile(path=Path("x.txt"), name="x.txt", raw=text, body=text, meta={})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agreement_texts())
def test_generated_agreements_parse_without_losing_a_word(case):
    text, commitments, people = case
    agreement = parse_agreement(raw_source(text), KNOWLEDGE, Diagnostics())
    missing = words(text) - structure_words(agreement)
    assert not missing, missing
    # what the generator put in a recognisable form is recognised, word for word
    assert [(c.municipalities[0], c.planned) for c in agreement.commitments[-len(commitments):]] == \
        [(town, planned) for town, planned, *_ in commitments] if commitments else True
    for parsed, (_, _, tracks, _) in zip(agreement.commitments[-len(commitments):], commitments):
        assert words(" ".join(parsed.tracks)) == words(" ".join(tracks))
    assert [(s.name, s.date) for s in agreement.signatories][-len(people):] == \
        [(f"{f} {l}", d.isoformat()) for f, l, _, _, d in people] if people else True
    for commitment in agreement.commitments:
        assert words(" ".join(commitment.tracks)) <= words(commitment.written)
    for table in agreement.tables:
        assert all(len(r.cells) == len(table.header or table.rows[0].cells) for r in table.rows)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_arbitrary_text_never_raises(text):
    agreement = parse_agreement(raw_source(text), KNOWLEDGE, Diagnostics())
    assert words(text) <= structure_words(agreement)


@settings(max_examples=100, deadline=None)
@given(st.lists(LINE, max_size=30).map("\n".join))
def test_arbitrary_lines_never_raise_or_lose_words(text):
    agreement = parse_agreement(raw_source(text), KNOWLEDGE, Diagnostics())
    assert words(text) <= structure_words(agreement)
