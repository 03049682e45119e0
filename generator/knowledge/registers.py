"""Registers of municipalities and organisations, and resolving written names against them.

The knowledge lives in two files an archive editor can change, `data/kommuner.csv` and
`data/organisationer.yml`; this module reads and checks them and answers "which
municipality / organisation is this written name?".

Resolving a standalone name (an attendance line's affiliation, a signature's place):
  1. exact, then case-insensitive, against names and aliases (`ULRICEHAMN`, `Lilla edet`);
  2. the same after removing `kommun`, `stad` and a genitive `s`
     (`Marks kommun`, `Göteborgs Stad`, `Falkenbergskommun`);
  3. fuzzy, for typos (`Mölnadal`, `Stenungssund`), only when it is safe:
     - similarity is rapidfuzz `fuzz.ratio` (0-100) on case-folded text;
     - the best municipality scores at least FUZZY_MIN_SCORE (85: one wrong letter in a
       name of 7+ letters, one letter missing or extra in a name of 5+ letters) and
       beats every other municipality by at least FUZZY_MIN_MARGIN (5 points);
     - names and written forms of at most 4 letters (`Ale`, `Hjo`, `Kil`) and names
       marked ambiguous in the data (`Mark`, `Vara`, `Lund` ...) are only ever matched
       exactly: a typo of them is more likely a different word.
Organisations are never fuzzy-matched; recurring misspellings belong in their aliases.
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

import yaml

from generator import yamlio

from generator.knowledge.datafiles import DATA_DIR, KnowledgeError, scalar, string_list
from rapidfuzz import fuzz, process

from generator.model import Affiliation
from generator.model.knowledge import Municipality, Organisation
from generator.slugs import slugify

MUNICIPALITIES_FILE = "kommuner.csv"
ORGANISATIONS_FILE = "organisationer.yml"

FUZZY_MIN_SCORE = 85.0
FUZZY_MIN_MARGIN = 5.0
FUZZY_MIN_LETTERS = 5  # shorter names and written forms: exact matches only

MUNICIPALITY = "municipality"
ORGANISATION = "organisation"
UNKNOWN = "unknown"


class RegisterError(KnowledgeError):
    """A problem in a register data file; `problems` holds one `file:line: problem` each."""


def is_strict_form(form: str) -> bool:
    """Short and all-capital organisation forms (`AF`, `Af`, `SKR`) match only exactly as written."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) <= 4 or form == form.upper()


def lookup_key(text: str) -> str:
    """Case-folded, with hyphens and runs of whitespace as one space: `Upplands-Bro` = `upplands bro`."""
    return " ".join(re.sub(r"[\s\-–]+", " ", text).split()).casefold()


def _clean(text: str) -> str:
    """Whitespace collapsed; surrounding punctuation (`Mark:`, `"Borås"`) removed."""
    return " ".join(text.split()).strip(" .,:;!?\"'”“’()")


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


# `Marks kommun`, `Falkenbergskommun`, `Borås Stad`, `Svenljunga och Tranemo kommuner`.
# `stad` needs a space before it: Halmstad, Karlstad and Ystad end in `stad`.
_MUNICIPALITY_SUFFIX = re.compile(r"^(?P<base>.+?)(?:\s*kommun(?:s|en|er|erna)?|\s+stad(?:s|en)?)$", re.IGNORECASE)
_COMBINED_SEPARATOR = re.compile(r"\s*[/,&+]\s*|\s+(?:och|samt|eller)\s+|\s+[-–]\s+", re.IGNORECASE)


def _municipality_variants(text: str) -> list[str]:
    """The written form, without `kommun`/`stad`, and without a genitive `s` too."""
    variants = [text]
    match = _MUNICIPALITY_SUFFIX.match(text)
    base = match.group("base").strip() if match else text
    if base != text:
        variants.append(base)
    if base.endswith("s") and _letters(base) > 3:
        variants.append(base[:-1])
    return variants


class Registers:
    """All municipalities and organisations, indexed for lookup by written form."""

    @functools.cached_property
    def written_forms(self) -> frozenset[str]:
        """Every municipality name and organisation form, as written in the registers."""
        return frozenset({m.name for m in self.municipalities} | {f for o in self.organisations for f in o.forms})

    def __init__(self, municipalities: tuple[Municipality, ...], organisations: tuple[Organisation, ...]) -> None:
        self.municipalities = tuple(municipalities)
        self.organisations = tuple(organisations)
        self._by_code = {m.code: m for m in self.municipalities}
        self._by_id = {o.id: o for o in self.organisations}
        self._municipality_keys: dict[str, Municipality] = {}
        for m in self.municipalities:
            for form in m.forms:
                self._municipality_keys.setdefault(lookup_key(form), m)
        # Fuzzy candidates: neither short nor ambiguous.
        self._fuzzy_choices: list[str] = []
        self._fuzzy_targets: list[Municipality] = []
        for m in self.municipalities:
            if m.ambiguous or _letters(m.name) < FUZZY_MIN_LETTERS:
                continue
            for form in m.forms:
                if _letters(form) >= FUZZY_MIN_LETTERS:
                    self._fuzzy_choices.append(lookup_key(form))
                    self._fuzzy_targets.append(m)
        self._org_exact: dict[str, Organisation] = {}
        self._org_folded: dict[str, Organisation] = {}
        for o in self.organisations:
            for form in o.forms:
                self._org_exact.setdefault(form, o)
                if not is_strict_form(form):
                    self._org_folded.setdefault(lookup_key(form), o)
        self._cache: dict[str, Municipality | None] = {}

    # --- lookups by identity ---------------------------------------------------------

    def municipality_by_code(self, code: str) -> Municipality | None:
        return self._by_code.get(code)

    def organisation_by_id(self, org_id: str) -> Organisation | None:
        return self._by_id.get(org_id)

    def members(self, association: str) -> tuple[Municipality, ...]:
        """The municipalities of an association (`GR`, `Sjuhärad`), in code order."""
        return tuple(m for m in self.municipalities if association in m.associations)

    # --- municipalities --------------------------------------------------------------

    def municipality(self, text: str) -> Municipality | None:
        """The municipality a standalone written name means, or None (see the module docstring)."""
        cleaned = _clean(text)
        if not cleaned:
            return None
        if cleaned not in self._cache:
            self._cache[cleaned] = self._resolve_municipality(cleaned)
        return self._cache[cleaned]

    def _resolve_municipality(self, text: str) -> Municipality | None:
        variants = _municipality_variants(text)
        for variant in variants:
            found = self._municipality_keys.get(lookup_key(variant))
            if found:
                return found
        return self._fuzzy_municipality(variants)

    def _fuzzy_municipality(self, variants: list[str]) -> Municipality | None:
        accepted: dict[str, tuple[float, Municipality]] = {}
        for variant in variants:
            if _letters(variant) < FUZZY_MIN_LETTERS:
                continue
            best: dict[str, tuple[float, Municipality]] = {}
            for _, score, index in process.extract(
                lookup_key(variant), self._fuzzy_choices, scorer=fuzz.ratio,
                limit=10, score_cutoff=FUZZY_MIN_SCORE - FUZZY_MIN_MARGIN,
            ):
                m = self._fuzzy_targets[index]
                if score > best.get(m.code, (0.0, m))[0]:
                    best[m.code] = (score, m)
            ranked = sorted(best.values(), key=lambda sm: -sm[0])
            if not ranked or ranked[0][0] < FUZZY_MIN_SCORE:
                continue
            if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < FUZZY_MIN_MARGIN:
                continue
            accepted[ranked[0][1].code] = ranked[0]
        # Variants that disagree about the municipality make the answer unsafe.
        if len(accepted) != 1:
            return None
        return next(iter(accepted.values()))[1]

    def municipalities_in_combined(self, text: str) -> tuple[Municipality, ...]:
        """The municipalities in `Svenljunga/Tranemo`, `Svenljunga och Tranemo`, `Mark, Borås`.

        A single name gives a 1-tuple. Parts that do not resolve are left out; an empty
        tuple means no part did.
        """
        return tuple(m for m in self._combined_parts(text) if m is not None)

    def _combined_parts(self, text: str) -> list[Municipality | None]:
        cleaned = _clean(text)
        whole = self.municipality(cleaned) if cleaned else None
        if whole or not cleaned:
            return [whole] if whole else []
        # `Svenljunga och Tranemo kommuner`: the shared suffix belongs to the last part only.
        parts = [p for p in _COMBINED_SEPARATOR.split(cleaned) if p.strip()]
        found: list[Municipality | None] = []
        for part in parts:
            m = self.municipality(part)
            if m is None or m not in found:
                found.append(m)
        return found

    # --- organisations ---------------------------------------------------------------

    def organisation(self, text: str) -> Organisation | None:
        """The organisation a written name means: `AF`, `Af`, `SKR:s`, `Arbetsförmedlingens`.

        Strict forms (short or all capitals) match only exactly; longer forms in any case.
        """
        cleaned = " ".join(text.split()).strip(" .,;!?\"'”“’")
        if not cleaned:
            return None
        candidates = [cleaned]
        if cleaned.endswith(":s"):
            candidates.append(cleaned[:-2])
        elif cleaned.endswith("s"):
            candidates.append(cleaned[:-1])
        for candidate in candidates:
            found = self._org_exact.get(candidate) or self._org_folded.get(lookup_key(candidate))
            if found:
                return found
        return None

    # --- affiliations ----------------------------------------------------------------

    def affiliation(self, written: str) -> Affiliation:
        """Normalise the affiliation part of an attendance line.

        `Göteborg` -> municipality `Göteborg`; `SKR` -> organisation `SKR` (an
        organisation is named by `display`: its abbreviation when it has one, as people
        write it); `GR, FoU i Väst` and `FoU i Väst` -> organisation `GR`, unit `FoU i Väst`;
        `Göteborg, Arbetsmarknad och vuxenutbildning` -> municipality with that unit;
        `Svenljunga/Tranemo` -> municipality named `Svenljunga/Tranemo` (split it again
        with `municipalities_in_combined`); anything else -> kind `unknown`, name = the
        written text, whitespace-normalised.
        """
        text = " ".join(written.split()).strip(" ,;")
        whole = self._affiliation_head(text) if text else None
        if whole:
            name, kind, unit = whole
            return Affiliation(written, name, kind, unit)
        parts = self._combined_parts(text) if text else []
        if len(parts) > 1 and all(parts):
            return Affiliation(written, "/".join(m.name for m in parts), MUNICIPALITY)
        head, comma, rest = text.partition(",")
        rest = rest.strip(" ,;")
        if comma and rest:
            resolved = self._affiliation_head(head)
            if resolved:
                name, kind, unit = resolved
                rest_org = self.organisation(rest)
                rest_name = rest_org.display if rest_org else rest
                return Affiliation(written, name, kind, f"{unit}, {rest_name}" if unit else rest_name)
        return Affiliation(written, text, UNKNOWN)

    def _affiliation_head(self, text: str) -> tuple[str, str, str | None] | None:
        org = self.organisation(text)
        if org:
            parent = self._by_id.get(org.parent) if org.parent else None
            if parent:
                return parent.display, ORGANISATION, org.display
            return org.display, ORGANISATION, None
        m = self.municipality(text)
        if m:
            return m.name, MUNICIPALITY, None
        return None


# --- loading ---------------------------------------------------------------------------


def read_registers(municipalities_file: Path, organisations_file: Path) -> Registers:
    """Read and check both register files."""
    municipalities = read_municipalities(municipalities_file)
    organisations = read_organisations(organisations_file, municipalities)
    return Registers(municipalities, organisations)


def load_registers(data_dir: Path | None = None) -> Registers:
    """The registers of a data folder (default: generator/data/), read afresh."""
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    return read_registers(folder / MUNICIPALITIES_FILE, folder / ORGANISATIONS_FILE)


_MUNICIPALITY_COLUMNS = ("code", "name", "county", "associations", "aliases")


def _split_list(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.strip() for p in cell.split(";") if p.strip()))


def read_municipalities(path: Path) -> tuple[Municipality, ...]:
    """Rows of `kommuner.csv`; `#` lines and blank lines are comments."""
    problems: list[str] = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as error:
        raise RegisterError([f"{path}: cannot read: {error}"]) from error
    header: list[str] | None = None
    result: list[Municipality] = []
    seen_codes: dict[str, int] = {}
    seen_forms: dict[str, tuple[str, int]] = {}  # lookup key -> (municipality name, line)
    seen_slugs: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in next(csv.reader([line]))]
        where = f"{path}:{number}"
        if header is None:
            header = fields
            missing = [c for c in _MUNICIPALITY_COLUMNS if c not in header]
            if missing:
                raise RegisterError([f"{where}: header lacks column(s) {', '.join(missing)}"])
            continue
        if len(fields) != len(header):
            problems.append(f"{where}: {len(fields)} fields, the header has {len(header)}")
            continue
        row = dict(zip(header, fields))
        code, name, county = row["code"], row["name"], row["county"]
        flag = row.get("ambiguous", "")
        if not re.fullmatch(r"\d{4}", code):
            problems.append(f"{where}: code {code!r} is not a 4-digit kommunkod")
        elif code in seen_codes:
            problems.append(f"{where}: code {code} is already used on line {seen_codes[code]}")
        seen_codes.setdefault(code, number)
        if not name or not county:
            problems.append(f"{where}: name and county must not be empty")
            continue
        if flag not in ("", "0", "1"):
            problems.append(f"{where}: ambiguous must be 1, 0 or empty, not {flag!r}")
        aliases = _split_list(row["aliases"])
        slug = row.get("slug") or slugify(name)
        if not _ID.fullmatch(slug):
            problems.append(f"{where}: slug {slug!r} must be lower-case letters, digits and '-'")
        elif slug in seen_slugs:
            other = seen_slugs[slug]
            problems.append(f"{where}: slug {slug!r} of {name} is already the slug of {other[0]} "
                            f"(line {other[1]}); give one of them a `slug`")
        seen_slugs.setdefault(slug, (name, number))
        for form in (name, *aliases):
            key = lookup_key(form)
            other = seen_forms.get(key)
            if other and other[0] != name:
                problems.append(f"{where}: {form!r} is already a form of {other[0]} (line {other[1]})")
            seen_forms.setdefault(key, (name, number))
        result.append(Municipality(
            code=code, name=name, slug=slug, county=county,
            associations=_split_list(row["associations"]), aliases=aliases, ambiguous=flag == "1",
        ))
    if header is None:
        problems.append(f"{path}: no header line")
    if problems:
        raise RegisterError(problems)
    return tuple(result)


_ORGANISATION_KEYS = {"id", "name", "short", "aliases", "parent", "description"}
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def read_organisations(path: Path, municipalities: tuple[Municipality, ...] = ()) -> tuple[Organisation, ...]:
    """Entries of `organisationer.yml`, read from YAML nodes so that problems carry line numbers."""
    try:
        root = yamlio.compose(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise RegisterError([f"{path}: cannot read: {error}"]) from error
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = f":{mark.line + 1}" if mark else ""
        raise RegisterError([f"{path}{line}: not valid YAML: {error.problem}"]) from error
    if root is None:
        return ()
    if not isinstance(root, yaml.SequenceNode):
        raise RegisterError([f"{path}:{root.start_mark.line + 1}: expected a list of organisations"])
    problems: list[str] = []
    entries: list[tuple[Organisation, int]] = []
    for item in root.value:
        number = item.start_mark.line + 1
        where = f"{path}:{number}"
        if not isinstance(item, yaml.MappingNode):
            problems.append(f"{where}: an organisation must be a mapping with id, name, ...")
            continue
        fields: dict[str, yaml.Node] = {}
        for key_node, value_node in item.value:
            key = key_node.value
            if key not in _ORGANISATION_KEYS:
                problems.append(f"{path}:{key_node.start_mark.line + 1}: unknown field {key!r}")
            fields[key] = value_node
        org_id, name = scalar(fields.get("id")), scalar(fields.get("name"))
        description = scalar(fields.get("description"))
        if not org_id or not _ID.fullmatch(org_id):
            problems.append(f"{where}: id {org_id!r} must be lower-case letters, digits and '-'")
            continue
        if not name or not description:
            problems.append(f"{where}: {org_id} needs a name and a description")
            continue
        aliases = string_list(fields.get("aliases"), path, where, f"aliases of {org_id}", problems)
        org = Organisation(
            id=org_id, name=name, short=scalar(fields.get("short")), aliases=tuple(dict.fromkeys(aliases)),
            parent=scalar(fields.get("parent")), description=description,
        )
        entries.append((org, number))
    problems += _check_organisations(path, entries, municipalities)
    if problems:
        raise RegisterError(problems)
    return tuple(org for org, _ in entries)


def _check_organisations(path: Path, entries: list[tuple[Organisation, int]],
                         municipalities: tuple[Municipality, ...]) -> list[str]:
    """Unique ids, known parents without cycles, and no written form meaning two things."""
    problems: list[str] = []
    lines: dict[str, int] = {}
    for org, number in entries:
        if org.id in lines:
            problems.append(f"{path}:{number}: id {org.id} is already used on line {lines[org.id]}")
        lines.setdefault(org.id, number)
    parents = {org.id: org.parent for org, _ in entries}
    for org, number in entries:
        if org.parent and org.parent not in parents:
            problems.append(f"{path}:{number}: parent {org.parent!r} of {org.id} is not an organisation id")
        seen, current = {org.id}, org.parent
        while current in parents:
            if current in seen:
                problems.append(f"{path}:{number}: {org.id} is its own ancestor")
                break
            seen.add(current)
            current = parents[current]
    municipality_keys = {lookup_key(f) for m in municipalities for f in m.forms}
    owners: dict[str, tuple[str, int]] = {}
    for org, number in entries:
        for form in org.forms:
            if not form[0].isalpha():
                problems.append(f"{path}:{number}: {form!r} must start with a letter")
            key = form if is_strict_form(form) else lookup_key(form)
            owner = owners.get(key)
            if owner and owner[0] != org.id:
                problems.append(f"{path}:{number}: {form!r} is already a form of {owner[0]} (line {owner[1]})")
            owners.setdefault(key, (org.id, number))
            if lookup_key(form) in municipality_keys:
                problems.append(f"{path}:{number}: {form!r} is a municipality's name, not {org.id}'s")
    return problems
