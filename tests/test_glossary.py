"""The glossary (generator/data/ordlista.yml, generator/glossary.py): abbreviations as <abbr>,
safely, and unknown abbreviations for `arkiv check`."""

from __future__ import annotations

import re
import textwrap

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.knowledge.glossary import Glossary, GlossaryEntry, GlossaryError, read_glossary
from generator.render.abbreviations import annotate_html
from generator.resolve.abbreviations import find_unknown_abbreviations, looks_like_abbreviation
from generator.render import text as render_text
from tests.helpers import KNOWLEDGE, SEEDS, SOURCE

GLOSSARY = KNOWLEDGE.glossary
EXTENSIONS = ["abbr", "attr_list", "toc", "md_in_html"]
# The extensions of mkdocs.yml, plus abbr.
SITE_EXTENSIONS = ["abbr", "toc", "attr_list", "md_in_html", "admonition", "tables",
                   "pymdownx.details", "pymdownx.superfences"]
KROM = '<abbr title="Kundval Rusta och matcha">KROM</abbr>'
GR = '<abbr title="Göteborgsregionen">GR</abbr>'


def md(text: str, extensions=EXTENSIONS, glossary: Glossary = GLOSSARY) -> str:
    return markdown.markdown(text + "\n\n" + glossary.abbreviation_definitions_markdown(),
                             extensions=extensions)


def tags(html: str) -> list[str]:
    """Every tag of `html` except <abbr> and </abbr>, as written."""
    return [t for t in re.findall(r"<[^>]*>", html) if not re.match(r"</?abbr\b", t)]


def strip_abbr(html: str) -> str:
    return re.sub(r'<abbr title="[^"]*">|</abbr>', "", html)


# --- the file ---------------------------------------------------------------------------------


@pytest.mark.parametrize("term", [
    "AME", "AF", "SKR", "GR", "DUA", "KAA", "SFI", "UVAS", "KROM", "LOU", "ESF", "IPS", "BIP",
    "OSA", "CFA", "LSS", "IFO", "SYV", "FoU", "Finsam", "SE", "ALF", "ArbNär", "AI", "HR", "GDPR",
])
def test_the_field_s_abbreviations_are_listed(term):
    entry = GLOSSARY.lookup(term)
    assert entry is not None and entry.term == term
    assert entry.expansion and entry.explanation


def test_variants_and_case():
    assert GLOSSARY.lookup("Af").term == "AF"
    assert GLOSSARY.lookup("Sfi").term == "SFI" and GLOSSARY.lookup("sfi").term == "SFI"
    assert GLOSSARY.lookup("af") is None  # case sensitive: the syllable is not Arbetsförmedlingen
    assert GLOSSARY.lookup("fou").term == GLOSSARY.lookup("FOU").term == "FoU"  # case_sensitive: false


def test_ambiguous_short_forms_are_known_but_never_defined():
    se = GLOSSARY.lookup("SE")
    assert se.ambiguous and se.expansion == "Supported Employment"
    definitions = GLOSSARY.abbreviation_definitions_markdown()
    assert "*[SE]:" not in definitions and "*[ALF]:" not in definitions
    assert "SE" not in GLOSSARY.expansions()
    assert GLOSSARY.knows("SE")


def test_definitions_markdown():
    definitions = GLOSSARY.abbreviation_definitions_markdown()
    lines = definitions.splitlines()
    assert "*[KROM]: Kundval Rusta och matcha" in lines
    assert "*[AF]: Arbetsförmedlingen" in lines and "*[Af]: Arbetsförmedlingen" in lines
    assert {"*[FoU]: Forskning och utveckling", "*[FOU]: Forskning och utveckling",
            "*[fou]: Forskning och utveckling"} <= set(lines)
    assert all(re.fullmatch(r"\*\[[^\]\\]+\]: \S.*", line) for line in lines)
    assert definitions.endswith("\n") and len(lines) == len(set(lines))
    assert Glossary(()).abbreviation_definitions_markdown() == ""


# --- Python-Markdown's abbr extension: what it touches and what not ---------------------------


def test_abbr_keeps_heading_ids():
    html = md("## KROM-leverantörer { #punkt-6 }")
    assert html == f'<h2 id="punkt-6">{KROM}-leverantörer</h2>'


def test_abbr_keeps_generated_heading_ids_and_toc_names():
    converter = markdown.Markdown(extensions=EXTENSIONS)
    html = converter.convert("# Möte om KROM\n\n" + GLOSSARY.abbreviation_definitions_markdown())
    assert html == f'<h1 id="mote-om-krom">Möte om {KROM}</h1>'
    assert converter.toc_tokens[0]["name"] == "Möte om KROM"  # what MkDocs' navigation uses


def test_abbr_keeps_link_urls_but_wraps_link_text():
    html = md("[GR](https://gr.se/GR) och [text](https://x.se/?q=KROM)")
    assert f'<a href="https://gr.se/GR">{GR}</a>' in html  # valid HTML: <abbr> inside <a>
    assert 'href="https://x.se/?q=KROM"' in html


def test_abbr_leaves_code_alone():
    html = md("Se `KROM och GR` här.\n\n```\nKROM GR\n```\n\n    KROM i indragen kod",
              extensions=EXTENSIONS + ["fenced_code"])
    assert "<code>KROM och GR</code>" in html
    assert "<pre><code>KROM GR\n</code></pre>" in html
    assert "<pre><code>KROM i indragen kod\n</code></pre>" in html
    assert html.count("<abbr") == 0


def test_abbr_wraps_words_before_a_hyphen_and_a_colon_but_not_inside_words():
    html = md("KROM- leverantörer, KROM-leverantörer, AF:s besked, SFI:n. AFX, SFIX, GRÖN, BESF.")
    assert html.count(KROM) == 2
    assert '<abbr title="Arbetsförmedlingen">AF</abbr>:s' in html
    assert '<abbr title="Svenska för invandrare">SFI</abbr>:n' in html
    assert "AFX, SFIX, GRÖN, BESF." in html


def test_abbr_leaves_attributes_of_raw_html_alone_but_reaches_its_text():
    html = md('<span title="GR" class="x">GR</span> och <img alt="KROM" src="GR.png">')
    assert f'<span title="GR" class="x">{GR}</span>' in html
    assert '<img alt="KROM" src="GR.png">' in html


def test_abbr_does_not_reach_raw_html_blocks():
    html = md('<div class="arkiv-fakta">\nKROM\n</div>')
    assert "<abbr" not in html


def test_abbr_never_expands_ambiguous_se():
    html = md("supported employment (SE) och individual placement support (IPS)")
    assert "(SE)" in html and '<abbr title="Individual Placement and Support">IPS</abbr>' in html


def test_abbr_titles_are_escaped():
    glossary = Glossary((GlossaryEntry("XY", 'A & "B" <c>', "Förklaring."),))
    html = md("XY", glossary=glossary)
    assert html == '<p><abbr title="A &amp; &quot;B&quot; &lt;c&gt;">XY</abbr></p>'


def test_abbr_with_the_site_s_extensions_and_escaped_source_text():
    # Source text goes through generator/render/text.py; the definitions come after it.
    source = 'KROM- leverantörer och [GR](https://gr.se/GR) och `GR` och <GR> & "AF"'
    page = "\n\n".join([
        "## KROM-leverantörer { #punkt-6 }",
        render_text.inline(source),
        '!!! note "KROM"\n    Om GR.',
        "```\nKROM\n```",
        "| KROM | GR |\n| --- | --- |\n| AF | x |",
    ])
    html = md(page, extensions=SITE_EXTENSIONS)
    assert html.count('<h2 id="punkt-6">') == 1
    assert f'{KROM}- leverantörer' in html
    assert f'<a href="https://gr.se/GR" rel="noopener">{GR}</a>' in html
    assert f"`{GR}`" in html  # escaped backticks show as written: text, not code
    assert f"&lt;{GR}&gt;" in html  # `<GR>` shows as text
    assert "<pre><span></span><code>KROM\n</code></pre>" in html  # superfences' code block
    assert f'<p class="admonition-title">{KROM}</p>' in html
    assert '<td><abbr title="Arbetsförmedlingen">AF</abbr></td>' in html


# --- annotate_html --------------------------------------------------------------------------------


def test_annotate_html_marks_text_only():
    html = ('<h2 id="punkt-6">KROM-leverantörer<a class="headerlink" href="#punkt-6" '
            'title="Permanent länk hit">¶</a></h2>\n<p>Text om KROM- leverantörer och '
            '<a href="https://gr.se/GR">GR</a> och <code>GR</code>.</p>')
    out = annotate_html(html, GLOSSARY)
    assert out == (f'<h2 id="punkt-6">{KROM}-leverantörer<a class="headerlink" href="#punkt-6" '
                   f'title="Permanent länk hit">¶</a></h2>\n<p>Text om {KROM}- leverantörer och '
                   '<a href="https://gr.se/GR">GR</a> och <code>GR</code>.</p>')


def test_annotate_html_skips_code_pre_abbr_scripts_and_titled_elements():
    html = ("<pre>KROM</pre><kbd>GR</kbd><abbr title='x'>GR</abbr><script>var GR = 1;</script>"
            "<style>.GR{}</style><span class=\"arkiv-lanktext\" title=\"Länk\">GR <em>GR</em></span>"
            "<span>GR</span>")
    out = annotate_html(html, GLOSSARY)
    assert out == html.replace("<span>GR</span>", f"<span>{GR}</span>")


def test_annotate_html_keeps_markup_byte_for_byte():
    html = ('<!DOCTYPE html>\n<html lang="sv"><head><title>GR</title><meta charset="utf-8">'
            '</head><body>\n<!-- GR -->\n<p CLASS=x data-x=\'GR\'>AF&amp;GR &aring;GR GR&#124;KROM'
            '<br/>SFI:n\r\n&nbsp;AFX</p></body></html>')
    out = annotate_html(html, GLOSSARY)
    assert tags(out) == tags(html)
    assert strip_abbr(out) == html
    assert "<title>GR</title>" in out and "<!-- GR -->" in out
    assert f'&amp;{GR}' in out and "&aring;GR" in out  # `åGR` is one word: not marked
    assert f"{GR}&#124;{KROM}" in out
    assert "AFX" in out and '<abbr title="Svenska för invandrare">SFI</abbr>:n' in out


def test_annotate_html_first_only_and_ambiguous():
    out = annotate_html("<p>AF och Af och AF. SE och SE.</p>", GLOSSARY, first_only=True)
    assert out == '<p><abbr title="Arbetsförmedlingen">AF</abbr> och Af och AF. SE och SE.</p>'


def test_annotate_html_case_insensitive_entries_and_idempotence():
    out = annotate_html("<p>FoU, FOU och fou-plattform</p>", GLOSSARY)
    assert out.count('<abbr title="Forskning och utveckling">') == 3
    assert annotate_html(out, GLOSSARY) == out


def test_annotate_html_on_markdown_output_agrees_with_abbr_outside_links():
    source = "## KROM-leverantörer { #punkt-6 }\n\nKROM- leverantörer, AF:s besked och `GR`."
    plain = markdown.markdown(source, extensions=["attr_list", "toc"])
    assert annotate_html(plain, GLOSSARY) == md(source)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(
    st.sampled_from(["GR", "KROM", "AF", "Af", "SE", "SFI:n", "AFX", "&amp;", "&#124;", "&aring;",
                     " ", "\n", "-", "<em>", "</em>", '<a href="GR">', "</a>", "<code>", "</code>",
                     "<br>", '<span title="GR">', "</span>", "<!-- KROM -->", "ö", "&", "<"]),
    st.text(alphabet="GRKOMAFSEåö -:", max_size=6)), max_size=40))
def test_annotate_html_only_ever_adds_abbr_tags(pieces):
    html = "<p>" + "".join(pieces) + "</p>"
    out = annotate_html(html, GLOSSARY)
    assert strip_abbr(out) == html
    for inner in re.findall(r'<abbr title="[^"]*">([^<]*)</abbr>', out):
        assert GLOSSARY.lookup(inner) is not None and not GLOSSARY.lookup(inner).ambiguous


# Forms that begin inside one another ("Ka Sö" and "Sö"), case-insensitive entries whose first
# letter has case relatives beyond upper and lower (k: the Kelvin sign, s: long s, i: dotted and
# dotless i, å: the Ångström sign), and a case-sensitive one.
MATCHING = Glossary((
    GlossaryEntry("KA SÖ", "a", "", case_sensitive=False),
    GlossaryEntry("SÖ", "b", "", case_sensitive=False),
    GlossaryEntry("Isk", "c", "", case_sensitive=False),
    GlossaryEntry("ÅK", "d", "", case_sensitive=False),
    GlossaryEntry("kS", "e", ""),
))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="kKaAsSöÖiIåÅ _-:1\u212a\u212b\u017f\u0130\u0131", max_size=40))
def test_matches_finds_what_the_whole_word_regex_finds(text):
    assert [m.span() for m in MATCHING.matches(text)] == [m.span() for m in MATCHING.regex.finditer(text)]


def test_matches_whole_words_only_and_after_a_rejected_start():
    text = "xKA SÖ KA SÖ, \u212aa sö och sö1"
    assert [m.group() for m in MATCHING.matches(text)] == ["SÖ", "KA SÖ", "\u212aa sö"]


# --- unknown abbreviations ---------------------------------------------------------------------


def register_names() -> set[str]:
    registers = KNOWLEDGE.registers
    return ({form for m in registers.municipalities for form in m.forms}
            | {form for o in registers.organisations for form in o.forms})


def test_unknown_abbreviations_in_the_seeds():
    found = {}
    for name in SEEDS.values():
        text = (SOURCE / name).read_text(encoding="utf-8")
        found[name] = [token for token, _ in find_unknown_abbreviations(text, GLOSSARY, register_names())]
    assert found == {
        SEEDS["2023"]: [],
        SEEDS["2022"]: ["SKAPA"],
        SEEDS["2021"]: [],
        SEEDS["agreement"]: ["BrVux", "BRvux", "SPIRA", "PULS"],
        SEEDS["article"]: [],
    }


def test_unknown_abbreviations_offsets_and_first_occurrence_only():
    text = "Projektet PULS och PULS igen, samt SPIRA."
    assert find_unknown_abbreviations(text, GLOSSARY) == [("PULS", 10), ("SPIRA", 35)]


@pytest.mark.parametrize("text", [
    "Kapitel IV och VI-projektet, del XIV.",           # Roman numerals
    "NÄRVARANDE\nEJ NÄRVARANDE\nBORÅS 2020-10-22",     # lines without lower case
    "Jobbspår i DUAN och SFIn, AMEs uppdrag",         # known abbreviations with an ending
    "Se https://www.example.se/XYZW och ABCD@gr.se",   # addresses
    "Göteborg, Kungälv och Mölndal. Ale kommun. I",    # ordinary capitalised words
    "ARBETSMARKNAD är ett långt ord i versaler",       # longer than six letters
    "KROM, SE, ALF, JB och ÅB är kända",               # known, also the ambiguous ones
])
def test_not_reported(text):
    assert find_unknown_abbreviations(text, GLOSSARY) == []


def test_municipality_names_are_ignored_when_given():
    text = "Mötet hölls i BORÅS med SKR och ULRICEHAMN."
    assert find_unknown_abbreviations(text, GLOSSARY) == [("BORÅS", 14)]
    assert find_unknown_abbreviations(text, GLOSSARY, ignore={"Borås"}) == []


@pytest.mark.parametrize("token, expected", [
    ("PULS", True), ("SPIRA", True), ("SKAPA", True), ("BRvux", True), ("ArbNär", True),
    ("FoU", True), ("ÅB", True), ("B2B", True), ("ESF3", True),
    ("Puls", False), ("A", False), ("LinkedIn", False), ("NÄRVARANDE", False),
    ("II", False), ("XIV", False), ("MIX", False), ("2B", False), ("ab", False),
])
def test_looks_like_abbreviation(token, expected):
    assert looks_like_abbreviation(token) is expected


# --- loading and checking the file --------------------------------------------------------------


def write(tmp_path, text: str):
    path = tmp_path / "ordlista.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_valid_file_reads_without_yaml_surprises(tmp_path):
    path = write(tmp_path, """\
        - term: NO
          expansion: Norge
          explanation: Landskod.
          ambiguous: true
        - term: ON
          variants: [On]
          expansion: Något
          explanation: Test.
          case_sensitive: false
        """)
    glossary = read_glossary(path)
    assert [e.term for e in glossary.entries] == ["NO", "ON"]  # not False / True
    assert glossary.lookup("on").term == "ON"
    assert glossary.abbreviation_definitions_markdown() == "*[ON]: Något\n*[On]: Något\n*[on]: Något\n"


def test_problems_are_reported_with_line_numbers(tmp_path):
    path = write(tmp_path, """\
        - term: AF
          expansion: Arbetsförmedlingen
          explanation: x.
        - term: Af
          expansion: Något annat
          explanation: x.
          colour: red
        - term: A B
          expansion: x
          explanation: x.
          ambiguous: kanske
        - term: XY
          expansion: x
        - term: FOO
          expansion: x
          explanation: x.
        - term: Foo
          expansion: y
          explanation: y.
          case_sensitive: false
        """)
    with pytest.raises(GlossaryError) as caught:
        read_glossary(path)
    message = str(caught.value)
    assert f"{path}:4: 'Af' is already a form of AF (line 1)" not in message  # different case: allowed
    assert f"{path}:7: unknown field 'colour'" in message
    assert f"{path}:8: 'A B' must begin and end with a letter or digit" in message
    assert "ambiguous must be true or false" in message
    assert f"{path}:12: an entry needs a term, an expansion and an explanation" in message
    assert "'FOO' of FOO is also a form of Foo (any case)" in message


def test_the_same_form_in_two_entries_is_an_error(tmp_path):
    path = write(tmp_path, """\
        - term: AF
          expansion: Arbetsförmedlingen
          explanation: x.
        - term: AFA
          variants: [AF]
          expansion: AFA Försäkring
          explanation: x.
        """)
    with pytest.raises(GlossaryError, match=r"ordlista\.yml:4: 'AF' is already a form of AF \(line 1\)"):
        read_glossary(path)
