"""Person identity, entity pages, first-name links and hiding a person."""

from __future__ import annotations

import json

from generator.build import generate
from generator.cli import main
from generator.read.config import PeopleRules
from generator.resolve.entities import collect_entities
from generator.model import Diagnostics
from generator.names import one_letter_apart
from generator.read.redact import redact
from generator.resolve.people import collect_people
from tests.helpers import KNOWLEDGE, parse_seed, parse_text


def seed_documents():
    return [parse_seed(key)[0] for key in ("2023", "2022", "2021", "agreement", "article")]


def people_of(documents, rules=PeopleRules()):
    diagnostics = Diagnostics()
    return collect_people(documents, KNOWLEDGE, rules, diagnostics), diagnostics


# --- identity on the seeds --------------------------------------------------------------------


def test_seed_archive_has_one_person_per_real_person():
    index, diagnostics = people_of(seed_documents())
    people = index.people
    # the two spelling pairs are merged, with both spellings kept as variants
    bansson = index.person_for("Anne Bensson")
    assert bansson is index.person_for("Anne Bansson")
    assert set(bansson.variants) == {"Anne Bansson", "Anne Bensson"}
    henrik = index.person_for("Henrik Johannessen")
    assert henrik is index.person_for("Henrik Johannesson")
    assert any("Johannessen/Johannesson" in r or "Johannesson/Johannessen" in r for r in henrik.merge_reasons)
    # near names that are different people stay apart
    assert index.person_for("Jonathan Karlsson") is not index.person_for("Linda Karlsson")
    assert index.person_for("Veronica Tindvall") is not index.person_for("Mona Molki")
    # no two pages for one spelling, and every attendee has a person
    attendees = {a.name for d in seed_documents() for a in d.attendees}
    assert all(index.person_for(name) for name in attendees)
    assert len({index.person_for(n).id for n in attendees}) == len(attendees) - 2
    assert len(people) == len({p.id for p in people.values()})
    # every merge is reported
    merges = [d.message for d in diagnostics.items if "sammanslagna automatiskt" in d.message]
    assert len(merges) == 2


def test_affiliation_history_follows_the_person():
    index, _ = people_of(seed_documents())
    valtin = index.person_for("Joakim Valtin")
    history = [(a.document.date.value, a.affiliation.name) for a in valtin.appearances if a.affiliation]
    assert history == [("2021", "Ale"), ("2023-09", "Lilla Edet")]


def test_people_mentioned_in_text_get_pages_marked_as_mentioned():
    index, _ = people_of(seed_documents())
    for name in ("Roger Mörtvik", "Krister Olsson", "Annelie Basta"):
        assert index.person_for(name).mentioned_only, name
    basta = index.person_for("Annelie Basta")
    assert basta.appearances[0].affiliation.name == "Lerum"  # `Annelie Basta (Lerum)`
    assert basta.appearances[0].anchor == "punkt-8"


def test_quoted_speakers_and_contacts_become_people():
    """`säger Samir Hadi`: a speaker's first name need not be in fornamn.txt; the attribution
    names a person. A heading read as an attendee teaches no first name."""
    article, _ = parse_text("""\
Fler unga i arbete

Jobbspåret har gett resultat. En av deltagarna är Samir Hadi, som nu har jobb.

– Här fick jag visa vad jag kan, säger Samir Hadi.

Kontakt: Rana Haddad, Lerums kommun
""")
    minutes_text, _ = parse_text(minutes("Västra Götalandsregionen:", "Anna Ek, Lerum",
                                         text="Västra Götalandsregionen deltar."))
    index, _ = people_of([article, minutes_text])
    assert index.person_for("Samir Hadi") is not None
    assert index.person_for("Rana Haddad") is not None
    mentioned = [a.written for p in index.people.values() for a in p.appearances if a.role == "mentioned"]
    assert not [name for name in mentioned if name.startswith("Västra")]


def test_a_capitalised_word_before_a_name_is_not_part_of_it():
    document, _ = parse_text(minutes("Anna Ek, Lerum", text="Enligt Peter Ström på Arbetsförmedlingen går det bra."))
    index, _ = people_of([document])
    assert index.person_for("Peter Ström") is not None
    assert index.person_for("Enligt Peter Ström") is None


# --- merging rules -----------------------------------------------------------------------------


def minutes(*lines: str, text: str = "Text.") -> str:
    return "Anteckningar\n\nNÄRVARANDE\n\n" + "\n".join(lines) + f"\n\n1. Inledning\n\n{text}\n"


def test_one_letter_apart():
    assert one_letter_apart("Anne Bansson", "Anne Bensson") == (1, "Bansson", "Bensson")
    assert one_letter_apart("Anna Lind", "Anna Lund") is None  # too short a part to be safe
    assert one_letter_apart("Anne Bansson", "Anna Bensson") is None  # two parts differ
    assert one_letter_apart("Linda Karlsson", "Jonathan Karlsson") is None


def test_different_affiliation_plus_one_letter_is_not_merged_but_reported():
    a, _ = parse_text(minutes("Karin Holmberg, Ale"))
    b, _ = parse_text(minutes("Karin Holmbergh, Lerum"))
    index, diagnostics = people_of([a, b])
    assert index.person_for("Karin Holmberg") is not index.person_for("Karin Holmbergh")
    assert any("kan vara samma person" in d.message and "Holmbergh" in d.message for d in diagnostics.items)


def test_same_affiliation_plus_one_letter_is_merged():
    a, _ = parse_text(minutes("Karin Holmberg, Ale"))
    b, _ = parse_text(minutes("Karin Holmbergh, Ale"))
    index, _ = people_of([a, b])
    assert index.person_for("Karin Holmberg") is index.person_for("Karin Holmbergh")


def test_a_hyphen_or_a_space_in_a_double_name_is_one_spelling_merged_and_reported():
    a, _ = parse_text(minutes("Karin Holm-Berg, Ale"))
    b, _ = parse_text(minutes("Karin Holm Berg, Lerum"))  # even with another affiliation
    c, _ = parse_text(minutes("Anna\u00a0Lisa Ek, Ale", text="Anna-Lisa Ek och Karin Holmberg deltar."))
    index, diagnostics = people_of([a, b, c])
    person = index.person_for("Karin Holm-Berg")
    assert person is index.person_for("Karin Holm Berg")
    assert any("bindestreck eller mellanslag" in r for r in person.merge_reasons)
    assert index.person_for("Anna Lisa Ek") is index.person_for("Anna-Lisa Ek")
    assert index.person_for("Karin Holmberg") is not person  # no hyphen, no space: another name
    reported = [d for d in diagnostics.items if "bindestreck eller mellanslag" in d.message]
    assert {d.level for d in reported} == {"info"} and len(reported) == 2


def test_editor_can_keep_hyphen_and_space_spellings_apart():
    a, _ = parse_text(minutes("Karin Holm-Berg, Ale"))
    b, _ = parse_text(minutes("Karin Holm Berg, Lerum"))
    index, _ = people_of([a, b], PeopleRules(keep_apart=(("Karin Holm-Berg", "Karin Holm Berg"),)))
    assert index.person_for("Karin Holm-Berg") is not index.person_for("Karin Holm Berg")


def test_editor_can_forbid_and_confirm_merges():
    a, _ = parse_text(minutes("Karin Holmberg, Ale"))
    b, _ = parse_text(minutes("Karin Holmbergh, Ale"))
    c, _ = parse_text(minutes("Kajsa Holm, Lerum"))
    d, _ = parse_text(minutes("Kajsa Holm-Ek, Borås"))
    rules = PeopleRules(keep_apart=(("Karin Holmberg", "Karin Holmbergh"),),
                        merge=(("Kajsa Holm-Ek", "Kajsa Holm"),))
    index, _ = people_of([a, b, c, d], rules)
    assert index.person_for("Karin Holmberg") is not index.person_for("Karin Holmbergh")
    merged = index.person_for("Kajsa Holm")
    assert merged is index.person_for("Kajsa Holm-Ek") and merged.name == "Kajsa Holm-Ek"
    assert merged.merge_reasons == ["sammanslagna av redaktören: Kajsa Holm-Ek, Kajsa Holm"]


# --- first names -------------------------------------------------------------------------------


def test_first_name_links_only_when_unique_in_the_document():
    registers = KNOWLEDGE.registers
    unique, _ = parse_text(minutes("Anna Ek, Ale", "Lars Berg, Lerum", text="Anna berättar om läget."))
    ambiguous, _ = parse_text(minutes("Anna Ek, Ale", "Anna Berg, Lerum", text="Anna berättar om läget."))
    for document, expected in ((unique, ["anna-ek"]), (ambiguous, [])):
        index, _ = people_of([document])
        from generator.resolve.people import known_first_names

        text = document.items[0].blocks[0].text
        spans = index.spans(text, document, known_first_names([document], KNOWLEDGE.first_names), registers)
        assert [person_id for _s, _e, person_id in spans] == expected


# --- municipalities ----------------------------------------------------------------------------


def test_every_gr_and_sjuharad_municipality_has_a_page(project):
    generate(project)
    registers = KNOWLEDGE.registers
    for association, size in (("GR", 13), ("Sjuhärad", 8)):
        members = registers.members(association)
        assert len(members) == size
        for m in members:
            assert (project / "docs" / "kommuner" / f"{m.slug}.md").is_file(), m.name


def test_variants_resolve_to_their_municipality():
    entities = collect_entities(seed_documents(), KNOWLEDGE)
    molndal = entities.municipalities["molndal"]
    reports = [o.excerpt for o in molndal.reports]
    assert any(r.startswith("Mölnadal: Köping var ett inspirerande exempel") for r in reports)
    assert any(r.startswith("Mölnadal: finns måltidsbiträdesutbildning") for r in reports)
    stenungsund = entities.municipalities["stenungsund"]
    assert any(a.affiliation.written == "Stenungssund" for _d, a in stenungsund.attendance)
    assert entities.municipalities["falkenberg"].mentions  # `Falkenbergskommun`
    assert entities.municipalities["mark"].mentions  # `Marks kommun`, the parties list
    kungalv_reports = [o.anchor for o in entities.municipalities["kungalv"].reports]
    assert "punkt-8" in kungalv_reports  # `Kungälv: Arbetet löper på väl ...` under jobbspår


def test_ordinary_words_are_not_linked(project):
    generate(project)
    page = (project / "docs" / "moten" / "2022-10-ame-chefsnatverket.md").read_text(encoding="utf-8")
    # `*Park och natur*` and `att vara` are text, not the municipalities Mark and Vara
    assert "kommuner/vara.md" not in page
    assert "Park och natur</em>" in page


# --- hiding a person ---------------------------------------------------------------------------


def test_hidden_person_appears_nowhere_in_the_site(project):
    settings = project / "source" / "arkiv.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "  hide: []", "  hide:\n    - Per Överberg"), encoding="utf-8")
    assert main(["--root", str(project), "--strict", "build"]) == 0
    site = project / "site"
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".js", ".csv", ".txt", ".xml", ".md"):
            content = path.read_text(encoding="utf-8", errors="replace").casefold()
            assert "överberg" not in content and "overberg" not in content, path
    assert not (site / "personer" / "per-overberg.html").exists()
    data = json.loads((site / "data" / "arkiv.json").read_text(encoding="utf-8"))
    assert all("Överberg" not in p["name"] for p in data["people"])
    page = (site / "moten" / "2021-ame-chefsnatverket.html").read_text(encoding="utf-8")
    assert "[namn dolt]" in page and "[namn dolt] tipsar" in page  # the first name alone too
    assert "per person" in redact("per person och Per", [], ["Per"])[0]  # only the name


def test_export_lists_people_and_places_per_document(project):
    generate(project)
    data = json.loads((project / "docs" / "data" / "arkiv.json").read_text(encoding="utf-8"))
    meeting = next(d for d in data["documents"] if d["id"] == "2023-09-ame-chefsnatverket")
    assert {"id": "annelie-basta", "role": "mentioned", "item": "punkt-8"} in meeting["people"]
    assert {"id": "lerum", "role": "report", "item": "punkt-2"} not in meeting["municipalities"]
    assert any(m["id"] == "goteborg" and m["role"] == "attendance" for m in meeting["municipalities"])
    valtin = next(p for p in data["people"] if p["id"] == "joakim-valtin")
    assert [a["affiliation"] for a in valtin["affiliations"]] == ["Ale", "Lilla Edet"]
    assert (project / "docs" / "data" / "narvaro.csv").read_text(encoding="utf-8").startswith(
        "document,date,title,Ale,Alingsås")
