"""The register data files and resolving written names against them."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from generator.model import Affiliation
from generator.knowledge.registers import (
    DATA_DIR, MUNICIPALITIES_FILE, RegisterError, Registers, is_strict_form, load_registers,
)


@pytest.fixture(scope="module")
def registers() -> Registers:
    return load_registers()


# --- kommuner.csv ----------------------------------------------------------------------

COUNTIES = {
    "01": ("Stockholms län", 26), "03": ("Uppsala län", 8), "04": ("Södermanlands län", 9),
    "05": ("Östergötlands län", 13), "06": ("Jönköpings län", 13), "07": ("Kronobergs län", 8),
    "08": ("Kalmar län", 12), "09": ("Gotlands län", 1), "10": ("Blekinge län", 5),
    "12": ("Skåne län", 33), "13": ("Hallands län", 6), "14": ("Västra Götalands län", 49),
    "17": ("Värmlands län", 16), "18": ("Örebro län", 12), "19": ("Västmanlands län", 10),
    "20": ("Dalarnas län", 15), "21": ("Gävleborgs län", 10), "22": ("Västernorrlands län", 7),
    "23": ("Jämtlands län", 8), "24": ("Västerbottens län", 15), "25": ("Norrbottens län", 14),
}
GR = {"Ale", "Alingsås", "Göteborg", "Härryda", "Kungsbacka", "Kungälv", "Lerum", "Lilla Edet",
      "Mölndal", "Partille", "Stenungsund", "Tjörn", "Öckerö"}
SJUHARAD = {"Bollebygd", "Borås", "Herrljunga", "Mark", "Svenljunga", "Tranemo", "Ulricehamn", "Vårgårda"}


def test_exactly_290_municipalities_with_unique_codes_names_and_slugs(registers):
    ms = registers.municipalities
    assert len(ms) == 290
    assert len({m.code for m in ms}) == 290
    assert len({m.name for m in ms}) == 290
    assert len({m.slug for m in ms}) == 290
    assert all(len(m.code) == 4 and m.code.isdigit() for m in ms)


def test_code_prefix_is_the_county_and_counties_have_their_real_sizes(registers):
    for m in registers.municipalities:
        assert m.county_code in COUNTIES, m
        assert m.county == COUNTIES[m.county_code][0], m
    sizes = Counter(m.county_code for m in registers.municipalities)
    assert sizes == {code: size for code, (_, size) in COUNTIES.items()}


@pytest.mark.parametrize("code, name", [
    ("1480", "Göteborg"), ("1490", "Borås"), ("1463", "Mark"), ("0114", "Upplands Väsby"),
    ("0139", "Upplands-Bro"), ("0330", "Knivsta"), ("0140", "Nykvarn"), ("0980", "Gotland"),
    ("1384", "Kungsbacka"), ("1462", "Lilla Edet"), ("1415", "Stenungsund"), ("2023", "Malung-Sälen"),
    ("1983", "Köping"), ("2584", "Kiruna"), ("1280", "Malmö"), ("0180", "Stockholm"),
])
def test_known_codes(registers, code, name):
    assert registers.municipality_by_code(code).name == name


def test_associations(registers):
    assert {m.name for m in registers.members("GR")} == GR
    assert {m.name for m in registers.members("Sjuhärad")} == SJUHARAD
    assert len(registers.members("GR")) == 13 and len(registers.members("Sjuhärad")) == 8
    # Kungsbacka is in Hallands län but a GR member.
    assert registers.municipality_by_code("1384").county == "Hallands län"


def test_ambiguous_names_are_flagged(registers):
    flagged = {m.name for m in registers.municipalities if m.ambiguous}
    assert {"Mark", "Vara", "Ale", "Boden", "Mora", "Sala", "Nora", "Eda", "Kil", "Lund"} <= flagged
    assert not {"Öckerö", "Tidaholm", "Göteborg", "Borås", "Lerum"} & flagged


def test_csv_header_cites_the_source():
    text = (DATA_DIR / MUNICIPALITIES_FILE).read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "SCB" in header and "290" in header and "2003" in header
    rows = [r for r in csv.reader(line for line in text.splitlines() if line and not line.startswith("#"))]
    assert rows[0] == ["code", "name", "county", "associations", "aliases", "ambiguous", "slug"]


@pytest.mark.parametrize("name, slug", [
    ("Lilla Edet", "lilla-edet"), ("Öckerö", "ockero"), ("Upplands Väsby", "upplands-vasby"),
    ("Malung-Sälen", "malung-salen"), ("Göteborg", "goteborg"), ("Härryda", "harryda"),
    # Both derive `habo`: the data gives Håbo its own.
    ("Habo", "habo"), ("Håbo", "habo-uppsala"),
])
def test_slugs(registers, name, slug):
    assert registers.municipality(name).slug == slug


# --- organisationer.yml ----------------------------------------------------------------


def test_organisations_are_consistent(registers):
    ids = {o.id for o in registers.organisations}
    for o in registers.organisations:
        assert o.parent is None or o.parent in ids
        assert o.description.endswith("."), o.id
        assert o.slug == o.id
    assert registers.organisation_by_id("fou-i-vast").parent == "gr"
    assert registers.organisation_by_id("gr").display == "GR"
    assert registers.organisation_by_id("arbetsformedlingen").display == "Arbetsförmedlingen"


def test_load_registers_reads_the_default_folder_afresh():
    # no module keeps a data file: a second archive in the same process may use other data
    assert load_registers() is not load_registers()
    assert load_registers().municipalities == load_registers().municipalities


# --- municipality() --------------------------------------------------------------------


@pytest.mark.parametrize("written, name", [
    ("Göteborg", "Göteborg"), ("Mölnadal", "Mölndal"), ("Stenungssund", "Stenungsund"),
    ("Marks kommun", "Mark"), ("Göteborgs Stad", "Göteborg"), ("Göteborgs stad", "Göteborg"),
    ("Borås Stad", "Borås"), ("Falkenbergskommun", "Falkenberg"), ("Bollebygds kommun", "Bollebygd"),
    ("ULRICEHAMN", "Ulricehamn"), ("BORÅS", "Borås"), ("Lilla Edet", "Lilla Edet"),
    ("lilla edet", "Lilla Edet"), ("Upplands Bro", "Upplands-Bro"), ("Region Gotland", "Gotland"),
    ("Karlstads kommun", "Karlstad"), ("Halmstad", "Halmstad"), ("Mark", "Mark"), ("Ale", "Ale"),
    ("Kungälf", "Kungälv"), ("Mölndals stad", "Mölndal"), (" Lerum: ", "Lerum"),
])
def test_municipality_resolves_variants(registers, written, name):
    found = registers.municipality(written)
    assert found is not None and found.name == name


@pytest.mark.parametrize("written", [
    # Short and ambiguous names are matched exactly or not at all.
    "Marc", "Vsra", "Alle", "Hjoo", "Kill", "Lundd", "Moraa", "Bodden",
    # Two municipalities equally close: not safe (Linköping / Lidköping).
    "Lindköping",
    # Not municipalities.
    "Gunilla Bergström", "Bergström GR", "Anna Lund", "SKR", "Sverige", "Region Uppsala", "", "  ",
])
def test_municipality_refuses_unsafe_matches(registers, written):
    assert registers.municipality(written) is None


@pytest.mark.parametrize("written, names", [
    ("Svenljunga/Tranemo", ("Svenljunga", "Tranemo")),
    ("Svenljunga och Tranemo", ("Svenljunga", "Tranemo")),
    ("Svenljunga & Tranemo kommuner", ("Svenljunga", "Tranemo")),
    ("Mark, Borås och Ulricehamn", ("Mark", "Borås", "Ulricehamn")),
    ("Upplands-Bro", ("Upplands-Bro",)),
    ("Borås", ("Borås",)),
    ("Borås/Okänd", ("Borås",)),
    ("Okänd", ()),
])
def test_municipalities_in_combined(registers, written, names):
    assert tuple(m.name for m in registers.municipalities_in_combined(written)) == names


# --- organisation() --------------------------------------------------------------------


@pytest.mark.parametrize("written, org_id", [
    ("GR", "gr"), ("Göteborgsregionen", "gr"), ("Göteborgsregionens kommunalförbund", "gr"),
    ("Göteborgregionens Kommunalaförbund", "gr"), ("GR:s", "gr"),
    ("SKR", "skr"), ("SKR:s", "skr"), ("Sveriges Kommuner och Regioner", "skr"),
    ("AF", "arbetsformedlingen"), ("Af", "arbetsformedlingen"), ("AF:s", "arbetsformedlingen"),
    ("Arbetsförmedling", "arbetsformedlingen"), ("Arbetsförmedlingens", "arbetsformedlingen"),
    ("Arbetsförmedlingen Sjuhärad", "arbetsformedlingen"),
    ("FoU i Väst", "fou-i-vast"), ("Försäkringskassa", "forsakringskassan"),
    ("Vuxenutbildningen", "vuxenutbildningen"), ("Länsstyrelsen", "lansstyrelsen"),
    ("Västragötalandsregionen", "vgr"), ("Västra Götalandsregionen", "vgr"),
    ("Studieförbundet vuxenskolan", "studieforbundet-vuxenskolan"), ("Rädda Barnen", "radda-barnen"),
    ("Volvo", "volvo"), ("Jobb Borås", "jobb-boras"), ("Arbetslivsförvaltningen Borås", "arbetslivsforvaltningen-boras"),
    ("Samordningsförbundet", "samordningsforbund"), ("Sjuhärads kommunalförbund", "sjuharads-kommunalforbund"),
])
def test_organisation_resolves(registers, written, org_id):
    found = registers.organisation(written)
    assert found is not None and found.id == org_id


@pytest.mark.parametrize("written", ["af", "gr", "skr", "aF", "Kommunalförbundet", "Arbetslivsförvaltningen", "Göteborg"])
def test_organisation_case_rules_and_non_matches(registers, written):
    assert registers.organisation(written) is None


def test_strict_forms():
    assert is_strict_form("AF") and is_strict_form("Af") and is_strict_form("SKR") and is_strict_form("Dua")
    assert not is_strict_form("Arbetsförmedlingen") and not is_strict_form("FoU i Väst")


# --- affiliation() ---------------------------------------------------------------------


@pytest.mark.parametrize("written, expected", [
    ("Göteborg", ("Göteborg", "municipality", None)),
    ("Lerum", ("Lerum", "municipality", None)),
    ("Stenungssund", ("Stenungsund", "municipality", None)),
    ("Marks kommun", ("Mark", "municipality", None)),
    ("SKR", ("SKR", "organisation", None)),
    ("GR", ("GR", "organisation", None)),
    ("GR, FoU i Väst", ("GR", "organisation", "FoU i Väst")),
    ("FoU i Väst", ("GR", "organisation", "FoU i Väst")),
    ("Arbetsförmedlingen", ("Arbetsförmedlingen", "organisation", None)),
    ("Göteborg, Arbetsmarknad och vuxenutbildning", ("Göteborg", "municipality", "Arbetsmarknad och vuxenutbildning")),
    ("Svenljunga/Tranemo", ("Svenljunga/Tranemo", "municipality", None)),
    ("Okänd förening", ("Okänd förening", "unknown", None)),
    ("  Okänd   förening ", ("Okänd förening", "unknown", None)),
    ("Bergström GR", ("Bergström GR", "unknown", None)),
    ("Gunilla Bergström", ("Gunilla Bergström", "unknown", None)),
])
def test_affiliation(registers, written, expected):
    assert registers.affiliation(written) == Affiliation(written, *expected)


# --- problems in the data files --------------------------------------------------------

_HEADER = "code,name,county,associations,aliases,ambiguous,slug\n"
_GOOD_YAML = "- id: gr\n  name: Göteborgsregionen\n  short: GR\n  description: Ett kommunalförbund.\n"


def _write(tmp_path: Path, csv_text: str, yaml_text: str = _GOOD_YAML) -> Path:
    (tmp_path / "kommuner.csv").write_text(csv_text, encoding="utf-8")
    (tmp_path / "organisationer.yml").write_text(yaml_text, encoding="utf-8")
    return tmp_path


def test_a_small_data_folder_loads(tmp_path):
    folder = _write(tmp_path, "# comment\n" + _HEADER + "1480,Göteborg,Västra Götalands län,GR,Göteborgs Stad,,\n")
    registers = load_registers(folder)
    assert registers.municipality("Göteborgs Stad").code == "1480"
    assert registers.organisation("GR").id == "gr"


@pytest.mark.parametrize("rows, message", [
    ("1480,Göteborg,Västra Götalands län,,,,\n1480,Borås,Västra Götalands län,,,,\n",
     "kommuner.csv:4: code 1480 is already used on line 3"),
    ("148,Göteborg,Västra Götalands län,,,,\n", "kommuner.csv:3: code '148' is not a 4-digit kommunkod"),
    ("1480,Göteborg,Västra Götalands län,,,,\n1490,Borås,Västra Götalands län,,Göteborg,,\n",
     "kommuner.csv:4: 'Göteborg' is already a form of Göteborg (line 3)"),
    ("1480,Göteborg,Västra Götalands län,,\n", "kommuner.csv:3: 5 fields, the header has 7"),
    ("1480,Göteborg,Västra Götalands län,,,ja,\n", "kommuner.csv:3: ambiguous must be 1, 0 or empty"),
    ("0305,Håbo,Uppsala län,,,,\n0643,Habo,Jönköpings län,,,,\n",
     "kommuner.csv:4: slug 'habo' of Habo is already the slug of Håbo (line 3)"),
    ("0305,Håbo,Uppsala län,,,,Håbo\n", "kommuner.csv:3: slug 'Håbo' must be lower-case"),
])
def test_csv_problems_are_reported_with_file_and_line(tmp_path, rows, message):
    folder = _write(tmp_path, "# comment\n" + _HEADER + rows)
    with pytest.raises(RegisterError) as error:
        load_registers(folder)
    assert message in str(error.value)


@pytest.mark.parametrize("yaml_text, message", [
    ("- id: fou\n  name: FoU i Väst\n  parent: nope\n  description: En enhet.\n",
     "organisationer.yml:1: parent 'nope' of fou is not an organisation id"),
    (_GOOD_YAML + "- id: gr\n  name: Annat\n  description: Annat.\n",
     "organisationer.yml:5: id gr is already used on line 1"),
    (_GOOD_YAML + "- id: x\n  name: X-förbundet\n  aliases:\n    - GR\n  description: X.\n",
     "organisationer.yml:5: 'GR' is already a form of gr (line 1)"),
    ("- id: Bad Id\n  name: X\n  description: X.\n", "organisationer.yml:1: id 'Bad Id'"),
    ("- id: x\n  name: X\n  colour: red\n  description: X.\n", "organisationer.yml:3: unknown field 'colour'"),
    ("- id: x\n  name: Göteborg\n  description: X.\n", "'Göteborg' is a municipality's name"),
    ("- id: x\n  name: [unclosed\n", "organisationer.yml:3: not valid YAML"),
    ("- id: x\n  name: X\n  short: 3X\n  description: X.\n", "organisationer.yml:1: '3X' must start with a letter"),
])
def test_yaml_problems_are_reported_with_file_and_line(tmp_path, yaml_text, message):
    folder = _write(tmp_path, _HEADER + "1480,Göteborg,Västra Götalands län,,,,\n", yaml_text)
    with pytest.raises(RegisterError) as error:
        load_registers(folder)
    assert message in str(error.value)


def test_yaml_aliases_stay_text(tmp_path):
    # `No` would be a boolean in YAML 1.1: aliases are read as written.
    folder = _write(tmp_path, _HEADER, "- id: x\n  name: Xförbundet\n  aliases:\n    - No\n  description: X.\n")
    assert load_registers(folder).organisation("No").id == "x"
