"""The resolved corpus: every document's page, every person, place, organisation and topic,
and every cross-reference between them, decided once by resolve and indexed for lookup.

The corpus is frozen: render reads it and formats it, and never looks anything up in the
knowledge files or decides an identity. Identities are carried as ids (`anna-berg`,
`ale`, `gr`, `jobbspar`) and pages by source file name, never recovered from strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, NoReturn

from generator.model import Affiliation, Attendee, Decision, Document, JobTrackCommitment, Table, TableRow
from generator.model.knowledge import Association, Glossary, Municipality, Organisation, Topic, TopicHit

PERSON, MUNICIPALITY, ORGANISATION = "person", "municipality", "organisation"
FOLDERS = {PERSON: "personer", MUNICIPALITY: "kommuner", ORGANISATION: "organisationer"}


class FrozenDict(dict):
    """A dict that refuses changes once built (and can be pickled into the build cache)."""

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("the corpus is frozen")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse  # type: ignore[assignment]

    def __reduce__(self):
        return (FrozenDict, (dict(self),))


def frozen_mapping(data: Mapping) -> Mapping:
    """A read-only copy of a dict built during resolve."""
    return FrozenDict(data)


@dataclass(frozen=True)
class Page:
    """A document's place in the site."""

    document: Document
    slug: str  # e.g. 2023-09-ame-chefsnatverket

    @property
    def path(self) -> str:
        """Path of the Markdown page within docs/, e.g. moten/2023-09-ame-chefsnatverket.md."""
        return f"{self.document.kind.folder}/{self.slug}.md"

    @property
    def url(self) -> str:
        """URL of the built page relative to the site root."""
        return f"{self.document.kind.folder}/{self.slug}.html"

    @property
    def id(self) -> str:
        return self.slug

    @property
    def source(self) -> str:
        return self.document.source.name

    def decision_id(self, anchor: str) -> str:
        return f"{self.slug}#{anchor}"


@dataclass(frozen=True)
class Link:
    """A span of a text that names a person, municipality or organisation with a page."""

    start: int
    end: int
    kind: str  # PERSON, MUNICIPALITY or ORGANISATION
    id: str
    title: str  # the name shown on hover

    @property
    def href(self) -> str:
        """The target page, relative to docs/ (e.g. personer/anna-berg.md)."""
        return f"{FOLDERS[self.kind]}/{self.id}.md"


@dataclass(frozen=True)
class EntityRef:
    """A municipality's or organisation's page, as a written name points to it."""

    kind: str  # MUNICIPALITY or ORGANISATION
    id: str
    name: str

    @property
    def path(self) -> str:
        return f"{FOLDERS[self.kind]}/{self.id}.md"


@dataclass(frozen=True)
class Appearance:
    """A person in one document."""

    document: Document
    role: str  # "attendee", "note_taker", "signatory", "contact" or "mentioned"
    written: str
    status: str | None = None  # attendees: "present" or "absent"
    affiliation: Affiliation | None = None
    note: str | None = None
    anchor: str = ""  # where a mention occurs: `punkt-4`
    label: str = ""
    excerpt: str = ""


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    variants: Mapping[str, int]  # every spelling seen, with how often
    merge_reasons: tuple[str, ...]
    appearances: tuple[Appearance, ...]  # by date, then document, role, anchor

    @property
    def mentioned_only(self) -> bool:
        return all(a.role == "mentioned" for a in self.appearances)

    @property
    def first_name(self) -> str:
        return self.name.split()[0]


@dataclass(frozen=True)
class Occurrence:
    """A municipality or organisation in one unit of a document: a report or a mention."""

    document: Document
    anchor: str
    label: str
    excerpt: str


@dataclass(frozen=True)
class EntityRecord:
    """A municipality or an organisation, and everything the archive says about it."""

    kind: str  # MUNICIPALITY or ORGANISATION
    id: str  # page slug
    name: str
    municipality: Municipality | None = None
    organisation: Organisation | None = None
    attendance: tuple[tuple[Document, Attendee], ...] = ()
    reports: tuple[Occurrence, ...] = ()
    mentions: tuple[Occurrence, ...] = ()
    agreements: tuple[tuple[Document, str], ...] = ()  # (agreement, "part"/"signatory")
    commitments: tuple[tuple[Document, JobTrackCommitment, str], ...] = ()  # + anchor
    statistics: tuple[tuple[Document, Table, TableRow, str], ...] = ()  # + anchor
    documents: tuple[Document, ...] = ()  # every document it occurs in, by date

    @property
    def folder(self) -> str:
        return FOLDERS[self.kind]

    @property
    def path(self) -> str:
        return f"{self.folder}/{self.id}.md"


@dataclass(frozen=True)
class TopicOccurrence:
    """A unit of a document (agenda item, section, article) that is about a topic."""

    document: Document
    anchor: str
    label: str
    texts: tuple[str, ...]  # the unit's texts (paragraphs, list items, decisions)
    hit: TopicHit

    @property
    def text(self) -> str:
        """The unit's text the hit's spans point into."""
        return "\n\n".join(self.texts)


@dataclass(frozen=True)
class TopicSummary:
    """A topic with everything its page shows."""

    topic: Topic
    occurrences: tuple[TopicOccurrence, ...]  # by date
    related: tuple[str, ...]  # topic ids
    people: tuple[tuple[str, int], ...]  # person id, times named in the topic's units
    places: tuple[tuple[str, int], ...]  # municipality id, times named


@dataclass(frozen=True)
class RegisterEntry:
    """A row of the decisions register."""

    page: Page
    decision: Decision
    item_title: str
    municipalities: tuple[str, ...]  # ids of municipalities named in the decision


@dataclass(frozen=True)
class DocumentMention:
    """A person, municipality or organisation in a document, for the export."""

    id: str
    role: str  # people: attendee/note_taker/signatory/contact/mentioned; places: attendance/report/mentioned
    item: str | None  # the anchor where it occurs


@dataclass(frozen=True)
class Corpus:
    """The whole archive after resolve. Every lookup render needs is a dictionary here."""

    pages: tuple[Page, ...]  # chronological, then by source name
    page_by_source: Mapping[str, Page]
    people: Mapping[str, Person]  # by id, A–Ö by name
    person_by_name: Mapping[str, str]  # every written spelling -> person id
    municipalities: Mapping[str, EntityRecord]  # by id
    organisations: Mapping[str, EntityRecord]  # by id
    entity_refs: Mapping[tuple[str, str], tuple[EntityRef, ...]]  # (kind, register name) -> pages
    links: Mapping[tuple[str, str], tuple[Link, ...]]  # (source name, text) -> links in the text
    topics: Mapping[str, TopicSummary]  # by id, in the vocabulary's order
    topics_by_unit: Mapping[tuple[str, str], tuple[str, ...]]  # (source name, anchor) -> topic ids
    topics_by_document: Mapping[str, tuple[str, ...]]  # source name -> topic ids (vocabulary order)
    decisions_by_person: Mapping[str, tuple[tuple[Page, Decision], ...]]
    register: tuple[RegisterEntry, ...]  # newest first
    mentions_by_document: Mapping[str, Mapping[str, tuple[DocumentMention, ...]]]  # source -> kind -> mentions
    attendance_by_document: Mapping[str, Mapping[str, tuple[Attendee, ...]]]  # source -> municipality id -> attendees
    redirects: Mapping[str, str]  # old site URL -> new site URL
    first_addresses: Mapping[str, str]  # source name -> the first URL it was published at (feed ids)
    associations: tuple[Association, ...]
    glossary: Glossary
    month_names: Mapping[int, str]
    archive_title: str = "Nätverksarkivet"
    publisher: str = ""
    extra: Mapping[str, object] = field(default_factory=dict)

    def page_for(self, document: Document) -> Page:
        return self.page_by_source[document.source.name]

    def person_named(self, written: str) -> Person | None:
        """The person a spelling belongs to, or None."""
        person_id = self.person_by_name.get(" ".join(written.split()))
        return self.people[person_id] if person_id else None

    def links_in(self, document: Document | None, text: str) -> tuple[Link, ...]:
        return self.links.get((document.source.name if document is not None else "", text), ())

    def entities_for(self, kind: str, name: str) -> tuple[EntityRef, ...]:
        return self.entity_refs.get((kind, name), ())

    def topics_of_unit(self, document: Document, anchor: str) -> list[Topic]:
        return [self.topics[i].topic for i in self.topics_by_unit.get((document.source.name, anchor), ())]

    def topics_of_document(self, document: Document) -> list[Topic]:
        return [self.topics[i].topic for i in self.topics_by_document.get(document.source.name, ())]
