"""Agenda rules of generator/parse/minutes.py, one small inline text per rule: how items
and sub-items are numbered, which sentences are decisions (and which are not), proposals,
routine approvals, the note-taker and the closing signatures. The words come from
generator/data/protokoll.yml and generator/data/beslutsformuleringar.yml."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.knowledge.wording import joined
from generator.model import BulletList, Decision, Kind, Paragraph, SubHeading
from generator.parse.decisions import decision_sentences
from tests.helpers import KNOWLEDGE, parse_text


def parse(body: str):
    """Minutes with a document heading above `body`; body lines start at line 3."""
    document, _ = parse_text(f"Minnesanteckningar\n\n{body.strip()}\n")
    assert document.kind is Kind.MINUTES
    return document


def items(body: str) -> list[tuple]:
    """(label, title, anchor, line) of every item."""
    return [(i.label, i.title, i.anchor, i.line) for i in parse(body).items]


def decisions(body: str) -> list[tuple]:
    """(anchor, text, proposal) of every decision."""
    return [(d.anchor, d.text, d.proposal) for d in parse(body).decisions]


def paragraphs(item) -> list[str]:
    """The text of an item that is no decision (paragraphs and short lines read as headings)."""
    return [b.text for b in item.blocks if isinstance(b, (Paragraph, SubHeading))]


# --- numbering ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("first", "second"), [
    ("1. Inledning", "2. Ekonomi"),
    ("1.Inledning", "2.Ekonomi"),
    ("1) Inledning", "2) Ekonomi"),
    ("1.\tInledning", "2.\tEkonomi"),
    ("1\tInledning", "2\tEkonomi"),
    ("1 Inledning", "2 Ekonomi"),
    ("Punkt 1 Inledning", "Punkt 2 Ekonomi"),
    ("Punkt 1. Inledning", "Punkt 2. Ekonomi"),
    ("§ 1 Inledning", "§ 2 Ekonomi"),
    ("§1 Inledning", "§2 Ekonomi"),
    ("§ 1. Inledning", "§ 2. Ekonomi"),
    ("Punkt 1: Inledning", "Punkt 2: Ekonomi"),
    ("Pkt 1 Inledning", "Pkt 2 Ekonomi"),
    ("Ärende 1 Inledning", "Ärende 2 Ekonomi"),
])
def test_an_item_is_a_number_in_any_of_the_written_forms_followed_by_its_title(first, second):
    assert items(f"{first}\n\nText.\n\n{second}\n\nText.") == [
        ("1", "Inledning", "punkt-1", 3), ("2", "Ekonomi", "punkt-2", 7)]


@pytest.mark.parametrize(("first", "second", "numbers"), [
    ("§ 112 Öppnande", "§ 113 Budget", ["112", "113"]),
    ("Punkt 7 Öppnande", "Punkt 8 Budget", ["7", "8"]),
    ("5. Öppnande", "6. Budget", ["5", "6"]),
])
def test_numbering_may_start_anywhere_and_goes_up_by_one(first, second, numbers):
    assert [label for label, *_ in items(f"{first}\n\nText.\n\n{second}\n\nText.")] == numbers


def test_an_unprefixed_number_above_twenty_does_not_open_the_agenda():
    document = parse("25. Detta är en numrerad mening.\n\n1. Inledning\n\nText.")
    assert [i.label for i in document.items] == ["1"]
    assert [b.text for b in document.preamble if isinstance(b, Paragraph)] == ["25. Detta är en numrerad mening."]


@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_a_section_number_alone_on_its_line_takes_the_next_line_as_title(between):
    document = parse(f"§ 8{between}Val av justerare\nTill justerare valdes Karl Ek.\n\n§ 9 Avslut\n\nText.")
    assert [(i.label, i.title) for i in document.items] == [("8", "Val av justerare"), ("9", "Avslut")]
    assert [(d.anchor, d.text) for d in document.items[0].decisions] == [("beslut-8-1", "Till justerare valdes Karl Ek.")]


def test_a_number_alone_without_a_prefix_is_no_item():
    document = parse("1. Inledning\n\nText.\n\n2\n\nEn siffra på egen rad.")
    assert [i.label for i in document.items] == ["1"]


def test_a_numbered_list_inside_an_item_stays_in_the_item():
    document = parse("3. Ekonomi\n\nTvå frågor:\n\n1. Budget\n\n2. Bokslut\n\n4. Övrigt\n\nText.")
    assert [i.label for i in document.items] == ["3", "4"]
    assert paragraphs(document.items[0]) == ["Två frågor:", "1. Budget", "2. Bokslut"]


@pytest.mark.parametrize("line", [
    "2024-05-04 hölls ett möte med Arbetsförmedlingen.",
    "3 mars hölls ett möte med Arbetsförmedlingen.",
    "3. mars hölls ett möte med Arbetsförmedlingen.",
    "3 okt. hölls ett möte med Arbetsförmedlingen.",
    "3/3 hölls ett möte med Arbetsförmedlingen.",
])
@pytest.mark.parametrize("style", ["{n}. {title}", "{n} {title}"])
def test_a_line_starting_with_a_date_is_no_item(line, style):
    one, two, three = (style.format(n=n, title=t) for n, t in ((1, "Inledning"), (2, "Ekonomi"), (3, "Övrigt")))
    document = parse(f"{one}\n\nText.\n\n{two}\n\n{line}\n\n{three}\n\nText.")
    assert [(i.label, i.title) for i in document.items] == [("1", "Inledning"), ("2", "Ekonomi"), ("3", "Övrigt")]
    assert paragraphs(document.items[1]) == [line]


def test_a_figure_after_a_number_is_no_item():
    document = parse("1. Inledning\n\nText.\n\n2 850 platser finns i regionen.")
    assert [i.label for i in document.items] == ["1"]
    assert paragraphs(document.items[0]) == ["Text.", "2 850 platser finns i regionen."]


def test_sub_items_stand_under_their_item_with_their_own_anchor():
    assert items("3. Övrigt\n\nText.\n\n3.1 Lokaler\n\nText.\n\n3.2 Resor\n\nText.\n\n4. Avslut\n\nText.") == [
        ("3", "Övrigt", "punkt-3", 3), ("3.1", "Lokaler", "punkt-3-1", 7), ("3.2", "Resor", "punkt-3-2", 11),
        ("4", "Avslut", "punkt-4", 15)]


@pytest.mark.parametrize(("body", "labels"), [
    ("3.1 Lokaler\n\nText.", []),  # no item 3 before it
    ("3. Övrigt\n\nText.\n\n4.1 Lokaler\n\nText.", ["3"]),  # not under item 3
    ("3. Övrigt\n\nText.\n\n3.2 Lokaler\n\nText.", ["3"]),  # 3.1 is missing
])
def test_a_sub_item_that_does_not_continue_its_item_is_no_item(body, labels):
    assert [i.label for i in parse(body).items] == labels


def test_an_item_keeps_its_paragraphs_and_lists_in_order():
    document = parse("1. Ekonomi\n\nKansliet redogjorde.\n\n- budget\n- bokslut\n\nFrågan återkommer.")
    blocks = document.items[0].blocks
    assert [type(b) for b in blocks] == [Paragraph, BulletList, Paragraph]
    assert blocks[1].items == ("budget", "bokslut")


# --- labelled decisions --------------------------------------------------------------------------

def test_a_decision_label_inside_a_paragraph_ends_it_with_a_decision():
    document = parse("1. Ekonomi\n\nKansliet redogjorde för budgeten. Beslut: Budgeten antas.")
    assert [type(b) for b in document.items[0].blocks] == [Paragraph, Decision]
    assert paragraphs(document.items[0]) == ["Kansliet redogjorde för budgeten."]
    assert [(d.anchor, d.text, d.line, d.derived) for d in document.decisions] == [
        ("beslut-1-1", "Budgeten antas.", 5, False)]


@pytest.mark.parametrize("label", ["Beslut", "Beslutet", "Nätverkets beslut", "Styrgruppens beslut", "Mötets beslut",
                                   "Beslutades"])
@pytest.mark.parametrize("layout", ["{label}: {text}", "{label}:\n{text}", "{label}\n{text}"])
def test_a_decision_label_takes_the_text_after_it_or_below_it(label, layout):
    body = "2. Plan\n\n" + layout.format(label=label, text="Nätverket antar planen.")
    assert decisions(body) == [("beslut-2-1", "Nätverket antar planen.", None)]


def test_each_att_clause_under_a_decision_heading_is_a_decision():
    body = """
4. Budget

Beslut
Styrgruppen beslutar
att anta budgeten,
att uppdra åt kansliet att
följa upp den i maj, samt
att lägga rapporten till handlingarna.
"""
    found = parse(body).decisions
    assert [(d.anchor, d.text, d.derived) for d in found] == [
        ("beslut-4-1", "att anta budgeten", False),
        ("beslut-4-2", "att uppdra åt kansliet att följa upp den i maj", False),
        ("beslut-4-3", "att lägga rapporten till handlingarna.", False)]
    assert "Styrgruppen beslutar" not in " ".join(d.text for d in found)  # the introducing line is no clause
    assert [d.line for d in found] == [7, 8, 10]  # each clause on the line it starts on


def test_att_clauses_each_a_paragraph_under_a_heading_standing_alone():
    body = """
4. Budget

Förslag till beslut

Styrgruppen föreslås anta budgeten.

Beslut

att anta budgeten,

att följa upp den i maj

5. Övrigt

Beslut

Nästa möte flyttas till juni.
"""
    found = parse(body).decisions
    assert [(d.anchor, d.text, d.proposal, d.line) for d in found] == [
        ("beslut-4-1", "att anta budgeten", "Styrgruppen föreslås anta budgeten.", 11),
        ("beslut-4-2", "att följa upp den i maj", "Styrgruppen föreslås anta budgeten.", 13),
        ("beslut-5-1", "Nästa möte flyttas till juni.", None, 19)]


def test_decisions_under_a_sub_item_carry_the_sub_item_in_their_anchor():
    body = "3. Övrigt\n\n3.1 Lokaler\n\nBeslut\natt hyra lokal A,\natt säga upp lokal B\n\n3.2 Resor\n\nBeslut: Resan ställs in."
    found = parse(body).decisions
    assert [(d.anchor, d.item, d.sub, d.item_label, d.text) for d in found] == [
        ("beslut-3-1-1", 3, 1, "3.1", "att hyra lokal A"),
        ("beslut-3-1-2", 3, 1, "3.1", "att säga upp lokal B"),
        ("beslut-3-2-1", 3, 2, "3.2", "Resan ställs in.")]


def test_decisions_are_numbered_within_their_item():
    body = "1. A\n\nBeslut: Ett.\n\nBeslut: Två.\n\n2. B\n\nBeslut: Tre."
    assert [d[0] for d in decisions(body)] == ["beslut-1-1", "beslut-1-2", "beslut-2-1"]


@pytest.mark.parametrize(("label", "layout"), [
    ("Förslag", "{label}: {text}"),
    ("Förslag till beslut", "{label}\n{text}"),
    ("Förslag till beslut", "{label}: {text}"),
    ("Beslutsförslag", "{label}:\n{text}"),
    ("Förslag på beslut", "{label}: {text}"),
])
def test_a_proposal_before_a_decision_is_kept_as_its_proposal(label, layout):
    body = "2. Budget\n\n" + layout.format(label=label, text="att anta budgeten.") + "\n\nBeslut: Förslaget bifalls."
    document = parse(body)
    [decision] = document.decisions
    assert (decision.text, decision.proposal, decision.proposal_line) == ("Förslaget bifalls.", "att anta budgeten.", 5)
    assert paragraphs(document.items[0]) == []  # the proposal is the decision's, not a paragraph


def test_a_proposal_no_decision_follows_stays_a_paragraph():
    document = parse("2. Resa\n\nFörslag: en studieresa.\n\nIngen tog ställning.\n\n3. Avslut\n\nBeslut: Mötet avslutas.")
    assert paragraphs(document.items[0]) == ["Förslag: en studieresa.", "Ingen tog ställning."]
    assert [d.proposal for d in document.decisions] == [None]


def test_yrkanden_and_reservations_stay_in_the_item_and_the_proposal_carries_over_them():
    body = """
3. Budget

Förslag till beslut: att anta budgeten.

Anna Berg (S) yrkar att förslaget avslås.

Beslut: Förslaget bifalls.

Anna Berg (S) reserverar sig mot beslutet.
"""
    document = parse(body)
    blocks = document.items[0].blocks
    assert [type(b) for b in blocks] == [Paragraph, Decision, Paragraph]
    assert paragraphs(document.items[0]) == ["Anna Berg (S) yrkar att förslaget avslås.",
                                             "Anna Berg (S) reserverar sig mot beslutet."]
    assert (blocks[1].text, blocks[1].proposal) == ("Förslaget bifalls.", "att anta budgeten.")


# --- decisions stated in words -------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "wording"), [
    ("Beslutades att GR samordnar ansökan.", "Beslutades att"),
    ("Nätverket beslutar att bjuda in Arbetsförmedlingen.", "beslutar att"),
    ("Styrgruppen beslutar att anta planen.", "beslutar att"),
    ("Beredningen beslutar om ny mötestid.", "beslutar om"),
    ("Mötet beslutade att nästa möte blir digitalt.", "beslutade att"),
    ("Nätverket beslutar enhälligt att anta förslaget.", "beslutar enhälligt att"),
    ("Styrgruppen beslutade därför att skjuta upp frågan.", "beslutade därför att"),
    ("Nätverket ställer sig bakom förslaget.", "ställer sig bakom"),
])
def test_a_sentence_worded_as_a_decision_of_the_meeting_is_a_derived_decision(sentence, wording):
    document = parse(f"4. Övrigt\n\nKansliet informerade. {sentence}")
    [decision] = document.decisions
    assert (decision.anchor, decision.text, decision.derived, decision.wording) == (
        "beslut-4-1", sentence, True, wording)
    assert decision.context == f"Kansliet informerade. {sentence}"


@pytest.mark.parametrize("sentence", [
    "Vid förra mötet beslutades att nätverket ska bjuda in Arbetsförmedlingen.",
    "På föregående möte beslutade nätverket att anta planen.",
    "Styrgruppen har tidigare beslutat att delta i projektet.",
    "Styrgruppen beslutade tidigare att delta i projektet.",
    "Nätverket beslutade redan i höstas att delta.",
    "Kommunerna har tidigare fattat beslut om att delta.",
    "Beslutet fattades vid förra mötet.",
    "Anna Berg yrkar att nätverket beslutar att avslå förslaget.",
    "Ska nätverket besluta att delta?",
    "Om styrgruppen beslutar att delta startar arbetet i maj.",
    "Nätverket ska ta ställning till frågan i maj.",
])
def test_earlier_decisions_questions_conditions_and_yrkanden_are_no_decisions(sentence):
    document = parse(f"4. Övrigt\n\n{sentence}")
    assert document.decisions == ()
    assert paragraphs(document.items[0]) == [sentence]


def test_only_the_sentences_stating_this_meetings_decision_are_its_text():
    paragraph = "Vid förra mötet beslutades att utreda frågan. Nätverket beslutar nu att anta förslaget."
    [decision] = parse(f"4. Övrigt\n\n{paragraph}").decisions
    assert (decision.text, decision.context) == ("Nätverket beslutar nu att anta förslaget.", paragraph)


def test_a_worded_decision_is_discussion_where_the_item_labels_its_decisions():
    document = parse("5. Plan\n\nNätverket beslutar att diskutera vidare.\n\nBeslut: Planen antas.")
    assert [(d.anchor, d.text, d.derived) for d in document.decisions] == [("beslut-5-1", "Planen antas.", False)]
    assert paragraphs(document.items[0]) == ["Nätverket beslutar att diskutera vidare."]


# --- routine approvals ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Dagordningen godkänns.",
    "Föredragningslistan fastställs.",
    "Mötet godkänner dagordningen.",
    "Föregående mötes protokoll godkändes.",
    "Föregående minnesanteckningar lades till handlingarna.",
    "Minnesanteckningarna godkänns.",
    "Till justerare valdes Karl Ek.",
    "Karl Ek utses att justera protokollet.",
    "Informationen läggs till handlingarna.",
    "Mötet förklaras avslutat.",
])
def test_an_approval_of_the_meeting_itself_is_marked_as_a_formality(text):
    [decision] = parse(f"1. Mötets formalia\n\nBeslut: {text}").decisions
    assert (decision.text, decision.formality) == (text, True)


@pytest.mark.parametrize("text", ["Budgeten antas.", "Nätverket antar planen för 2024.", "GR samordnar ansökan."])
def test_a_decision_on_the_matter_itself_is_no_formality(text):
    [decision] = parse(f"2. Budget\n\nBeslut: {text}").decisions
    assert (decision.text, decision.formality) == (text, False)


def test_a_worded_approval_is_a_derived_formality():
    [decision] = parse("1. Föregående anteckningar\n\nFöregående mötes protokoll godkändes och lades till handlingarna.").decisions
    assert (decision.derived, decision.formality) == (True, True)


# --- note-taker and signatures -------------------------------------------------------------------

@pytest.mark.parametrize(("written", "line"), [
    ("Vid anteckningarna: Lisa Holm", 7),
    ("Vid pennan: Lisa Holm", 7),
    ("Antecknare: Lisa Holm", 7),
    ("Sekreterare: Lisa Holm", 7),
    ("Antecknat av Lisa Holm", 7),
    ("Antecknat av: Lisa Holm", 7),
    ("Protokollförare: Lisa Holm", 7),
    ("Vid protokollet\nLisa Holm", 7),
    ("Vid pennan\n\nLisa Holm", 9),  # the label alone: the name is in the next block
])
def test_a_note_taker_label_names_the_note_taker(written, line):
    document = parse(f"1. Inledning\n\nText.\n\n{written}")
    assert (document.note_taker.name, document.note_taker.title, document.note_taker.line) == ("Lisa Holm", None, line)
    assert paragraphs(document.items[0]) == ["Text."]  # not part of the last item


@pytest.mark.parametrize("written", [
    "Antecknat av: Lisa Holm, processledare",
    "Vid pennan\nLisa Holm\nprocessledare",
    "Anteckningar, Lisa Holm, processledare",
])
def test_the_note_takers_title_follows_the_name(written):
    note_taker = parse(f"1. Inledning\n\nText.\n\n{written}").note_taker
    assert (note_taker.name, note_taker.title) == ("Lisa Holm", "processledare")


def test_a_sentence_beginning_with_a_note_taker_label_names_no_note_taker():
    sentence = "Sekreterare för nätverket är sedan i höstas Lisa Holm från kansliet i Göteborg."
    document = parse(f"1. Inledning\n\n{sentence}")
    assert document.note_taker is None
    assert paragraphs(document.items[0]) == [sentence]


@pytest.mark.parametrize("signatures", [
    "Justeras\n\nKarl Ek\tPer Ny",
    "Justeras:\nKarl Ek    Per Ny\nordförande    justerare",
    "Ordförande\nKarl Ek",
])
def test_the_names_of_a_justeras_block_are_signatures_not_content_or_note_taker(signatures):
    document = parse(f"1. Inledning\n\nText.\n\nVid pennan: Lisa Holm\n\n{signatures}")
    assert document.note_taker.name == "Lisa Holm"
    assert document.items[0].blocks == (Paragraph("Text.", 5),)
    assert document.attendees == ()


def test_a_justeras_block_alone_names_no_note_taker():
    document = parse("1. Inledning\n\nText.\n\nJusteras\n\nKarl Ek\tPer Ny")
    assert document.note_taker is None
    assert paragraphs(document.items[0]) == ["Text."]


@pytest.mark.parametrize("sentence", [
    "En ny ordförande ska utses vid nästa möte.",
    "Planen behöver godkännas av styrelsen.",
    "Budgeten kommer att fastställas i december.",
])
def test_what_is_still_to_be_decided_is_no_decision(sentence):
    assert decisions(f"1. Val\n\n{sentence}") == []



def test_a_heading_below_the_note_taker_is_no_title_and_is_kept():
    document = parse("Närvarande\nEva Lund, Ale\n\nVid pennan: Lisa Holm\nDagordning\n1. Val\n\nText.")
    assert (document.note_taker.name, document.note_taker.title) == ("Lisa Holm", None)
    assert [b.text for b in document.preamble] == ["Dagordning"]
    assert [i.title for i in document.items] == ["Val"]


def test_the_line_below_a_note_taker_named_alone_is_the_title():
    document = parse("1. Val\n\nText.\n\nVid protokollet\nLisa Holm\nProcessledare, GR")
    assert (document.note_taker.name, document.note_taker.title) == ("Lisa Holm", "Processledare, GR")


def test_vid_tangentbordet_names_the_note_taker():
    document = parse("1. Val\n\nText.\n\nVid tangentbordet: Maria Holm")
    assert document.note_taker.name == "Maria Holm"



# --- the joined wording pattern: only a quicker test, never another answer --------------------------

_WORDING = KNOWLEDGE.wording
_PIECES = ["Nätverket", "beslutar", "att", "ställer sig bakom", "ja till", "kommunerna", "säger", "förslaget",
           "inte", "Mölndal", "godkänner", "tar", "beslut", "om", ".", "!", "följande", "är", "överens", "Vi"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_the_joined_pattern_matches_where_one_of_the_patterns_does(words):
    sentence = " ".join(words)
    assert bool(_WORDING.any_pattern.search(sentence)) == any(p.search(sentence) for p in _WORDING.patterns)
    without = type(_WORDING)(_WORDING.patterns, _WORDING.not_if)  # no quick test: the patterns one by one
    assert decision_sentences(sentence, _WORDING) == decision_sentences(sentence, without)


def test_patterns_that_cannot_be_joined_are_tried_one_by_one():
    assert joined((re.compile("(?P<a>x)"), re.compile("(?P<a>y)"))) is None  # a group name twice
    assert joined((re.compile("x"), re.compile("y", re.IGNORECASE))) is None  # different flags
    assert joined(()) is None
    assert joined((re.compile("x"), re.compile("y"))).pattern == "(?:x)|(?:y)"
