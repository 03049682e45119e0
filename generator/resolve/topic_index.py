"""Which units of which documents carry which topics (the rule is in data/amnen.yml)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.model import Document
from generator.model.knowledge import Topic, TopicHit
from generator.resolve.topics import match_topics
from generator.resolve.units import Unit, document_units


@dataclass(frozen=True)
class TopicOccurrence:
    document: Document
    unit: Unit
    hit: TopicHit
    text: str  # the unit's text the hit's spans point into


@dataclass
class TopicIndex:
    topics: dict[str, Topic]  # vocabulary order
    occurrences: dict[str, list[TopicOccurrence]] = field(default_factory=dict)  # by topic id, by date
    by_unit: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (source name, anchor) -> ids

    def for_unit(self, document: Document, anchor: str) -> list[Topic]:
        return [self.topics[i] for i in self.by_unit.get((document.source.name, anchor), [])]

    def for_document(self, document: Document) -> list[Topic]:
        ids: list[str] = []
        for (name, _anchor), topic_ids in self.by_unit.items():
            if name == document.source.name:
                ids.extend(i for i in topic_ids if i not in ids)
        return [t for t in self.topics.values() if t.id in ids]

    def related(self, topic_id: str, limit: int = 6) -> list[Topic]:
        """The vocabulary's own `related` first, then topics that share units with it."""
        shared: Counter = Counter()
        for ids in self.by_unit.values():
            if topic_id in ids:
                shared.update(i for i in ids if i != topic_id)
        ordered = [i for i in self.topics[topic_id].related if i in self.topics]
        ordered += [i for i, _n in sorted(shared.items(), key=lambda x: (-x[1], list(self.topics).index(x[0])))
                    if i not in ordered]
        return [self.topics[i] for i in ordered[:limit]]


def index_topics(documents: list[Document], topics: tuple[Topic, ...]) -> TopicIndex:
    index = TopicIndex(topics={t.id: t for t in topics}, occurrences={t.id: [] for t in topics})
    for document in sorted(documents, key=lambda d: (d.date.sort_key, d.source.name)):
        for unit in document_units(document):
            text = unit.text
            hits = match_topics(unit.title, text, topics)
            if hits:
                index.by_unit[(document.source.name, unit.anchor)] = [h.topic_id for h in hits]
            for hit in hits:
                index.occurrences[hit.topic_id].append(TopicOccurrence(document, unit, hit, text))
    return index


def unit_text_counts(occurrences: list[TopicOccurrence]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for occurrence in occurrences:
        counts[occurrence.document.source.name] += 1
    return counts
