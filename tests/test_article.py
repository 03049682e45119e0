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
from generator.read.config import Network
from tests.helpers import KNOWLEDGE, SETTINGS, parse_seed, parse_text, source_from_text

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


# --- inline cases: web copies of issue 12 ------------------------------------------------------------


def test_web_chrome_before_the_headline_is_kept_apart():
    article = article_of("""\
Hoppa till huvudinnehåll
Vi använder kakor (cookies) för att förbättra din upplevelse. Genom att fortsätta godkänner du kakor.
Godkänn alla kakor
Lerums kommun
Meny
Sök

Start > Nyheter > Arbetsmarknad

Fler unga i arbete

Publicerad 18 mars 2021

Jobbspåret har gett resultat i år.
""")
    assert article.headline == "Fler unga i arbete"
    assert article.chrome == ("Hoppa till huvudinnehåll",
                              "Vi använder kakor (cookies) för att förbättra din upplevelse. Genom att fortsätta "
                              "godkänner du kakor.", "Godkänn alla kakor", "Lerums kommun", "Meny", "Sök",
                              "Start > Nyheter > Arbetsmarknad")
    assert article.lead.text == "Jobbspåret har gett resultat i år."
    assert (article.byline, article.published) == ("Publicerad 18 mars 2021", "2021-03-18")
    assert "Meny" not in body_text(article)


@pytest.mark.parametrize("crumbs", ["Hem / Nyheter / Arbetsmarknad", "Start › Välfärd › Nyheter",
                                    "[Göteborgsregionen](/) › [Välfärd](/valfard) › Nyheter",
                                    "Alingsås kommun » Arbete och näringsliv » Nyheter"])
def test_breadcrumbs_are_chrome(crumbs):
    article = parse_article(raw_source(f"{crumbs}\n\nNy utbildning för socialsekreterare\n\n"
                                       f"Utbildningen startar i oktober.\n"), KNOWLEDGE, Diagnostics())
    assert article.headline == "Ny utbildning för socialsekreterare"
    assert article.chrome == (crumbs,)


def test_a_slash_inside_a_headline_is_no_breadcrumb():
    article = parse_article(raw_source("Jobbspår inom vård/omsorg ger resultat\n\nNio av tolv fick jobb.\n"),
                            KNOWLEDGE, Diagnostics())
    assert article.headline == "Jobbspår inom vård/omsorg ger resultat" and article.chrome == ()


def test_the_site_name_and_section_above_the_byline_and_headline():
    """An unknown site name above a section label: everything above the headline is chrome,
    a byline above the headline is still the byline."""
    article = article_of("""\
Fyrbodals kommunalförbund
Nyheter

Publicerad: 2018-09-27

Kommunerna satsar på validering

Fjorton kommuner ska bygga upp ett valideringscentrum.
""")
    assert article.headline == "Kommunerna satsar på validering"
    assert article.chrome == ("Fyrbodals kommunalförbund", "Nyheter")
    assert article.published == "2018-09-27"


@pytest.mark.parametrize("byline, published", [
    ("Publicerad 2025-04-03 08:15 | Uppdaterad 2025-04-04 10:02", "2025-04-03"),
    ("Uppdaterad 20 maj 2024 · Publicerad 13 maj 2024", "2024-05-13"),
    ("Publicerad den 12 maj 2016", "2016-05-12"),
    ("Uppdaterad: 2023-08-30", None),
])
def test_the_publication_date_never_the_update(byline, published):
    document, _ = parse_text(f"Gemensam socialjour klar\n\n{byline}\n\nFrån och med hösten får sex kommuner "
                             f"en gemensam jour.\n\n– Det blir en tryggare jour, säger Anna Lind.\n")
    assert document.article.published == published
    if published:
        assert (document.date.value, document.date.source.value) == (published, "text")
        assert "Publiceringsdatum" in document.date.reason


def test_contact_blocks_under_a_label():
    article = article_of("""\
Kommunerna satsar på validering

Fjorton kommuner ska bygga upp ett valideringscentrum.

För mer information, kontakta:

Tove Lindahl
Projektledare, Fyrbodals kommunalförbund
tove.lindahl@fyrbodal.se
0522-44 08 20

Annika Persson
Rektor, Vänersborgs kommun
Tel: 0521-72 10 00
E-post: annika.persson@vanersborg.se

Fyrbodals kommunalförbund | Box 305 | 451 18 Uddevalla | kansli@fyrbodal.se
""")
    assert [(c.name, c.title, c.organisation, c.email, c.phone) for c in article.contacts] == [
        ("Tove Lindahl", "Projektledare", "Fyrbodals kommunalförbund", "tove.lindahl@fyrbodal.se", "0522-44 08 20"),
        ("Annika Persson", "Rektor", "Vänersborg", "annika.persson@vanersborg.se", "0521-72 10 00")]
    assert "Tove Lindahl" not in body_text(article)
    assert article.boilerplate == ("Fyrbodals kommunalförbund | Box 305 | 451 18 Uddevalla | kansli@fyrbodal.se",)


@pytest.mark.parametrize("block, expected", [
    ("Kontakt\nAnnelie Brandt\nEnhetschef, arbetsmarknadsenheten, Lerums kommun\nannelie.brandt@lerum.se\n"
     "0302-52 10 00", ("Annelie Brandt", "Enhetschef, arbetsmarknadsenheten", "Lerum")),
    ("Kontakt\nUlrika Dahl, processledare, GR\nulrika.dahl@goteborgsregionen.se\n031-335 50 00",
     ("Ulrika Dahl", "processledare", "GR")),
    ("Kontakt: Pia Ljungberg, chef för arbetsmarknadsenheten, Kungsbacka kommun, 0300-83 40 00",
     ("Pia Ljungberg", "chef för arbetsmarknadsenheten", "Kungsbacka")),
    ("Kontaktperson\nCecilia Nord\nUtvecklingsledare, Skaraborgs Kommunalförbund\nTel: 0500-49 77 00",
     ("Cecilia Nord", "Utvecklingsledare", "Skaraborgs Kommunalförbund")),
])
def test_contact_title_and_organisation(block, expected):
    article = article_of(f"Ny rapport om feriejobb\n\nRapporten visar att fler fick feriejobb.\n\n{block}\n\n"
                         f"Dela sidan\nFacebook\n")
    [contact] = article.contacts
    assert (contact.name, contact.title, contact.organisation) == expected
    assert contact.phone or contact.email


def test_a_pronoun_refers_to_the_person_named_last():
    article = article_of("""\
Gemensam socialjour

Sex kommuner får en gemensam socialjour.

– Det har varit svårt att bemanna jouren, säger Kent Ivarsson, socialchef i Hjo.

Rana Haddad, socialchef i Tibro, betonar det lokala perspektivet.

– Jouren måste känna varje kommun, säger hon.

– Vi börjar i september, säger han.
""")
    assert [(q.speaker, q.speaker_name) for q in article.quotes] == [
        ("Kent Ivarsson", "Kent Ivarsson"), ("Rana Haddad", "Rana Haddad"), ("Rana Haddad", "Rana Haddad")]


def test_a_pronoun_after_a_three_word_name():
    article = article_of("""\
Nytt spår startar i höst

Arbetsförmedlingen ser jobbspåret som en modell.

Det bekräftar Carina Lipovskaja Nilsson, sektionschef på Arbetsförmedlingen.

– Vi använder samma upplägg för lager och logistik, säger hon.
""")
    assert [q.speaker_name for q in article.quotes] == ["Carina Lipovskaja Nilsson"]


def test_a_headline_ending_in_a_question_mark_below_the_site_name():
    article = article_of("""\
Fyrbodals kommunalförbund
Nyheter

Vad händer med feriejobben i sommar?

Kommunerna i Fyrbodal ska besluta om feriejobben i mars.

– Vi vill ge fler unga ett första jobb, säger Anna Lind.
""")
    assert article.headline == "Vad händer med feriejobben i sommar?"
    assert article.chrome == ("Fyrbodals kommunalförbund", "Nyheter")


def test_a_quotation_in_guillemets():
    article = article_of("Feriejobb i regionen\n\nKommunerna vill samordna feriejobben.\n\n"
                         "»Företagen anställer ungdomar från hela regionen», säger Mattias Holm, näringslivsutvecklare.\n"
                         "\nFörslaget presenteras i oktober.\n")
    [quote] = article.quotes
    assert (quote.speaker_name, quote.quote) == ("Mattias Holm", "Företagen anställer ungdomar från hela regionen")


def test_a_cookie_banner_at_the_end_is_boilerplate():
    article = article_of("Ny rapport om feriejobb\n\nRapporten visar att fler fick feriejobb.\n\n"
                         "– Det är glädjande, säger Anna Lind.\n\n"
                         "Vi använder kakor för att webbplatsen ska fungera.\nAcceptera\n")
    assert article.boilerplate == ("Vi använder kakor för att webbplatsen ska fungera.", "Acceptera")


NETWORKS = dataclasses.replace(SETTINGS, networks=(Network("AME-chefsnätverket", ("Arbetsmarknadschefsnätverket",)),))


def test_an_article_belongs_to_a_network_only_when_it_is_the_actor():
    def network_of(text: str) -> str:
        source = source_from_text(text + "\n\n– Det är en viktig fråga, säger Anna Lind.\n\nMer text följer.\n")
        document = parse_document(source, NETWORKS, KNOWLEDGE, Diagnostics())
        assert document.kind is Kind.ARTICLE
        return document.network

    assert network_of("AME-chefsnätverket vill samordna feriejobben\n\nKommunerna ska pröva en gemensam "
                      "ansökan.") == "AME-chefsnätverket"
    assert network_of("Ny utbildning för socialsekreterare\n\nArbetsmarknadschefsnätverket har beslutat att "
                      "ta fram en utbildning.") == "AME-chefsnätverket"
    assert network_of("Gemensam socialjour klar\n\nSex kommuner får en gemensam jour.\n\nFrågan lyftes "
                      "först i AME-chefsnätverket.") == ""
    assert network_of("Nytt uppdrag om samverkan\n\nKommunerna ska utreda samverkan.\n\nInitiativ från "
                      "nätverket\n\nAME-chefsnätverket påbörjade 2018 ett arbete om samverkan.") == "AME-chefsnätverket"


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
