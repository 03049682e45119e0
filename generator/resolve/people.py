"""Person identity across the whole archive.

A person is one page across all documents; affiliation belongs to each appearance, so a
page can show how it changed. Spellings are merged automatically only when it is safe:
the same affiliation and a one-letter difference in one name part (`Anne Bansson` /
`Anne Bensson`, both Göteborg), or the same name with a hyphen or a space between two
parts (`Lipovskaja-Nilsson` / `Lipovskaja Nilsson`). Anything less certain is reported, never merged. The
editor's `people:` rules in source/arkiv.yml confirm or forbid merges and hide people.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from rapidfuzz.distance import Levenshtein

from generator.collation import swedish_key
from generator.read.config import PeopleRules
from generator.model.corpus import Appearance, frozen_mapping
from generator.names import hyphen_or_space, name_key, normalise_name, one_letter_apart
from generator.model.corpus import Person as FrozenPerson
from generator.model import HIDDEN_NAME, Affiliation, Diagnostics, Document
from generator.knowledge import Knowledge
from generator.knowledge.registers import Registers
from generator.slugs import slugify, unique_slug
from generator.resolve.units import document_units


_UPPER = "A-ZÅÄÖÉÜÆØ"
_NAME_WORD = rf"[{_UPPER}][\w'’]*(?:-[{_UPPER}][\w'’]*)?"
# A whole word (`Per`, `Marie-Louise`): where a first name alone may stand.
_WORD = re.compile(r"(?<![\w-])[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*(?![\w-])")
# A candidate: two or three capitalised words separated by single spaces.
_CANDIDATE = re.compile(rf"(?<![\w-])({_NAME_WORD}(?: {_NAME_WORD}){{1,2}})(?![\w-])")


@dataclass
class Person:
    id: str
    name: str
    variants: Counter = field(default_factory=Counter)
    merge_reasons: list[str] = field(default_factory=list)
    appearances: list[Appearance] = field(default_factory=list)

    @property
    def mentioned_only(self) -> bool:
        return all(a.role == "mentioned" for a in self.appearances)

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    def frozen(self) -> FrozenPerson:
        return FrozenPerson(self.id, self.name, frozen_mapping(self.variants), tuple(self.merge_reasons),
                            tuple(self.appearances))


@dataclass(frozen=True)
class NameCandidate:
    """Two to four capitalised words in running text that may be a name (`Anna Berg GR`),
    and which of them name a municipality or organisation (found once per text)."""

    start: int
    words: tuple[str, ...]
    places: tuple[bool, ...]
    address: bool = False  # a street and house number follow (`Anders Personsgatan 8`)


def name_candidates(text: str, registers: Registers, street_address: re.Pattern[str]) -> tuple[NameCandidate, ...]:
    found = []
    for match in _CANDIDATE.finditer(text):
        words = tuple(match.group(1).split(" "))
        places = tuple(bool(registers.organisation(w) or registers.municipality(w)) for w in words)
        address = street_address.match(text, match.end(1) - len(words[-1])) is not None
        found.append(NameCandidate(match.start(1), words, places, address))
    return tuple(found)


def _is_first_name(word: str, first_names: frozenset[str]) -> bool:
    """A known first name, or known first names joined by a hyphen (`Anna-Lisa`)."""
    return word in first_names or ("-" in word and all(p in first_names for p in word.split("-")))


def choose_names(candidates: Iterable[NameCandidate], first_names: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, name) of `Förnamn Efternamn [Efternamn]` among the candidates.

    The first word must be a known first name (or known ones joined by a hyphen); a capitalised word before it that is not
    one (`Enligt Peter Ström`, a sentence's first word) is not part of the name, nor is a
    trailing word that is a municipality or an organisation (`Gunilla Bergström GR`).
    """
    found = []
    for candidate in candidates:
        if candidate.address:
            continue
        words = list(candidate.words)
        places = list(candidate.places)
        start = candidate.start
        while len(words) > 2 and not _is_first_name(words[0], first_names):
            start += len(words[0]) + 1
            words, places = words[1:], places[1:]
        if not _is_first_name(words[0], first_names):
            continue
        while len(words) > 1 and (places[len(words) - 1]
                                  or words[-1] in first_names and len(words) > 2):
            words.pop()
        if len(words) < 2:
            continue
        name = " ".join(words)
        found.append((start, start + len(name), name))
    return found


def looks_related(a: str, b: str) -> str | None:
    """Why two different spellings might be one person (for the editor to decide)."""
    if one_letter_apart(a, b):
        return "en bokstavs skillnad"
    parts_a, parts_b = a.casefold().split(), b.casefold().split()
    if len(parts_a) == len(parts_b) and Levenshtein.distance(a.casefold(), b.casefold()) == 2:
        return "två bokstävers skillnad"
    if parts_a[0] == parts_b[0] and parts_a[-1] == parts_b[-1] and len(parts_a) != len(parts_b):
        return "samma förnamn och efternamn, olika antal namn"
    return None


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class PeopleIndex:
    people: dict[str, Person]  # by id
    by_key: dict[str, str]  # name key (any spelling) -> person id
    first_names_by_document: dict[str, dict[str, str]]  # source name -> first name -> person id
    # the name candidates of a text, as the document's analysis found them
    candidates_of: Callable[[Document, str], tuple[NameCandidate, ...]]

    def person_for(self, name: str) -> Person | None:
        person_id = self.by_key.get(name_key(name))
        return self.people.get(person_id) if person_id else None

    def spans(self, text: str, document: Document, first_names: frozenset[str],
              registers: Registers) -> list[tuple[int, int, str]]:
        """(start, end, person id) of every person named in `text`: full names (any known
        spelling) and first names that point to exactly one person of this document."""
        spans: list[tuple[int, int, str]] = []
        taken: list[tuple[int, int]] = []
        for start, end, name in choose_names(self.candidates_of(document, text), first_names):
            person = self.person_for(name)
            if person:
                spans.append((start, end, person.id))
                taken.append((start, end))
        unique = self.first_names_by_document.get(document.source.name, {})
        if unique and not any(name in text for name in unique):  # a quick test: most texts name none
            unique = {}
        for match in _WORD.finditer(text) if unique else ():
            person_id = unique.get(match.group(0))
            if person_id is None or any(s <= match.start() < e for s, e in taken):
                continue
            # `Per Överberg` is a full name handled above; `Sofia Gustafsson` may be unknown
            following = re.match(rf" {_NAME_WORD}", text[match.end():])
            if following and not registers.municipality(following.group(0).strip()) \
                    and not registers.organisation(following.group(0).strip()):
                continue
            spans.append((match.start(), match.end(), person_id))
        return sorted(spans)


def collect_people(documents: list[Document], knowledge: Knowledge, rules: PeopleRules,
                   diagnostics: Diagnostics,
                   previous_slug: Callable[[str], str | None] = lambda key: None,
                   candidates: Callable[[Document, str], tuple[NameCandidate, ...]] | None = None) -> PeopleIndex:
    """`candidates(document, text)`: the name candidates the document's analysis found
    (found here when not given)."""
    registers = knowledge.registers

    def candidates_of(document: Document, text: str) -> tuple[NameCandidate, ...]:
        return candidates(document, text) if candidates else name_candidates(text, registers, knowledge.street_address)

    first_names = known_first_names(documents, knowledge.first_names)
    appearances: dict[str, list[Appearance]] = defaultdict(list)  # by exact name key
    written_forms: dict[str, Counter] = defaultdict(Counter)
    ordered = sorted(documents, key=lambda d: (d.date.sort_key, d.source.name))

    def add(name: str, appearance: Appearance) -> None:
        name = normalise_name(name)
        if name == HIDDEN_NAME or not name:
            return
        appearances[name_key(name)].append(appearance)
        written_forms[name_key(name)][name] += 1

    for document in ordered:
        for attendee in document.attendees:
            add(attendee.name, Appearance(document, "attendee", attendee.name, attendee.status,
                                          attendee.affiliation, attendee.note))
        if document.note_taker:
            add(document.note_taker.name, Appearance(document, "note_taker", document.note_taker.name))
        listed_here: set[str] = set()
        if document.agreement is not None:
            anchor = _signature_unit(document)
            for signatory in document.agreement.signatories:
                add(signatory.name, Appearance(document, "signatory", signatory.name, affiliation=signatory.affiliation,
                                               note=signatory.title, anchor=anchor,
                                               label=f"underskrift {signatory.place or ''} {signatory.date or ''}".strip()))
                listed_here.add(name_key(signatory.name))
        if document.article is not None:
            for contact in document.article.contacts:
                affiliation = registers.affiliation(contact.organisation) if contact.organisation else None
                add(contact.name, Appearance(document, "contact", contact.name, affiliation=affiliation))
                listed_here.add(name_key(contact.name))
        listed = {name_key(a.name) for a in document.attendees}
        for unit in document_units(document):
            for text in unit.texts:
                for start, end, name in choose_names(candidates_of(document, text), first_names):
                    if name_key(name) in listed_here and document.agreement is not None \
                            and unit.anchor == _signature_unit(document):
                        continue  # the signature block itself: already a signatory
                    add(name, Appearance(document, "mentioned", name, anchor=unit.anchor, label=unit.label,
                                         excerpt=_excerpt(text, start, end),
                                         affiliation=_affiliation_after(text, end, registers)))
        del listed

    clusters = sorted(_merge(appearances, written_forms, rules, diagnostics),
                      key=lambda c: swedish_key(_display(c, written_forms, appearances)))
    names = [_display(c, written_forms, appearances) for c in clusters]
    ids = _person_ids(clusters, names, previous_slug)
    people: dict[str, Person] = {}
    by_key: dict[str, str] = {}
    for (keys, reasons, _preferred), name, person_id in zip(clusters, names, ids):
        forms = Counter()
        for key in keys:
            forms.update(written_forms[key])
        person = Person(id=person_id, name=name, variants=forms, merge_reasons=reasons)
        for key in sorted(keys):
            person.appearances.extend(appearances[key])
            by_key[key] = person.id
        person.appearances.sort(key=lambda a: (a.document.date.sort_key, a.document.source.name,
                                               _ROLE_ORDER[a.role], a.anchor))
        people[person.id] = person

    return PeopleIndex(people=people, by_key=by_key,
                       first_names_by_document=_unique_first_names(ordered, people, by_key),
                       candidates_of=candidates_of)


def _person_ids(clusters, names: list[str], previous_slug: Callable[[str], str | None]) -> list[str]:
    """Page ids: a person keeps the id a spelling of theirs was last published under, when
    it still fits the name (`anna-berg`, `anna-berg-2`) and no one else claimed it first, so
    that a collision suffix does not move between people from one build to the next."""
    taken: set[str] = set()
    ids: list[str | None] = [None] * len(clusters)
    for index, ((keys, _reasons, _preferred), name) in enumerate(zip(clusters, names)):
        base = slugify(name) or "person"
        fitting = [last for last in (previous_slug(key) for key in [name_key(name), *sorted(keys)])
                   if last and (last == base or re.fullmatch(rf"{re.escape(base)}-\d+", last)) and last not in taken]
        if fitting:  # after a merge, the page without a suffix wins
            ids[index] = base if base in fitting else fitting[0]
            taken.add(ids[index])
    for index, name in enumerate(names):
        if ids[index] is None:
            ids[index] = unique_slug(slugify(name) or "person", taken)
    return ids  # type: ignore[return-value]


_ROLE_ORDER = {"attendee": 0, "note_taker": 1, "signatory": 2, "contact": 3, "mentioned": 4}


def _signature_unit(document: Document) -> str:
    """The anchor of the unit holding an agreement's signatures (see units.py: a section
    without a number is `avsnitt-<position>`)."""
    section = document.agreement.section("signatures") if document.agreement else None
    if section is None:
        return ""
    if section.number is not None:
        return section.anchor
    return f"avsnitt-{document.agreement.sections.index(section) + 1}"


_WHOLE_NAME = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}")


def known_first_names(documents: list[Document], listed: frozenset[str]) -> frozenset[str]:
    """The given names of the knowledge file plus those of everyone the documents name as a
    person: in an attendance list, as a signatory, as an article's contact or as the speaker
    of a quotation (`säger Samir Hadi`). Only names written as a name count (two to four
    capitalised words), so a heading read as an attendee (`Västra Götalandsregionen:`)
    teaches no first name."""
    names = set(listed)
    for document in documents:
        written = [attendee.name for attendee in document.attendees]
        if document.agreement is not None:
            written += [signatory.name for signatory in document.agreement.signatories]
        if document.article is not None:
            written += [contact.name for contact in document.article.contacts]
            written += [quote.speaker_name for quote in document.article.quotes if quote.speaker_name]
        for name in written:
            if name != HIDDEN_NAME and _WHOLE_NAME.fullmatch(" ".join(name.split())):
                names.add(name.split()[0])
    return frozenset(names)


def _display(cluster, written_forms, appearances) -> str:
    keys, _reasons, preferred = cluster
    return preferred or _canonical(keys, written_forms, appearances)


def _canonical(keys: set[str], written_forms: dict[str, Counter], appearances) -> str:
    """The most used spelling; on a tie, the one of the latest document, then A–Ö."""
    def latest(key: str) -> str:
        return max(a.document.date.sort_key for a in appearances[key])

    counts = {key: sum(written_forms[key].values()) for key in keys}
    best = max(keys, key=lambda k: (counts[k], latest(k), swedish_key(k)))
    return written_forms[best].most_common(1)[0][0]


def _affiliations(entries: list[Appearance]) -> set[str]:
    return {a.affiliation.name for a in entries if a.affiliation and a.affiliation.kind != "unknown"}


def _candidate_pairs(keys: list[str]) -> list[tuple[str, str]]:
    """Pairs of spellings worth comparing, in the order of `keys`: those that share their
    first or their last name part. Every rule below needs one of the two to be equal
    (one letter apart in ONE part; the same first and last name), except two letters apart
    in two different parts, which is only ever reported: comparing within these groups
    keeps the cost linear in the number of spellings for real name distributions."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        parts = key.split()
        groups[("first", parts[0])].append(index)
        groups[("last", parts[-1])].append(index)
    pairs = {(i, j) for members in groups.values() for n, i in enumerate(members) for j in members[n + 1:]}
    return [(keys[i], keys[j]) for i, j in sorted(pairs)]


def _merge(appearances, written_forms, rules: PeopleRules, diagnostics: Diagnostics):
    keys = sorted(appearances)
    union = _UnionFind()
    reasons: dict[str, list[str]] = defaultdict(list)
    preferred: dict[str, str] = {}
    apart = {frozenset(name_key(n) for n in group) for group in rules.keep_apart}
    forbidden = {frozenset((a, b)) for group in apart for a in group for b in group if a != b}

    for group in rules.merge:
        group_keys = [name_key(n) for n in group]
        for key in group_keys[1:]:
            union.union(group_keys[0], key)
        preferred[group_keys[0]] = normalise_name(group[0])
        reasons[group_keys[0]].append(f"sammanslagna av redaktören: {', '.join(group)}")

    shown = {key: written_forms[key].most_common(1)[0][0] for key in keys}
    affiliations = {key: _affiliations(appearances[key]) for key in keys}
    for a, b in _candidate_pairs(keys):
        name_a, name_b = shown[a], shown[b]
        if frozenset((a, b)) in forbidden:
            continue
        apart_letter = one_letter_apart(name_a, name_b)
        shared = affiliations[a] & affiliations[b]
        if hyphen_or_space(name_a, name_b) and union.find(a) != union.find(b):
            union.union(a, b)
            reason = f"{name_a} och {name_b} sammanslagna automatiskt: samma namn med bindestreck eller mellanslag"
            reasons[a].append(reason)
            where = appearances[b][0].document.source.name
            diagnostics.info(where, None, f"person: {reason}; ändra med `people.keep_apart` i arkiv.yml")
        elif apart_letter and shared and union.find(a) != union.find(b):
            union.union(a, b)
            _index, part_a, part_b = apart_letter
            reason = (f"{name_a} och {name_b} sammanslagna automatiskt: samma tillhörighet "
                      f"({', '.join(sorted(shared))}) och en bokstavs skillnad ({part_a}/{part_b})")
            reasons[a].append(reason)
            where = appearances[b][0].document.source.name
            diagnostics.info(where, None, f"person: {reason}; ändra med `people.keep_apart` i arkiv.yml")
        elif union.find(a) != union.find(b):
            why = looks_related(name_a, name_b)
            if why:
                where = appearances[b][0].document.source.name
                both = (f"{', '.join(sorted(affiliations[a])) or 'okänd'} / "
                        f"{', '.join(sorted(affiliations[b])) or 'okänd'}")
                diagnostics.info(where, None, f"person: {name_a} och {name_b} kan vara samma person ({why}; "
                                 f"tillhörighet {both}) – inte sammanslagna; bekräfta med "
                                 f"`people.merge` eller avvisa med `people.keep_apart` i arkiv.yml")

    clusters: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        clusters[union.find(key)].add(key)
    result = []
    for root, members in clusters.items():
        cluster_reasons = [r for key in sorted(members) for r in reasons.get(key, [])]
        chosen = next((preferred[k] for k in sorted(members) if k in preferred), None)
        result.append((members, cluster_reasons, chosen))
    return result


def _unique_first_names(documents: list[Document], people: dict[str, Person],
                        by_key: dict[str, str]) -> dict[str, dict[str, str]]:
    """Per document: first names that belong to exactly one listed or named person."""
    owners: dict[str, dict[str, set[str]]] = {d.source.name: defaultdict(set) for d in documents}
    for person in people.values():
        for appearance in person.appearances:
            owners[appearance.document.source.name][appearance.written.split()[0]].add(person.id)
    return {name: {first: next(iter(ids)) for first, ids in sorted(found.items()) if len(ids) == 1}
            for name, found in owners.items()}


def _excerpt(text: str, start: int, end: int, width: int = 160) -> str:
    left = max(0, start - width // 2)
    right = min(len(text), end + width // 2)
    excerpt = " ".join(text[left:right].split())
    return ("… " if left else "") + excerpt + (" …" if right < len(text) else "")


_AFTER = re.compile(r"\s*\(([^)]{2,40})\)")


def _affiliation_after(text: str, end: int, registers: Registers) -> Affiliation | None:
    """`Annelie Basta (Lerum)`: a municipality or organisation in brackets after the name."""
    match = _AFTER.match(text, end)
    if match:
        affiliation = registers.affiliation(match.group(1))
        if affiliation.kind != "unknown":
            return affiliation
    return None


HIDDEN_EMAIL = "[e-post dold]"


