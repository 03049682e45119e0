"""A synthetic archive that looks like a real one, for benchmarks and tests.

`write_archive(source_dir, documents, seed)` writes `documents` plain-text sources plus
`source/arkiv.yml` into `source_dir`. The same (documents, seed) always gives byte-identical
files. What it simulates:

- 15-40 networks (GR, Sjuhärad, Fyrbodal and Skaraborg groups, DUA styrgrupper,
  samordningsförbund), each with its member municipalities (real names from
  generator/data/kommuner.csv), meeting 4-10 times a year over a span of years that grows
  with the archive (within 2008-2026 up to about 4,000 documents; 40 networks meeting at
  most ten times a year need to start in 1996 to hold the minutes of 10,000 documents);
- people who hold a municipality's seat in a network for a few years, sometimes sit in
  several networks, change municipality now and then and leave; substitutes, coordinators
  of the host organisation and guests from Arbetsförmedlingen, SKR, Försäkringskassan ...;
- about 85 % minutes in four layouts the parser reads (see `Builder._render_minutes`), 8 %
  agreements and 7 % news articles close to the seed documents' layouts, with varied items,
  `Förslag:`/`Beslut:` decisions, people named in the text and date cues in the wording
  (most documents carry no date; a few have front matter);
- mild noise: the odd Windows-1252 file, CRLF line endings, blank lines from page breaks,
  written forms such as `Göteborgs Stad` or `Marks kommun`, a rare misspelt surname.

Command line: a whole buildable project (source/, mkdocs.yml, overrides/, docs/om.md, and
`generator` symlinked), so that `arkiv --root OUT_DIR build` builds it:

    .venv/bin/python scripts/synthetic_archive.py OUT_DIR --documents 1000 [--seed 1]
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.knowledge.registers import read_municipalities  # noqa: E402

LAST_YEAR = 2026
LAST_MONTH = 5  # the archive ends in spring 2026
PREFERRED_FIRST_YEAR = 2008
MINUTES_SHARE = 0.85
AGREEMENT_SHARE = 0.08  # the rest are articles

# --- people's names ----------------------------------------------------------------------

_F_SV = """Anna Maria Karin Eva Lena Kerstin Sara Emma Ingrid Malin Jenny Linda Johanna Sofia Helena
Camilla Annika Susanne Ulrika Åsa Cecilia Therese Frida Elin Hanna Ida Louise Petra Maja Julia
Charlotte Pia Monica Marie Ann-Sofie Marie-Louise Anna-Karin Carina Gunilla Birgitta Margareta
Katarina Lotta Madeleine Jessica Josefin Caroline Veronica Sandra Agneta Anette Annelie Linnea
Matilda Klara Amanda Rebecka Emelie Evelina Tove Ebba Elisabeth Kristina Mia Nina Lisa Helén
Ylva Karolina Sanna Lovisa Ulla Britt Inger Gun Marianne Ann Jeanette Erika Stina Liselott""".split()
_M_SV = """Anders Johan Lars Mikael Per Karl Erik Peter Jan Hans Thomas Daniel Fredrik Magnus Mats
Stefan Andreas Jonas Martin Niklas Henrik Patrik Mattias Ola Björn Joakim Christer Ulf Göran Bengt
Håkan Lennart Tobias Marcus Jesper Kristoffer Gustav Oskar Viktor Emil Sebastian Carl-Johan
Per-Olof Lars-Erik Rickard Robert Roger Tommy Dag Sven Olof Anton Axel David Simon Filip Jimmy
Kenneth Leif Torbjörn Pontus Linus Jörgen Claes Staffan Gunnar Rolf Jens Kim Conny Ingemar""".split()
_F_INT = """Fatima Amina Leila Yasmin Nadia Samira Aisha Zeynep Elif Mariam Rana Hiba Shirin Parisa
Maryam Ayan Hodan Natalja Olga Irina Svetlana Jelena Ana Marija Dragana Jasmina Edina Aida Teresa
Gabriela Carmen Lucia Agnieszka Katarzyna Mai Linh Tigist Selam Leyla Dilan Roza Nour Lina Sevda
Merima Amra Sanja Tatjana Ewa Milica""".split()
_M_INT = """Mohammed Ahmed Ali Omar Hassan Hussein Mustafa Yusuf Ibrahim Karim Samir Tarik Reza Amir
Mehmet Emre Murat Kemal Goran Dragan Nikola Milan Zoran Dejan Adnan Emir Haris Jamal Abdi Abdullahi
Mahmoud Bilal Rashid Dawit Tesfaye Piotr Tomasz Marek Carlos Juan Diego Paulo Jorge Arash Babak
Kaveh Nenad Senad Faisal Khaled Hamid""".split()
_S_SV = """Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Olofsson Lindström
Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Lundqvist Mattsson Berglund
Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Engström Eklund Danielsson Lundin Håkansson
Björk Bergman Gunnarsson Holm Wikström Samuelsson Isaksson Fransson Bergqvist Nyström Holmberg
Arvidsson Löfgren Söderberg Nyberg Blomqvist Claesson Nordström Mårtensson Lundström Viklund Björklund
Eliasson Pålsson Berggren Sandström Nordin Ström Åberg Hermansson Ekström Holmgren Sundberg Hedlund
Dahlberg Hellström Sjögren Abrahamsson Martinsson Öberg Andreasson Strömberg Månsson Åkesson Jonasson
Norberg Dahl Sundström Ekberg Lindholm Hedberg Ivarsson Falk Nyman Blom Törnqvist Wennberg Ahlstedt
Skårvik Tärnström Olander Zetterman Hesslind Landon Tedenby Valtin Rieglert Markhede Sporrang Hallberg
Dufva Hellsten Forsström Lilienberg Sandahl Browall Arekvist Lundell Wigren Mörtvik Molki Tindvall
Bansson Palmqvist Rosén Ek Lövgren Granath Westerlund Almgren Sköld Rydén Kjellberg Ljungberg
Grönlund Ottosson Malmberg Boström Thorén Wahlström Hägg Edvardsson Strand Carlén Nordqvist Ågren
Björnsson Melin Lilja Hedman Sjöstrand Ekman Frisk Aronsson Bergh Wiklund Hammar Stenberg Tell""".split()
_S_INT = """Ali Mohammed Ahmed Hassan Hussein Abdi Yilmaz Kaya Demir Nguyen Tran Pham Petrovic Jovanovic
Nikolic Popovic Mehmedovic Begic Hadzic Kowalski Nowak Rodriguez Haddad Khalil Nasser Saleh Farah
Osman Warsame Jama Tesfaye Gebremedhin Karimi Rahimi Hosseini Ahmadi Moradi Rostami Lipovskaja
Ivanova Petrova Smirnova Marini Pejic Aydin Celik Özdemir Arslan Dogan Jusufovic Hodzic Mustafic
Suljic Alic Kovacs Horvath Santos Silva Mendes Okafor Mensah Yousef Abbas Jafari Sadeghi""".split()
# Written with letters the attendance parser does not list as name letters (ć, ś, č, ł):
# a few real archives have them, and the parser warns about them.
_S_DIACRITIC = "Bosćović Petrović Kovačević Hodžić Jovanović Nikolić Đurić".split()

# --- municipalities and regions ----------------------------------------------------------

FYRBODAL = ("Bengtsfors", "Dals-Ed", "Färgelanda", "Lysekil", "Mellerud", "Munkedal", "Orust", "Sotenäs",
            "Strömstad", "Tanum", "Trollhättan", "Uddevalla", "Vänersborg", "Åmål")
SKARABORG = ("Essunga", "Falköping", "Grästorp", "Gullspång", "Götene", "Hjo", "Karlsborg", "Lidköping",
             "Mariestad", "Skara", "Skövde", "Tibro", "Tidaholm", "Töreboda", "Vara")
# Other written forms of a municipality, used now and then in attendance lists.
_WRITTEN_FORMS = {"Göteborg": ["Göteborgs Stad", "Göteborgs stad"], "Borås": ["Borås Stad"],
                  "Mölndal": ["Mölndals stad"], "Trollhättan": ["Trollhättans stad"]}
_HOSTS = {
    "GR": "GR",
    "Sjuhärad": "Sjuhärads kommunalförbund",
    "Fyrbodal": "Fyrbodals kommunalförbund",
    "Skaraborg": "Skaraborgs kommunalförbund",
}
# Hosts whose name the register resolves, so a line with only the host can head a group
# of names in an attendance list (layout B).
_GROUP_HOSTS = {"GR", "Sjuhärads kommunalförbund"}


@dataclass(frozen=True)
class NetworkSpec:
    name: str
    aliases: tuple[str, ...]
    region: str  # GR, Sjuhärad, Fyrbodal, Skaraborg, or a samordningsförbund's own name
    profile: str  # which topics its meetings are about
    weight: float = 1.0  # share of the minutes
    members: tuple[str, ...] = ()  # for samordningsförbund: their municipalities
    first_year: int | None = None  # earliest year, when the network is younger
    last_year: int = LAST_YEAR
    standing: tuple[str, ...] = ()  # organisations with a seat of their own
    agreements: bool = False  # the network signs agreements (DUA, Finsam, samråd)


# In order of importance: an archive with n networks has the first n. Names never contain
# another network's name or alias (the parser picks a document's network by name).
NETWORKS: tuple[NetworkSpec, ...] = (
    NetworkSpec("AME-chefsnätverket", ("Arbetsmarknadschefsnätverket", "Chefsnätverket", "AME-nätverket"),
                "GR", "ame", 1.6, standing=("SKR",)),
    NetworkSpec("Socialchefsnätverket", ("Nätverket för socialchefer",), "GR", "social", 1.2),
    NetworkSpec("AME-chefer Sjuhärad", ("Enhetschefer AME Sjuhärad",), "Sjuhärad", "ame", 1.2),
    NetworkSpec("Arbetsmarknadsgruppen Fyrbodal", ("Arbetsmarknadsnätverket i Fyrbodal",), "Fyrbodal", "ame", 1.0),
    NetworkSpec("DUA styrgrupp GR", ("Styrgruppen för DUA i GR",), "GR", "dua", 0.7, first_year=2015,
                last_year=2023, standing=("Arbetsförmedlingen",), agreements=True),
    NetworkSpec("IFO-chefsnätverket", ("IFO-cheferna i GR",), "GR", "social", 1.0),
    NetworkSpec("Vuxenutbildningsnätverket", ("Nätverket för vuxenutbildning",), "GR", "vux", 1.0),
    NetworkSpec("Arbetsmarknadsgruppen Skaraborg", ("AME-gruppen i Skaraborg",), "Skaraborg", "ame", 1.0),
    NetworkSpec("Kompetensnätverket GR", ("Kompetensförsörjningsnätverket",), "GR", "kompetens", 0.8),
    NetworkSpec("Samordningsförbundet Älv och Kust", ("Finsam Älv och Kust",), "Älv och Kust", "finsam", 0.8,
                members=("Kungälv", "Stenungsund", "Tjörn", "Öckerö"),
                standing=("Arbetsförmedlingen", "Försäkringskassan", "VGR"), agreements=True),
    NetworkSpec("DUA styrgrupp Sjuhärad", ("Chefsgruppen DUA Sjuhärad",), "Sjuhärad", "dua", 0.7, first_year=2015,
                last_year=2023, standing=("Arbetsförmedlingen",), agreements=True),
    NetworkSpec("Delregionala samrådet", ("Delregionalt samråd med Arbetsförmedlingen",), "GR", "ame", 0.8,
                first_year=2019, standing=("Arbetsförmedlingen",), agreements=True),
    NetworkSpec("Socialchefsgruppen Fyrbodal", ("Socialcheferna i Fyrbodal",), "Fyrbodal", "social", 0.9),
    NetworkSpec("Socialchefsgruppen Skaraborg", ("Socialcheferna i Skaraborg",), "Skaraborg", "social", 0.9),
    NetworkSpec("SFI-nätverket", ("Nätverket för sfi-samordnare",), "GR", "sfi", 0.8),
    NetworkSpec("DUA styrgrupp Fyrbodal", ("Chefsgruppen DUA Fyrbodal",), "Fyrbodal", "dua", 0.6, first_year=2015,
                last_year=2023, standing=("Arbetsförmedlingen",), agreements=True),
    NetworkSpec("Nätverket för ekonomiskt bistånd", ("EB-nätverket",), "GR", "social", 0.8),
    NetworkSpec("IFO-chefer Sjuhärad", ("IFO-gruppen Sjuhärad",), "Sjuhärad", "social", 0.8),
    NetworkSpec("Vuxenutbildningsgruppen Fyrbodal", ("Vuxgruppen Fyrbodal",), "Fyrbodal", "vux", 0.8),
    NetworkSpec("DUA styrgrupp Skaraborg", ("Chefsgruppen DUA Skaraborg",), "Skaraborg", "dua", 0.6,
                first_year=2015, last_year=2023, standing=("Arbetsförmedlingen",), agreements=True),
    NetworkSpec("Samordningsförbundet Sjuhärad", ("Finsam Sjuhärad",), "Sjuhärad", "finsam", 0.8,
                standing=("Arbetsförmedlingen", "Försäkringskassan", "VGR"), agreements=True),
    NetworkSpec("Jobbspårsnätverket", ("Nätverket för jobbspår",), "GR", "jobbspar", 0.7, first_year=2016),
    NetworkSpec("Vuxenutbildningsrektorer Sjuhärad", ("Rektorsgruppen vux Sjuhärad",), "Sjuhärad", "vux", 0.7),
    NetworkSpec("Kompetensplattform Fyrbodal", ("Kompetensplattformen i Fyrbodal",), "Fyrbodal", "kompetens", 0.7),
    NetworkSpec("KAA-nätverket GR", ("Nätverket för kommunala aktivitetsansvaret",), "GR", "unga", 0.7),
    NetworkSpec("Samordningsförbundet Insjöriket", ("Finsam Insjöriket",), "Insjöriket", "finsam", 0.7,
                members=("Lerum", "Alingsås", "Partille", "Härryda"),
                standing=("Arbetsförmedlingen", "Försäkringskassan", "VGR"), agreements=True),
    NetworkSpec("IFO-nätverket Skaraborg", ("IFO-cheferna i Skaraborg",), "Skaraborg", "social", 0.7),
    NetworkSpec("Vuxenutbildningsgruppen Skaraborg", ("Vuxgruppen Skaraborg",), "Skaraborg", "vux", 0.7),
    NetworkSpec("Integrationsnätverket", ("Nätverket för mottagande och etablering",), "GR", "sfi", 0.7),
    NetworkSpec("Kompetensrådet Skaraborg", ("Skaraborgs kompetensråd",), "Skaraborg", "kompetens", 0.6),
    NetworkSpec("KAA-nätverket Sjuhärad", ("KAA-gruppen Sjuhärad",), "Sjuhärad", "unga", 0.6),
    NetworkSpec("Samordningsförbundet Norra Bohuslän", ("Finsam Norra Bohuslän",), "Norra Bohuslän", "finsam",
                0.6, members=("Strömstad", "Tanum", "Sotenäs", "Munkedal", "Lysekil"),
                standing=("Arbetsförmedlingen", "Försäkringskassan", "VGR"), agreements=True),
    NetworkSpec("SYV-nätverket", ("Nätverket för studie- och yrkesvägledare",), "GR", "vux", 0.6),
    NetworkSpec("Feriejobbsnätverket Fyrbodal", ("Feriegruppen Fyrbodal",), "Fyrbodal", "unga", 0.5),
    NetworkSpec("FoU-plattform arbetsmarknad", ("FoU-plattformen arbetsmarknad",), "GR", "ame", 0.5,
                first_year=2016),
    NetworkSpec("Samordningsförbundet Östra Skaraborg", ("Finsam Östra Skaraborg",), "Östra Skaraborg",
                "finsam", 0.5, members=("Skövde", "Hjo", "Tibro", "Karlsborg", "Falköping", "Tidaholm"),
                standing=("Arbetsförmedlingen", "Försäkringskassan", "VGR"), agreements=True),
    NetworkSpec("Unga vuxna-nätverket Skaraborg", ("UV-nätverket Skaraborg",), "Skaraborg", "unga", 0.5),
    NetworkSpec("Validering Väst", ("Valideringsnätverket",), "GR", "vux", 0.5, first_year=2012),
    NetworkSpec("Ekonomiskt bistånd Sjuhärad", ("EB-gruppen Sjuhärad",), "Sjuhärad", "social", 0.5),
    NetworkSpec("Arbetsgivarnätverket Fyrbodal", ("Arbetsgivargruppen Fyrbodal",), "Fyrbodal", "kompetens", 0.5),
)


def _check_network_names() -> None:
    """No network's name or alias may occur inside another network's name or alias."""
    import re

    forms = [(spec.name, form) for spec in NETWORKS for form in (spec.name, *spec.aliases)]
    for owner, form in forms:
        pattern = re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", re.IGNORECASE)
        for other, text in forms:
            if other != owner and pattern.search(text):
                raise AssertionError(f"network form {form!r} ({owner}) occurs in {text!r} ({other})")


# --- agenda and text material -----------------------------------------------------------

# Topics: subjects (title fragments) and sentences. Slots: {kommun} {kommun2} {person} {first}
# {person2} {org} {track} {n} {n2} {pct} {money} {subject} {network} {host} {place}.
SUBJECTS: dict[str, list[str]] = {
    "arbetsmarknad": [
        "kommunernas roll i arbetsmarknadspolitiken", "den reformerade Arbetsförmedlingen",
        "lokal närvaro för Arbetsförmedlingen", "samverkan med upphandlade aktörer", "rusta och matcha",
        "kommunala arbetsmarknadsanställningar", "extratjänster och introduktionsjobb",
        "arbetsmarknadsläget i regionen", "långtidsarbetslösheten", "nystartsjobb och lönebidrag",
        "Steg till arbete", "arbetsmarknadsinsatser i kommunal regi", "arbetsgivarsamverkan",
        "kommunala arbetsmarknadsenheter", "Arbetsförmedlingens nya rutiner", "sysselsättning för nyanlända",
        "arbetsmarknadsstrategin", "insatser för personer långt från arbetsmarknaden",
    ],
    "jobbspar": [
        "regionala jobbspår", "jobbspår inom vård och omsorg", "jobbspår mot lokalvård",
        "jobbspår inom måltid och service", "jobbspår inom lager och logistik",
        "gemensamma jobbspår mellan kommunerna", "jobbspår för personer med funktionsnedsättning",
        "rekrytering till jobbspåren", "jobbspår inom barnomsorg", "förberedande jobbspår",
        "jobbspår i samverkan med näringslivet", "jobbspår mot fordonsmontör",
    ],
    "arbetstraning": [
        "arbetsträning och förstärkt arbetsträning", "arbetsträningsplatser i kommunal verksamhet",
        "handledarutbildning", "arbetsträning för personer med försörjningsstöd",
        "IPS och supported employment", "kartläggning av arbetsförmåga", "daglig verksamhet och arbetsträning",
        "praktikplatser i kommunens verksamheter", "arbetsträning inom återbruk",
    ],
    "dua": [
        "DUA-överenskommelserna", "den lokala överenskommelsen med Arbetsförmedlingen",
        "revidering av överenskommelsen", "DUA:s uppföljningsenkät", "statsbidraget för lokala jobbspår",
        "de lokala målen i överenskommelsen", "samverkan inom DUA", "avslutet av DUA",
    ],
    "sfi": [
        "SFI i kombination med arbete", "språkpraktik", "yrkessvenska", "genomströmningen i SFI",
        "språkombud på arbetsplatser", "kvinnors språk och arbetsmarknad", "samhällsorientering",
        "etableringsprogrammet", "mottagandet av nyanlända",
    ],
    "vux": [
        "regionalt yrkesvux", "validering", "studie- och yrkesvägledning",
        "samverkan mellan vuxenutbildningen och AME", "lärlingsvux", "utbildningsplikten",
        "yrkesutbildningar på gymnasial nivå", "studiemotiverande insatser", "kombinationsutbildningar",
    ],
    "ekbistand": [
        "ekonomiskt bistånd och aktivitetskrav", "försörjningsstödets utveckling",
        "samverkan mellan försörjningsstöd och AME", "hushåll med långvarigt bistånd",
        "aktivitetskrav för personer med försörjningsstöd", "barnfamiljer med ekonomiskt bistånd",
        "digitala ansökningar om ekonomiskt bistånd", "felaktiga utbetalningar",
    ],
    "budget": [
        "budget för nätverkets gemensamma arbete", "finansiering av FoU-plattform arbetsmarknad",
        "fördelning av kostnader mellan kommunerna", "ESF-ansökan", "nätverkets verksamhetsplan",
        "gemensam finansiering av kompetensutveckling", "medfinansiering av projekt",
    ],
    "statistik": [
        "likvärdig statistik", "statistik över inskrivna arbetssökande", "nyckeltal för arbetsmarknadsenheterna",
        "uppföljning av deltagarflöden", "öppna jämförelser", "statistik om unga som varken arbetar eller studerar",
        "gemensamt uppföljningssystem",
    ],
    "unga": [
        "kommunala aktivitetsansvaret", "unga som varken arbetar eller studerar", "samverkan med gymnasieskolan",
        "feriejobb för unga", "sommarjobb och feriepraktik", "unga med funktionsnedsättning",
        "övergången från skola till arbete",
    ],
    "finsam": [
        "samordningsförbundets insatser", "psykisk ohälsa och arbetslivsinriktad rehabilitering",
        "ansökningar om insatsmedel", "samverkan kring personer med sjukersättning",
        "förbundets verksamhetsplan", "uppföljning av finansierade insatser",
    ],
    "kompetens": [
        "kompetensförsörjning i välfärden", "kompetensutveckling för medarbetare", "ledarskap i förändring",
        "digitalisering och AI i verksamheterna", "rekryteringsbehov i kommunerna", "branschråd och arbetsgivare",
        "bristyrken i regionen",
    ],
    "social": [
        "socialtjänstlagen", "missbruk och beroende", "våld i nära relationer", "hemlöshet",
        "samverkan med hälso- och sjukvården", "placeringar och kostnadsutveckling", "barn och unga i utsatthet",
        "kompetensförsörjning inom socialtjänsten",
    ],
}
# Which topics each kind of network talks about, most frequent first.
PROFILES: dict[str, list[str]] = {
    "ame": ["arbetsmarknad", "jobbspar", "arbetstraning", "statistik", "ekbistand", "budget", "sfi", "dua"],
    "social": ["social", "ekbistand", "statistik", "budget", "unga", "arbetsmarknad"],
    "dua": ["dua", "jobbspar", "unga", "sfi", "statistik", "arbetsmarknad"],
    "vux": ["vux", "sfi", "jobbspar", "kompetens", "statistik", "budget"],
    "kompetens": ["kompetens", "vux", "jobbspar", "arbetsmarknad", "budget"],
    "finsam": ["finsam", "arbetstraning", "budget", "statistik", "social", "unga"],
    "sfi": ["sfi", "vux", "arbetsmarknad", "arbetstraning", "statistik"],
    "jobbspar": ["jobbspar", "vux", "arbetsmarknad", "kompetens", "statistik"],
    "unga": ["unga", "vux", "social", "arbetsmarknad", "statistik"],
}
TITLE_PREFIXES = ["", "", "", "Aktuellt: ", "Information om ", "Dialog om ", "Uppföljning av ",
                  "Erfarenhetsutbyte kring ", "Återkoppling om ", "Presentation av ", "Nuläge: ", "Diskussion om ",
                  "Fördjupning: ", "Kort om ", "Lägesrapport: "]
OPENING_TITLES = ["Inledning", "Välkommen och inledning", "Mötets öppnande", "Välkommen och dagordning",
                  "Inledning och presentationsrunda", "Godkännande av dagordning"]
ROUND_TITLES = ["Aktuellt i respektive kommun", "Laget runt", "Aktuellt från kommunerna",
                "Nytt sedan sist", "Kommunernas aktuella frågor"]
CLOSING_TITLES = ["Övriga frågor", "Kort information", "Avslutning", "Övrigt"]
GUEST_TITLES = ["Aktuellt {org}", "Information från {org}", "{org} informerar", "Gäst: {org}"]
TRACKS = ["vård och omsorg", "lokalvård", "måltid och service", "lager och logistik", "barnomsorg",
          "fastighetsskötsel", "grönyteskötsel", "handel och service", "bygg och anläggning", "industri och teknik",
          "kök och restaurang", "busschaufför", "elevassistent", "städ och lokalvård"]
PLACES = ["Återbruket", "Kompetenscentrum", "Jobbcentrum", "Lärcentrum", "Arbetsmarknadscenter",
          "Navet", "Möjligheternas hus", "Framtidens hus", "Resurscentrum", "Vägledningscentrum"]

GENERIC_SENTENCES = [
    "{person} inleder punkten och ger en bakgrund till {subject}.",
    "{person} berättar om {subject} och hur arbetet har utvecklats i {kommun}.",
    "Nätverket för en dialog om {subject}.",
    "{kommun} lyfter behovet av att samordna arbetet med {subject}.",
    "Flera kommuner vittnar om att {subject} tar allt större plats i verksamheten.",
    "Det konstateras att förutsättningarna skiljer sig åt mellan kommunerna.",
    "Frågan om {subject} har tidigare diskuterats i nätverket och aktualiseras nu på nytt.",
    "Se bifogat bildspel för mer information.",
    "{first} delar gärna underlaget med nätverket efter mötet.",
    "Nätverket ser positivt på ett fortsatt erfarenhetsutbyte i frågan.",
    "En arbetsgrupp med representanter från {kommun}, {kommun2} och {host} tar fram ett underlag till kommande möte.",
    "Många i målgruppen har behov av samordnade insatser från flera aktörer.",
    "{kommun} har goda erfarenheter av samverkan med {org} och delar med sig av sitt upplägg.",
    "Det finns en oro för att neddragningar kommer att påverka möjligheten att erbjuda insatser.",
    "Nätverket önskar en fördjupning i frågan vid ett senare tillfälle.",
    "Diskussionen visar att behoven är stora men att resurserna är begränsade.",
    "{person2} ({kommun2}) berättar att man har anställt en samordnare för {subject}.",
    "Flera lyfter att det är viktigt att gå från personbunden till strukturell samverkan.",
    "{first} tar med sig frågan och återkommer till nätverket.",
    "Konstateras att vi har stora grupper som inte syns i den officiella statistiken.",
    "Tips om att {kommun} har ett fungerande arbetssätt lyfts, nätverket tar gärna del av mer information.",
    "Det är fortsatt oklart hur ansvaret ska fördelas mellan kommunerna och staten.",
    "Nätverket uttrycker sig positivt till förslaget och vill följa arbetet.",
    "{kommun} och {kommun2} har liknande erfarenheter och kommer att träffas för ett fördjupat utbyte.",
    "Frågan skickas vidare till {host} för vidare hantering.",
    "Det finns en vilja att samverka mer över kommungränserna.",
    "{person} ger en kort lägesbild och svarar på frågor från nätverket.",
    "Nätverket konstaterar att frågan berör flera förvaltningar och behöver förankras politiskt.",
    "{kommun} framhåller vikten av en tydlig ansvarsfördelning mellan förvaltningarna.",
    "{person} och {person2} har träffats för att jämföra arbetssätten i sina kommuner.",
    "Inför mötet har ett underlag skickats ut, vilket {first} går igenom.",
    "Synpunkter på underlaget lämnas till {host} inom två veckor.",
    "Det finns en risk att arbetet blir personbundet om det inte förankras i ledningen.",
    "Gruppen ser ett behov av att samla goda exempel från kommunerna.",
    "Frågan om gemensam upphandling lyfts men nätverket vill avvakta.",
    "Flera efterfrågar en gemensam bild av läget i delregionen.",
    "{kommun} har nyligen genomfört en omorganisation som påverkar arbetet.",
    "Samtliga kommuner har bjudits in att delta i arbetsgruppen.",
    "{person2} lyfter att målgruppen har förändrats och i dag har mer omfattande stödbehov.",
    "Nätverket tackar för en intressant dragning.",
    "Bildspelet skickas ut tillsammans med anteckningarna.",
    "En kortare skriftlig sammanfattning tas fram av {host}.",
    "Diskussionen fortsätter vid ett kommande möte.",
    "Det finns ett intresse från övriga kommuner att följa arbetet i {kommun}.",
    "{first} påminner om att kontaktuppgifterna i nätverkets lista behöver uppdateras.",
    "Frågan är återkommande och nätverket vill hitta en mer långsiktig lösning.",
]
# Item titles built around a subject, beside `prefix + subject`.
TITLE_SUFFIXED = [
    "{subject} – erfarenheter från {kommun}", "{subject} – hur går vi vidare?", "{kommun} berättar om {subject}",
    "{subject}, lokalt och delregionalt", "Behov av samordning kring {subject}?", "{subject}: nuläge och nästa steg",
    "Studiebesök: {place} i {kommun}", "{subject} – inspel till {org}", "Beslut om {subject}",
    "Gemensamt arbete med {subject}", "Nya förutsättningar för {subject}",
]
TOPIC_SENTENCES: dict[str, list[str]] = {
    "arbetsmarknad": [
        "Flera kommuner har påbörjat dialog med Arbetsförmedlingen om lokala samverkansöverenskommelser.",
        "{kommun2} beskriver att arbetsmarknadsanställningarna har blivit färre när statsbidragen minskat.",
        "Det finns ett behov av att hitta arbetskraft till många branscher samtidigt som arbetslösheten är hög i vissa grupper.",
        "Arbetsförmedlingens juridiska avdelning har sagt att den föreslagna modellen krockar med regelverket.",
        "Nätverket vill ta fram ett gemensamt inspel om kommunernas roll i arbetsmarknadspolitiken.",
        "Arbetsförmedlingens reformering påverkar kommunernas uppdrag och flera kommuner ser ett ökat inflöde till arbetsmarknadsenheterna.",
        "Antalet inskrivna arbetssökande i {kommun} har ökat med {pct} procent sedan förra året.",
        "{kommun} har i dag cirka {n} personer i kommunala arbetsmarknadsanställningar.",
        "Samverkan med de upphandlade aktörerna inom rusta och matcha beskrivs som begränsad.",
        "Det finns behov av att tydliggöra ansvarsfördelningen mellan kommun och Arbetsförmedlingen.",
        "Lokal närvaro från Arbetsförmedlingen efterfrågas av samtliga kommuner.",
        "Inflödet till arbetsmarknadsenheterna från Arbetsförmedlingen har minskat markant.",
        "Kommunerna tenderar att arbeta alltmer med individuellt stöd och ett helhetsansvar för individen.",
        "{kommun} har samlat arbetsmarknad och vuxenutbildning i en förvaltning, vilket nätverket vill veta mer om.",
        "Arbetsgivarkontakterna samordnas nu i ett gemensamt team i {kommun}.",
    ],
    "jobbspar": [
        "Kommunerna i {network} vill samverka kring fler jobbspår för att kunna erbjuda en bredare rekrytering.",
        "Vid arbetsmarknadsanställningens slut garanteras deltagarna plats i ordinarie utbildning.",
        "En större matvaruhandel har visat intresse för att starta ett jobbspår i {kommun}.",
        "Planeringen av jobbspåret inom {track} är utdragen men ambitionen är att fullfölja det.",
        "Jobbspåret inom {track} i {kommun} har haft {n2} deltagare och flera har gått vidare till anställning.",
        "Rekryteringen till jobbspåren sker i samarbete med Arbetsförmedlingen och vuxenutbildningen.",
        "{kommun} och {kommun2} undersöker möjligheten att driva ett gemensamt jobbspår inom {track}.",
        "Arbetsgivarnas delaktighet lyfts som en framgångsfaktor för jobbspåren.",
        "Deltagarna kombinerar praktik med studier i yrkessvenska.",
        "Ett nytt jobbspår inom {track} prövas i {kommun} med start efter sommaren.",
        "Det är svårt att fylla platserna i jobbspåren när inflödet från Arbetsförmedlingen minskar.",
        "Jobbspåren inleds med en praktikperiod på cirka två månader i kombination med studier i svenska.",
    ],
    "arbetstraning": [
        "Arbetsförmedlingen har ändrat sina rutiner för beslut om arbetsträning och förstärkt arbetsträning.",
        "{kommun} har tagit fram en mall för det delade arbetsgivaransvaret vid arbetsträning.",
        "Arbetsträningen kombineras ofta med hälsofrämjande insatser och studier i svenska.",
        "Många deltagare har tidigare traumaerfarenhet och behov av hälsoinsatser.",
        "Handledarna är viktiga och det finns önskemål om att kunna ge dem ersättning för uppdraget.",
        "{kommun} erbjuder arbetsträning inom bland annat lokalvård, kök och grönyteskötsel.",
        "Det är svårt att hitta arbetsträningsplatser för personer med omfattande stödbehov.",
        "Flera kommuner arbetar med IPS och supported employment med goda resultat.",
        "Arbetsträningen följs upp med trepartssamtal mellan deltagare, handledare och coach.",
        "I {kommun} har {n2} personer påbörjat arbetsträning i kommunens egna verksamheter.",
        "Nätverket diskuterar hur förstärkt arbetsträning kan användas för personer som står långt från arbetsmarknaden.",
    ],
    "dua": [
        "DUA har bjudit in till en regional konferens om de lokala jobbspåren.",
        "Överenskommelsen behöver förankras hos nya chefer på Arbetsförmedlingen.",
        "{kommun2} har ännu inte undertecknat den reviderade överenskommelsen.",
        "Uppföljningen av de lokala målen visar att arbetet går åt rätt håll.",
        "Den lokala överenskommelsen mellan kommunerna och Arbetsförmedlingen ska revideras.",
        "Parterna har svarat på DUA:s enkät om samverkan och lokala jobbspår.",
        "Statsbidraget för lokala jobbspår söks gemensamt av kommunerna i delregionen.",
        "Styrgruppen följer upp de lokala målen i överenskommelsen.",
        "Arbetsgruppen har träffats digitalt en gång per månad och arbetet går enligt plan.",
        "{kommun} lyfter att överenskommelsen behöver bli mer konkret när det gäller unga.",
    ],
    "sfi": [
        "SFI på deltid i kombination med praktik har gett goda resultat i {kommun}.",
        "Väntetiderna till SFI har minskat sedan kommunerna började samverka kring antagningen.",
        "Språkstödjare på arbetsplatserna gör det lättare för deltagarna att öva svenska.",
        "{kommun2} erbjuder SFI med yrkesinriktning mot {track}.",
        "Andelen SFI-elever som kombinerar studier med praktik har ökat.",
        "{kommun} har startat en grupp med yrkessvenska för deltagare i arbetsträning.",
        "Språkombud används inom äldreomsorgen i {kommun}.",
        "Det behövs fler platser för språkpraktik, särskilt för kvinnor som är nya i Sverige.",
        "Samhällsorienteringen erbjuds nu även digitalt på flera språk.",
        "Genomströmningen i SFI varierar mycket mellan kommunerna.",
    ],
    "vux": [
        "Samverkansavtalet om regionalt yrkesvux gör att utbudet finns tillgängligt i alla kommuner.",
        "Vuxenutbildningen och arbetsmarknadsenheten i {kommun} delar lokaler sedan en tid.",
        "Validering används för att korta utbildningstiden för deltagare med tidigare erfarenhet.",
        "Det finns en oro för att statsbidraget för yrkesvux minskar.",
        "Vuxenutbildningen erbjuder ett femtiotal yrkesutbildningar inom regionalt yrkesvux.",
        "{kommun} har goda erfarenheter av validering inom vård och omsorg.",
        "Studie- och yrkesvägledningen är en viktig länk mellan arbetsmarknadsenheten och vuxenutbildningen.",
        "Kombinationsutbildningar där yrkeskurser läses tillsammans med SFI efterfrågas.",
        "{kommun2} har infört en gemensam ingång för vuxenutbildning och arbetsmarknad.",
        "Antalet sökande till yrkesutbildningarna har ökat med {pct} procent.",
    ],
    "ekbistand": [
        "Handläggarna på försörjningsstöd och coacherna på AME träffas numera varje vecka i {kommun}.",
        "Nätverket diskuterar hur aktivitetskravet kan utformas utan att slå ut de som står längst från arbetsmarknaden.",
        "{kommun2} har sett en ökning av ansökningar från hushåll som tidigare haft a-kassa.",
        "Flera kommuner arbetar med digitala ansökningar och automatiserade beslut.",
        "Antalet hushåll med ekonomiskt bistånd i {kommun} har minskat under året.",
        "{kommun} har infört aktivitetskrav för personer med försörjningsstöd.",
        "Samverkan mellan försörjningsstöd och arbetsmarknadsenheten är avgörande för att fler ska nå egen försörjning.",
        "Kostnaderna för ekonomiskt bistånd ligger på cirka {money} kronor per månad i {kommun2}.",
        "En stor del av hushållen med långvarigt bistånd har behov av hälsoinsatser.",
        "Det finns en oro för att fler hushåll blir beroende av försörjningsstöd när arbetsmarknaden försvagas.",
    ],
    "budget": [
        "Kommunerna återkommer med besked om sin medfinansiering.",
        "Budgeten omfattar även kostnader för lokaler och gemensamma konferenser.",
        "Några kommuner har inte kunnat ta ställning på grund av osäkra budgetramar.",
        "Förslaget innebär att kostnaden per invånare är densamma som tidigare.",
        "Förslaget bygger på att kommunerna finansierar arbetet utifrån befolkningsmängd.",
        "Den totala budgeten föreslås, liksom tidigare, vara strax under {money} kronor.",
        "Kostnaden fördelas mellan kommunerna enligt samma modell som tidigare.",
        "Ett utkast till budget skickas ut till nätverket före beslut.",
        "Medfinansiering kan ske i form av arbetstid.",
    ],
    "statistik": [
        "{host} sammanställer en gemensam statistikrapport som skickas ut efter mötet.",
        "Statistiken visar att andelen långtidsarbetslösa ökar i hela delregionen.",
        "Verksamhetssystemen skiljer sig åt och det försvårar jämförelser.",
        "{kommun} och {kommun2} deltar i en pilot om fördjupad dokumentation och uppföljning.",
        "{first} visar statistik över antalet inskrivna arbetssökande i delregionen.",
        "Det saknas likvärdig statistik som möjliggör jämförelser mellan kommunerna.",
        "Arbetslösheten i {kommun} ligger på {pct} procent, vilket är något över snittet i länet.",
        "Flera kommuner har kvalitativa data men inte i systematiserad form.",
        "Nätverket vill ta fram gemensamma nyckeltal för deltagarnas progression.",
        "Det vore intressant att bryta ner andelen som fått jobb utifrån typ av anställning.",
    ],
    "unga": [
        "Feriejobben är ett viktigt första steg in på arbetsmarknaden för många unga.",
        "Unga med funktionsnedsättning behöver ofta ett längre och mer individuellt stöd.",
        "{kommun2} har tagit fram en rutin för samarbetet mellan KAA och arbetsmarknadsenheten.",
        "Antalet unga i det kommunala aktivitetsansvaret varierar kraftigt under året.",
        "Det kommunala aktivitetsansvaret omfattar cirka {n} unga i {kommun}.",
        "Samverkan med gymnasieskolorna behöver stärkas för att förebygga avbrott.",
        "Feriejobben har varit uppskattade och {n} ungdomar fick sommarjobb i {kommun2}.",
        "Unga som varken arbetar eller studerar är svåra att nå och kräver uppsökande arbete.",
        "{kommun} har startat en KAA-enhet som arbetar förvaltningsövergripande.",
    ],
    "finsam": [
        "Beredningsgruppen föreslår att två nya insatser finansieras.",
        "Förbundets budget för insatser är i stort sett oförändrad.",
        "Insatsen i {kommun} riktar sig till unga vuxna med aktivitetsersättning.",
        "Samverkan med primärvården behöver utvecklas för att fånga upp personer tidigt.",
        "Förbundet finansierar insatser för personer i behov av samordnad rehabilitering.",
        "Ansökningar om insatsmedel behandlas av beredningsgruppen.",
        "Försäkringskassan och Arbetsförmedlingen deltar i samtliga insatser.",
        "Uppföljningen visar att {pct} procent av deltagarna gått vidare till arbete eller studier.",
        "Förbundet planerar en gemensam utbildningsdag om psykisk ohälsa.",
    ],
    "kompetens": [
        "Nätverket vill kartlägga vilka yrken som har störst brist på arbetskraft i delregionen.",
        "{kommun} har goda erfarenheter av traineeplatser för nyanställda medarbetare.",
        "Vård- och omsorgscollege lyfts som en modell för samverkan med arbetsgivarna.",
        "Kompetensförsörjningen är en av de viktigaste frågorna för kommunerna de kommande åren.",
        "Kommunerna har stora rekryteringsbehov inom vård och omsorg och inom skolan.",
        "{kommun} har tagit fram en kompetensförsörjningsplan för hela kommunen.",
        "Branschråden lyfter behovet av fler yrkesutbildningar inom {track}.",
        "Digitala verktyg kan frigöra tid men kräver kompetensutveckling.",
        "Nätverket vill ha en gemensam dag med vuxenutbildningen om kompetensförsörjning.",
    ],
    "social": [
        "{kommun} ser en ökning av orosanmälningar som gäller barn och unga.",
        "Socialtjänsten och arbetsmarknadsenheten behöver samverka mer kring personer med missbruk.",
        "Bostadsfrågan är en återkommande utmaning för personer som lämnar behandling.",
        "{kommun2} har infört ett gemensamt mottagningsteam för vuxna.",
        "Den nya socialtjänstlagen ställer krav på ett mer förebyggande arbetssätt.",
        "Kostnaderna för placeringar har ökat i flera kommuner.",
        "{kommun} har startat ett samarbete med vårdcentralerna kring personer med missbruk.",
        "Hemlösheten bland unga vuxna har ökat i {kommun2}.",
        "Samverkan med hälso- och sjukvården fungerar olika väl i olika delar av regionen.",
        "Kompetensförsörjningen inom socialtjänsten är en fortsatt utmaning.",
    ],
}
ROUND_LINES = [
    "Arbetet med {subject} fortlöper och utvecklas.",
    "Har anställt en ny enhetschef och arbetar med att se över organisationen.",
    "Ser ett ökat inflöde av deltagare med behov av språkstöd.",
    "Jobbspår inom {track} har startat med {n2} deltagare.",
    "Budgetläget är ansträngt och vissa insatser pausas.",
    "Samverkan med Arbetsförmedlingen har blivit bättre sedan lokalkontoret öppnade igen.",
    "Arbetar med att ta fram en gemensam ingång för arbetsmarknad och vuxenutbildning.",
    "Har haft studiebesök från {kommun2} för att visa arbetet med {subject}.",
    "Feriejobben är igång och fler arbetsgivare än tidigare deltar.",
    "Försörjningsstödet har minskat och fler går vidare till arbete.",
    "Har fått projektmedel för insatser riktade till kvinnor som står långt från arbetsmarknaden.",
    "Ser över arbetsträningsplatserna inom kommunens verksamheter.",
    "Ingen särskild information denna gång.",
]
# Sentences with a year, chosen by season so that the year fits the tense (date cues).
AUTUMN_YEAR_SENTENCES = [
    "Förslag på mötestider för {next_year} skickas ut via kalendern.",
    "Budget för {next_year} behandlas vid nästa möte.",
    "Inför {next_year} planerar nätverket att fördjupa sig i {subject}.",
    "Verksamhetsplanen för {next_year} tas fram av {host} tillsammans med en arbetsgrupp.",
    "Frågan om fortsatt finansiering {next_year} tas upp i respektive kommun.",
]
SPRING_YEAR_SENTENCES = [
    "Nätverkets prioriterade områden {year} är kompetensförsörjning och samverkan med Arbetsförmedlingen.",
    "Resultaten för {prev_year} visar att fler deltagare har gått vidare till arbete eller studier.",
    "Verksamhetsberättelsen för {prev_year} presenteras och läggs till handlingarna.",
    "Under {prev_year} genomfördes {n2} gemensamma aktiviteter inom nätverket.",
    "Fokusområden för {year} diskuteras i mindre grupper.",
    "Uppföljningen av {prev_year} visar på ett ökat antal deltagare.",
]
PROPOSALS = [
    ("att nätverket fortsätter med de pågående fördjupningsområdena även under nästa år",
     "Förslaget beviljas."),
    ("att {host} tar fram ett underlag om {subject} till nästa möte", "Nätverket ställer sig bakom förslaget."),
    ("att kostnaden fördelas mellan kommunerna utifrån befolkningsmängd", "Förslaget godkänns."),
    ("att en arbetsgrupp bildas med representanter från {kommun}, {kommun2} och {host}",
     "Nätverket beslutar att bilda arbetsgruppen."),
    ("att nätverket ansöker om medel för ett gemensamt projekt om {subject}",
     "Nätverket beslutar att gå vidare med ansökan."),
    ("att nätverket bjuder in {org} till ett kommande möte", "Förslaget antas."),
    ("att anteckningarna läggs till handlingarna", "Anteckningarna läggs till handlingarna."),
    ("att nätverket genomför en gemensam utbildningsdag om {subject}", "Förslaget bifalls."),
]
DECISION_ONLY = [
    "{host} skall förmedla kontakt mellan kommunerna och {org}. Återkoppling skall ske vid nästa möte.",
    "Nätverket ger arbetsgruppen i uppdrag att ta fram ett förslag om {subject}.",
    "förslaget beviljas",
    "Nätverket godkänner verksamhetsplanen.",
    "Att {kommun} och {kommun2} samordnar ett gemensamt studiebesök.",
]
DERIVED_DECISIONS = [
    "Under mötet säger följande kommuner ja till fortsatt finansiering, i enlighet med utskickat förslag: {kommuner}.",
    "Nätverket beslutar att ställa sig bakom {host_gen} förslag om {subject}.",
    "Nätverket ställer sig bakom att {host} samordnar arbetet med {subject}.",
    "Det beslutades att frågan om {subject} ska följas upp vid varje möte.",
]
AGREEMENT_PROCESS_OPENINGS = [
    "Deltagarna kommer främst via Arbetsförmedlingen, försörjningsstöd och KAA.",
    "Arbetsmarknadsenheten arbetar på remiss från socialtjänsten, Försäkringskassan och Arbetsförmedlingen.",
    "Varje deltagare får en coach som gör en kartläggning och en individuell planering.",
    "De flesta deltagare är remitterade från försörjningsstöd eller det kommunala aktivitetsansvaret.",
    "Tillsammans med remittenten görs en plan för varje individ med målet egen försörjning.",
]
ORG_GUESTS = ["Arbetsförmedlingen", "Försäkringskassan", "SKR", "VGR", "Länsstyrelsen", "FoU i Väst", "ESF-rådet"]
GUEST_SENTENCES = [
    "{guest}, {guest_org}, presenterar {subject}.",
    "{guest_first} berättar att {guest_org} ser ett ökat behov av samverkan med kommunerna.",
    "{guest_first} ger en aktuell bild av {guest_org_gen} pågående arbete och dialoger med departementen.",
    "Nätverket ställer frågor om hur {guest_org} kan stödja kommunerna i arbetet med {subject}.",
    "{guest_first} tipsar om en rapport som nyligen publicerats och som delas med nätverket efter mötet.",
    "{guest_org} önskar att nätverket inkommer med inspel om {subject} till {guest_email}.",
]
EXTERNAL_SENTENCES = [
    "{external} från Göteborgs universitet presenterar aktuell forskning om {subject}.",
    "Nätverket tar del av en film där {external} berättar om {subject}.",
    "{external} betonar vikten av att undvika dubbla system för individen.",
]
# Networks whose members are mostly the same people in a municipality (the AME-chef sits in
# the AME network, the DUA styrgrupp and the jobbspår network of the region).
FAMILIES = {"ame": "arbetsmarknad", "dua": "arbetsmarknad", "jobbspar": "arbetsmarknad", "vux": "vux", "sfi": "vux",
            "social": "social", "unga": "vux", "kompetens": "arbetsmarknad"}
ROLES_MUNICIPALITY = ["Enhetschef", "Verksamhetschef", "Avdelningschef", "Arbetsmarknadschef", "Sektionschef",
                      "Utvecklingsledare", "Förvaltningschef"]
ROLES_HOST = ["Planeringsledare", "Processledare", "Utvecklingsledare", "Samordnare", "Förbundssamordnare"]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
MEETING_PLACES = ["Teams", "GR, Anders Personsgatan 8, Göteborg", "Stadshuset, {kommun}", "Kommunhuset, {kommun}",
                  "Digitalt via Teams", "{host_gen} lokaler", "Arbetsmarknadsenheten, {kommun}"]


def genitive(name: str) -> str:
    """`GR` -> `GR:s`, `Arbetsförmedlingen` -> `Arbetsförmedlingens`, `Borås` -> `Borås`."""
    last = name.split()[-1]
    if last.isupper():
        return f"{name}:s"
    return name if name[-1] in "sxz" else f"{name}s"


def join_swedish(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och " + items[-1]


# --- people --------------------------------------------------------------------------------


@dataclass(eq=False)
class Person:
    first: str
    last: str
    role: str = ""
    held: set = field(default_factory=set)  # networks (or pools) where the person holds a seat now

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1:] for i in range(len(word))]


class People:
    """Creates people with unique names: no two differ by one letter in one name part (the
    parser would join them as one person when they share an affiliation)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.created: list[Person] = []
        self._keys: set[tuple[str, str, str]] = set()

    def _keys_of(self, first: str, last: str) -> list[tuple[str, str, str]]:
        f, s = first.casefold(), last.casefold()
        return ([("L", f, x) for x in [s, *_deletions(s)]] + [("G", x, s) for x in _deletions(f)])

    def new(self, role: str = "") -> Person:
        rng = self.rng
        while True:
            female = rng.random() < 0.62
            international = rng.random() < 0.2
            if international:
                first = rng.choice(_F_INT if female else _M_INT)
            else:
                first = rng.choice(_F_SV if female else _M_SV)
            r = rng.random()
            own = rng.choice(_S_INT) if international and rng.random() < 0.8 else rng.choice(_S_SV)
            if international and rng.random() < 0.03:
                own = rng.choice(_S_DIACRITIC)
            if r < 0.06:
                last = f"{own} {rng.choice(_S_SV)}"
            elif r < 0.10:
                last = f"{own}-{rng.choice(_S_SV)}"
            else:
                last = own
            parts = last.replace("-", " ").split()
            if len(set(parts)) < len(parts):
                continue  # `Berg Berg`
            keys = self._keys_of(first, last)
            if any(k in self._keys for k in keys):
                continue
            self._keys.update(keys)
            person = Person(first, last, role)
            self.created.append(person)
            return person


@dataclass(eq=False)
class Seat:
    affiliation: str  # the canonical written affiliation: `Göteborg`, `GR`, `Arbetsförmedlingen`
    kind: str  # municipality, host, org, deputy, guest, chief
    pool: str  # the network (or pool) the seat belongs to
    holder: Person | None = None
    until: int = 0  # ordinal day the holder leaves


class World:
    """Who holds which seat when: people join, sit in several networks, move and leave."""

    SHARE = {"municipality": 0.2, "deputy": 0.6, "host": 0.45, "org": 0.5, "guest": 0.4, "chief": 0.0}
    MOVE = {"municipality": 0.12, "deputy": 0.05, "host": 0.05, "org": 0.05, "guest": 0.05, "chief": 0.1}
    TENURE = {"municipality": (1.5, 15.0, 6.5), "deputy": (1.0, 8.0, 3.0), "host": (2.0, 12.0, 5.0),
              "org": (1.0, 8.0, 3.0), "guest": (1.0, 8.0, 3.0), "chief": (2.0, 12.0, 6.0)}

    def __init__(self, rng: random.Random, people: People) -> None:
        self.rng = rng
        self.people = people
        self.active: dict[str, list[Person]] = {}
        self.leavers: list[tuple[int, Person, str, str]] = []  # (day, person, affiliation, kind)

    def holder(self, seat: Seat, day: int) -> Person:
        if seat.holder is not None and seat.until >= day:
            return seat.holder
        if seat.holder is not None:
            self._release(seat.holder, seat, day)
        person = self._choose(seat, day)
        low, high, mode = self.TENURE[seat.kind]
        seat.holder = person
        seat.until = day + int(365 * self.rng.triangular(low, high, mode))
        person.held.add(seat.pool)
        people_here = self.active.setdefault(seat.affiliation, [])
        if person not in people_here:
            people_here.append(person)
        return person

    def _release(self, person: Person, seat: Seat, day: int) -> None:
        person.held.discard(seat.pool)
        if not person.held:
            here = self.active.get(seat.affiliation, [])
            if person in here:
                here.remove(person)
            self.leavers.append((day, person, seat.affiliation, seat.kind))

    def _choose(self, seat: Seat, day: int) -> Person:
        rng = self.rng
        r = rng.random()
        share, move = self.SHARE[seat.kind], self.MOVE[seat.kind]
        if r < share:
            candidates = [p for p in self.active.get(seat.affiliation, []) if seat.pool not in p.held]
            if candidates:
                return rng.choice(candidates)
        elif r < share + move:
            self.leavers = [entry for entry in self.leavers if day - entry[0] < 3 * 365]
            candidates = [i for i, (_, p, affiliation, kind) in enumerate(self.leavers)
                          if not p.held and affiliation != seat.affiliation
                          and (kind == seat.kind or {kind, seat.kind} <= {"municipality", "deputy"})]
            if candidates:
                _, person, _, _ = self.leavers.pop(rng.choice(candidates))
                return person
        roles = ROLES_HOST if seat.kind == "host" else ROLES_MUNICIPALITY
        return self.people.new(rng.choice(roles))


# --- networks and their calendars ------------------------------------------------------------


@dataclass(eq=False)
class Network:
    spec: NetworkSpec
    host: str  # written affiliation of the coordinators
    members: list[str]
    frequency: int
    months: list[int]
    layout: str
    seats: list[Seat] = field(default_factory=list)  # member municipalities (Göteborg may have two)
    hosts: list[Seat] = field(default_factory=list)
    standing: list[Seat] = field(default_factory=list)
    deputies: dict[str, Seat] = field(default_factory=dict)
    calendar: list[int] = field(default_factory=list)  # every meeting day (ordinal), with or without minutes
    meetings: list[int] = field(default_factory=list)  # the meetings that have minutes in the archive

    @property
    def name(self) -> str:
        return self.spec.name


# Months in which networks meet, most popular first (no meetings in July).
_MONTH_PREFERENCE = [9, 3, 11, 5, 2, 10, 4, 12, 1, 6, 8]


def _meeting_day(rng: random.Random, year: int, month: int) -> int:
    day = dt.date(year, month, rng.randint(3, 24))
    while day.weekday() not in (1, 2, 3):  # Tuesday to Thursday
        day += dt.timedelta(days=1)
    return day.toordinal()


def _calendar_capacity(months: list[int], first: int, last: int) -> int:
    return sum(1 for year in range(first, last + 1) for m in months if year < LAST_YEAR or m <= LAST_MONTH)


MAX_FREQUENCY = 10
MIN_FREQUENCY = 4
KEPT = (0.82, 0.95)  # the share of a network's meetings whose minutes are in the archive


def _bounds(spec: NetworkSpec, first_year: int) -> tuple[int, int]:
    return max(first_year, spec.first_year or first_year), spec.last_year


def _capacity(spec: NetworkSpec, first_year: int) -> int:
    """The most minutes a network can have: ten meetings a year, most of them kept."""
    first, last = _bounds(spec, first_year)
    return int(_calendar_capacity(_MONTH_PREFERENCE[:MAX_FREQUENCY], first, last) * KEPT[0])


def _first_year(specs: tuple[NetworkSpec, ...], minutes: int) -> int:
    """2008, or earlier when the networks cannot hold all the minutes by then."""
    year = PREFERRED_FIRST_YEAR
    while sum(_capacity(spec, year) for spec in specs) < minutes:
        year -= 1
    return year


def _plan_calendar(rng: random.Random, network: Network, meetings: int, first_year: int) -> None:
    """Choose how often and in which years the network meets, and which minutes survive."""
    earliest, latest = _bounds(network.spec, first_year)
    need = max(meetings, int(meetings / rng.uniform(*KEPT)) + 1)
    available = latest - earliest + 1
    years = rng.randint(min(4, available), min(available, max(4, need // 6)))  # few minutes: a few years
    network.frequency = max(MIN_FREQUENCY, min(MAX_FREQUENCY, -(-need // years)))
    network.months = sorted(_MONTH_PREFERENCE[: network.frequency] if rng.random() < 0.5
                            else rng.sample(_MONTH_PREFERENCE, network.frequency))
    if latest < LAST_YEAR or rng.random() < 0.4:
        last = rng.randint(min(latest, earliest + years - 1), latest)
    else:
        last = latest
    first = last
    while _calendar_capacity(network.months, first, last) < need:
        if first > earliest:
            first -= 1
        elif last < latest:
            last += 1
        else:  # only when the capacity estimate was short: run earlier
            first -= 1
    network.calendar = [_meeting_day(rng, year, month) for year in range(first, last + 1)
                        for month in network.months if year < LAST_YEAR or month <= LAST_MONTH]
    network.meetings = sorted(rng.sample(network.calendar, meetings))


def _allocate_capped(total: int, weights: list[float], caps: list[int]) -> list[int]:
    """Split `total` by weights, no share above its cap (the rest goes to the others)."""
    counts = [0] * len(weights)
    open_ = [i for i in range(len(weights))]
    left = total
    while left > 0 and open_:
        shares = _allocate(left, [weights[i] for i in open_])
        still_open = []
        for i, share in zip(open_, shares):
            take = min(share, caps[i] - counts[i])
            counts[i] += take
            left -= take
            if counts[i] < caps[i]:
                still_open.append(i)
        if len(still_open) == len(open_) and left > 0:
            continue
        open_ = still_open
    return counts


def _allocate(total: int, weights: list[float]) -> list[int]:
    """Largest-remainder split of `total` by weights."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    counts = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - counts[i]), i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def network_count(documents: int) -> int:
    return max(15, min(len(NETWORKS), round(documents ** 0.4)))


def _regions() -> dict[str, list[str]]:
    municipalities = read_municipalities(ROOT / "generator" / "data" / "kommuner.csv")
    names = {m.name for m in municipalities}
    regions = {
        "GR": [m.name for m in municipalities if "GR" in m.associations],
        "Sjuhärad": [m.name for m in municipalities if "Sjuhärad" in m.associations],
        "Fyrbodal": list(FYRBODAL),
        "Skaraborg": list(SKARABORG),
    }
    for spec in NETWORKS:
        for name in spec.members:
            assert name in names, name
    for region in regions.values():
        for name in region:
            assert name in names, name
    return regions


# --- documents -------------------------------------------------------------------------------


@dataclass
class Line:
    """One person in an attendance list."""

    person: Person
    affiliation: str  # canonical: municipality name or organisation
    kind: str  # municipality, host, org, guest
    present: bool
    note: str = ""


@dataclass
class Document:
    day: int
    kind: str  # minutes, agreement, article
    network: str
    text: str


_ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "ć": "c", "č": "c", "ś": "s",
                        "ž": "z", "ł": "l", "đ": "d", "Đ": "d", " ": "."})
_EMAIL_DOMAINS = {"GR": "goteborgsregionen.se", "SKR": "skr.se", "Arbetsförmedlingen": "arbetsformedlingen.se",
                  "Försäkringskassan": "forsakringskassan.se", "VGR": "vgregion.se", "Länsstyrelsen": "lansstyrelsen.se",
                  "FoU i Väst": "goteborgsregionen.se", "ESF-rådet": "esf.se",
                  "Sjuhärads kommunalförbund": "borasregionen.se", "Fyrbodals kommunalförbund": "fyrbodal.se",
                  "Skaraborgs kommunalförbund": "skaraborg.se"}
_PUBLISHER_BLURBS = {
    "GR": ["Göteborgsregionen (GR)",
           "Göteborgsregionen (GR) består av 13 kommuner som har valt att jobba tillsammans. Vi driver "
           "utvecklingsprojekt, ordnar utbildningar och är storstadsregionens röst i Västsverige."],
    "Sjuhärads kommunalförbund": [
        "Sjuhärads kommunalförbund",
        "Sjuhärads kommunalförbund är ett kommunalförbund där åtta kommuner samverkar kring utbildning, "
        "arbetsmarknad och regional utveckling."],
    "Fyrbodals kommunalförbund": [
        "Fyrbodals kommunalförbund",
        "Fyrbodals kommunalförbund består av 14 kommuner i norra Västra Götaland som samverkar för "
        "hållbar tillväxt och utveckling."],
    "Skaraborgs kommunalförbund": [
        "Skaraborgs kommunalförbund",
        "Skaraborgs kommunalförbund består av 15 kommuner som tillsammans arbetar för en stark och "
        "attraktiv delregion."],
}
_SOCIAL = ["Twitter", "Facebook", "LinkedIn", "Youtube", "Instagram", "Rss", "Prenumerera"]


def email(person: Person, affiliation: str) -> str:
    domain = _EMAIL_DOMAINS.get(affiliation)
    if domain is None:
        domain = affiliation.lower().translate(_ASCII).replace(".", "") + ".se"
    return f"{person.first.lower()}.{person.last.lower()}".translate(_ASCII) + "@" + domain


class Decks:
    """Draws templates without repetition within one document (until a bank is used up)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.decks: dict[int, list[int]] = {}

    def draw(self, bank: list[str]) -> str:
        deck = self.decks.get(id(bank))
        if not deck:
            deck = self.decks[id(bank)] = list(range(len(bank)))
            self.rng.shuffle(deck)
        return bank[deck.pop()]


def _dm(day: int) -> str:
    date = dt.date.fromordinal(day)
    return f"{date.day}/{date.month}"


def _long_date(day: int, weekday: bool = False) -> str:
    date = dt.date.fromordinal(day)
    text = f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    return f"{WEEKDAYS[date.weekday()]} {text}" if weekday else text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class Builder:
    def __init__(self, documents: int, seed: int) -> None:
        self.documents = documents
        self.rng = random.Random(f"nätverksarkivet/{documents}/{seed}")
        self.people = People(self.rng)
        self.world = World(self.rng, self.people)
        self.regions = _regions()
        self.networks: list[Network] = []
        self.pools: dict[str, Seat] = {}  # global seats: guests, chiefs
        self.externals: list[Person] = []
        self.seen: set[tuple[str, int]] = set()  # (network, id(person)) already introduced
        self.shared: dict[str, Seat] = {}  # a municipality's seat in a family of related networks
        self.appeared: dict[int, Person] = {}  # everyone named in some document

    # --- set-up ---------------------------------------------------------------------------

    def plan(self) -> list[tuple[int, int, str, Network]]:
        rng = self.rng
        specs = NETWORKS[: network_count(self.documents)]
        minutes = round(self.documents * MINUTES_SHARE)
        agreements = round(self.documents * AGREEMENT_SHARE)
        articles = self.documents - minutes - agreements
        self.first_year = _first_year(specs, minutes)  # 2008, earlier for the largest archives
        caps = [_capacity(spec, self.first_year) for spec in specs]
        for spec, count in zip(specs, _allocate_capped(minutes, [s.weight for s in specs], caps)):
            network = self._network(spec)
            _plan_calendar(rng, network, count, self.first_year)
            self.networks.append(network)
        events: list[tuple[int, int, str, Network]] = []
        for network in self.networks:
            events += [(day, 0, "minutes", network) for day in network.meetings]
        signing = [n for n in self.networks if n.spec.agreements] or self.networks
        for _ in range(agreements):
            network = rng.choice(signing)
            events.append((rng.choice(network.calendar), 1, "agreement", network))
        weights = [n.spec.weight for n in self.networks]
        for _ in range(articles):
            network = rng.choices(self.networks, weights)[0]
            events.append((rng.choice(network.calendar) + rng.randint(1, 20), 2, "article", network))
        self.externals = [self.people.new("") for _ in range(5 + self.documents // 150)]
        events.sort(key=lambda e: (e[0], e[1], e[3].name))
        return events

    def _network(self, spec: NetworkSpec) -> Network:
        rng = self.rng
        if spec.members:
            pool, host = list(spec.members), spec.name
        else:
            pool, host = list(self.regions[spec.region]), _HOSTS[spec.region]
        if spec.members or spec.region == "Sjuhärad":
            members = pool
        else:
            drop = rng.randint(0, max(1, len(pool) // 4))
            members = sorted(rng.sample(pool, len(pool) - drop))
        layouts = ["A", "C", "D"] + (["B", "B"] if host in _GROUP_HOSTS else [])
        network = Network(spec, host, members, 0, [], rng.choice(layouts))
        family = FAMILIES.get(spec.profile)
        for municipality in members:
            if family and rng.random() < 0.8:  # the same person represents the municipality in related networks
                key = f"{family}/{spec.region}/{municipality}"
                seat = self.shared.setdefault(key, Seat(municipality, "municipality", key))
            else:
                seat = Seat(municipality, "municipality", spec.name)
            network.seats.append(seat)
            if municipality == "Göteborg" and rng.random() < 0.6:
                network.seats.append(Seat(municipality, "municipality", spec.name + "/2"))
        network.hosts = [Seat(host, "host", spec.name) for _ in range(rng.choice((1, 1, 2, 2, 3)))]
        network.hosts[0] = self.shared.setdefault(f"host/{host}/{spec.profile}", network.hosts[0])
        network.standing = [Seat(org, "org", spec.name) for org in spec.standing]
        return network

    def _pool(self, key: str, affiliation: str, kind: str) -> Seat:
        seat = self.pools.get(key)
        if seat is None:
            seat = self.pools[key] = Seat(affiliation, kind, key)
        return seat

    # --- minutes --------------------------------------------------------------------------

    def minutes(self, network: Network, day: int) -> str:
        rng, world = self.rng, self.world
        date = dt.date.fromordinal(day)
        lines: list[Line] = []
        for seat in network.seats:
            person = world.holder(seat, day)
            present = rng.random() < 0.8
            lines.append(Line(person, seat.affiliation, "municipality", present))
            if not present and rng.random() < 0.15:
                deputy = network.deputies.setdefault(seat.affiliation, Seat(seat.affiliation, "deputy",
                                                                               network.name + "/ersättare"))
                substitute = world.holder(deputy, day)
                if all(line.person is not substitute for line in lines):
                    lines.append(Line(substitute, seat.affiliation, "municipality", True))
        for seat in network.standing:
            lines.append(Line(world.holder(seat, day), seat.affiliation, "org",
                              rng.random() < (0.45 if seat.affiliation == "SKR" else 0.75)))
        for index, seat in enumerate(network.hosts):
            lines.append(Line(world.holder(seat, day), seat.affiliation, "host", index == 0 or rng.random() < 0.9))
        guest = None
        if rng.random() < 0.35:
            orgs = [o for o in ORG_GUESTS if o not in network.spec.standing and o != network.host]
            org = rng.choice(orgs)
            seat = self._pool(f"gäst/{org}/{rng.randrange(3)}", org, "guest")
            guest = Line(world.holder(seat, day), org, "guest", True)
            if all(line.person is not guest.person for line in lines):
                lines.append(guest)
            else:
                guest = None
        present = [line for line in lines if line.present]
        municipal = [line for line in present if line.kind == "municipality"] or present
        chair = next(line for line in lines if line.kind == "host")

        autumn = date.month >= 8
        position = bisect.bisect_left(network.calendar, day)
        previous = network.calendar[position - 1] if position > 0 else None
        following = network.calendar[position + 1] if position + 1 < len(network.calendar) else None
        profile = PROFILES[network.spec.profile]
        draw = Decks(rng).draw
        base = {"network": network.name, "host": network.host, "host_gen": genitive(network.host),
                "year": date.year, "next_year": date.year + 1, "prev_year": date.year - 1}

        def context(topic: str) -> dict:
            a = rng.choice(municipal)
            others = [line for line in municipal if line.affiliation != a.affiliation] or municipal
            b = rng.choice(others)
            names = sorted({line.affiliation for line in municipal})
            chosen = rng.sample(names, min(len(names), rng.randint(3, 6)))
            return {**base, "person": a.person.name, "first": a.person.first, "kommun": a.affiliation,
                    "person2": b.person.name, "kommun2": b.affiliation, "org": rng.choice(ORG_GUESTS),
                    "track": rng.choice(TRACKS), "n": rng.randint(40, 900), "n2": rng.randint(4, 35),
                    "pct": rng.randint(3, 18), "money": f"{rng.randint(2, 9)}00 000",
                    "subject": draw(SUBJECTS[topic]), "kommuner": ", ".join(chosen),
                    "place": rng.choice(PLACES)}

        def sentences(topic: str, ctx: dict, count: int) -> str:
            return " ".join(draw(TOPIC_SENTENCES[topic] if rng.random() < 0.6 else GENERIC_SENTENCES).format_map(ctx)
                            for _ in range(count))

        items: list[tuple[str, list[str]]] = []
        # 1. opening
        opening = [f"{chair.person.first} hälsar välkommen till dagens möte i {network.name}."]
        if previous is not None and rng.random() < 0.55:
            opening.append(f"Anteckningarna från föregående möte ({_dm(previous)}) gås igenom och läggs till handlingarna.")
        newcomers = [line for line in present if (network.name, id(line.person)) not in self.seen
                     and line.kind == "municipality"]
        for line in present:
            self.seen.add((network.name, id(line.person)))
        blocks = [" ".join(opening)]
        if newcomers and len(newcomers) < 4 and rng.random() < 0.7:
            person = newcomers[0]
            blocks.append(f"{person.person.name}, {person.affiliation}, hälsas extra välkommen som ny representant "
                          f"i nätverket.")
        items.append((rng.choice(OPENING_TITLES), blocks))
        # 2. the round of municipalities
        if rng.random() < 0.55:
            names = sorted({line.affiliation for line in municipal})
            blocks = []
            if rng.random() < 0.5:
                blocks.append("Respektive kommun lyfter aktuella frågor för samarbete och/eller erfarenhetsutbyte "
                              "med övriga. Utdrag ur dialogen:")
            for name in rng.sample(names, min(len(names), rng.randint(3, 6))):
                ctx = context(rng.choice(profile))
                blocks.append(f"{name}: " + " ".join(draw(ROUND_LINES).format_map(ctx)
                                                       for _ in range(rng.randint(1, 2))))
            items.append((rng.choice(ROUND_TITLES), blocks))
        # 3. topics, a guest, decisions
        topical = rng.randint(2, 6)
        decisions = 0
        guest_at = rng.randint(0, topical - 1) if guest else -1
        for number in range(topical):
            topic = profile[min(int(rng.expovariate(0.6)), len(profile) - 1)]
            ctx = context(topic)
            if number == guest_at:
                org = guest.affiliation
                ctx.update(guest=guest.person.name, guest_first=guest.person.first, guest_org=org,
                           guest_org_gen=genitive(org), guest_email=email(guest.person, org))
                title = rng.choice(GUEST_TITLES).format(org=org)
                blocks = [" ".join(s.format_map(ctx) for s in rng.sample(GUEST_SENTENCES, 3))]
                blocks.append(sentences(topic, ctx, rng.randint(1, 3)))
                items.append((title, blocks))
                guest.note = f"pkt {len(items)}" if rng.random() < 0.5 else ""
                continue
            title = _capital(rng.choice(TITLE_PREFIXES) + ctx["subject"])
            if rng.random() < 0.15:
                title = _capital(draw(TITLE_SUFFIXED).format_map(ctx))
            if rng.random() < 0.12:
                title = f"{ctx['kommun']} i fokus"
            blocks = [sentences(topic, ctx, rng.randint(2, 4))]
            r = rng.random()
            if r < 0.25:
                blocks.append("\n".join("- " + sentences(topic, ctx, 1) for _ in range(rng.randint(2, 4))))
            elif r < 0.45:
                blocks.append(sentences(topic, ctx, rng.randint(2, 4)))
            if rng.random() < 0.06:
                external = rng.choice(self.externals)
                self.appeared[id(external)] = external
                blocks.append(rng.choice(EXTERNAL_SENTENCES).format_map({**ctx, "external": external.name}))
            if rng.random() < 0.1:
                blocks.append(_capital(rng.choice(SUBJECTS[topic])))  # a sub-heading
                blocks.append(sentences(topic, ctx, rng.randint(2, 3)))
            r = rng.random()
            if decisions < 2 and r < 0.22:
                proposal, decision = rng.choice(PROPOSALS)
                blocks.append("Förslag: " + proposal.format_map(ctx) + ".")
                blocks.append("Beslut: " + decision.format_map(ctx))
                decisions += 1
            elif decisions < 2 and r < 0.32:
                blocks.append("Beslut: " + rng.choice(DECISION_ONLY).format_map(ctx))
                decisions += 1
            elif r < 0.4:
                blocks.append(rng.choice(DERIVED_DECISIONS).format_map(ctx))
            items.append((title, blocks))
        # date cues in the wording
        if rng.random() < 0.75 and len(items) > 1:
            bank = AUTUMN_YEAR_SENTENCES if autumn else SPRING_YEAR_SENTENCES
            ctx = context(rng.choice(profile))
            target = items[rng.randrange(1, len(items))][1]
            target.append(rng.choice(bank).format_map(ctx))
        # closing items
        closing: list[str] = []
        if rng.random() < 0.2:
            deadline = day + rng.randint(7, 35)
            closing.append(f"Nätverket påminns om kommande konferens om {rng.choice(SUBJECTS[profile[0]])}. "
                           f"Sista anmälningsdag {_dm(deadline)}.")
        if rng.random() < 0.15:
            closing.append(f"Flera i nätverket deltog i {rng.choice(['ArbNär', 'Mötesplats arbetsmarknad', 'SKR:s konferens', 'Kompetensdagen'])} "
                           f"den {_dm(day - rng.randint(5, 40))} och delar sina intryck.")
        if autumn and rng.random() < 0.35:
            items.append((f"Mötestider {date.year + 1}",
                          [f"Förslag på mötestider för {date.year + 1} skickas ut via kalendrarna. Nätverket ombeds "
                           f"meddela {network.host} om någon tid inte fungerar."]))
        if following is not None and rng.random() < 0.7:
            if rng.random() < 0.5:
                closing.append(f"Nästa möte äger rum den {_dm(following)}.")
            else:
                place = self._place(network)
                closing.append(f"Nästa möte äger rum {_long_date(following, weekday=True)[:-5]}, {place}.")
        if closing or rng.random() < 0.5:
            items.append((rng.choice(CLOSING_TITLES), closing or ["Inga övriga frågor."]))
        layout = network.layout if rng.random() < 0.85 else rng.choice(
            ["A", "C", "D"] + (["B"] if network.host in _GROUP_HOSTS else []))
        return self._render_minutes(layout, network, day, lines, items, chair)

    def _place(self, network: Network) -> str:
        places = [p for p in MEETING_PLACES if network.host == "GR" or not p.startswith("GR,")]
        return self.rng.choice(places).format(kommun=self.rng.choice(network.members), host_gen=genitive(network.host))

    def _written_affiliation(self, line: Line) -> str:
        rng = self.rng
        name = line.affiliation
        if line.kind == "municipality" and rng.random() < 0.05:
            forms = _WRITTEN_FORMS.get(name, []) + [f"{genitive(name)} kommun" if not name.endswith("s")
                                                    else f"{name} kommun", name.upper()]
            name = rng.choice(forms)
        return name

    def _written_name(self, person: Person) -> str:
        rng = self.rng
        if rng.random() < 0.004 and len(person.last) >= 7 and " " not in person.last:
            position = rng.randrange(2, len(person.last) - 1)
            vowels = "aeiou"
            if person.last[position] in vowels:
                replacement = rng.choice([v for v in vowels if v != person.last[position]])
                return f"{person.first} {person.last[:position]}{replacement}{person.last[position + 1:]}"
        return person.name

    def _attendance_lines(self, lines: list[Line], grouped: bool) -> list[str]:
        ordered = sorted(lines, key=lambda l: ({"municipality": 0, "org": 1, "guest": 1, "host": 2}[l.kind],
                                               l.affiliation, l.person.last))
        result = []
        pending_pair = None
        for line in ordered:
            if grouped and line.kind == "host":
                continue
            self.appeared[id(line.person)] = line.person
            note = f" ({line.note})" if line.note else ""
            written = self._written_name(line.person)
            if line.kind == "host" and line.affiliation == "GR" and self.rng.random() < 0.04:
                result.append(f"{written} GR, FoU i Väst{note}")
                continue
            if not line.present and line.affiliation == "Göteborg" and pending_pair is None \
                    and self.rng.random() < 0.5:
                pending_pair = written
                continue
            if pending_pair is not None and not line.present and line.affiliation == "Göteborg":
                result.append(f"{pending_pair}/{written}, {self._written_affiliation(line)}{note}")
                pending_pair = None
                continue
            result.append(f"{written}, {self._written_affiliation(line)}{note}")
        if pending_pair is not None:
            result.append(f"{pending_pair}, Göteborg")
        return result

    def _render_minutes(self, layout: str, network: Network, day: int, lines: list[Line],
                        items: list[tuple[str, list[str]]], chair: Line) -> str:
        """The minutes as text, in one of four layouts (each network has its usual one):

        A  `Anteckningar` heading, `NÄRVARANDE` / `EJ NÄRVARANDE` lists of `Name, Kommun`,
           items `1. Title`, `Antecknat av Name` (like seed 000);
        B  as A, but the coordinators listed under a group heading (`GR`) and a closing
           `Anteckningar,` / name / title signature (like seed 001);
        C  `Protokoll` with `Datum:` and `Plats:` lines, `Närvarande:` / `Frånvarande:`,
           items `§ 1 Title`, `Vid protokollet: Name` (sometimes a `Justeras:` line);
        D  `Mötesanteckningar <network>` with `Tid: onsdag 14 mars 2019 kl. 13.00–16.00`,
           `Deltagare:` / `Anmält förhinder:`, items `1. Title`, `Antecknat av` or `Sekreterare:`.
        """
        rng = self.rng
        present = [line for line in lines if line.present]
        absent = [line for line in lines if not line.present]
        hosts = [line for line in present if line.kind == "host"]
        noter = hosts[-1] if len(hosts) > 1 and rng.random() < 0.5 else chair
        out: list[str] = ["\n" * rng.randint(0, 4)]
        place = self._place(network)
        date = dt.date.fromordinal(day)

        def block(*texts: str) -> None:
            for text in texts:
                out.append(text + "\n\n")

        if layout in ("A", "B"):
            r = rng.random()
            if r < 0.6:
                block("Anteckningar")
            elif r < 0.8:
                block("Minnesanteckningar")
            elif r < 0.9:
                block(f"Anteckningar {network.name}")
            else:
                block(f"Anteckningar {network.name} {_long_date(day)}")
            block("NÄRVARANDE", "\n".join(self._attendance_lines(present, grouped=layout == "B")))
            if layout == "B" and hosts:
                block(network.host, "\n".join(line.person.name for line in hosts))
            self.appeared.update((id(line.person), line.person) for line in hosts)
            if absent and rng.random() < 0.55:
                block("EJ NÄRVARANDE", "\n".join(self._attendance_lines(absent, grouped=False)))
        elif layout == "C":
            head = ["Protokoll", f"{network.name}"]
            if rng.random() < 0.85:
                head.append(f"Datum: {date.isoformat()}" if rng.random() < 0.6 else
                            f"Sammanträdesdatum: {_long_date(day)}")
            head.append(f"Plats: {place}")
            block("\n".join(head))
            block("Närvarande:\n" + "\n".join(self._attendance_lines(present, grouped=False)))
            if absent and rng.random() < 0.8:
                block("Frånvarande:\n" + "\n".join(self._attendance_lines(absent, grouped=False)))
        else:  # D
            head = [f"Mötesanteckningar {network.name}"]
            if rng.random() < 0.7:
                start = rng.choice(["9.00", "9.30", "13.00", "13.30", "14.00"])
                end = {"9.00": "12.00", "9.30": "12.00", "13.00": "16.00", "13.30": "15.30", "14.00": "16.00"}[start]
                head.append(f"Tid: {_long_date(day, weekday=True)} kl. {start}–{end}")
            head.append(f"Plats: {place}")
            block("\n".join(head))
            block("Deltagare:\n" + "\n".join(self._attendance_lines(present, grouped=False)))
            if absent and rng.random() < 0.5:
                block("Anmält förhinder:\n" + "\n".join(self._attendance_lines(absent, grouped=False)))

        for number, (title, blocks) in enumerate(items, start=1):
            heading = f"§ {number} {title}" if layout == "C" else f"{number}. {title}"
            block(heading)
            for text in blocks:
                if rng.random() < 0.04 and len(text) > 200 and "\n" not in text:
                    text = self._page_break(text)
                block(text)
        name = noter.person.name
        if layout == "A":
            block(f"Antecknat av {name}")
        elif layout == "B":
            block(f"Anteckningar,\n{name}\n{noter.person.role or 'Planeringsledare'} och sammankallande för "
                  f"{network.name}")
        elif layout == "C":
            block(f"Vid protokollet: {name}")
            if rng.random() < 0.3:
                other = rng.choice(present)
                block(f"Justeras: {other.person.name}")
        else:
            block(f"Antecknat av {name}, {network.host}" if rng.random() < 0.5 else f"Sekreterare: {name}")
        return "".join(out).rstrip("\n") + ("\n" if rng.random() < 0.7 else "")

    def _page_break(self, text: str) -> str:
        """A page break in the middle of a sentence, as in text copied from a PDF."""
        spaces = [i for i in range(len(text) // 3, 2 * len(text) // 3)
                  if text[i] == " " and text[i + 1: i + 2].islower() and text[i - 1].isalpha()]
        if not spaces:
            return text
        cut = self.rng.choice(spaces)
        return text[:cut] + "\n\n\n\n" + text[cut + 1:]

    # --- agreements -----------------------------------------------------------------------

    def agreement(self, network: Network, day: int) -> str:
        rng, world = self.rng, self.world
        parties = sorted(rng.sample(network.members, max(2, min(len(network.members), rng.randint(3, 8)))))
        region = network.spec.region
        af = "Arbetsförmedlingen Sjuhärad" if region == "Sjuhärad" and rng.random() < 0.5 else "Arbetsförmedlingen"
        finsam = "Försäkringskassan" in network.spec.standing
        year = dt.date.fromordinal(day).year
        out: list[str] = ["\n" * rng.randint(0, 2)]

        def block(*texts: str) -> None:
            for text in texts:
                out.append(text + "\n\n")

        block(rng.choice(["Överenskommelse", "Överenskommelse", "Lokal överenskommelse"]))
        subtitle = rng.choice([
            "om samverkan för att förbättra kompetensförsörjningen och påskynda individers etablering i arbetslivet",
            "om samverkan kring unga som varken arbetar eller studerar",
            "om gemensamma lokala jobbspår och samverkan mellan kommunerna och Arbetsförmedlingen",
            "om samordnade insatser för personer som står långt från arbetsmarknaden",
        ])
        block(subtitle)
        block("1. Parter")
        block(f"Kommuner: {join_swedish(parties)}.")
        if finsam:
            block("Myndigheter: Arbetsförmedlingen och Försäkringskassan.", "Organisation: Västra Götalandsregionen.")
        else:
            block(f"{af}.")
        block("2. Syfte")
        block(f"Att genom samverkan {rng.choice(['förbättra kompetensförsörjningen och påskynda individers etablering i arbetslivet', 'öka andelen unga och nyanlända som går vidare till arbete eller studier', 'ge individer i behov av samordnat stöd bättre förutsättningar att nå egen försörjning'])}.",
              f"Överenskommelsen har tagits fram inom {network.name} och följs upp av parterna gemensamt.")
        block("3. Lokala mål")
        goals = [f"{rng.randint(30, 60)}% av de som påbörjar jobbspår förväntas gå vidare till reguljära studier eller arbete.",
                 "Kvalitetssäkra och utveckla arbetet genom att kontinuerligt följa upp statistik i arbetsgruppen.",
                 "Ökad samverkan genom fortsatta träffar i både arbetsgrupp och chefsgrupp.",
                 "Säkerställa tillgänglighet till studier oavsett boendeort, språk eller funktionsvariation.",
                 f"Minst {rng.randint(20, 80)} deltagare per år ska påbörja ett lokalt jobbspår."]
        chosen = rng.sample(goals, rng.randint(2, 4))
        block("Parternas lokala mål:", "\n".join(f"{i}. {g}" for i, g in enumerate(chosen, start=1)))
        block("4. Målgrupp")
        block("De individer som för sin etablering i arbetslivet bedöms ha behov av stöd och insatser från både "
              "kommun och Arbetsförmedlingen.")
        rows = [(p, rng.randint(10, 700), rng.randint(40, 1200)) for p in parties]
        table = ["Kommun\tUnga inskrivna 16–24 år\tFörsörjningsstöd vuxna"]
        table += [f"{p}\t{a}\t{b}" for p, a, b in rows]
        table.append(f"Totalt\t{sum(r[1] for r in rows)}\t{sum(r[2] for r in rows)}")
        block("Statistik från Arbetsförmedlingen och kommunerna:", "\n".join(table))
        block("5. Organisering av samverkan")
        block(f"Samverkan leds av {network.name}, där kommunerna och Arbetsförmedlingen är representerade. "
              "En arbetsgrupp träffas en gång per månad, digitalt i första hand.",
              "Vuxenutbildningen i varje kommun bidrar med ett utbud av de utbildningar som finns tillgängliga "
              "på Komvux, bland annat SFI och gymnasiala yrkeskurser.")
        block("6. Arbetsprocesserna kring individerna")
        draw = Decks(rng).draw
        for party in rng.sample(parties, min(len(parties), rng.randint(2, 4))):
            ctx = {"kommun": party, "kommun2": rng.choice(parties), "track": rng.choice(TRACKS),
                   "n": rng.randint(40, 600), "n2": rng.randint(4, 30), "pct": rng.randint(3, 18),
                   "subject": rng.choice(SUBJECTS["arbetstraning"]), "person": "", "first": "",
                   "org": "Arbetsförmedlingen", "money": "400 000", "network": network.name,
                   "host": network.host}
            text = " ".join(draw(TOPIC_SENTENCES[t]).format_map(ctx) for t in ("arbetstraning", "jobbspar", "sfi"))
            block(f"{party}: {draw(AGREEMENT_PROCESS_OPENINGS)} {text}")
        block("7. Kompetensförsörjning och lokala jobbspår")
        block("Kommunerna har stora rekryteringsbehov inom vård och omsorg, barnomsorg och lokalvård.")
        block("Åtagande om lokala jobbspår")
        for party in parties:
            tracks = [_capital(t) if i == 0 else t for i, t in enumerate(rng.sample(TRACKS, rng.randint(1, 3)))]
            lead = "Planerar för " + tracks[0].lower() if rng.random() < 0.3 else tracks[0]
            block(f"{party}: {join_swedish([lead] + tracks[1:])}")
        block("8. Uppföljning av samverkan")
        block("Uppföljning lokala mål:", "\n".join(
            f"{i}. {t}" for i, t in enumerate(["Mäts efter varje avslutat jobbspår.",
                                              "Arbetsgruppen går två gånger per år igenom aktuella siffror.",
                                              "Chefsgruppen träffas fyra gånger per år."][: rng.randint(2, 3)],
                                             start=1)))
        block("9. Överenskommelsens varaktighet och plan för revidering")
        if rng.random() < 0.6:
            block(f"Överenskommelsens varaktighet är tills vidare och revideringen ska ske årligen i "
                  f"{MONTHS[rng.choice([1, 2, 8, 9, 10])]}.")
        else:
            block(f"Överenskommelsen gäller till och med {year + rng.randint(1, 3)}-12-31 och revideras vartannat år.")
        block("10. Underskrifter")
        signers = []
        for party in parties:
            seat = self._pool(f"chef/{party}", party, "chief")
            title = rng.choice(["Kommunchef", "Kommundirektör", "Förvaltningschef", "Arbetsmarknadschef",
                                "Socialchef"])
            signers.append((world.holder(seat, day), title, party))
        af_city = {"GR": "Göteborg", "Sjuhärad": "Borås", "Fyrbodal": "Vänersborg", "Skaraborg": "Skövde"}.get(
            region, rng.choice(network.members))
        signers.append((world.holder(self._pool(f"chef/af/{region}", "Arbetsförmedlingen", "chief"), day),
                        "Arbetsförmedlingschef", af_city))
        for person, title, place in signers:
            self.appeared[id(person)] = person
            signed = dt.date.fromordinal(day + rng.randint(0, 30)).isoformat()
            written_place = place.upper() if rng.random() < 0.08 else place
            block(f"{written_place} {signed}", "Ort & datum")
            out.append("\n")
            block(f"{person.name}\n{title}, {place}" if "förmedling" not in title else f"{person.name}\n{title}")
        return "".join(out).rstrip("\n") + "\n"

    # --- articles -------------------------------------------------------------------------

    def article(self, network: Network, day: int) -> str:
        rng, world = self.rng, self.world
        date = dt.date.fromordinal(day)
        seat = rng.choice(network.seats)
        speaker, where = world.holder(seat, day), seat.affiliation
        host = world.holder(network.hosts[0], day)
        topic = rng.choice(PROFILES[network.spec.profile][:3])
        subject = rng.choice(SUBJECTS[topic])
        other = rng.choice([m for m in network.members if m != where] or network.members)
        ctx = {"kommun": where, "kommun2": other, "track": rng.choice(TRACKS), "n": rng.randint(40, 600),
               "n2": rng.randint(4, 30), "pct": rng.randint(3, 18), "subject": subject, "person": speaker.name,
               "first": speaker.first, "org": "Arbetsförmedlingen", "money": "400 000", "host": network.host,
               "person2": host.name, "kommuner": ", ".join(network.members[:4]), "network": network.name,
               "place": rng.choice(PLACES)}
        headline = rng.choice([
            f"Nytt uppdrag ska utreda hur kommunerna kan samverka kring {subject}",
            f"{where} och {other} startar gemensamt jobbspår inom {ctx['track']}",
            f"{network.name} vill se mer samverkan kring {subject}",
            f"Ny överenskommelse ska stärka arbetet med {subject}",
            f"Satsning på {subject} ger resultat i {where}",
            f"Konferens samlade {ctx['n2'] * 10} deltagare kring {subject}",
        ])
        out: list[str] = []

        def block(*texts: str) -> None:
            for text in texts:
                out.append(text + "\n\n")

        block(headline)
        self.appeared[id(speaker)] = speaker
        dated = rng.random()
        if dated < 0.35:
            block(f"Publicerad {_long_date(day)}")
        season = "hösten" if date.month < 7 else "våren"  # the season ahead
        block(rng.choice([
            f"Vilka möjligheter finns för kommunerna att samarbeta när det gäller {subject}? Det ska "
            f"{network.host} under {season} utreda.",
            f"Kommunerna i {network.name} har under flera år arbetat med {subject}. Nu tas nästa steg.",
            f"Allt fler kommuner ser behovet av att samverka kring {subject}. I {where} har arbetet redan gett "
            f"resultat.",
        ]))
        block(" ".join(rng.choice(TOPIC_SENTENCES[topic]).format_map(ctx) for _ in range(rng.randint(2, 3))))
        block(_capital(rng.choice(["initiativ från nätverket", "samverkan över kommungränserna",
                                   "platser, utbildningar och kompetens", "nästa steg", "erfarenheter hittills"])))
        # the season ahead: "under hösten 2019 ska" in spring, "under våren 2020 ska" in autumn
        ahead = f"hösten {date.year}" if date.month < 7 else f"våren {date.year + 1}"
        began = date.year - (1 if rng.random() < 0.75 else 2)
        block(f"{network.name} påbörjade {began} ett arbete i syfte att utveckla "
              f"samverkan inom {subject}. Det har nu resulterat i att {speaker.name}, som är "
              f"{(speaker.role or 'enhetschef').lower()} i {where}, under {ahead} ska leda arbetet.")
        block(f"– Vi behöver arbeta ur ett regionalt perspektiv och undersöka möjligheterna till samarbete. "
              f"Målet är att fler ska nå egen försörjning, {rng.choice(['berättar', 'säger', 'menar'])} "
              f"{speaker.first}.")
        block(" ".join(rng.choice(TOPIC_SENTENCES[rng.choice(PROFILES[network.spec.profile])]).format_map(ctx)
                       for _ in range(rng.randint(1, 3))))
        if rng.random() < 0.5:
            block(f"– Tanken är att vi ska identifiera två områden där vi kan genomföra pilotprojekt, "
                  f"säger {speaker.first}.")
        block(rng.choice(["Uppdraget ska vara klart vid årsskiftet.", "Arbetet följs upp i nätverket under året.",
                          "Resultaten presenteras på en gemensam konferens."]))
        out.append("\n")
        contact = rng.random()
        if contact < 0.8:
            self.appeared[id(host)] = host
        if contact < 0.5:
            block(f"Kontaktperson på {network.host}: {host.name}")
        elif contact < 0.8:
            block(f"Kontakt: {host.name}, {(host.role or 'samordnare').lower()}, {email(host, network.host)}")
        if dated >= 0.35 and rng.random() < 0.45:
            block(f"Senast uppdaterad: {(date + dt.timedelta(days=rng.randint(0, 10))).isoformat()}")
        else:
            out.append("Senast uppdaterad:  \n\n")
        blurb = _PUBLISHER_BLURBS.get(network.host)
        if blurb:
            block(*blurb)
        out.append("\n".join(rng.sample(_SOCIAL, rng.randint(3, 6))) + "\n")
        return "".join(out)

    # --- the whole archive ----------------------------------------------------------------

    def build(self) -> list[Document]:
        documents = []
        for day, _, kind, network in self.plan():
            if kind == "minutes":
                text = self.minutes(network, day)
            elif kind == "agreement":
                text = self.agreement(network, day)
            else:
                text = self.article(network, day)
            documents.append(Document(day, kind, network.name, text))
        return documents


# --- files ---------------------------------------------------------------------------------


def settings_text(networks: list[Network]) -> str:
    """source/arkiv.yml in the real file's format, listing the networks the archive uses."""
    lines = [
        "# Nätverksarkivet – the archive editor's settings. See README.md, \"For the archive editor\".",
        "# (Written by scripts/synthetic_archive.py: a synthetic archive for benchmarks and tests.)",
        "#",
        "# archive_title:   the site's name",
        "# publisher:       the organisation that publishes the archive",
        "# default_network: the network a document belongs to when neither its front matter nor its",
        "#                  text names one of the networks below",
        "# networks:        the networks whose documents the archive holds; `aliases` are other ways",
        "#                  the texts write a network's name",
        "archive_title: Nätverksarkivet",
        "publisher: Göteborgsregionen (GR)",
        "default_network: AME-chefsnätverket",
        "networks:",
    ]
    for network in networks:
        lines.append(f"  - name: {network.name}")
        if network.spec.aliases:
            lines.append("    aliases:")
            lines += [f"      - {alias}" for alias in network.spec.aliases]
    lines += [
        "",
        "# people: the editor's decisions about who is who (see README.md, \"People\").",
        "#   merge:      spellings that are one person; the first is the name shown",
        "#   keep_apart: spellings that are different people, though they look alike",
        "#   hide:       people whose name is replaced by [namn dolt] everywhere (e.g. a GDPR",
        "#               request); list every spelling. They get no page and are not exported.",
        "people:",
        "  merge: []",
        "  keep_apart: []",
        "  hide: []",
    ]
    return "\n".join(lines) + "\n"


def _front_matter(rng: random.Random, document: Document) -> str:
    date = dt.date.fromordinal(document.day)
    if document.kind == "agreement":
        return ""
    r = rng.random()
    fields = [f"date: {date.isoformat()}" if rng.random() < 0.8 else f"date: {date.isoformat()[:7]}"]
    if r < 0.2:
        kind = "Möte" if document.kind == "minutes" else "Nyhet"
        fields.insert(0, f"title: {document.network} – {kind} {_long_date(document.day)}")
    elif r < 0.3:
        fields += [f"kind: {document.kind}", f"network: {document.network}"]
    return "---\n" + "\n".join(fields) + "\n---\n"


@dataclass
class ArchiveFiles:
    files: list[tuple[str, bytes]]  # (file name, content) in source/
    documents: dict[str, Document]  # by file name: what each file is (kind, network, true date)
    networks: list[Network]
    people: int  # distinct people named in the documents


def make_archive(documents: int, seed: int = 1) -> ArchiveFiles:
    """The archive's files in memory; `write_archive` writes them."""
    if documents < 1:
        raise ValueError("documents must be at least 1")
    _check_network_names()
    builder = Builder(documents, seed)
    built = builder.build()
    rng = builder.rng
    width = max(3, len(str(len(built) - 1)))
    order = list(range(len(built)))
    rng.shuffle(order)  # file names are not in date order, as in a real archive
    files: list[tuple[str, bytes]] = []
    truth: dict[str, Document] = {}
    for number, index in enumerate(order):
        document = built[index]
        text = document.text
        if rng.random() < 0.12:
            text = _front_matter(rng, document) + text
        if rng.random() < 0.08:
            text = text.replace("\n", "\r\n")
        data = text.encode("utf-8")
        if rng.random() < 0.02:
            try:
                data = text.encode("cp1252")
            except UnicodeEncodeError:
                pass
        name = f"{number:0{width}d}_{rng.getrandbits(64):016x}.txt"
        files.append((name, data))
        truth[name] = document
    files.sort()
    settings = settings_text(builder.networks).encode("utf-8")
    return ArchiveFiles([("arkiv.yml", settings)] + files, truth, builder.networks, len(builder.appeared))


def write_archive(source_dir: Path, documents: int, seed: int = 1) -> None:
    """Write `documents` synthetic source documents and `arkiv.yml` into `source_dir`."""
    archive = make_archive(documents, seed)
    source_dir = Path(source_dir)
    source_dir.mkdir(parents=True, exist_ok=True)
    for name, data in archive.files:
        (source_dir / name).write_bytes(data)


def make_project(target: Path, documents: int, seed: int = 1) -> Path:
    """A buildable project: source/, mkdocs.yml, overrides/, docs/om.md and `generator` linked."""
    target = Path(target)
    if (target / "source").exists() and any((target / "source").iterdir()):
        raise FileExistsError(f"{target / 'source'} is not empty")
    target.mkdir(parents=True, exist_ok=True)
    write_archive(target / "source", documents, seed)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    if not (target / "overrides").exists():
        shutil.copytree(ROOT / "overrides", target / "overrides")
    if not (target / "generator").exists():
        (target / "generator").symlink_to(ROOT / "generator", target_is_directory=True)
    (target / "docs").mkdir(exist_ok=True)
    shutil.copy2(ROOT / "docs" / "om.md", target / "docs" / "om.md")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic, buildable archive project.")
    parser.add_argument("out_dir", type=Path, help="project folder to create (its source/ must be empty)")
    parser.add_argument("--documents", type=int, default=1000, help="number of source documents (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    import time

    start = time.perf_counter()
    make_project(args.out_dir, args.documents, args.seed)
    seconds = time.perf_counter() - start
    print(f"{args.documents} documents written to {args.out_dir / 'source'} in {seconds:.1f} s; "
          f"build with: arkiv --root {args.out_dir} build")
    return 0


if __name__ == "__main__":
    sys.exit(main())
