"""Rules of generator/parse/normalise.py: what the parsers read is the text made plain line
for line - odd spaces and invisible characters, bullet glyphs, Markdown marks and page
furniture - while every line stays where it was and `source.raw` keeps every byte."""

from __future__ import annotations

import pytest

from generator.model import Diagnostics, Paragraph
from generator.parse import parse_document
from generator.parse.normalise import is_table_rule, normalise
from tests.helpers import KNOWLEDGE, SETTINGS, parse_text, source_from_text


def lines_kept(text: str, markdown: bool = False) -> list[str]:
    plain = normalise(text, markdown=markdown)
    assert plain.count("\n") == text.count("\n")
    return plain.split("\n")


# --- characters ---------------------------------------------------------------------------------

@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007", "\u2009", "\u200a", "\u2002", "\u2003", "\u2005",
                                   "\u3000"])
def test_no_break_and_other_odd_spaces_become_spaces(space):
    assert normalise(f"Anna{space}Berg,{space}Ale") == "Anna Berg, Ale"


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_soft_hyphens_and_zero_width_characters_are_removed(invisible):
    assert normalise(f"sam{invisible}ordnande kom{invisible}mun") == "samordnande kommun"


@pytest.mark.parametrize("hyphen", ["\u2011", "\u2010"])
def test_non_breaking_hyphens_become_hyphens(hyphen):
    assert normalise(f"Ulla{hyphen}Britt Hagman") == "Ulla-Britt Hagman"


def test_dashes_in_running_text_are_kept():
    assert normalise("Borås – Ulricehamn, 2021–2023") == "Borås – Ulricehamn, 2021–2023"


# --- bullets -----------------------------------------------------------------------------------

@pytest.mark.parametrize("glyph", ["•", "▪", "·", "◦", "‣", "∙", "*"])
def test_a_bullet_glyph_at_the_start_of_a_line_becomes_a_dash(glyph):
    assert lines_kept(f"{glyph} budget\n  {glyph} bokslut\n{glyph}Anna Berg") == ["- budget", "  - bokslut", "- Anna Berg"]


def test_dash_bullets_are_left_as_written():
    # `- ` already is the plain form; an en dash opens a quotation in Swedish prose
    assert lines_kept("- budget\n– Vi behöver arbeta regionalt") == ["- budget", "– Vi behöver arbeta regionalt"]


def test_a_glyph_inside_a_line_is_no_bullet():
    assert normalise("Budget • bokslut * prognos") == "Budget • bokslut * prognos"


def test_bullet_glyphs_make_a_list_in_an_agenda_item():
    document, _ = parse_text("Minnesanteckningar\n\n1. Ekonomi\n\nFrågor:\n• budget\n▪ bokslut\n· prognos\n")
    [paragraph, bullets] = document.items[0].blocks
    assert paragraph.text == "Frågor:"
    assert bullets.items == ("budget", "bokslut", "prognos")


# --- Markdown -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "plain"), [
    ("# Minnesanteckningar", "Minnesanteckningar"),
    ("## 1. Inledning", "1. Inledning"),
    ("### Närvarande", "Närvarande"),
    ("**Hela raden**", "Hela raden"),
    ("*Hela raden*", "Hela raden"),
    ("__Hela raden__", "Hela raden"),
    ("_Hela raden_", "Hela raden"),
    ("**Beslut:** Budgeten antas.", "Beslut: Budgeten antas."),
    ("**Beslut**: Budgeten antas.", "Beslut: Budgeten antas."),
    ("*Vid pennan: Lisa Holm*", "Vid pennan: Lisa Holm"),
    ("| Namn | Kommun | Närvarande |", "Namn\tKommun\tNärvarande"),
    ("| Anna Berg | Ale |  |", "Anna Berg\tAle\t"),
    ("|------|:------:|---|", "|------|:------:|---|"),
    ("Text med *emfas* inne i raden.", "Text med *emfas* inne i raden."),
])
def test_markdown_marks_are_removed_in_md_files(written, plain):
    assert normalise(written, markdown=True) == plain


@pytest.mark.parametrize("written", ["## 1. Inledning", "**Beslut:** Budgeten antas.", "| Namn | Kommun |"])
def test_markdown_marks_are_text_in_other_files(written):
    assert normalise(written) == written


def test_a_markdown_table_rule_is_kept_so_the_table_stays_one_block():
    assert is_table_rule("|---|:---:|") and is_table_rule("--- | ---")
    assert not is_table_rule("Anna Berg\tAle")


def test_minutes_written_in_markdown_read_like_plain_minutes():
    text = """# Minnesanteckningar

## Närvarande

| Namn | Kommun | Närvarande |
|------|--------|:----------:|
| Anna Berg | Ale | x |
| Karl Ek | Lerum |  |

## 1. Budget

**Förslag till beslut:** att anta budgeten.

**Beslut:** Budgeten antas.

*Vid pennan: Lisa Holm*
"""
    diagnostics = Diagnostics()
    document = parse_document(source_from_text(text, "m.md"), SETTINGS, KNOWLEDGE, diagnostics)
    assert [(a.name, a.status, a.affiliation.name, a.line) for a in document.attendees] == [
        ("Anna Berg", "present", "Ale", 7), ("Karl Ek", "absent", "Lerum", 8)]
    assert [(i.label, i.title, i.line) for i in document.items] == [("1", "Budget", 10)]
    assert [(d.text, d.proposal, d.line) for d in document.decisions] == [
        ("Budgeten antas.", "att anta budgeten.", 14)]
    assert (document.note_taker.name, document.note_taker.line) == ("Lisa Holm", 16)
    assert document.source.raw == text


# --- page furniture -----------------------------------------------------------------------------

@pytest.mark.parametrize("number", ["Sida 2 av 3", "sida 2/3", "SIDA 2", "2 (4)", "2(4)", "- 2 -"])
def test_a_page_number_alone_on_its_line_is_removed(number):
    assert lines_kept(f"Text före\n{number}\nText efter") == ["Text före", "", "Text efter"]


@pytest.mark.parametrize("line", ["Minnesanteckningar 2024-03-05    Sida 2 av 3", "Minnesanteckningar 2024-03-05\t2 (3)"])
def test_a_page_number_beside_other_text_is_removed_from_its_line(line):
    assert normalise(line) == "Minnesanteckningar 2024-03-05"


@pytest.mark.parametrize("text", ["2 (4) kommuner deltog.", "Sidan 2 av rapporten", "Se sida 2 av 3 i bilagan."])
def test_a_number_in_running_text_is_no_page_number(text):
    assert normalise(text) == text


HEADER = "Minnesanteckningar AME-nätverket"
PEOPLE = [f"{first} {last}, Ale" for first, last in zip(
    ["Anna", "Karl", "Lisa", "Olle", "Eva", "Per", "Maja", "Nils", "Sara", "Omar", "Ulla", "Stina"],
    ["Berg", "Ek", "Holm", "Strand", "Lund", "Ny", "Lind", "Nyberg", "Haddad", "Palm", "Hagman", "Larsson"])]


def paged_minutes() -> str:
    lines = [HEADER, "Datum: 2024-03-05", "", "Närvarande:", *PEOPLE, "",
             "1. Inledning", "", "Kommunerna har flera satsningar inom både", "",
             HEADER, "Sida 2 av 3", "",
             "restaurang och den gröna näringen.", "",
             "2. Övrigt", "", "Inga övriga frågor.", "",
             HEADER, "Sida 3 av 3"]
    return "\n".join(lines)


def test_a_running_header_beside_page_numbers_is_removed_below_the_documents_own_header():
    text = paged_minutes()
    plain = lines_kept(text)
    removed = [number for number, (before, after) in enumerate(zip(text.split("\n"), plain), start=1) if before != after]
    assert removed == [22, 23, 31, 32]  # the repeated header and page number at each page break
    assert plain[0] == HEADER  # the document's own first line stays


def test_page_furniture_does_not_cut_an_item_and_line_numbers_stay_true():
    text = paged_minutes()
    document, _ = parse_text(text)
    assert document.source.raw == text
    assert [(i.label, i.title, i.line) for i in document.items] == [("1", "Inledning", 18), ("2", "Övrigt", 27)]
    assert document.items[0].blocks == (
        Paragraph("Kommunerna har flera satsningar inom både restaurang och den gröna näringen.", 20),)
    assert document.items[1].blocks == (Paragraph("Inga övriga frågor.", 29),)
    assert len(document.attendees) == len(PEOPLE)
    assert (document.date.value, document.network) == ("2024-03-05", "AME-nätverket")


def test_a_repeated_line_far_from_page_numbers_is_kept():
    repeated = "Samtliga kommuner deltar i arbetet."
    text = "\n".join([HEADER, *[f"Rad {n} med text." for n in range(20)], repeated, "", "Text.", "", "", "",
                      repeated, "Mer text.", "", "Sida 2 av 2"])
    plain = lines_kept(text)
    assert plain.count(repeated) == 2


# --- what the attendance reader sees ------------------------------------------------------------

@pytest.mark.parametrize("written", [
    "Anna\u00a0Berg, Ale",
    "Anna Berg,\u00a0Ale",
    "An\u00adna Berg, Ale",
    "Anna\u202fBerg\u200b, Ale",
    "\u2022 Anna Berg, Ale",
])
def test_a_name_written_with_invisible_or_odd_characters_is_the_same_attendee(written):
    text = f"Minnesanteckningar\n\nNärvarande:\n{written}\n\n1. Inledning\n\nText.\n"
    document, diagnostics = parse_text(text)
    plain, plain_diagnostics = parse_text("Minnesanteckningar\n\nNärvarande:\nAnna Berg, Ale\n\n1. Inledning\n\nText.\n")
    [anna] = document.attendees
    [expected] = plain.attendees
    assert (anna.name, anna.status, anna.affiliation, anna.line) == (
        expected.name, expected.status, expected.affiliation, expected.line)
    assert anna.name == "Anna Berg"
    assert document.source.raw == text  # the verbatim original keeps every byte
    assert diagnostics.items == plain_diagnostics.items  # nothing to report that the plain text lacks


def test_a_hyphenated_name_written_with_a_non_breaking_hyphen_is_the_plain_name():
    document, _ = parse_text("Minnesanteckningar\n\nNärvarande:\nUlla\u2011Britt Hagman, Borås\n\n1. Inledning\n\nText.\n")
    assert [(a.name, a.affiliation.name) for a in document.attendees] == [("Ulla-Britt Hagman", "Borås")]
