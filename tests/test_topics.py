"""Topic vocabulary (generator/data/amnen.yml) and tagging units of text (generator/topics.py)."""

from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.knowledge.topics import Topic, TopicError, TopicPattern, compile_pattern, read_topics
from generator.render.excerpts import excerpt
from generator.resolve.topics import MIN_MATCHES, blocks_text, match_topics
from tests.helpers import KNOWLEDGE, parse_seed

TOPICS = KNOWLEDGE.topics
BY_ID = {t.id: t for t in TOPICS}

# A long agenda item that mentions jobbspår once, in passing.
FILLER = ("Nätverket diskuterade hur kommunerna kan ta emot fler deltagare och hur "
          "handledarna ska få bättre stöd i sitt uppdrag under hösten. ") * 8


def topic(*patterns: str | TopicPattern, topic_id: str = "t") -> Topic:
    built = tuple(p if isinstance(p, TopicPattern) else TopicPattern(p) for p in patterns)
    return Topic(topic_id, "Test", "Ett testämne.", built)


def matches(pattern: str, text: str, case_sensitive: bool = False) -> list[str]:
    return [m.group() for m in compile_pattern(pattern, case_sensitive).finditer(text)]


def hit_ids(title: str, text: str) -> set[str]:
    return {h.topic_id for h in match_topics(title, text, TOPICS)}


# --- the vocabulary ----------------------------------------------------------------------


def test_vocabulary_has_20_to_30_documented_topics():
    assert 20 <= len(TOPICS) <= 30
    assert len(BY_ID) == len(TOPICS)
    for t in TOPICS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", t.id)
        assert t.name and t.description.endswith(".")
        assert t.patterns
        assert all(r in BY_ID and r != t.id for r in t.related)


@pytest.mark.parametrize("topic_id, text", [
    ("jobbspar", "förberedande jobbspår"),
    ("arbetstraning", "förstärkt arbetsträning"),
    ("kaa", "det kommunala aktivitetsansvaret"),
    ("dua", "DUA-överenskommelser"),
    ("sfi", "svenska för invandrare"),
    ("forsorjningsstod", "ekonomiskt bistånd"),
    ("projektmedel", "ESF-medel"),
    ("statistik", "statistik och uppföljning"),
    ("kommunernas-roll", "kommunernas roll i arbetsmarknadspolitiken"),
    ("samverkan-af", "samverkan med Arbetsförmedlingen"),
    ("fou-plattformen", "FoU-plattformen"),
    ("kompetensforsorjning", "kompetensförsörjning"),
    ("validering", "validering"),
    ("feriejobb", "feriejobb"),
    ("anstallningar", "extratjänster och introduktionsjobb med lönestöd"),
    ("uvas", "unga som varken arbetar eller studerar"),
    ("nyanlanda", "nyanländas etablering"),
    ("funktionsnedsattning", "supported employment"),
    ("psykisk-ohalsa", "psykisk ohälsa"),
    ("upphandling", "KROM-leverantörer"),
    ("vuxenutbildning", "yrkesvux"),
    ("motesplatser", "Mötesplats arbetsmarknad"),
])
def test_the_field_s_topics_are_there(topic_id, text):
    assert topic_id in BY_ID
    assert [h.topic_id for h in match_topics(text, "", [BY_ID[topic_id]])] == [topic_id]


# --- patterns ----------------------------------------------------------------------------


def test_inflections_and_compounds_where_the_word_comes_first():
    assert matches("jobbspår*", "Jobbspår, jobbspåren, jobbspårs- och JOBBSPÅRET") == [
        "Jobbspår", "jobbspåren", "jobbspårs", "JOBBSPÅRET"]
    assert matches("arbetsträning*", "arbetsträningsplatser och arbetsträningen") == [
        "arbetsträningsplatser", "arbetsträningen"]
    assert matches("jobbspår", "jobbspåren") == []  # without `*` the word must end there


def test_compounds_where_the_word_is_the_head():
    assert matches("*praktik", "språkpraktik, arbetspraktik och praktik") == [
        "språkpraktik", "arbetspraktik", "praktik"]
    assert matches("*jobbspår*", "lokaljobbspåren") == ["lokaljobbspåren"]
    assert matches("praktik", "praktiska förutsättningar") == []


def test_phrases_match_across_line_breaks():
    assert matches("förstärkt arbetsträning", "förstärkt\narbetsträning") == ["förstärkt\narbetsträning"]
    assert matches("vark* arbetar eller studerar", "unga som varkes arbetar eller studerar") == [
        "varkes arbetar eller studerar"]


def test_hyphen_joins_parts_with_or_without_hyphen_and_spaces():
    found = matches("FoU-plattform*", "FoU-plattform, FoU- plattformen, fou plattform, FoUplattform")
    assert found == ["FoU-plattform", "FoU- plattformen", "fou plattform", "FoUplattform"]
    assert matches("aktivitets-ansvar*", "kommunala aktivitets ansvaret och aktivitetsansvaret") == [
        "aktivitets ansvaret", "aktivitetsansvaret"]


def test_no_match_inside_unrelated_words():
    assert matches("SFI", "SFIX och XSFI och sfix") == []
    assert matches("SFI", "SFI, SFI:n, Sfi och SFI-undervisning") == ["SFI", "SFI", "Sfi", "SFI"]
    assert matches("ESF", "BESF ESFX ESF-medel (ESF) ESF:s") == ["ESF", "ESF", "ESF"]
    # Swedish letters are letters: no boundary between KAA and Å or ä.
    assert matches("KAA", "KAAÅ äKAA KAA-listan", case_sensitive=True) == ["KAA"]
    assert matches("*praktik", "praktikå") == []


def test_case_sensitive_patterns():
    assert matches("KROM", "KROM och krom (metallen)", case_sensitive=True) == ["KROM"]
    assert matches("KROM", "KROM och krom") == ["KROM", "krom"]


@pytest.mark.parametrize("bad", ["", "  ", "*", "jobb*spår", "-jobbspår", "jobbspår-", "**x"])
def test_malformed_patterns_are_errors(bad):
    with pytest.raises(ValueError):
        compile_pattern(bad)


def test_special_characters_are_literal():
    assert matches("§-37*", "beviljats §37 medel och § 37-projekt") == ["§37", "§ 37"]
    assert matches("a.b", "axb a.b") == ["a.b"]


ALL_PATTERNS = [p for t in TOPICS for p in t.patterns]
WORDS = ["jobbspår", "Jobbspåren", "lokaljobbspår", "KAA", "kaa", "KROM", "krom", "SFI:n", "praktik",
         "språkpraktik", "praktiska", "FoU", "plattformen", "aktivitets", "ansvaret", "ESF", "§", "37",
         "förstärkt", "arbetsträning", "DUA", "överenskommelser", "Mötesplats", "arbetsmarknad", "ö", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from([" ", "  ", "\n", "-", "- ", ", ", "("]),
                          st.text(alphabet="aåäöAÅÄÖkjsp-_ 1", max_size=4)), max_size=30))
def test_fast_search_finds_exactly_what_the_regex_finds(pieces):
    text = "".join(pieces)
    lowered = text.lower()
    for pattern in ALL_PATTERNS:
        assert pattern.spans(text, lowered) == [m.span() for m in pattern.regex.finditer(text)], pattern.text


# --- THE RULE: minimum evidence --------------------------------------------------------------


def test_one_passing_mention_in_a_long_text_does_not_tag():
    text = FILLER + "Någon nämnde jobbspår. " + FILLER
    assert "jobbspar" not in hit_ids("Aktuellt", text)


def test_two_mentions_tag():
    text = FILLER + "Jobbspår inom vård. " + FILLER + "Ett nytt jobbspår startar."
    hits = match_topics("Aktuellt", text, TOPICS)
    hit = next(h for h in hits if h.topic_id == "jobbspar")
    assert hit.count == MIN_MATCHES == 2 and not hit.in_title
    assert [text[s:e] for s, e in hit.spans] == ["Jobbspår", "jobbspår"]


def test_one_mention_in_the_title_tags():
    hits = match_topics("Arbete med jobbspår", FILLER, TOPICS)
    hit = next(h for h in hits if h.topic_id == "jobbspar")
    assert hit.in_title and hit.count == 0 and hit.spans == ()
    assert hit.title_spans == ((11, 19),)


def test_one_strong_mention_tags():
    text = FILLER + "Kommunen satsar på förberedande jobbspår. " + FILLER
    hit = next(h for h in match_topics("Aktuellt", text, TOPICS) if h.topic_id == "jobbspar")
    assert hit.strong and hit.count == 1


def test_overlapping_and_joined_matches_are_one_mention():
    t = topic("DUA*", "*överenskommelse*")
    assert match_topics("x", "Samarbetet kring DUA-överenskommelser.", [t]) == []
    [hit] = match_topics("x", "DUA-överenskommelser. Senare: DUA igen.", [t])
    assert hit.count == 2 and hit.spans == ((0, 20), (30, 33))
    kaa = BY_ID["kaa"]
    assert match_topics("x", FILLER + "det kommunala aktivitetsansvaret (KAA) " + FILLER, [kaa]) == []
    assert match_topics("x", FILLER + "unga (KAA, kommunala aktivitetsansvaret) " + FILLER, [kaa]) == []
    assert match_topics("x", "förstärkt arbetsträning", [BY_ID["arbetstraning"]]) == []
    # Two mentions on separate lines are two, even if nothing else stands between them.
    assert match_topics("x", "KAA\nKAA", [kaa])[0].count == 2


def test_hits_are_ordered_title_first_then_by_count():
    text = "Jobbspår och jobbspår och jobbspår. Feriejobb och feriejobb."
    hits = match_topics("Statistik", text, TOPICS)
    assert [h.topic_id for h in hits] == ["statistik", "jobbspar", "feriejobb"]


# --- the seeds: honest expectations from the rule -------------------------------------------


def units(key: str) -> list[tuple[str, str, str]]:
    """(label, title, text) of each unit of a seed document."""
    document, _ = parse_seed(key)
    if document.items:
        return [(f"punkt {i.number}", i.title, blocks_text(i.blocks)) for i in document.items]
    if document.sections:
        return [(f"avsnitt {s.number}", s.title, blocks_text(s.blocks)) for s in document.sections]
    return [("artikel", document.title, blocks_text(document.preamble))]


def tagged(key: str, topic_id: str) -> list[str]:
    return [label for label, title, text in units(key)
            if topic_id in {h.topic_id for h in match_topics(title, text, TOPICS)}]


def test_jobbspar_on_the_2023_minutes():
    # Nothing in these minutes is about jobbspår; item 8's arbetsgrupp plans the
    # conference Mötesplats arbetsmarknad.
    assert tagged("2023", "jobbspar") == []
    assert "punkt 8" in tagged("2023", "motesplatser")


def test_jobbspar_on_the_2022_minutes():
    assert tagged("2022", "jobbspar") == ["punkt 8"]  # `Arbete med jobbspår, lokalt och delregionalt`


def test_jobbspar_on_the_2021_minutes():
    # Item 3 lists `DUA-överenskommelser och jobbspår` once among three priorities: one
    # mention, not in the title, so not tagged. Item 4 mentions jobbspår three times
    # (erfarenhetsutbyten kring jobbspår, regionala jobbspår, jobbspår mot fordonsmontör).
    assert tagged("2021", "jobbspar") == ["punkt 4"]
    assert tagged("2021", "dua") == []  # `DUA-överenskommelser` is one mention


def test_jobbspar_on_the_agreement():
    # Section 3 (`påbörjar jobbspår`) and section 5 (`I de lokala jobbspår`) mention it once;
    # 6 describes the jobbspår at length, 7 has it in its title, 9 follows them up twice.
    assert tagged("agreement", "jobbspar") == ["avsnitt 6", "avsnitt 7", "avsnitt 9"]
    assert "avsnitt 7" in tagged("agreement", "kompetensforsorjning")


def test_jobbspar_on_the_article():
    assert tagged("article", "jobbspar") == []
    assert tagged("article", "regional-samverkan") == ["artikel"]


def test_seed_spans_point_at_the_words():
    for key in ("2023", "2022", "2021", "agreement", "article"):
        for _, title, text in units(key):
            for hit in match_topics(title, text, TOPICS):
                for start, end in hit.spans:
                    assert text[start:end].strip() == text[start:end] and text[start:end]
                assert hit.spans == tuple(sorted(hit.spans))


# --- excerpts ----------------------------------------------------------------------------------


def test_excerpt_around_the_best_match_with_relative_spans():
    text = FILLER + "Arbetet med jobbspår fortlöper.\nFler jobbspår planeras. " + FILLER
    hit = next(h for h in match_topics("x", text, TOPICS) if h.topic_id == "jobbspar")
    snippet, marks = excerpt(text, hit.spans, width=120)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) <= 120 + 2
    assert [snippet[s:e] for s, e in marks] == ["jobbspår", "jobbspår"]
    assert "\n" not in snippet and "  " not in snippet
    body = snippet.strip("…")
    assert body == body.strip() and body.split()[0] in text.split()  # not cut inside a word


def test_excerpt_of_short_text_and_without_spans():
    assert excerpt("Jobbspår i DUAN", [(0, 8)]) == ("Jobbspår i DUAN", [(0, 8)])
    assert excerpt("Kort text", []) == ("Kort text", [])
    snippet, marks = excerpt("ord " * 100, [], width=20)
    assert snippet.endswith("…") and len(snippet) <= 21 and marks == []


def test_excerpt_prefers_the_place_with_most_matches():
    text = "KAA " + "x " * 200 + "KAA KAA KAA " + "y " * 200
    spans = [m.span() for m in re.finditer("KAA", text)]
    snippet, marks = excerpt(text, spans, width=40)
    assert len(marks) == 3


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["jobbspår", "och", "kommunen", "\n", "  ", "Jobbspåren,", "ö"]),
                max_size=80),
       st.integers(min_value=10, max_value=120))
def test_excerpt_marks_always_cover_the_matched_words(words, width):
    text = " ".join(words)
    spans = [m.span() for m in re.finditer(r"(?i)jobbspår\w*", text)]
    snippet, marks = excerpt(text, spans, width=width)
    assert len(snippet.strip("…")) <= width
    assert len(marks) <= len(spans)
    assert marks == sorted(marks)
    for (s, e), (next_s, _) in zip(marks, marks[1:]):
        assert e <= next_s
    for s, e in marks:
        assert snippet[s:e].lower().startswith("jobbspår")
    if spans and all(e - s <= width for s, e in spans):
        assert marks  # the best match is always shown


# --- blocks_text ------------------------------------------------------------------------------


def test_blocks_text_joins_parsed_blocks():
    document, _ = parse_seed("2022")
    item = document.items[5]
    text = blocks_text(item.blocks)
    assert "Likvärdig statistik" in text  # sub-heading
    assert "fortsätta med de pågående fördjupningsområden" in text  # the proposal
    assert "förslaget beviljas" in text  # the decision


# --- loading and checking the file ----------------------------------------------------------


def write(tmp_path, text: str):
    path = tmp_path / "amnen.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_valid_file_reads(tmp_path):
    path = write(tmp_path, """\
        - id: a
          name: A
          description: Ett ämne.
          patterns: [ord*, {pattern: NO, case_sensitive: true, strong: true}]
          related: [b]
        - id: b
          name: B
          description: Ett annat.
          patterns:
            - annat
        """)
    a, b = read_topics(path)
    assert a.patterns[1] == TopicPattern("NO", strong=True, case_sensitive=True)  # "NO" is not False
    assert a.related == ("b",) and b.related == ()


def test_problems_are_reported_with_line_numbers(tmp_path):
    path = write(tmp_path, """\
        - id: Jobbspår
          name: A
          description: x.
          patterns: [a]
        - id: b
          name: B
          description: x.
          patterns: ["jobb*spår", {pattern: x, strong: kanske}]
          related: [finns-inte, b]
          colour: red
        - id: c
          name: C
          description: x.
        - id: b
          name: B2
          description: x.
          patterns: [y, Y]
        """)
    with pytest.raises(TopicError) as caught:
        read_topics(path)
    message = str(caught.value)
    assert f"{path}:1: id 'Jobbspår'" in message
    assert f"{path}:8: pattern 'jobb*spår' of b" in message
    assert "strong must be true or false" in message
    assert f"{path}:10: unknown field 'colour'" in message
    assert "c needs a list of patterns" in message
    assert "related topic 'finns-inte' of b does not exist" in message
    assert "b cannot be related to itself" in message
    assert "id 'b' is already used on line 5" in message
    assert "pattern 'Y' of b is listed twice" in message


def test_invalid_yaml_is_reported(tmp_path):
    with pytest.raises(TopicError, match=r"amnen\.yml:\d+: not valid YAML"):
        read_topics(write(tmp_path, "- id: [a\n"))
