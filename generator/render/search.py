"""The archive's search index, computed at build time from the corpus and split into small
script files that the browser loads from disk only when a query needs them.

One search entry per unit a reader can land on: a document page, an agenda item (`punkt-N`),
a decision (`beslut-N-M`), an agreement's or document's section (`avsnitt-N`), and every
person, municipality, organisation and topic page. Each entry has an address with its
anchor, a title, a kind, a year, a network, the municipalities it concerns and a clean text
(one line per paragraph, list item or table row: snippets never run table cells or button
labels together).

Words are lower-cased, split at everything that is not a letter or digit, and stemmed with
Snowball's Swedish stemmer (`snowballstemmer`); the browser stems the query with the same
algorithm (overrides/assets/vendor/snowball/swedish-stemmer.js). Besides the stems the index
keeps aliases: each inflected word form and each form without diacritics (`molndal`,
`overberg`) points to its stems, for prefix search while typing and for å/ä/ö-folded matching.

Files under `sok/` (docs/-relative), each a script that registers itself with
`window.arkivSok` (overrides/assets/javascripts/sok.js), so it loads from file:// without a
server and without fetch:

- `sok/index.js`: the manifest (read on every page; small): shard keys, kinds, year ranges,
  networks, municipalities, stop words;
- `sok/t/N.js`: postings of the terms whose longest shard key is key N (term prefixes,
  split until each file is small), and the aliases that fall there;
- `sok/d/N.js`: the entries N*CHUNK .. N*CHUNK+CHUNK-1 (address, title, kind, context, text);
- `sok/f.js`: each entry's network and the entries of each municipality (filters only).

Entries are sorted by kind and year, so the kind and year filters are ranges in the manifest.
The output depends only on the corpus: the same corpus gives byte-identical files.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import snowballstemmer

from generator.display import format_date
from generator.model import (
    AgendaItem, BulletList, ContactPerson, Decision, Document, JobTrackCommitment, Kind, LocalPassage,
    NumberedList, Paragraph, Quote, Signatory, SubHeading, Table,
)
from generator.model.corpus import Corpus, EntityRecord, Page, Person
from generator.render.pieces import PerDocument, each_time

SEARCH_FOLDER = "sok"
MANIFEST = f"{SEARCH_FOLDER}/index.js"
FACETS = f"{SEARCH_FOLDER}/f.js"
CHUNK = 64  # entries per sok/d/N.js
SHARD_BYTES = 48_000  # a term shard is split by a longer prefix above this size
STORED_TEXT = 4_000  # characters of an entry's text kept for snippets (all of it is indexed)
FORMAT = 1

# (code, Swedish label), in the order entries are sorted and the kind filter lists them.
KINDS = (
    ("amne", "Ämne"), ("person", "Person"), ("kommun", "Kommun"), ("organisation", "Organisation"),
    ("beslut", "Beslut"), ("mote", "Möte"), ("overenskommelse", "Överenskommelse"), ("artikel", "Artikel"),
    ("dokument", "Dokument"),
)
_KIND_INDEX = {code: i for i, (code, _label) in enumerate(KINDS)}
_DOCUMENT_KIND = {Kind.MINUTES: "mote", Kind.AGREEMENT: "overenskommelse", Kind.ARTICLE: "artikel",
                  Kind.OTHER: "dokument"}
ENTITY_KINDS = {"amne", "person", "kommun", "organisation"}

# How much a word in the title counts against one in the text, by kind of entry: an entity's
# own page (its name is the title) ranks above every passing mention of the name, and a
# decision's text above the discussion around it.
_TITLE_WEIGHT = {"amne": 12.0, "person": 12.0, "kommun": 12.0, "organisation": 12.0}
_TEXT_WEIGHT = {"beslut": 1.6}
_DEFAULT_TITLE_WEIGHT = 3.0
_K1, _B = 1.2, 0.75

# Snowball's Swedish stop-word list: not indexed, ignored in queries (kept inside phrases).
STOP_WORDS = tuple(sorted(set("""
och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke
mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från
ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt
mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa några
deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje vilka
ditt vem vilket sitt sådana vart dina vars vårt våra ert era vilkas
""".split())))
_STOP = frozenset(STOP_WORDS)

_WORD = re.compile(r"[^\W_]+")
_stemmer = snowballstemmer.stemmer("swedish")
_stems: dict[str, str] = {}


def words(text: str) -> list[str]:
    """The words of a text as the index and the browser see them: lower case, NFC, split at
    everything that is not a letter or a digit."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def stem(word: str) -> str:
    found = _stems.get(word)
    if found is None:
        found = _stems[word] = _stemmer.stemWord(word)
    return found


def fold(word: str) -> str:
    """The word without diacritics: `mölndal` -> `molndal`, `överberg` -> `overberg`."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.category(c).startswith("M"))


@dataclass
class Entry:
    kind: str
    url: str
    title: str
    context: str  # shown under the title: what and when
    lines: list[str]
    year: int = 0
    network: str = ""
    municipalities: tuple[str, ...] = ()
    keywords: str = ""  # indexed like the title, not shown (other spellings, abbreviations)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


# --- entries from the corpus --------------------------------------------------------------


def _line(text: str | None) -> str:
    return " ".join((text or "").split())


def _block_lines(blocks: Iterable, decisions: bool = True) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, (Paragraph, SubHeading)):
            yield _line(block.text)
        elif isinstance(block, Quote):
            yield _line(block.text)
        elif isinstance(block, BulletList):
            yield from (_line(item) for item in block.items)
        elif isinstance(block, NumberedList):
            yield from (_line(f"{item.number}. {item.text}") for item in block.items)
        elif isinstance(block, Decision):
            if decisions:
                yield from _decision_lines(block)
        elif isinstance(block, Table):
            if block.caption:
                yield _line(block.caption)
            for row in block.rows:
                cells = [f"{head}: {cell}" if head else cell for head, cell in zip(block.header, row.cells) if cell]
                yield _line("; ".join(cells))
        elif isinstance(block, LocalPassage):
            yield _line(block.written)
            yield from _block_lines(block.blocks, decisions)
        elif isinstance(block, JobTrackCommitment):
            yield _line(block.written)
        elif isinstance(block, Signatory):
            affiliation = block.affiliation.written if block.affiliation else None
            yield _line(", ".join(x for x in (block.name, block.title, affiliation, block.place_written, block.date) if x))
        elif isinstance(block, ContactPerson):
            yield _line(block.written)


def _decision_lines(decision: Decision) -> list[str]:
    lines = []
    if decision.proposal:
        lines.append(_line(f"Förslag: {decision.proposal}"))
    lines.append(_line(decision.context if decision.derived and decision.context else f"Beslut: {decision.text}"))
    return lines


def _year(document: Document) -> int:
    value = document.date.value or ""
    return int(value[:4]) if value[:4].isdigit() else 0


class _Builder:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.register = {(entry.page.source, entry.decision.anchor): entry for entry in corpus.register}

    def entries(self, per_document: PerDocument = each_time) -> list[tuple[Entry, Words]]:
        """Every entry with its words, in index order; a document's through `per_document`."""
        document = per_document(lambda page: [(entry, entry_words(entry)) for entry in self.document(page)])
        found: list[tuple[Entry, Words]] = []
        for page in self.corpus.pages:
            found.extend(document(page))
        others: list[Entry] = []
        for person in self.corpus.people.values():
            others.append(self.person(person))
        for record in self.corpus.municipalities.values():
            others.append(self.place(record, "kommun"))
        for record in self.corpus.organisations.values():
            others.append(self.place(record, "organisation"))
        for topic_id, summary in self.corpus.topics.items():
            others.append(Entry("amne", f"amnen/{topic_id}.html", summary.topic.name,
                                f"{len(summary.occurrences)} ställen i arkivet",
                                [_line(summary.topic.description)]))
        found.extend((entry, entry_words(entry)) for entry in others)
        # by kind, newest year first within a kind, then in the corpus' order
        order = sorted(range(len(found)), key=lambda i: (_KIND_INDEX[found[i][0].kind], -found[i][0].year, i))
        return [found[i] for i in order]

    def _municipalities(self, page: Page, anchor: str | None) -> tuple[str, ...]:
        mentions = self.corpus.mentions_by_document.get(page.source, {}).get("municipalities", ())
        ids = {m.id for m in mentions if anchor is None or m.item == anchor}
        if anchor is None:
            ids.update(self.corpus.attendance_by_document.get(page.source, {}))
        return tuple(sorted(ids))

    def document(self, page: Page) -> list[Entry]:
        d, corpus = page.document, self.corpus
        kind = _DOCUMENT_KIND[d.kind]
        date = format_date(d.date, corpus.month_names)
        base = {"year": _year(d), "network": d.network}
        context = " · ".join(x for x in (d.kind.label, date, d.network) if x and x != d.title)
        lines = [_line(d.subtitle)] if d.subtitle else []
        if d.kind is Kind.MINUTES:
            if d.present:
                lines.append("Närvarande: " + ", ".join(self._attendee(a) for a in d.present))
            if d.absent:
                lines.append("Ej närvarande: " + ", ".join(self._attendee(a) for a in d.absent))
            if d.note_taker:
                lines.append(_line(f"Antecknat av: {d.note_taker.name}"))
        if d.agreement is not None:
            parties = ", ".join(p.written for p in d.agreement.parties)
            if parties:
                lines.append(_line(f"Parter: {parties}"))
            lines.extend(_block_lines(d.agreement.preamble))
        elif d.article is not None and not d.sections:
            a = d.article
            if a.lead is not None:
                lines.append(_line(a.lead.text))
            lines.extend(_block_lines(a.body))
            lines.extend(_line(c.written) for c in a.contacts)
        else:
            lines.extend(_block_lines(d.preamble))
        entries = [Entry(kind, page.url, d.title, context, [x for x in lines if x],
                         municipalities=self._municipalities(page, None), **base)]
        inner = d.title if not date or date in d.title else f"{d.title} · {date}"
        for item in d.items:
            entries.extend(self._item(page, item, inner, kind, base))
        if d.agreement is not None:
            sections = [(s.anchor or f"avsnitt-{i}", s.number, s.title, s.blocks)
                        for i, s in enumerate(d.agreement.sections, start=1)]
        elif d.article is not None and not d.sections:
            sections = []
        else:
            sections = [(s.anchor or f"avsnitt-{i}", s.number, s.title, s.blocks) for i, s in enumerate(d.sections, start=1)]
        for anchor, number, title, blocks in sections:
            heading = f"{number}. {title}" if number is not None else title
            entries.append(Entry(kind, f"{page.url}#{anchor}", _line(heading), inner,
                                 [x for x in _block_lines(blocks) if x],
                                 municipalities=self._municipalities(page, anchor), **base))
        return entries

    def _attendee(self, attendee) -> str:
        aff = attendee.affiliation
        return f"{attendee.name} ({aff.name})" if aff is not None else attendee.name

    def _item(self, page: Page, item: AgendaItem, inner: str, kind: str, base: dict) -> list[Entry]:
        places = self._municipalities(page, item.anchor)
        entries = [Entry(kind, f"{page.url}#{item.anchor}", _line(f"{item.number}. {item.title}"), inner,
                         [x for x in _block_lines(item.blocks, decisions=False) if x], municipalities=places, **base)]
        for decision in item.decisions:
            registered = self.register.get((page.source, decision.anchor))
            ids = set(places) | set(registered.municipalities if registered else ())
            entries.append(Entry("beslut", f"{page.url}#{decision.anchor}",
                                 _line(f"Beslut {decision.item}.{decision.index}: {item.title}"), inner,
                                 _decision_lines(decision), municipalities=tuple(sorted(ids)), **base))
        return entries

    def person(self, person: Person) -> Entry:
        corpus = self.corpus
        affiliations: list[str] = []
        places: set[str] = set()
        networks: list[str] = []
        years = sorted({_year(a.document) for a in person.appearances} - {0})
        for a in person.appearances:
            aff = a.affiliation
            if aff is not None and aff.name not in affiliations:
                affiliations.append(aff.name)
                if aff.kind == "municipality":
                    places.update(ref.id for ref in corpus.entities_for("municipality", aff.name))
            if a.document.network and a.document.network not in networks:
                networks.append(a.document.network)
        documents = len({a.document.source.name for a in person.appearances})
        lines = []
        if affiliations:
            lines.append("Tillhörighet: " + ", ".join(affiliations))
        if networks:
            lines.append("Nätverk: " + ", ".join(networks))
        span = f" ({years[0]}–{years[-1]})" if len(years) > 1 else (f" ({years[0]})" if years else "")
        role = "Omnämnd" if person.mentioned_only else "Förekommer"
        lines.append(f"{role} i {documents} dokument{span}")
        variants = sorted(v for v in person.variants if v != person.name)
        return Entry("person", f"personer/{person.id}.html", person.name, ", ".join(affiliations[:3]), lines,
                     municipalities=tuple(sorted(places)), keywords=" ".join(variants))

    def place(self, record: EntityRecord, kind: str) -> Entry:
        lines: list[str] = []
        keywords: list[str] = []
        if record.municipality is not None:
            m = record.municipality
            lines.append(f"Kommun i {m.county}")
            if m.associations:
                lines.append("Samverkan: " + ", ".join(m.associations))
            keywords.extend(m.aliases)
            label = m.county
        else:
            o = record.organisation
            label = ""
            if o is not None:
                if o.description:
                    lines.append(_line(o.description))
                keywords.extend(x for x in (o.short, *o.aliases) if x)
            label = o.short if o is not None and o.short and o.short != record.name else ""
        lines.append(f"Förekommer i {len(record.documents)} dokument")
        places = (record.id,) if kind == "kommun" else ()
        return Entry(kind, f"{record.folder}/{record.id}.html", record.name, label, lines,
                     municipalities=places, keywords=" ".join(keywords))


# --- the index -----------------------------------------------------------------------------


@dataclass
class Index:
    entries: list[Entry]
    postings: dict[str, list[tuple[int, int]]]  # stem -> [(entry, weight)], by entry
    aliases: dict[str, set[str]] = field(default_factory=dict)  # word form -> stems


@dataclass(frozen=True)
class Words:
    """An entry's indexed words: how many its text has, the count of each stem in it, the
    stems of its title and keywords, and every distinct word (text first, in order of
    first use; then the title's)."""

    length: int
    stems: dict[str, int]
    title: frozenset[str]
    distinct: tuple[str, ...]


def entry_words(entry: Entry) -> Words:
    text = _indexed_words(entry.text)
    heading = _indexed_words(f"{entry.title} {entry.keywords}")
    stems: dict[str, int] = defaultdict(int)
    occurrences = Counter(text)
    for word, times in occurrences.items():
        stems[stem(word)] += times
    return Words(len(text), dict(stems), frozenset(stem(w) for w in heading), (*occurrences, *heading))


def build_index(entries: list[Entry], words: list[Words] | None = None) -> Index:
    """The index of `entries`; `words`: each entry's words (made here when not given)."""
    words = words if words is not None else [entry_words(e) for e in entries]
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    aliases: dict[str, set[str]] = defaultdict(set)
    seen_forms: set[str] = set()
    average = (sum(w.length for w in words) / len(words)) if words else 1.0
    average = average or 1.0
    for number, (entry, found) in enumerate(zip(entries, words)):
        for w in found.distinct:
            if w in seen_forms:
                continue
            seen_forms.add(w)
            s = stem(w)
            if w != s:
                aliases[w].add(s)
            for form in (fold(w), fold(s)):
                if form != s:
                    aliases[form].add(s)
        norm = _K1 * (1 - _B + _B * found.length / average)
        title_weight = _TITLE_WEIGHT.get(entry.kind, _DEFAULT_TITLE_WEIGHT)
        text_weight = _TEXT_WEIGHT.get(entry.kind, 1.0)
        counts, title = found.stems, found.title
        weights: dict[tuple[int, bool], int] = {}  # (tf, in title) -> weight: few in one entry
        for term in title | counts.keys():  # any order: a term's postings are in entry order
            key = (counts.get(term, 0), term in title)
            weight = weights.get(key)
            if weight is None:
                tf, in_title = key
                score = text_weight * tf * (_K1 + 1) / (tf + norm) if tf else 0.0
                if in_title:
                    score += title_weight
                weight = weights[key] = max(1, min(9999, round(score * 10)))
            postings[term].append((number, weight))
    clean = {a: s for a, s in aliases.items() if s - {a}}
    return Index(entries, dict(postings), clean)


def _indexed_words(text: str) -> list[str]:
    return [w for w in words(text) if len(w) > 1 and w not in _STOP]


# --- files ----------------------------------------------------------------------------------


def _js(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _js_string(text: str) -> str:
    """`_js(text)` for a string: letters and digits need no escaping (index terms are such)."""
    return f'"{text}"' if text.isalnum() else _js(text)


def _shard_keys(sizes: dict[str, int]) -> list[str]:
    """Prefixes such that the terms (and aliases) whose longest matching prefix is a key add
    up to at most about SHARD_BYTES each. `sizes`: string -> bytes it adds to its shard."""
    keys: list[str] = []

    def split(prefix: str, strings: list[str]) -> None:
        total = sum(sizes[s] for s in strings)
        longer = [s for s in strings if len(s) > len(prefix)]
        if total <= SHARD_BYTES or not longer:
            keys.append(prefix)
            return
        groups: dict[str, list[str]] = defaultdict(list)
        for s in longer:
            groups[s[: len(prefix) + 1]].append(s)
        rest = [s for s in strings if len(s) <= len(prefix)]
        small = SHARD_BYTES // 8
        for child, members in sorted(groups.items()):
            if sum(sizes[s] for s in members) > small:
                split(child, members)
            else:
                rest.extend(members)
        if rest or prefix == "":
            keys.append(prefix)

    by_first: dict[str, list[str]] = defaultdict(list)
    for s in sizes:
        by_first[s[:1]].append(s)
    for first, members in sorted(by_first.items()):
        split(first, members)
    return sorted(set(keys))


def _key_of(term: str, keys: set[str]) -> str:
    for length in range(len(term), 0, -1):
        if term[:length] in keys:
            return term[:length]
    return ""


def _encode_postings(postings: list[tuple[int, int]]) -> list[int]:
    flat: list[int] = []
    previous = 0
    for number, weight in postings:
        flat += (number - previous, weight)
        previous = number
    return flat


def search_files(corpus: Corpus, per_document: PerDocument = each_time) -> dict[str, str]:
    """Every file of the search index: docs/-relative path -> text. A document's entries
    and their words are made through `per_document` (which may remember them between builds)."""
    found = _Builder(corpus).entries(per_document)
    return index_files(build_index([entry for entry, _ in found], [words for _, words in found]))


def index_files(index: Index) -> dict[str, str]:
    entries = index.entries
    files: dict[str, str] = {}
    encoded = {term: _js(_encode_postings(p)) for term, p in index.postings.items()}  # JSON once
    sizes = {term: len(term) + 4 + len(flat) for term, flat in encoded.items()}
    for alias, stems in index.aliases.items():
        sizes[alias] = sizes.get(alias, 0) + len(alias) + 6 + sum(len(s) + 3 for s in stems)
    keys = _shard_keys(sizes)
    key_set = set(keys)
    number_of = {key: i for i, key in enumerate(keys)}
    shards: dict[int, tuple[dict, dict]] = {i: ({}, {}) for i in range(len(keys))}
    for term in sorted(encoded):
        shards[number_of[_key_of(term, key_set)]][0][term] = encoded[term]
    for alias in sorted(index.aliases):
        shards[number_of[_key_of(alias, key_set)]][1][alias] = sorted(index.aliases[alias])
    for i, (terms, aliases) in shards.items():  # the terms were added in sorted order, as _js sorts keys
        joined = "{" + ",".join(f"{_js_string(term)}:{flat}" for term, flat in terms.items()) + "}"
        files[f"{SEARCH_FOLDER}/t/{i}.js"] = f"arkivSok.t({i},{joined},{_js(aliases)});\n"

    networks = sorted({e.network for e in entries if e.network})
    network_of = {name: i + 1 for i, name in enumerate(networks)}
    places = sorted({m for e in entries for m in e.municipalities})
    place_of = {m: i for i, m in enumerate(places)}
    kind_codes = [code for code, _label in KINDS]
    for start in range(0, len(entries), CHUNK):
        rows = []
        for e in entries[start:start + CHUNK]:
            text = e.text
            if len(text) > STORED_TEXT:
                text = text[:STORED_TEXT].rsplit(" ", 1)[0] + " …"
            rows.append([e.url, e.title, kind_codes.index(e.kind), e.context, text])
        files[f"{SEARCH_FOLDER}/d/{start // CHUNK}.js"] = f"arkivSok.d({start // CHUNK},{_js(rows)});\n"

    by_place: dict[int, list[int]] = defaultdict(list)
    for number, e in enumerate(entries):
        for m in e.municipalities:
            by_place[place_of[m]].append(number)
    facets = {
        "networks": [network_of.get(e.network, 0) for e in entries],
        "municipalities": {str(i): _deltas(ids) for i, ids in sorted(by_place.items())},
    }
    files[FACETS] = f"arkivSok.f({_js(facets)});\n"

    ranges: list[list[int]] = []
    for number, e in enumerate(entries):
        key = [kind_codes.index(e.kind), e.year]
        if ranges and ranges[-1][:2] == key:
            ranges[-1][3] = number + 1
        else:
            ranges.append([*key, number, number + 1])
    names = _place_names(entries)
    manifest = {
        "format": FORMAT,
        "entries": len(entries),
        "chunk": CHUNK,
        "shards": keys,
        "kinds": [list(k) for k in KINDS],
        "ranges": ranges,
        "networks": networks,
        "municipalities": [[m, names.get(m, m)] for m in places],
        "stop": list(STOP_WORDS),
    }
    files[MANIFEST] = f"arkivSok.manifest({_js(manifest)});\n"
    return files


def _deltas(ids: list[int]) -> list[int]:
    previous, out = 0, []
    for i in ids:
        out.append(i - previous)
        previous = i
    return out


def _place_names(entries: list[Entry]) -> dict[str, str]:
    """Municipality id -> name, from the municipalities' own entries."""
    return {e.url.split("/")[-1].removesuffix(".html"): e.title for e in entries if e.kind == "kommun"}


__all__ = ["FACETS", "MANIFEST", "SEARCH_FOLDER", "Entry", "Index", "build_index", "fold", "index_files",
           "search_files", "stem", "words"]
