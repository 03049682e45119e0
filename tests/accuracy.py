"""Extraction accuracy on the labelled corpus (tests/corpus/, see its README): precision and
recall per field, and in total. `make accuracy` prints the table; tests/test_accuracy.py
holds the line.

Every document of tests/corpus/ and every seed with a gold file in tests/corpus/seeds/ is
read and parsed as the build does (with tests/corpus/arkiv.yml as settings), and the
whole set is resolved once, so that "who is a person" is scored as the archive decides it.
Each gold value is compared with the parser's after the README's normalisation. A gold file
with `printed:` has its text read as printed in that format (PRINTERS), so a layout that only
a PDF or Word file has is scored from a labelled text.

A field counts a true positive for every gold value found, a false positive for every
value reported that the gold lacks, and a false negative for every gold value missed. A
document whose gold omits a key is not scored on that field.

    .venv/bin/python -m tests.accuracy [--verbose] [--only NAME]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from generator.knowledge import Knowledge, load_knowledge
from generator.model import Diagnostics, Document
from generator.parse import parse_document
from generator.read.config import load_settings
from generator.read.sources import read_source
from generator.resolve import resolve

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SETTINGS_FILE = CORPUS / "arkiv.yml"


def _print_pdf(ruled: bool):
    def printer(text: str, path: Path) -> Path:
        from tests.format_fixtures import to_pdf

        return to_pdf(text, path.with_suffix(".pdf"), header=None, ruled=ruled)
    return printer


def _print_docx(text: str, path: Path) -> Path:
    from tests.format_fixtures import to_docx

    return to_docx(text, path.with_suffix(".docx"))


# `printed:` in a gold file -> how its text is printed before it is read
PRINTERS = {"pdf": _print_pdf(ruled=True), "pdf-unruled": _print_pdf(ruled=False), "docx": _print_docx}


def printed(path: Path, gold: dict, folder: Path) -> Path:
    """The file to read for a labelled document: itself, or its text printed as `printed:` says."""
    how = gold.get("printed")
    if how is None:
        return path
    if how not in PRINTERS:
        raise SystemExit(f"{path.name}: unknown `printed: {how}` (known: {', '.join(PRINTERS)})")
    return PRINTERS[how](path.read_text(encoding="utf-8"), folder / path.name)


# --- normalisation (tests/corpus/README.md, "Conventions the scorer should apply") -----------

_TYPOGRAPHY = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u00ad": None, "\u200b": None,
                             "\u200c": None, "\u200d": None, "\ufeff": None, "\u2011": "-", "\u2010": "-"})


def text(value: Any) -> str | None:
    if value is None:
        return None
    return " ".join(str(value).translate(_TYPOGRAPHY).split()) or None


def folded(value: Any) -> str | None:
    value = text(value)
    return value.casefold() if value else None


def decision_text(value: Any) -> str | None:
    value = folded(value)
    if value is None:
        return None
    value = re.sub(r"(?:,\s*samt|\s+samt)$", "", value)
    return value.rstrip(" .,;:") or None


def date_value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value)


# --- what the parser says, in the gold's terms -------------------------------------------


@dataclass
class Prediction:
    values: dict[str, Any] = field(default_factory=dict)


class Affiliations:
    """Affiliations compared through the registers: `Göteborgs Stad` = `Göteborg`."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.registers = knowledge.registers

    def gold(self, written: Any) -> set[str]:
        """Every form that counts as the gold affiliation (a unit, or its organisation)."""
        if written is None:
            return set()
        found = self.registers.affiliation(text(written))
        if found.kind == "unknown":
            return {text(written)}
        return {found.unit or found.name} | ({found.name} if found.unit else set())

    @staticmethod
    def predicted(affiliation) -> str | None:
        if affiliation is None:
            return None
        return affiliation.unit or affiliation.name


def predict(document: Document, people: dict[str, list[str]], affiliations: Affiliations) -> dict[str, Any]:
    d = document
    attendees = [{"name": text(a.name), "status": a.status, "affiliation": affiliations.predicted(a.affiliation),
                  "role": getattr(a, "role", None), "party": getattr(a, "party", None), "note": text(a.note)}
                 for a in d.attendees]
    decisions = [{"item": x.item_label if x.item is not None else None, "text": x.text, "proposal": x.proposal,
                  "formality": bool(getattr(x, "formality", False))} for x in d.decisions]
    values: dict[str, Any] = {
        "kind": d.kind.value,
        "date": d.date.value,
        "date_source": d.date.source.value if d.date.value else None,
        "network": d.network or None,
        "note_taker": text(d.note_taker.name) if d.note_taker else None,
        "attendees": attendees,
        "items": [{"number": i.label, "title": i.title} for i in d.items],
        "decisions": decisions,
        "people": people.get(d.source.name, []),
    }
    if d.agreement is not None:
        a = d.agreement
        values["parties"] = [p.written for p in a.parties]
        values["signatories"] = [{"name": s.name, "title": s.title,
                                  "affiliation": affiliations.predicted(s.affiliation),
                                  "place": s.place, "date": s.date} for s in a.signatories]
        values["valid_from"] = getattr(a.revision, "valid_from", None) if a.revision else None
        values["valid_until"] = a.revision.valid_until if a.revision else None
    if d.article is not None:
        art = d.article
        values["headline"] = art.headline
        values["contacts"] = [{"name": c.name, "title": getattr(c, "title", None), "organisation": c.organisation,
                               "email": c.email, "phone": c.phone} for c in art.contacts]
        # people quoted, in order of first quote (each once)
        values["speakers"] = list(dict.fromkeys(q.speaker_name or q.speaker for q in art.quotes
                                                if q.speaker_name or q.speaker))
    return values


# --- scoring ---------------------------------------------------------------------------------


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, gold: Iterable, found: Iterable, where: str) -> None:
        gold, found = Counter(gold), Counter(found)
        hit = gold & found
        self.tp += sum(hit.values())
        for value, n in (found - hit).items():
            self.fp += n
            self.errors.append(f"{where}: reported {value!r}")
        for value, n in (gold - hit).items():
            self.fn += n
            self.errors.append(f"{where}: missed {value!r}")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _scalar(value: Any) -> list:
    return [] if value is None else [value]


def score_document(gold: dict, got: dict, affiliations: Affiliations, tallies: dict[str, Tally], name: str) -> None:
    def add(field_name: str, gold_values: Iterable, found_values: Iterable) -> None:
        tallies[field_name].add(gold_values, found_values, name)

    if "kind" in gold:
        add("kind", _scalar(gold["kind"]), _scalar(got["kind"]))
    if "date" in gold:
        add("date", _scalar(date_value(gold["date"])), _scalar(got["date"]))
        if gold.get("date") is not None and "date_source" in gold:
            add("date_source", [gold["date_source"]], _scalar(got["date_source"]))
    if "network" in gold:
        add("network", _scalar(text(gold["network"])), _scalar(text(got["network"])))
    if "note_taker" in gold:
        add("note_taker", _scalar(text(gold["note_taker"])), _scalar(got["note_taker"]))
    if "attendees" in gold:
        gold_attendees = gold["attendees"] or []
        add("attendees", [(text(a["name"]), a["status"]) for a in gold_attendees],
            [(a["name"], a["status"]) for a in got["attendees"]])
        found_by_name = {a["name"]: a for a in got["attendees"]}
        names = {text(a["name"]) for a in gold_attendees}
        gold_aff, found_aff = [], []
        for a in gold_attendees:
            expected = affiliations.gold(a.get("affiliation"))
            found = found_by_name.get(text(a["name"]), {}).get("affiliation")
            if expected:
                gold_aff.append((text(a["name"]), min(expected)))
            if found is not None:
                found_aff.append((text(a["name"]), min(expected) if found in expected else found))
        add("attendee_affiliation", gold_aff, found_aff)
        for key, normal in (("role", folded), ("party", text), ("note", folded)):
            add(f"attendee_{key}", [(text(a["name"]), normal(a[key])) for a in gold_attendees if a.get(key)],
                [(a["name"], normal(a[key])) for a in got["attendees"] if a.get(key) and a["name"] in names])
    if "items" in gold:
        add("items", [(str(i["number"]), folded(i["title"])) for i in gold["items"] or []],
            [(i["number"], folded(i["title"])) for i in got["items"]])
    if "decisions" in gold:
        gold_decisions = gold["decisions"] or []
        add("decisions", [(str(x["item"]) if x["item"] is not None else None, decision_text(x["text"]))
                          for x in gold_decisions],
            [(x["item"], decision_text(x["text"])) for x in got["decisions"]])
        add("decision_proposal", [(decision_text(x["text"]), decision_text(x["proposal"]))
                                  for x in gold_decisions if x.get("proposal")],
            [(decision_text(x["text"]), decision_text(x["proposal"])) for x in got["decisions"] if x["proposal"]])
        add("decision_formality", [decision_text(x["text"]) for x in gold_decisions if x.get("formality")],
            [decision_text(x["text"]) for x in got["decisions"] if x["formality"]])
    if "mentioned" in gold:
        expected = {text(a["name"]) for a in gold.get("attendees") or []}
        expected |= {text(n) for n in _scalar(gold.get("note_taker"))}
        expected |= {text(s["name"]) for s in gold.get("signatories") or []}
        expected |= {text(c["name"]) for c in gold.get("contacts") or []}
        expected |= {text(n) for n in gold.get("mentioned") or []}
        expected |= {text(n) for n in gold.get("speakers") or []}
        add("people", sorted(expected), sorted(set(got["people"])))
    elif gold.get("not_people"):
        traps = {text(n) for n in gold["not_people"]}
        add("people", [], sorted(set(got["people"]) & traps))
    if "parties" in gold:
        gold_parties = [min(affiliations.gold(p)) for p in gold["parties"] or []]
        found_parties = []
        for written in got.get("parties", []):
            forms = affiliations.gold(written)
            match = next((g for g in gold_parties if g in forms), None)
            found_parties.append(match or min(forms))
        add("parties", gold_parties, found_parties)
    if "signatories" in gold:
        gold_signatories = gold["signatories"] or []
        found = {text(s["name"]): s for s in got.get("signatories", [])}
        add("signatories", [text(s["name"]) for s in gold_signatories], list(found))
        for key in ("title", "place", "date"):
            normal = date_value if key == "date" else folded
            add(f"signatory_{key}", [(text(s["name"]), normal(s.get(key))) for s in gold_signatories if s.get(key)],
                [(name, normal(s[key])) for name, s in found.items() if s.get(key)
                 and name in {text(g["name"]) for g in gold_signatories}])
        gold_aff, found_aff = [], []
        for s in gold_signatories:
            expected = affiliations.gold(s.get("affiliation"))
            if expected:
                gold_aff.append((text(s["name"]), min(expected)))
            value = found.get(text(s["name"]), {}).get("affiliation")
            if value is not None:
                found_aff.append((text(s["name"]), min(expected) if value in expected else value))
        add("signatory_affiliation", gold_aff, found_aff)
    for key in ("valid_from", "valid_until"):
        if key in gold:
            add(key, _scalar(date_value(gold[key])), _scalar(date_value(got.get(key))))
    if "headline" in gold:
        add("headline", _scalar(folded(gold["headline"])), _scalar(folded(got.get("headline"))))
    if "contacts" in gold:
        gold_contacts = gold["contacts"] or []
        found = {text(c["name"]): c for c in got.get("contacts", [])}
        add("contacts", [text(c["name"]) for c in gold_contacts], list(found))
        for key in ("title", "email", "phone", "organisation"):
            def normal(value, key=key):
                if key == "organisation":
                    forms = affiliations.gold(value)
                    return min(forms) if forms else None
                if key == "phone":
                    return re.sub(r"\D", "", str(value)) if value else None
                return folded(value)
            add(f"contact_{key}", [(text(c["name"]), normal(c.get(key))) for c in gold_contacts if c.get(key)],
                [(name, normal(c.get(key))) for name, c in found.items() if c.get(key)
                 and name in {text(g["name"]) for g in gold_contacts}])
    if "speakers" in gold:
        add("speakers", [text(n) for n in gold["speakers"] or []], [text(n) for n in got.get("speakers", [])])


# --- the corpus ----------------------------------------------------------------------------


def gold_files() -> list[tuple[Path, Path, dict]]:
    """(gold file, document, gold) for every labelled document."""
    found = []
    for gold_path in sorted(CORPUS.rglob("*.gold.yml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        if "source" in gold:
            document = ROOT / gold["source"]
        else:
            stem = gold_path.name.removesuffix(".gold.yml")
            candidates = [p for p in gold_path.parent.glob(stem + ".*") if not p.name.endswith(".gold.yml")]
            if len(candidates) != 1:
                raise SystemExit(f"{gold_path}: expected one document {stem}.*, found {len(candidates)}")
            document = candidates[0]
        found.append((gold_path, document, gold))
    return found


@dataclass
class Report:
    tallies: dict[str, Tally]
    documents: int
    problems: list[str]

    @property
    def total(self) -> Tally:
        total = Tally()
        for tally in self.tallies.values():
            total.tp += tally.tp
            total.fp += tally.fp
            total.fn += tally.fn
        return total

    def table(self) -> str:
        lines = [f"{'field':<24} {'gold':>5} {'found':>6} {'precision':>10} {'recall':>8}"]
        for name, tally in sorted(self.tallies.items()):
            lines.append(f"{name:<24} {tally.tp + tally.fn:>5} {tally.tp + tally.fp:>6} "
                         f"{100 * tally.precision:>9.1f}% {100 * tally.recall:>7.1f}%")
        total = self.total
        lines.append(f"{'TOTAL':<24} {total.tp + total.fn:>5} {total.tp + total.fp:>6} "
                     f"{100 * total.precision:>9.1f}% {100 * total.recall:>7.1f}%")
        return "\n".join(lines)


def evaluate(only: str | None = None, knowledge: Knowledge | None = None) -> Report:
    knowledge = knowledge or load_knowledge()
    settings = load_settings(CORPUS, SETTINGS_FILE)
    affiliations = Affiliations(knowledge)
    labelled = [entry for entry in gold_files() if only is None or only in entry[1].name]
    documents: dict[Path, Document] = {}
    problems: list[str] = []
    diagnostics = Diagnostics()
    with tempfile.TemporaryDirectory() as folder:
        for _gold_path, path, gold in labelled:
            read = printed(path, gold, Path(folder))
            source = read_source(read, read.parent, diagnostics)
            if source is None:
                problems.append(f"{path.name}: could not be read")
                continue
            documents[path] = parse_document(source, settings, knowledge, diagnostics)
    corpus = resolve(list(documents.values()), knowledge, Diagnostics()).corpus
    people: dict[str, list[str]] = defaultdict(list)
    for person in corpus.people.values():
        for appearance in person.appearances:
            people[appearance.document.source.name].append(text(appearance.written))
    tallies: dict[str, Tally] = defaultdict(Tally)
    for gold_path, path, gold in labelled:
        if path not in documents:
            continue
        got = predict(documents[path], people, affiliations)
        score_document(gold, got, affiliations, tallies, path.name)
    return Report(dict(tallies), len(documents), problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Extraction accuracy on the labelled corpus.")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every wrong value")
    parser.add_argument("--only", help="score only documents whose file name contains this")
    parser.add_argument("--field", help="with --verbose: list only the errors of this field")
    args = parser.parse_args(argv)
    report = evaluate(args.only)
    print(f"{report.documents} labelled documents")
    print(report.table())
    if args.verbose:
        for name, tally in sorted(report.tallies.items()):
            if args.field and name != args.field:
                continue
            for error in tally.errors:
                print(f"  {name}: {error}")
    for problem in report.problems:
        print(problem, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
