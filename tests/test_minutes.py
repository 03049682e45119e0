"""The minutes parser, on the seed minutes and on small inline cases."""

from __future__ import annotations

from generator.model import BulletList, Decision, Kind, Paragraph, SubHeading
from tests.helpers import parse_seed, parse_text


def by_name(document, name):
    matches = [a for a in document.attendees if a.name == name]
    assert len(matches) == 1, f"{name}: {matches}"
    return matches[0]


# --- seeds -----------------------------------------------------------------------------


def test_seed_2023_attendance():
    doc, _ = parse_seed("2023")
    assert doc.kind is Kind.MINUTES
    assert len(doc.present) == 14
    assert len(doc.absent) == 7  # `Veronica Tindvall/Mona Molki, Öckerö` is two people
    assert by_name(doc, "Jacqueline Pejic").affiliation.name == "Ale"
    rieglert = by_name(doc, "Anna Rieglert")
    assert (rieglert.status, rieglert.note, rieglert.items) == ("present", "pkt 4", (4,))
    assert rieglert.affiliation.name == "Göteborg"
    bergstrom = by_name(doc, "Gunilla Bergström")
    assert (bergstrom.affiliation.name, bergstrom.affiliation.unit) == ("GR", "FoU i Väst")
    assert bergstrom.affiliation.kind == "organisation"
    assert by_name(doc, "Per Överberg").affiliation.kind == "organisation"
    for name in ("Veronica Tindvall", "Mona Molki"):
        person = by_name(doc, name)
        assert (person.status, person.affiliation.name) == ("absent", "Öckerö")
    # `Stenungssund` is a misspelling of Stenungsund; the written form is kept
    olander = by_name(doc, "Margareta Olander")
    assert (olander.affiliation.name, olander.affiliation.written) == ("Stenungsund", "Stenungssund")


def test_seed_2023_items_and_note_taker():
    doc, _ = parse_seed("2023")
    assert [i.number for i in doc.items] == list(range(1, 9))
    assert doc.items[1].title == "Aktuellt i respektive kommun"
    assert doc.items[4].title == "Beslut om finansiering fou-plattform arbetsmarknad 2024, bilaga"
    assert doc.note_taker is not None and doc.note_taker.name == "Linda Karlsson"
    # the note-taker line is metadata, not part of the last item's text
    assert not any("Antecknat av" in getattr(b, "text", "") for b in doc.items[-1].blocks)
    # item 2: a paragraph and a bullet list of four (the page break inside it is repaired)
    kinds = [type(b) for b in doc.items[1].blocks]
    assert kinds == [Paragraph, BulletList]
    assert len(doc.items[1].blocks[1].items) == 4
    # item 8 has two sub-headings
    headings = [b.text for b in doc.items[7].blocks if isinstance(b, SubHeading)]
    assert headings == ["Ny representant i samråd resp. beredningsgrupp", "Mötesplats arbetsmarknad våren 2024"]
    # a sentence cut by a page break reads whole
    item6 = " ".join(b.text for b in doc.items[5].blocks if isinstance(b, Paragraph))
    assert "Alla är välkomna att lämna förslag på frågor" in item6


def test_seed_2022_group_heading_decisions_and_signature():
    doc, _ = parse_seed("2022")
    assert len(doc.present) == 13 and len(doc.absent) == 5
    for name in ("Gunilla Bergström", "Natalja Lipovskaja Nilsson", "Lena Wigren"):
        assert by_name(doc, name).affiliation.name == "GR"
    assert by_name(doc, "Henrik Johannessen").affiliation.name == "Kungälv"
    assert [i.number for i in doc.items] == list(range(1, 10))
    decisions = doc.decisions
    assert [(d.item, d.index, d.anchor) for d in decisions] == [(2, 1, "beslut-2-1"), (6, 1, "beslut-6-1")]
    assert decisions[0].text.startswith("GR skall förmedla kontakt mellan GR-kommunerna och Skills")
    assert decisions[0].proposal is None
    assert decisions[1].text == "förslaget beviljas"
    assert decisions[1].proposal == ("fortsätta med de pågående fördjupningsområden inom FoU-plattform "
                                      "från 2022 även under 2023.")
    assert doc.note_taker.name == "Natalja Lipovskaja Nilsson"
    assert doc.note_taker.title == "Planeringsledare och sammankallande för AME-chefsnätverket"
    headings = [b.text for b in doc.items[5].blocks if isinstance(b, SubHeading)]
    assert headings == ["GR- kommunernas vägval i den reformerade arbetsmarknadspolitiken", "Likvärdig statistik"]


def test_seed_2021():
    doc, _ = parse_seed("2021")
    assert len(doc.present) == 15 and len(doc.absent) == 2
    assert [i.title for i in doc.items] == [
        "Inledning", "Aktuellt SKR (information och dialog)", "Prioriterade områden i nätverket 2021",
        "Kort uppdatering – aktuellt"]
    headings = [b.text for b in doc.items[2].blocks if isinstance(b, SubHeading)]
    assert headings == ["Samarbetet med Arbetsförmedlingen", "Övrigt"]
    assert doc.note_taker is None
    assert doc.decisions == ()


def test_seed_kinds_are_detected_from_text():
    assert parse_seed("agreement")[0].kind is Kind.AGREEMENT
    assert parse_seed("article")[0].kind is Kind.ARTICLE


def test_agreement_sections_in_sequence():
    doc, _ = parse_seed("agreement")
    assert [s.number for s in doc.sections] == list(range(1, 12))
    assert doc.sections[0].title == "Parter"
    assert doc.sections[-1].title == "Underskrifter"
    assert doc.sections[0].anchor == "avsnitt-1"


# --- inline cases ----------------------------------------------------------------------

MINUTES = """
Anteckningar

NÄRVARANDE

Åsa Öberg, Mölndal
Karl Nilsson, Lerum (pkt 2-3)
Lena Berg, GR, processledare

EJ NÄRVARANDE

Olle Ek/Eva Ek, Ale

1. Inledning

Alla hälsas välkomna.

2. Val av fokus

Förslag: att fokusera på statistik.

Beslut: förslaget bifalls.

Beslut: GR bjuder in till nästa möte.

1. Detta är en numrerad mening, inte en ny punkt.

3. Övrigt

Förslag: en studieresa.

Ingen tog ställning.

Antecknat av: Lena Berg, processledare
"""


def test_inline_minutes():
    doc, diagnostics = parse_text(MINUTES)
    assert doc.kind is Kind.MINUTES
    assert [a.name for a in doc.attendees] == ["Åsa Öberg", "Karl Nilsson", "Lena Berg", "Olle Ek", "Eva Ek"]
    assert by_name(doc, "Karl Nilsson").items == (2, 3)
    berg = by_name(doc, "Lena Berg")
    assert berg.affiliation.name == "GR"
    assert [i.number for i in doc.items] == [1, 2, 3]
    decisions = doc.decisions
    assert [(d.anchor, d.proposal) for d in decisions] == [
        ("beslut-2-1", "att fokusera på statistik."), ("beslut-2-2", None)]
    # a proposal no decision follows stays a paragraph
    texts = [b.text for b in doc.items[2].blocks if isinstance(b, Paragraph)]
    assert texts[0] == "Förslag: en studieresa."
    # the numbered sentence stays inside item 2
    assert any("numrerad mening" in b.text for b in doc.items[1].blocks if isinstance(b, Paragraph))
    assert doc.note_taker.name == "Lena Berg" and doc.note_taker.title == "processledare"
    assert diagnostics.count("error") == 0


def test_paragraph_items_with_section_sign():
    doc, _ = parse_text("""
        Protokoll

        Närvarande:
        Anna Ek, Borås

        § 1 Mötets öppnande

        Ordföranden öppnar mötet.

        § 2 Beslutsärenden

        Beslut: Nätverket antar planen.
        """)
    assert doc.kind is Kind.MINUTES
    assert [(i.number, i.title) for i in doc.items] == [(1, "Mötets öppnande"), (2, "Beslutsärenden")]
    assert doc.decisions[0].anchor == "beslut-2-1"


def test_decision_ids_do_not_depend_on_other_documents():
    first, _ = parse_text(MINUTES)
    again, _ = parse_text("Extra text först.\n\n" + MINUTES)
    assert [d.anchor for d in first.decisions] == [d.anchor for d in again.decisions]


def test_an_attendance_line_that_is_no_name_is_reported_and_makes_no_person():
    doc, diagnostics = parse_text("""
        Anteckningar

        NÄRVARANDE

        styrgruppen i sin helhet

        1. Inledning

        Text.
        """)
    assert doc.attendees == ()
    assert any("ser inte ut som ett namn" in d.message and d.line == 5 for d in diagnostics.items)
    assert "styrgruppen i sin helhet" in doc.source.raw  # kept in the verbatim original
    assert all(d.line for d in diagnostics.items if "namn" in d.message)


def test_decision_model_is_frozen():
    doc, _ = parse_text(MINUTES)
    decision = doc.decisions[0]
    assert isinstance(decision, Decision)
    try:
        decision.text = "x"  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("Decision must be immutable")


def test_decisions_stated_in_words_are_derived():
    doc, _ = parse_seed("2023")
    financing = doc.decisions[0]
    assert (financing.anchor, financing.derived) == ("beslut-5-1", True)
    assert financing.text == ("Under mötet säger följande kommuner ja till fortsatt finansiering, i enlighet "
                              "med utskickat förslag: Göteborg, Alingsås, Lerum, Lilla Edet, Stenungsund. "
                              "Sedan tidigare har även Mölndal och Kungälv sagt ja.")
    assert financing.wording == "säger följande kommuner ja till"
    assert financing.context.startswith("Under mötet säger")  # the paragraph stays whole
    # explicit decisions are not marked derived
    assert not any(d.derived for d in parse_seed("2022")[0].decisions)


def test_questions_and_conditions_are_not_decisions():
    doc, _ = parse_text("""
        Anteckningar

        1. Finansiering

        Ska nätverket säga ja till finansieringen?

        Om kommunerna säger ja till förslaget startar arbetet i maj.

        Nätverket beslutar att starta arbetet i maj.
        """)
    assert [(d.anchor, d.derived, d.text) for d in doc.decisions] == [
        ("beslut-1-1", True, "Nätverket beslutar att starta arbetet i maj.")]
