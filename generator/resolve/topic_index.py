"""Which units of which documents carry which topics (the rule is in data/amnen.yml), and
what each topic's page shows: occurrences, related topics, the people and places named."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Callable, Iterable, Mapping

from generator.model import Document
from generator.model.corpus import MUNICIPALITY, PERSON, Link, TopicOccurrence, TopicSummary, frozen_mapping
from generator.model.knowledge import Topic, TopicHit
from generator.resolve.units import document_units

RELATED_LIMIT = 6
ASSOCIATED_LIMIT = 8


def index_topics(documents: Iterable[Document], topics: tuple[Topic, ...],
                 hits_of: Callable[[Document, str], Iterable[TopicHit]],
                 links: Callable[[Document, str], Iterable[Link]]) -> tuple[
        Mapping[str, TopicSummary], Mapping[tuple[str, str], tuple[str, ...]], Mapping[str, tuple[str, ...]]]:
    """(topic id -> summary, (source, anchor) -> topic ids, source -> topic ids).

    `links(document, text)` gives the links resolve found in a text; a topic's page names
    the people and municipalities named most often in its units."""
    order = {t.id: i for i, t in enumerate(topics)}
    occurrences: dict[str, list[TopicOccurrence]] = {t.id: [] for t in topics}
    by_unit: dict[tuple[str, str], tuple[str, ...]] = {}
    by_document: dict[str, set[str]] = defaultdict(set)
    shared: dict[str, Counter] = {t.id: Counter() for t in topics}
    for document in sorted(documents, key=lambda d: (d.date.sort_key, d.source.name)):
        for unit in document_units(document):
            hits = tuple(hits_of(document, unit.anchor))
            if not hits:
                continue
            ids = tuple(h.topic_id for h in hits)
            by_unit[(document.source.name, unit.anchor)] = ids
            by_document[document.source.name].update(ids)
            for hit in hits:
                occurrences[hit.topic_id].append(TopicOccurrence(document, unit.anchor, unit.label, unit.texts, hit))
                shared[hit.topic_id].update(i for i in ids if i != hit.topic_id)
    summaries = {}
    for topic in topics:
        related = [i for i in topic.related if i in order]
        related += [i for i, _n in sorted(shared[topic.id].items(), key=lambda x: (-x[1], order[x[0]]))
                    if i not in related]
        people, places = _associated(occurrences[topic.id], links)
        summaries[topic.id] = TopicSummary(topic, tuple(occurrences[topic.id]), tuple(related[:RELATED_LIMIT]),
                                           people, places)
    documents_topics = {name: tuple(sorted(ids, key=order.__getitem__)) for name, ids in by_document.items()}
    return frozen_mapping(summaries), frozen_mapping(by_unit), frozen_mapping(documents_topics)


def _associated(occurrences: list[TopicOccurrence], links: Callable[[Document, str], Iterable[Link]]):
    """The people and municipalities named most often in the units that carry the topic."""
    people: Counter = Counter()
    places: Counter = Counter()
    for occurrence in occurrences:
        for text in occurrence.texts:
            for link in links(occurrence.document, text):
                if link.kind == PERSON:
                    people[link.id] += 1
                elif link.kind == MUNICIPALITY:
                    places[link.id] += 1

    def top(counts: Counter) -> tuple[tuple[str, int], ...]:
        return tuple(sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:ASSOCIATED_LIMIT])

    return top(people), top(places)
