"""Attendance rules (generator/parse/attendance.py and the attendance part of
generator/parse/minutes.py), one small inline text per rule.

The words (headings, table columns, marks, roles, parties, `ersätter`) come from
generator/data/protokoll.yml; the tests state what a list written in each form yields."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import Diagnostics, Kind, SourceFile
from generator.parse import parse_document
from generator.parse.attendance import AttendanceReader, item_numbers, looks_like_name
from tests.helpers import KNOWLEDGE, SETTINGS, parse_text

NOT_A_NAME = "i närvarolistan ser inte ut som ett namn"


def minutes_with(attendance: str) -> str:
    """Minutes whose header holds `attendance` (lines 3 onwards) and one agenda item."""
    return f"Minnesanteckningar\n\n{attendance.strip()}\n\n1. Inledning\n\nOrdföranden hälsar välkommen.\n"


def attendees(attendance: str):
    document, _ = parse_text(minutes_with(attendance))
    assert document.kind is Kind.MINUTES
    return document.attendees


def people(attendance: str) -> list[tuple]:
    """(name, status, affiliation name, role, party, note) of every attendee."""
    return [(a.name, a.status, a.affiliation.name if a.affiliation else None, a.role, a.party, a.note)
            for a in attendees(attendance)]


def only(attendance: str):
    (attendee,) = attendees(attendance)
    return attendee


def warnings_about_names(diagnostics: Diagnostics) -> list[tuple[int | None, str]]:
    return [(d.line, d.message.split('"')[1]) for d in diagnostics.items
            if d.level == "warning" and NOT_A_NAME in d.message]


# --- headings ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("heading", "status", "role"), [
    ("Närvarande", "present", None),
    ("Deltagare", "present", None),
    ("Beslutande", "present", "ledamot"),
    ("Närvarande ledamöter", "present", "ledamot"),
    ("Tjänstgörande ersättare", "present", "ersättare"),
    ("Ersättare", "present", "ersättare"),
    ("Ej tjänstgörande ersättare", "present", "ersättare"),
    ("Övriga närvarande", "present", None),
    ("Adjungerade", "present", "adjungerad"),
    ("Gäster", "present", "gäst"),
    ("Inbjudna gäster", "present", "gäst"),
    ("Frånvarande", "absent", None),
    ("Ej närvarande", "absent", None),
    ("Förhinder", "absent", None),
    ("Anmält förhinder", "absent", None),
    ("Frånvarande ledamöter", "absent", "ledamot"),
])
def test_an_attendance_heading_gives_its_status_and_role_to_the_people_below(heading, status, role):
    assert people(f"{heading}:\nAnna Berg, Ale") == [("Anna Berg", status, "Ale", role, None, None)]


@pytest.mark.parametrize("form", ["{h}", "{h}:", "{H}", "{H}:", "- {h}:"])
def test_a_heading_is_read_in_any_case_with_or_without_a_colon(form):
    heading = form.format(h="Anmält förhinder", H="ANMÄLT FÖRHINDER")
    assert people(f"{heading}\nAnna Berg, Ale") == [("Anna Berg", "absent", "Ale", None, None, None)]


def test_names_may_follow_the_heading_on_its_own_line():
    assert people("Tjänstgörande ersättare: Anna Berg, Ale") == [
        ("Anna Berg", "present", "Ale", "ersättare", None, None)]


@pytest.mark.parametrize("heading", sorted(KNOWLEDGE.minutes_terms.headings))
def test_every_heading_of_the_vocabulary_opens_a_list(heading):
    meaning = KNOWLEDGE.minutes_terms.headings[heading]
    for written in (heading.capitalize(), heading.upper() + ":"):
        assert people(f"{written}\nAnna Berg, Ale") == [("Anna Berg", meaning.status, "Ale", meaning.role, None, None)]


def test_each_heading_sets_the_status_of_its_own_list():
    found = people("""
Närvarande:
Anna Berg, Ale

Gäster:
Karl Ek, Lerum

Anmält förhinder:
Lisa Holm, Mölndal
""")
    assert found == [("Anna Berg", "present", "Ale", None, None, None),
                     ("Karl Ek", "present", "Lerum", "gäst", None, None),
                     ("Lisa Holm", "absent", "Mölndal", None, None, None)]


# --- one person per line ---------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Anna Berg, Lerum",
    "Anna Berg (Lerum)",
    "Anna Berg – Lerum",
    "Anna Berg - Lerum",
    "Anna Berg — Lerum",
])
def test_the_affiliation_follows_a_comma_parentheses_or_a_dash(line):
    anna = only(f"Närvarande:\n{line}")
    assert (anna.name, anna.affiliation.name, anna.affiliation.kind) == ("Anna Berg", "Lerum", "municipality")


@pytest.mark.parametrize("bullet", ["-", "–", "•", "·", "▪", "*"])
def test_a_bullet_before_a_name_is_ignored(bullet):
    assert people(f"Närvarande:\n{bullet} Anna Berg, Ale\n{bullet} Karl Ek, Lerum") == [
        ("Anna Berg", "present", "Ale", None, None, None), ("Karl Ek", "present", "Lerum", None, None, None)]


def test_a_party_in_parentheses_after_the_name_is_kept_as_the_party():
    ulla = only("Beslutande:\nUlla Hagman (S), Borås")
    assert (ulla.name, ulla.party, ulla.affiliation.name, ulla.role) == ("Ulla Hagman", "S", "Borås", "ledamot")


def test_a_party_is_not_taken_for_an_affiliation_in_parentheses():
    assert people("Närvarande:\nUlla Hagman (KD)") == [("Ulla Hagman", "present", None, None, "KD", None)]


@pytest.mark.parametrize(("line", "role"), [
    ("Per Holm, ordförande, Kungälv", "ordförande"),
    ("Per Holm, vice ordförande, Kungälv", "vice ordförande"),
    ("Per Holm, Kungälv, sekreterare", "sekreterare"),
    ("Per Holm (S), ordförande, Kungälv", "ordförande"),
    ("Per Holm (ordförande), Kungälv", "ordförande"),
    ("Ordförande Per Holm, Kungälv", "ordförande"),
])
def test_a_role_word_in_the_line_is_the_role_in_any_position(line, role):
    per = only(f"Närvarande:\n{line}")
    assert (per.name, per.role, per.affiliation.name) == ("Per Holm", role, "Kungälv")


def test_a_role_in_parentheses_after_the_affiliation_is_the_role():
    sara = only("Närvarande:\nSara Nyberg, socialchef, Kungälv (ordförande)")
    assert (sara.name, sara.role, sara.affiliation.name, sara.note) == ("Sara Nyberg", "ordförande", "Kungälv", None)


def test_a_role_in_the_line_wins_over_the_role_of_the_heading():
    assert people("Beslutande:\nPer Holm (S), ordförande, Kungälv\nEva Lund (M), Ale") == [
        ("Per Holm", "present", "Kungälv", "ordförande", "S", None),
        ("Eva Lund", "present", "Ale", "ledamot", "M", None)]


def test_a_job_title_is_neither_role_nor_affiliation():
    lisa = only("Närvarande:\nLisa Holm, förbundsdirektör, Sjuhärads kommunalförbund")
    assert (lisa.role, lisa.affiliation.name, lisa.affiliation.kind) == (
        None, "Sjuhärads kommunalförbund", "organisation")


@pytest.mark.parametrize(("line", "note", "items"), [
    ("Maja Lind, Partille (pkt 4)", "pkt 4", (4,)),
    ("Maja Lind, Partille (pkt 2-3)", "pkt 2-3", (2, 3)),
    ("Maja Lind, Partille (punkt 4 och 6)", "punkt 4 och 6", (4, 6)),
    ("Maja Lind, Partille (§ 47)", "§ 47", (47,)),
    ("Maja Lind, Partille (digitalt)", "digitalt", ()),
])
def test_a_note_in_parentheses_at_the_end_limits_attendance_to_its_items(line, note, items):
    maja = only(f"Närvarande:\n{line}")
    assert (maja.name, maja.affiliation.name, maja.note, maja.items) == ("Maja Lind", "Partille", note, items)


@pytest.mark.parametrize(("note", "expected"), [
    ("pkt 4", (4,)), ("pkt 2-3", (2, 3)), ("pkt 2–4", (2, 3, 4)), ("punkt 4 och 6", (4, 6)),
    ("p. 5, 7", (5, 7)), ("§ 47", (47,)), ("§§ 4-6", (4, 5, 6)), ("endast pkt 5", (5,)), ("under pkt 4", (4,)),
    ("från pkt 2 till 4", (2, 3, 4)), ("pkt 2 t.o.m. pkt 4", (2, 3, 4)), ("pkt 4, från kl. 10", (4,)),
    ("från kl. 10", ()), ("digitalt", ()),
])
def test_the_items_of_a_note_are_the_items_attended(note, expected):
    assert item_numbers(note) == expected


@pytest.mark.parametrize("note", ["ej pkt 3", "inte § 4", "utom punkt 3", "digitalt, ej pkt 3",
                                  "från pkt 3", "fr.o.m. pkt 3", "efter pkt 3", "till och med punkt 2", "t.o.m. pkt 2"])
def test_a_note_that_excludes_items_or_leaves_the_range_open_names_no_items(note):
    assert item_numbers(note) == ()


def test_an_excluding_note_is_kept_but_limits_no_items():
    anna = only("Närvarande:\nAnna Berg, Ale (ej pkt 3)")
    assert (anna.name, anna.affiliation.name, anna.note, anna.items) == ("Anna Berg", "Ale", "ej pkt 3", ())


@pytest.mark.parametrize("replaces", ["ersätter", "i stället för", "istället för", "tjänstgör för"])
def test_the_person_someone_replaces_is_no_attendee(replaces):
    found = people(f"Tjänstgörande ersättare:\nRoland Ek (L), Vårgårda, {replaces} Birgitta Lund (L)")
    assert found == [("Roland Ek", "present", "Vårgårda", "ersättare", "L", None)]


def test_a_slash_between_two_names_is_two_people_with_one_affiliation():
    assert people("Frånvarande:\nVeronica Lind/Mona Berg, Öckerö") == [
        ("Veronica Lind", "absent", "Öckerö", None, None, None), ("Mona Berg", "absent", "Öckerö", None, None, None)]


def test_an_organisation_written_after_the_name_without_a_comma_is_the_affiliation():
    gunilla = only("Närvarande:\nGunilla Berg GR, FoU i Väst")
    assert (gunilla.name, gunilla.affiliation.name, gunilla.affiliation.unit) == ("Gunilla Berg", "GR", "FoU i Väst")


def test_names_with_hyphens_and_particles_are_names():
    assert [a.name for a in attendees("Närvarande:\nUlla-Britt Hagman, Borås\nKarin af Klint, Ale")] == [
        "Ulla-Britt Hagman", "Karin af Klint"]


def test_each_attendee_keeps_its_file_line_and_the_line_as_written():
    found = attendees("Närvarande:\nAnna Berg, Ale\n\nFrånvarande:\nKarl Ek (S), Lerum (pkt 2)")
    assert [(a.name, a.line, a.written) for a in found] == [
        ("Anna Berg", 4, "Anna Berg, Ale"), ("Karl Ek", 7, "Karl Ek (S), Lerum (pkt 2)")]


# --- a running paragraph ---------------------------------------------------------------------

def test_a_paragraph_of_names_shares_each_affiliation_among_the_names_before_it():
    assert people("Närvarande: Eva Lund och Omar Haddad (Ale), Stina Larsson (Lerum), Kristina Palm samt Per Ek (GR)") == [
        ("Eva Lund", "present", "Ale", None, None, None),
        ("Omar Haddad", "present", "Ale", None, None, None),
        ("Stina Larsson", "present", "Lerum", None, None, None),
        ("Kristina Palm", "present", "GR", None, None, None),
        ("Per Ek", "present", "GR", None, None, None)]


def test_a_paragraph_may_run_over_several_lines_under_its_heading():
    found = attendees("Närvarande:\nEva Lund, Anna Berg (Ale), Stina Larsson (Lerum),\nKarl Ek och Lisa Holm (Mölndal)")
    assert [(a.name, a.affiliation.name, a.line) for a in found] == [
        ("Eva Lund", "Ale", 4), ("Anna Berg", "Ale", 4), ("Stina Larsson", "Lerum", 4),
        ("Karl Ek", "Mölndal", 5), ("Lisa Holm", "Mölndal", 5)]


def test_a_party_in_a_paragraph_belongs_to_the_name_before_it_and_is_no_affiliation():
    assert people("Beslutande: Anna Berg (S), Karl Ek (M) och Lisa Holm (Ale)") == [
        ("Anna Berg", "present", None, "ledamot", "S", None),
        ("Karl Ek", "present", None, "ledamot", "M", None),
        ("Lisa Holm", "present", "Ale", "ledamot", None, None)]


def test_names_after_the_last_parentheses_of_a_paragraph_are_kept():
    document, diagnostics = parse_text(minutes_with("Närvarande: Anna Berg (Ale), Karl Ek (Lerum), Lisa Holm och Per Ny."))
    assert [(a.name, a.affiliation.name if a.affiliation else None) for a in document.attendees] == [
        ("Anna Berg", "Ale"), ("Karl Ek", "Lerum"), ("Lisa Holm", None), ("Per Ny", None)]
    assert warnings_about_names(diagnostics) == []


@pytest.mark.parametrize("line", ["Karl Ek och Lisa Holm, Mölndal", "Karl Ek och Lisa Holm (Mölndal)",
                                  "Karl Ek samt Lisa Holm – Mölndal"])
def test_two_names_joined_by_och_on_one_line_are_two_people(line):
    assert people(f"Närvarande:\n{line}") == [
        ("Karl Ek", "present", "Mölndal", None, None, None), ("Lisa Holm", "present", "Mölndal", None, None, None)]


# --- tables ------------------------------------------------------------------------------------

def test_a_table_with_a_header_row_reads_its_marks_and_an_empty_mark_is_absent():
    table = ("Namn\tKommun\tNärvarande\n"
             "Anna Berg\tAle\tX\n"
             "Karl Ek\tLerum\tx\n"
             "Lisa Holm\tMölndal\t✓\n"
             "Olle Strand\tAlingsås\t\n"
             "Nils Ny\tPartille")
    assert [(a.name, a.status, a.affiliation.name, a.line) for a in attendees(table)] == [
        ("Anna Berg", "present", "Ale", 4), ("Karl Ek", "present", "Lerum", 5), ("Lisa Holm", "present", "Mölndal", 6),
        ("Olle Strand", "absent", "Alingsås", 7), ("Nils Ny", "absent", "Partille", 8)]


def test_a_mark_in_the_absent_column_makes_the_person_absent():
    table = ("Närvarande:\n"
             "Namn\tOrganisation\tNärvaro\tFörhinder\n"
             "Anna Berg\tGR\tja\t\n"
             "Karl Ek\tLerum\t\tX")
    assert [(a.name, a.status, a.affiliation.name) for a in attendees(table)] == [
        ("Anna Berg", "present", "GR"), ("Karl Ek", "absent", "Lerum")]


def test_a_table_without_mark_columns_lists_people_who_attended():
    table = "Deltagare\tOrganisation\nAnna Berg\tAle\nKarl Ek\tArbetsförmedlingen"
    assert [(a.name, a.status, a.affiliation.name, a.affiliation.kind) for a in attendees(table)] == [
        ("Anna Berg", "present", "Ale", "municipality"), ("Karl Ek", "present", "Arbetsförmedlingen", "organisation")]


def test_a_tab_separated_row_without_a_header_is_name_and_affiliation():
    assert people("Närvarande:\nAnna Berg\tAle\nKarl Ek\tLerum") == [
        ("Anna Berg", "present", "Ale", None, None, None), ("Karl Ek", "present", "Lerum", None, None, None)]


# --- group headings ----------------------------------------------------------------------------

def test_a_group_heading_gives_its_affiliation_to_the_names_below_it():
    found = attendees("Närvarande:\nGR:\nAnna Berg\nKarl Ek\n\nFrån Arbetsförmedlingen:\nOlle Strand")
    assert [(a.name, a.affiliation.name, a.affiliation.kind) for a in found] == [
        ("Anna Berg", "GR", "organisation"), ("Karl Ek", "GR", "organisation"),
        ("Olle Strand", "Arbetsförmedlingen", "organisation")]


@pytest.mark.parametrize(("heading", "name"), [
    ("Västra Götalandsregionen:", "VGR"),
    ("Lilla Edet:", "Lilla Edet"),
    ("GR", "GR"),
])
def test_a_known_organisation_or_municipality_is_a_group_heading_even_when_it_looks_like_a_name(heading, name):
    found = attendees(f"Närvarande:\n{heading}\nLisa Holm\nPer Ny")
    assert [(a.name, a.affiliation.name) for a in found] == [("Lisa Holm", name), ("Per Ny", name)]


def test_an_unknown_capitalised_group_heading_with_a_colon_is_kept_as_written():
    found = attendees("Närvarande:\nKansliet för välfärd:\nLisa Holm")
    assert [(a.name, a.affiliation.written, a.affiliation.kind) for a in found] == [
        ("Lisa Holm", "Kansliet för välfärd", "unknown")]


def test_an_affiliation_on_the_line_wins_over_the_group_heading():
    found = attendees("Närvarande:\nGR:\nAnna Berg\nKarl Ek, Lerum")
    assert [(a.name, a.affiliation.name) for a in found] == [("Anna Berg", "GR"), ("Karl Ek", "Lerum")]


def test_a_name_with_a_colon_is_no_group_heading():
    found = attendees("Närvarande:\nAnna Berg:\nKarl Ek")
    assert [(a.name, a.affiliation) for a in found] == [("Karl Ek", None)]


# --- where the list ends -----------------------------------------------------------------------

@pytest.mark.parametrize("label", ["Justeras:", "Justeras", "Sekreterare:", "Vid pennan:", "Plats: Ale", "Justerare: Karl Ek"])
def test_a_signature_note_taker_or_header_label_ends_the_list_and_is_no_group(label):
    document, diagnostics = parse_text(minutes_with(f"Närvarande:\nAnna Berg, Ale\n\n{label}\nKarl Ek"))
    assert [(a.name, a.affiliation.name) for a in document.attendees] == [("Anna Berg", "Ale")]
    assert warnings_about_names(diagnostics) == []


def test_the_note_taker_under_a_label_after_the_list_is_the_note_taker_not_an_attendee():
    document, _ = parse_text(minutes_with("Närvarande:\nAnna Berg, Ale\n\nSekreterare:\nLisa Holm, GR"))
    assert [a.name for a in document.attendees] == ["Anna Berg"]
    assert (document.note_taker.name, document.note_taker.title, document.note_taker.line) == ("Lisa Holm", "GR", 6)


def test_the_first_agenda_item_ends_the_list():
    document, _ = parse_text("Minnesanteckningar\n\nNärvarande:\nAnna Berg, Ale\n1. Inledning\nKarl Ek hälsar välkommen.\n")
    assert [a.name for a in document.attendees] == ["Anna Berg"]
    assert [(i.number, i.title) for i in document.items] == [(1, "Inledning")]


def test_an_attendance_heading_inside_an_agenda_item_is_content():
    document, _ = parse_text("Minnesanteckningar\n\n1. Inledning\n\nDeltagare:\nAnna Berg, Ale\n")
    assert document.attendees == ()


@pytest.mark.parametrize("nobody", ["Inga", "inga.", "Ingen", "-", "Inga frånvarande", "Inga anmälda förhinder"])
def test_a_line_saying_nobody_is_listed_is_neither_a_person_nor_reported(nobody):
    document, diagnostics = parse_text(minutes_with(f"Närvarande:\nAnna Berg, Ale\n\nFrånvarande: {nobody}\n\n"
                                                    f"Gäster:\n{nobody}\nKarl Ek, Lerum"))
    assert [(a.name, a.status, a.role) for a in document.attendees] == [
        ("Anna Berg", "present", None), ("Karl Ek", "present", "gäst")]
    assert warnings_about_names(diagnostics) == []


# --- what is not a name ------------------------------------------------------------------------

def reader(diagnostics: Diagnostics) -> AttendanceReader:
    return AttendanceReader(KNOWLEDGE.minutes_terms, KNOWLEDGE.registers, diagnostics, "m.txt",
                            lambda line: line + 10)  # body line -> file line, as front matter shifts it


@pytest.mark.parametrize(("line", "candidate"), [
    ("Dagordning", "Dagordning"),
    ("Övriga Närvarande", "Övriga Närvarande"),
    ("Anmält Förhinder", "Anmält Förhinder"),
    ("Sida 1 av 3", "Sida 1 av 3"),
    ("Storgatan 12, Göteborg", "Storgatan 12"),
    ("Anders Personsgatan 8", "Anders Personsgatan 8"),
    ("Mötet hölls i stora salen.", "Mötet hölls i stora salen"),
    ("§ 10", "§ 10"),
    ("Västra Götalandsregionen", "Västra Götalandsregionen"),
    ("Lilla Edet", "Lilla Edet"),
    ("styrgruppen i sin helhet", "styrgruppen i sin helhet"),
])
def test_a_line_that_is_no_name_is_reported_with_its_file_line_and_makes_no_person(line, candidate):
    diagnostics = Diagnostics()
    attendance = reader(diagnostics)
    attendance.add_line(line, 5, "present", None, None)
    assert attendance.attendees == []
    assert [(d.file, d.line, d.level) for d in diagnostics.items] == [("m.txt", 15, "warning")]
    assert warnings_about_names(diagnostics) == [(15, candidate)]


def test_non_names_in_a_list_are_reported_and_the_names_around_them_kept(tmp_path: Path):
    text = ("---\ntitle: Test\n---\nMinnesanteckningar\n\nNärvarande:\nAnna Berg, Ale\nSammanfattning\n"
            "Storgatan 12, Göteborg\nMötet hölls i stora salen och alla var på plats.\nKarl Ek, Lerum\n\n"
            "1. Inledning\n\nText.\n")
    body = text.split("---\n", 2)[2]
    source = SourceFile(path=Path("m.txt"), name="m.txt", raw=text, body=body, meta={"title": "Test"},
                        first_body_line=4)
    diagnostics = Diagnostics()
    document = parse_document(source, SETTINGS, KNOWLEDGE, diagnostics)
    assert [(a.name, a.line) for a in document.attendees] == [("Anna Berg", 7), ("Karl Ek", 11)]
    assert warnings_about_names(diagnostics) == [
        (8, "Sammanfattning"), (9, "Storgatan 12"), (10, "Mötet hölls i stora salen och alla var på plats")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Anna Berg", True),
    ("Ulla-Britt Hagman", True),
    ("Karin af Klint", True),
    ("Anna Maria Berg Holm", True),
    ("Anna", False),
    ("Anna Maria Berg Holm Ek", False),
    ("anna berg", False),
    ("Anna Berg2", False),
    ("GR FoU", False),
    ("Sida 1", False),
])
def test_a_name_is_two_to_four_capitalised_words_without_digits_or_abbreviations(text, expected):
    assert looks_like_name(text) is expected


@pytest.mark.parametrize("heading", ["Dagordning", "Föredragningslista", "Dagordning:"])
def test_an_agenda_heading_ends_the_list_and_is_no_person(heading):
    document, diagnostics = parse_text(minutes_with(f"Deltagare:\nEva Lund, Ale\nAnmält förhinder: Karl Ek, Lerum\n\n{heading}"))
    assert [(a.name, a.status) for a in document.attendees] == [("Eva Lund", "present"), ("Karl Ek", "absent")]
    assert warnings_about_names(diagnostics) == []

