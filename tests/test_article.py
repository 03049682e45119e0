"""Articles: headline, byline, lead, body with quotations, contact persons, publisher and
the web site's boilerplate kept apart - on the seed, a fixture of a different layout,
inline cases, and properties over generated articles."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model import BulletList, Diagnostics, Kind, Paragraph, SourceFile, SubHeading
from generator.parse import parse_document
from generator.parse.article import parse_article
from generator.read.sources import read_source
from tests.helpers import KNOWLEDGE, SETTINGS, parse_seed, parse_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def body_text(article) -> str:
    parts = []
    for block in article.body:
        if isinstance(block, BulletList):
            parts.extend(block.items)
        else:
            parts.append(block.text)
    return "\n".join(parts)


# --- the seed article ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    document, diagnostics = parse_seed("article")
    assert document.kind is Kind.ARTICLE and document.article is not None
    return document, diagnostics


def test_seed_headline_and_lead(seed):
    document, _ = seed
    article = document.article
    assert article.headline == "Nytt uppdrag ska utreda hur kommunerna kan samverka mer vid arbetsmarknadsinsatser"
    assert document.title == article.headline
    assert article.lead.text == ("Vilka möjligheter finns för kommunerna att samarbeta när det gäller "
                                 "arbetsmarknadsinsatser? Det ska GR under hösten utreda.")
    assert article.byline is None


def test_seed_body_has_two_quotes_by_eva(seed):
    article = seed[0].article
    quotes = article.quotes
    assert len(quotes) == 2
    assert [(q.speaker, q.speaker_name, q.verb) for q in quotes] == [
        ("Eva", "Eva Ahlstedt", "berättar"), ("Eva", "Eva Ahlstedt", "säger")]
    assert quotes[0].quote.startswith("Vi behöver arbeta ur ett regionalt perspektiv")
    assert quotes[0].quote.endswith("som omfattas av kommunala arbetsmarknadsinsatser")
    assert quotes[0].text.startswith("– Vi behöver") and quotes[0].text.endswith(", berättar Eva.")
    assert quotes[1].attribution == "säger Eva"


def test_seed_body_structure(seed):
    article = seed[0].article
    kinds = [type(b).__name__ for b in article.body]
    assert kinds == ["Paragraph", "SubHeading", "Paragraph", "Quote", "Paragraph", "SubHeading", "Paragraph",
                     "Quote", "Paragraph"]
    assert article.body[1].text == "Initiativ från AME-chefsnätverket"
    assert article.body[-1].text == "Uppdraget ska vara klart vid årsskiftet."


def test_seed_contact_and_publisher(seed):
    article = seed[0].article
    assert article.contact.name == "Eva Ahlstedt"
    assert (article.contact.organisation, article.contact.organisation_written) == ("GR", "GR")
    assert article.contact.written == "Kontaktperson på GR: Eva Ahlstedt"
    assert (article.publisher, article.publisher_written) == ("GR", "Göteborgsregionen (GR)")


def test_seed_boilerplate_separated(seed):
    document = seed[0]
    article = document.article
    text = body_text(article) + article.lead.text
    for word in ("Twitter", "Prenumerera", "består av 13 kommuner som har valt", "Senast uppdaterad",
                 "Kontaktperson", "LinkedIn"):
        assert word not in text
    assert article.boilerplate[0] == "Senast uppdaterad:"
    assert article.boilerplate[-1] == "Göteborgregionens Kommunalaförbund"
    assert "Twitter" in article.boilerplate and "Prenumerera" in article.boilerplate
    assert article.boilerplate_line == 26
    # the page's plain blocks keep the contact line but not the boilerplate
    plain = "\n".join(b.text for b in document.preamble if isinstance(b, (Paragraph, SubHeading)))
    assert "Kontaktperson på GR: Eva Ahlstedt" in plain and "Twitter" not in plain
    assert all(isinstance(b, (Paragraph, BulletList, SubHeading)) for b in document.preamble)
    # the verbatim original still has it
    assert "Twitter" in document.source.body


def test_seed_date_is_left_to_the_date_rules(seed):
    document = seed[0]
    assert (document.date.value, document.date.inferred) == ("2019", True)


# --- a fixture of a different layout --------------------------------------------------------------


@pytest.fixture(scope="module")
def lerum():
    diagnostics = Diagnostics()
    source = read_source(FIXTURES / "article_lerum.txt", FIXTURES, diagnostics)
    document = parse_document(source, SETTINGS, KNOWLEDGE, diagnostics)
    assert document.kind is Kind.ARTICLE
    return document, diagnostics


def test_fixture_byline_and_date(lerum):
    document, _ = lerum
    assert document.article.byline == "Publicerad 12 mars 2021"
    assert document.date.value == "2021-03-12"
    assert document.article.lead.text.startswith("Lerums kommun och Arbetsförmedlingen har under ett år")


def test_fixture_quotes_with_roles_pronouns_and_quotation_marks(lerum):
    quotes = lerum[0].article.quotes
    assert [(q.speaker, q.speaker_name, q.verb) for q in quotes] == [
        ("Karin Ek", "Karin Ek", "säger"), ("Karin Ek", "Karin Ek", "säger"), ("Jonas Berg", "Jonas Berg", "säger")]
    assert quotes[0].attribution == "säger Karin Ek, enhetschef på arbetsmarknadsenheten i Lerum"
    assert quotes[0].quote == "Det som gör skillnad är att arbetsgivarna är med från första dagen"
    assert quotes[1].attribution == "säger hon"
    assert quotes[2].quote == "Vi har fått in personer som verkligen vill jobba hos oss"


def test_fixture_contact_footer_and_publisher(lerum):
    article = lerum[0].article
    contact = article.contact
    assert (contact.name, contact.organisation, contact.email, contact.phone) == \
        ("Karin Ek", "Lerum", "karin.ek@lerum.se", "0302-52 10 00")
    assert article.boilerplate == ("Dela artikeln", "Skriv ut", "Instagram", "Lerums kommun",
                                   "Org.nr 212000-1488", "© Lerums kommun 2021")
    assert (article.publisher, article.publisher_written) == ("Lerum", "Lerums kommun")
    text = body_text(article)
    assert "Instagram" not in text and "Org.nr" not in text and "Kontakt:" not in text
    # hard-wrapped lines are joined
    assert "som saknar gymnasieutbildning. Deltagarna varvar praktik" in text


# --- inline cases ------------------------------------------------------------------------------------


def article_of(text: str):
    document, diagnostics = parse_text(text)
    assert document.kind is Kind.ARTICLE
    return document.article


def test_footer_found_by_its_trailing_lines_alone():
    article = article_of("""\
Ny rapport om feriejobb

Rapporten visar att fler unga fick feriejobb i år än förra året.

– Det är glädjande, säger Anna Lind.

Göteborgsregionen (GR)
Facebook
LinkedIn
""")
    assert article.boilerplate == ("Göteborgsregionen (GR)", "Facebook", "LinkedIn")
    assert article.publisher == "GR"
    assert article.quotes[0].speaker_name == "Anna Lind"


def test_contact_details_below_the_label():
    article = article_of("""\
Nytt nätverk startar

Ett nytt nätverk för arbetsmarknadschefer startar i höst.

Kontaktperson:
Karin Ek
karin.ek@gr.to

Senast uppdaterad: 2021-05-04
""")
    assert (article.contact.name, article.contact.email) == ("Karin Ek", "karin.ek@gr.to")
    assert article.boilerplate == ("Senast uppdaterad: 2021-05-04",)
    assert body_text(article) == ""


def test_surname_attribution_finds_the_full_name():
    article = article_of("""\
Samverkan ger resultat

Lena Holm leder projektet sedan två år.

– Vi ser tydliga resultat, säger Holm.

Kontakt: Lena Holm
""")
    assert (article.quotes[0].speaker, article.quotes[0].speaker_name) == ("Holm", "Lena Holm")


# --- properties -----------------------------------------------------------------------------------------

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö", min_size=2, max_size=9)
SENTENCE = st.lists(WORD, min_size=3, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
FIRST = st.sampled_from(["Anna", "Björn", "Åsa", "Örjan", "Karin", "Per"])
LAST = st.sampled_from(["Ek", "Lind", "Öberg", "Ångström", "Nilsson", "Berg"])
VERB = st.sampled_from(["säger", "berättar", "menar", "konstaterar"])
FOOTER = st.sampled_from(["Twitter", "Facebook", "Youtube", "Rss", "Prenumerera", "LinkedIn", "Instagram",
                          "Göteborgsregionen (GR)", "Dela artikeln", "Skriv ut",
                          "Göteborgsregionen (GR) består av 13 kommuner som har valt att jobba tillsammans."])


@st.composite
def articles(draw):
    speaker = (draw(FIRST), draw(LAST))
    body: list[tuple[str, str | None]] = []  # (paragraph, speaker's first name if a quote)
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            body.append((f"– {draw(SENTENCE)[:-1]}, {draw(VERB)} {speaker[0]}.", speaker[0]))
        else:
            body.append((draw(SENTENCE), None))
    footer = draw(st.lists(FOOTER, max_size=6))
    contact = draw(st.booleans())
    lines = [" ".join(draw(st.lists(WORD, min_size=2, max_size=8))).capitalize(), "",
             f"{draw(SENTENCE)} {speaker[0]} {speaker[1]} {draw(SENTENCE).lower()}", ""]
    for paragraph, _ in body:
        lines += [paragraph, ""]
    if contact:
        lines += [f"Kontaktperson på GR: {speaker[0]} {speaker[1]}", ""]
    lines += ["Senast uppdaterad:", ""] + footer if draw(st.booleans()) else footer
    return "\n".join(lines), speaker, body, footer, contact


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in strings(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [s for item in value for s in strings(item)]
    return []


def raw_source(text: str) -> SourceFile:
    return SourceFile(path=Path("x.txt"), name="x.txt", raw=text, body=text, meta={})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_generated_articles_parse_into_their_parts(case):
    text, speaker, body, footer, contact = case
    article = parse_article(raw_source(text), KNOWLEDGE, Diagnostics())
    assert words(text) <= words("\n".join(strings(article)))
    quotes = article.quotes
    assert [q.speaker for q in quotes] == [s for _, s in body if s]
    assert all(q.speaker_name == f"{speaker[0]} {speaker[1]}" for q in quotes)
    assert [b.text for b in article.body] == [p for p, _ in body]
    for line in footer:
        assert line not in body_text(article)
    assert [c.name for c in article.contacts] == ([f"{speaker[0]} {speaker[1]}"] if contact else [])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_arbitrary_text_never_raises_or_loses_a_word(text):
    article = parse_article(raw_source(text), KNOWLEDGE, Diagnostics())
    assert words(text) <= words("\n".join(strings(article)))


LINE = st.one_of(SENTENCE, WORD, FOOTER, SENTENCE.map(lambda s: "– " + s), SENTENCE.map(lambda s: f'"{s}"'),
                 st.sampled_from(["Kontakt:", "Kontaktperson på GR: Eva Ek", "Publicerad 3 maj 2020",
                                  "Senast uppdaterad: 2020-05-04", "– Bra, säger hon.", "", "Text: Per Lind",
                                  "Kontakt: Eva Ek, GR, eva@gr.to, 031-335 50 00"]),
                 st.text(max_size=30))


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, max_size=25).map("\n".join))
def test_arbitrary_lines_never_raise_or_lose_a_word(text):
    article = parse_article(raw_source(text), KNOWLEDGE, Diagnostics())
    assert words(text) <= words("\n".join(strings(article)))


def test_a_sentence_starting_like_a_footer_is_body_text():
    article = article_of("""\
Ny statistik om försörjningsstöd

Statistiken för första kvartalet är klar.

Uppdaterad statistik visar att antalet hushåll med försörjningsstöd minskar i regionen.

Senast uppdaterad: 2021-05-04
""")
    assert body_text(article).startswith("Uppdaterad statistik visar")
    assert article.boilerplate == ("Senast uppdaterad: 2021-05-04",)
