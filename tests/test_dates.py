"""Tests for generator.parse.dates: front matter dates, inference from the text, display, sorting."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.knowledge import DATA_DIR, FILES, KnowledgeError
from generator.knowledge.date_cues import read_date_cues
from generator.display import format_date as display_date
from generator.parse.dates import date_from_meta, date_sort_key
from generator.parse.dates import infer_date as infer_with_cues
from tests.helpers import KNOWLEDGE


def infer_date(body: str, kind: Kind):
    return infer_with_cues(body, kind, KNOWLEDGE.date_cues)


def format_date(date):
    return display_date(date, KNOWLEDGE.month_names)
from generator.model import DateSource, DocumentDate, Kind, Precision

SOURCE = Path(__file__).resolve().parent.parent / "source"

CONSISTENT_VALUE = {
    Precision.DAY: re.compile(r"\d{4}-\d{2}-\d{2}"),
    Precision.MONTH: re.compile(r"\d{4}-\d{2}"),
    Precision.YEAR: re.compile(r"\d{4}"),
}


def seed(prefix: str) -> str:
    (path,) = SOURCE.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def minutes(body: str) -> DocumentDate:
    return infer_date(body, Kind.MINUTES)


# --- the seed documents ---------------------------------------------------------------


def test_seed_minutes_planning_autumn_2023_month_september():
    date = minutes(seed("000"))
    assert (date.value, date.precision, date.inferred) == ("2023-09", Precision.MONTH, True)
    for phrase in ('"Mötestider 2024" (rad 88)', '"budget för 2024" (rad 57)', "hösten 2023"):
        assert phrase in date.reason
    assert '"föregående möte (5/9)" (rad 82) har redan ägt rum' in date.reason
    assert '"Nästa … den 22/9" (rad 84) ligger framåt' in date.reason
    assert date.reason.endswith("alltså september 2023.")


def test_seed_minutes_proposal_for_2023_month_october_2022_estimate():
    date = minutes(seed("001"))
    assert (date.value, date.precision) == ("2022-10", Precision.MONTH)
    for phrase in ('"även under 2023" (rad 89)', "under 2023", "hösten 2022", "under oktober", "3/11"):
        assert phrase in date.reason
    assert "uppskattning inom fönstret oktober–november" in date.reason


def test_seed_minutes_priorities_early_2021_year_only():
    date = minutes(seed("002"))
    assert (date.value, date.precision) == ("2021", Precision.YEAR)
    for phrase in ('"prioriteringar 2021"', '"fokusområden för 2021"', '"Under 2020 prioriterade"'):
        assert phrase in date.reason
    assert "troligen början av året" in date.reason


def test_seed_agreement_dated_by_last_signature():
    date = infer_date(seed("003"), Kind.AGREEMENT)
    assert (date.value, date.precision) == ("2020-11-02", Precision.DAY)
    assert '"ULRICEHAMN 2020-11-02" (rad 364)' in date.reason
    for signed in ["2020-10-06", "2020-10-14", "2020-10-18", "2020-11-02", "2020-10-21", "2020-10-19", "2020-10-22"]:
        assert signed in date.reason
    assert "2020-10-14 (rad 337, 348, 364, 390)" in date.reason


def test_seed_article_2019():
    date = infer_date(seed("004"), Kind.ARTICLE)
    assert (date.value, date.precision) == ("2019", Precision.YEAR)
    assert '"under hösten 2019 ska" (rad 9)' in date.reason
    assert '"påbörjade 2018" (rad 9)' in date.reason


@pytest.mark.parametrize("prefix, kind, expected", [("000", Kind.MINUTES, "2026-09"), ("002", Kind.MINUTES, "2024")])
def test_seed_results_follow_the_years_in_the_text(prefix, kind, expected):
    # Shift every year by three: the inference must move with the text, nothing is fixed.
    shifted = re.sub(r"\b(20\d\d)\b", lambda m: str(int(m[1]) + 3), seed(prefix))
    assert infer_date(shifted, kind).value == expected


# --- rule 1: full dates ---------------------------------------------------------------


def test_datum_header():
    date = minutes("\n\nAnteckningar\nDatum: 2023-09-12\n\n1. Inledning\nNästa möte den 3/10.")
    # stated in the text: not an estimate
    assert (date.value, date.precision, date.source) == ("2023-09-12", Precision.DAY, DateSource.TEXT)
    assert date.inferred is False
    assert '"Datum: 2023-09-12" (rad 4)' in date.reason


def test_header_with_swedish_month_name_weekday_and_time():
    assert minutes("Mötesdatum 12 september 2023").value == "2023-09-12"
    assert minutes("Mötesanteckningar\n\ntisdag 3 okt. 2023 kl. 9.00-12.00\n\nText.").value == "2023-10-03"


def test_date_alone_near_the_top_is_the_header_date():
    date = infer_date("Nyhet om nätverket\n\n2019-08-20\n\nText om något.", Kind.ARTICLE)
    assert date.value == "2019-08-20"


def test_dated_line_about_another_meeting_is_not_a_header():
    date = minutes("Anteckningar\nDatum för nästa möte: 2023-10-10\nText.")
    assert date.precision is not Precision.DAY


def test_date_far_down_is_not_a_header_date():
    body = "\n".join(["Rad med text."] * 30 + ["2023-09-12"])
    date = minutes(body)
    assert (date.value, date.precision) == ("2023", Precision.YEAR)


def test_publication_line_dates_an_article():
    body = "Rubrik\n" + "Text.\n" * 20 + "Publicerad: 2019-08-20\n"
    assert infer_date(body, Kind.ARTICLE).value == "2019-08-20"


def test_agreement_latest_signature_with_two_columns_on_one_line():
    body = "Överenskommelse\n\nText 2019-01-01.\n\nUnderskrifter\n\nBorås 2020-10-06\nOrt & datum\n\nMark 2020-10-18 Tranemo 2020-10-14\nOrt & datum\n"
    date = infer_date(body, Kind.AGREEMENT)
    assert (date.value, date.precision) == ("2020-10-18", Precision.DAY)
    assert "2020-10-06 (rad 7), 2020-10-18 (rad 10), 2020-10-14 (rad 10)" in date.reason
    assert "2019-01-01" not in date.reason


def test_agreement_with_swedish_month_names_in_signatures():
    body = "Avtal\n" + "Text.\n" * 10 + "Ort och datum\nGöteborg 18 oktober 2020\nAlingsås 2 november 2020\n"
    assert infer_date(body, Kind.AGREEMENT).value == "2020-11-02"


def test_agreement_without_signature_part_takes_latest_date_but_not_validity_dates():
    body = "Avtalet tecknades 2023-01-15 och gäller till och med 2025-12-31.\nBilaga 2022-12-01."
    date = infer_date(body, Kind.AGREEMENT)
    assert date.value == "2023-01-15"
    assert "Ingen underskriftsdel" in date.reason


def test_agreement_without_full_dates_falls_back_to_year_rules():
    date = infer_date("Överenskommelse om budget för 2024.", Kind.AGREEMENT)
    assert (date.value, date.precision) == ("2023", Precision.YEAR)


def test_invalid_calendar_dates_are_not_full_dates():
    date = minutes("Datum: 2023-02-30")
    assert (date.value, date.precision) == ("2023", Precision.YEAR)


# --- rule 2: the year -----------------------------------------------------------------


@pytest.mark.parametrize(
    "body, year, phrase",
    [
        ("7. Mötestider 2024", "2023", "hösten"),
        ("Hur går diskussionerna om budget för 2024?", "2023", "hösten"),
        ("Ett förslag om fortsatt finansiering för 2024 skickas ut.", "2023", "hösten"),
        ("Arbetet inför 2024 diskuterades.", "2023", "hösten"),
        ("Plattformen ska arbeta med detta under 2023.", "2022", "ligger framåt"),
        ("Fortsätta med fördjupningsområdena från 2022 även under 2023.", "2022", "även under 2023"),
        ("Mötesplats våren 2024\n\nEn inbjudan kommer runt november.", "2023", "våren 2024"),
        ("Nätverket för dialog kring prioriteringar 2021.", "2021", "början av året"),
        ("Uppdragen i regleringsbrevet för 2021 välkomnas.", "2021", "början av året"),
        ("Områdena från 2021 behålls för innevarande år.", "2021", "innevarande år"),
        ("SKR:s rapport om feriejobb 2020 finns nu på webben.", "2021", "har redan skett"),
        ("Nätverket påbörjade 2018 ett arbete.", "2019", "tidigast 2019"),
        ("Eva ska under hösten 2019 arbeta på GR.", "2019", "före hösten"),
        ("Under hösten 2019 genomfördes en enkät.", "2020", "har redan skett"),
        ("Studiebesök 2021 efterfrågas.", "2021", "utan tydlig tidsmarkör"),
    ],
)
def test_year_cue_alone(body, year, phrase):
    date = minutes(body)
    assert (date.value, date.precision) == (year, Precision.YEAR)
    assert phrase in date.reason


def test_current_and_past_cues_confirm_each_other():
    date = minutes("Under 2020 prioriterade nätverket tre områden.\nPrioriteringar 2021 diskuterades.")
    assert date.value == "2021"
    assert "troligen början av året" in date.reason


def test_conflicting_cues_majority_wins_and_conflict_is_reported():
    body = "Mötestider 2024 skickas ut.\nBudget för 2024 diskuteras.\nUnder 2024 genomfördes en enkät."
    date = minutes(body)
    assert date.value == "2023"
    assert '"Under 2024 genomfördes" (rad 3) pekar på 2025' in date.reason


def test_tie_goes_to_the_later_year_and_is_reported():
    date = minutes("Mötestider 2024 skickas ut.\nPrioriteringar 2024 diskuteras.")
    assert date.value == "2024"
    assert "lika starkt stöd för 2023" in date.reason


def test_quantities_are_not_years():
    assert minutes("Cirka 2000 personer deltog, budgeten är 2050 kr.").value is None


def test_law_references_are_not_years():
    assert minutes("Enligt SFS 2010:800 gäller detta.").value is None


# --- rule 3: the month ----------------------------------------------------------------


def test_month_window_within_one_month():
    body = "Budget för 2024.\nÅterkoppling från föregående möte (5/9).\nNästa träff är den 22/9."
    date = minutes(body)
    assert (date.value, date.precision) == ("2023-09", Precision.MONTH)
    assert "alltså september 2023" in date.reason


def test_month_window_over_two_months_takes_latest_past_month_and_says_so():
    body = "Mötestider 2024.\nAlla hade en träff under oktober.\nSista anmälningsdag 3/11."
    date = minutes(body)
    assert date.value == "2023-10"
    assert "uppskattning inom fönstret oktober–november" in date.reason


def test_swedish_month_name_with_day_and_future_cue():
    body = "Mötestider 2024.\nFöregående möte hölls den 12 september.\nFrån den 1 oktober ändras rutinerna."
    date = minutes(body)
    assert date.value == "2023-09"
    assert '"Från den 1 oktober"' in date.reason


def test_month_range_reference():
    body = "Mötestider 2024.\nFöregående möte (20/10).\nInbjudan kommer runt november/december."
    date = minutes(body)
    # the range bounds the meeting by its last day: 21/10-30/12 is too wide for a month
    assert (date.value, date.precision) == ("2023", Precision.YEAR)
    assert "november/december" in date.reason and "fönstret 21/10–30/12" in date.reason


def test_only_future_references_give_year_precision():
    date = minutes("Mötestider 2024.\nNästa möte den 22/9.")
    assert (date.value, date.precision) == ("2023", Precision.YEAR)
    assert "avgränsar inte" in date.reason


def test_wide_window_gives_year_precision():
    date = minutes("Budget för 2024.\nFöregående möte (5/9). Nästa möte den 1/12.")
    assert date.precision is Precision.YEAR
    assert "för brett" in date.reason


def test_contradictory_references_are_not_used():
    date = minutes("Budget för 2024.\nFöregående möte 12/10 och nästa möte 3/10.")
    assert (date.value, date.precision) == ("2023", Precision.YEAR)
    assert "motsäger varandra" in date.reason


def test_december_january_wrap_follows_autumn_year_evidence():
    body = "Föregående möte hölls den 10/12. Nästa möte den 14/1.\nBudget för 2025 diskuterades."
    date = minutes(body)
    assert date.value == "2024-12"
    assert "december–januari" in date.reason


def test_december_january_wrap_follows_early_year_evidence():
    body = "Föregående möte hölls den 10/12. Nästa möte den 14/1.\nPrioriteringar 2025 diskuterades."
    assert minutes(body).value == "2025-01"


def test_wrap_within_january():
    body = "Förra mötet var den 20/12 och föregående träff den 5/1. Nästa möte den 20/1.\nPrioriteringar 2025."
    date = minutes(body)
    assert (date.value, date.precision) == ("2025-01", Precision.MONTH)


def test_recurring_references_are_ignored():
    date = minutes("Mötestider 2024.\nRevideringen ska ske årligen i oktober.\nFöregående möte (5/9).")
    assert date.precision is Precision.YEAR


def test_fractions_are_not_day_month_references():
    date = minutes("Mötestider 2024.\nNästa år ska 1/3 av platserna gå till unga.")
    assert date.precision is Precision.YEAR


def test_full_dates_in_the_text_vote_and_bound_the_month():
    date = minutes("Nästa möte 2023-10-10. Föregående möte 2023-09-01.")
    assert (date.value, date.precision) == ("2023-09", Precision.MONTH)


def test_month_references_without_any_year():
    date = minutes("Föregående möte (5/9). Nästa möte den 22/9.")
    assert (date.value, date.precision) == (None, None)
    assert date.reason.startswith("Inget år kunde härledas ur texten")
    assert "september" in date.reason


# --- no evidence ----------------------------------------------------------------------


@pytest.mark.parametrize("body", ["", "Vi ses igen.", "\n\n\n", "Punkt 4: 300 platser, 12 deltagare."])
def test_no_evidence(body):
    assert minutes(body) == DocumentDate(None, None, DateSource.INFERRED, "Inget datum kunde härledas ur texten")


# --- front matter ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, iso, precision",
    [
        (dt.date(2023, 9, 12), "2023-09-12", Precision.DAY),
        (dt.datetime(2023, 9, 12, 10, 30), "2023-09-12", Precision.DAY),
        ("2023-09-12", "2023-09-12", Precision.DAY),
        ("2023-09", "2023-09", Precision.MONTH),
        ("2023", "2023", Precision.YEAR),
        (" 2023-09 ", "2023-09", Precision.MONTH),
        (2023, "2023", Precision.YEAR),
    ],
)
def test_front_matter_forms(value, iso, precision):
    assert date_from_meta(value) == DocumentDate(iso, precision, DateSource.FRONT_MATTER, "Angivet i källfilens front matter")


def test_front_matter_from_yaml():
    for text, iso in [("date: 2023-09-12", "2023-09-12"), ("date: 2023-09", "2023-09"), ("date: 2023", "2023")]:
        assert date_from_meta(yaml.safe_load(text)["date"]).value == iso


def test_front_matter_absent():
    assert date_from_meta(None) is None


@pytest.mark.parametrize(
    "value",
    ["2023-13", "2023-02-30", "12/9 2023", "", "hösten 2023", "2023-9-1", "20231", 23, 12345, True, 3.5, [2023], {"y": 2023}],
)
def test_front_matter_invalid(value):
    with pytest.raises(ValueError, match="date"):
        date_from_meta(value)


# --- display and sorting --------------------------------------------------------------


@pytest.mark.parametrize(
    "date, shown",
    [
        (DocumentDate("2020-11-02", Precision.DAY, DateSource.INFERRED, ""), "2 november 2020"),
        (DocumentDate("2021-01-01", Precision.DAY, DateSource.TEXT, ""), "1 januari 2021"),
        (DocumentDate("2023-09", Precision.MONTH, DateSource.INFERRED, ""), "september 2023"),
        (DocumentDate("2021", Precision.YEAR, DateSource.INFERRED, ""), "2021"),
        (DocumentDate(None, None, DateSource.INFERRED, ""), "okänt datum"),
        (DocumentDate("2022-12", None, DateSource.INFERRED, ""), "december 2022"),
    ],
)
def test_format_date(date, shown):
    assert format_date(date) == shown


def test_sort_key_is_chronological_with_unknown_first():
    items = [
        DocumentDate("2023-09-12", Precision.DAY, DateSource.INFERRED, ""),
        DocumentDate("2021", Precision.YEAR, DateSource.INFERRED, ""),
        DocumentDate(None, None, DateSource.INFERRED, ""),
        DocumentDate("2023-09", Precision.MONTH, DateSource.INFERRED, ""),
        DocumentDate("2020-11-02", Precision.DAY, DateSource.INFERRED, ""),
    ]
    ordered = [d.value for d in sorted(items, key=date_sort_key)]
    assert ordered == [None, "2020-11-02", "2021", "2023-09", "2023-09-12"]
    assert all(date_sort_key(d) == d.sort_key for d in items)


# --- the cue file ---------------------------------------------------------------------


def test_cue_file_is_documented():
    text = (DATA_DIR / FILES["date_cues"]).read_text(encoding="utf-8")
    assert text.startswith("#") and "THE RULE" in text
    data = yaml.safe_load(text)
    for key in ["header_labels", "signature_markers", "month_prepositions", "recurring_cues"]:
        assert data[key]
    assert all(spec["phrases"] for spec in data["year_cues"].values())
    assert data["tense_cues"]["past"] and data["tense_cues"]["future"]
    assert len(set(data["months"].values())) == 12


def test_a_missing_key_in_the_cue_file_is_one_error_naming_it(tmp_path):
    data = yaml.safe_load((DATA_DIR / FILES["date_cues"]).read_text(encoding="utf-8"))
    del data["weekdays"]
    path = tmp_path / "date_cues.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        read_date_cues(path)
    assert caught.value.problems == [f"{path}: key `weekdays` is missing (a list of texts)"]


# --- properties -----------------------------------------------------------------------

FRAGMENTS = st.sampled_from(
    [
        "föregående möte", "nästa möte", "den", "(5/9)", "22/9", "31/12", "1/1", "29/2", "i", "under",
        "oktober", "december/januari", "Mötestider", "budget för", "prioriteringar", "våren", "hösten",
        "2019", "2024", "1999", "2023-09-12", "2023-02-30", "18 okt. 2020", "Datum:", "Ort & datum",
        "Underskrifter", "ska", "kommer", "hade", "årligen", "cirka", ".", ",", "\n", "\n\n", "–", "/",
    ]
)


def _check_consistent(date: DocumentDate) -> None:
    assert date.source in (DateSource.TEXT, DateSource.INFERRED)  # never claims the editor gave it
    assert date.inferred is (date.source is DateSource.INFERRED)
    assert isinstance(date.reason, str) and date.reason
    if date.precision is None:
        assert date.value is None
    else:
        assert date.value is not None and CONSISTENT_VALUE[date.precision].fullmatch(date.value)
        format_date(date)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(list(Kind)))
def test_infer_date_never_raises_on_arbitrary_text(body, kind):
    _check_consistent(infer_date(body, kind))


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40).map(" ".join), st.sampled_from(list(Kind)))
def test_infer_date_never_raises_on_cue_soup(body, kind):
    _check_consistent(infer_date(body, kind))
