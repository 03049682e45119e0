"""Topic pages, the topic index, the glossary page and the Atom feeds."""

from __future__ import annotations

from collections import Counter

from generator.resolve.addresses import DOCUMENTS
from generator.collation import swedish_key
from generator.render.feeds import FeedEntry, atom_feed, plain_summary, tag_uri
from generator.model.knowledge import Glossary
from generator.render import text as t
from generator.render.dates import date_cell, date_plain
from generator.render.frontmatter import front_matter
from generator.render.templates import render_template
from generator.resolve import Corpus
from generator.resolve.topic_index import TopicIndex
from generator.render.excerpts import excerpt

FEED = "feed.xml"


def topic_link(topic, prefix: str = "../") -> str:
    return f"[{t.cell(topic.name)}]({prefix}amnen/{topic.id}.md)"


def _highlighted(text: str, marks: list[tuple[int, int]]) -> str:
    """Escaped excerpt with the matched words in <mark>."""
    parts, position = [], 0
    for start, end in sorted(marks):
        if start < position:
            continue
        parts.append(t.fragment(text[position:start]))
        parts.append(f"<mark>{t.fragment(text[start:end])}</mark>")
        position = end
    parts.append(t.fragment(text[position:]))
    return "".join(parts).strip()


def _associated(occurrences, corpus: Corpus, limit: int = 8) -> tuple[list[str], list[str]]:
    """The people and municipalities named most often in the units that carry the topic."""
    people: Counter = Counter()
    places: Counter = Counter()
    if corpus.linker is not None:
        for occurrence in occurrences:
            for text in occurrence.unit.texts:
                for link in corpus.linker.links(text, occurrence.document):
                    folder, _, slug = link.href.removesuffix(".md").partition("/")
                    if folder == "personer":
                        people[slug] += 1
                    elif folder == "kommuner":
                        places[slug] += 1
    top_people = [f"[{t.cell(corpus.people.people[i].name)}](../personer/{i}.md) ({n})"
                  for i, n in sorted(people.items(), key=lambda x: (-x[1], x[0]))[:limit]]
    top_places = [f"[{t.cell(corpus.entities.municipalities[i].name)}](../kommuner/{i}.md) ({n})"
                  for i, n in sorted(places.items(), key=lambda x: (-x[1], x[0]))[:limit]]
    return top_people, top_places


def render_topic(topic_id: str, index: TopicIndex, corpus: Corpus) -> str:
    topic = index.topics[topic_id]
    occurrences = index.occurrences[topic_id]
    rows = []
    for occurrence in occurrences:
        page = corpus.page_for(occurrence.document)
        snippet, marks = excerpt(occurrence.text, occurrence.hit.spans)
        target = f"../{page.path}" + (f"#{occurrence.unit.anchor}" if occurrence.unit.anchor else "")
        where = occurrence.unit.label or occurrence.document.title
        rows.append({
            "date": date_cell(occurrence.document.date, corpus.month_names),
            "document": f"[{t.cell(occurrence.document.title)}](../{page.path})",
            "where": f"[{t.cell(where)}]({target})",
            "excerpt": _highlighted(snippet, marks),
        })
    people, places = _associated(occurrences, corpus)
    context = {
        "front_matter": front_matter({"title": topic.name, "kind": "topic", "id": topic.id,
                                      "feed": f"amnen/{topic.id}.xml",
                                      "occurrences": len(occurrences)}),
        "name": t.heading(topic.name),
        "description": t.inline(topic.description),
        "patterns": ", ".join(f"*{t.cell(p.text)}*" for p in topic.patterns),
        "rows": rows,
        "people": people,
        "places": places,
        "related": [topic_link(r) for r in index.related(topic_id)],
        "feed": f"{topic.id}.xml",
    }
    return render_template("topic.md.j2", context)


def render_topic_index(index: TopicIndex) -> str:
    rows = [{"link": f"[{t.cell(topic.name)}]({topic.id}.md)", "description": t.cell(topic.description),
             "count": len(index.occurrences[topic.id]),
             "documents": len({o.document.source.name for o in index.occurrences[topic.id]})}
            for topic in sorted(index.topics.values(), key=lambda x: swedish_key(x.name))]
    context = {"front_matter": front_matter({"title": "Ämnen", "kind": "index-topics"}), "rows": rows}
    return render_template("topic_index.md.j2", context)


def render_glossary(glossary: Glossary) -> str:
    entries = sorted(glossary.entries, key=lambda e: swedish_key(e.term))
    taken: set[str] = set()
    rows = [{"term": t.cell(e.term), "anchor": _anchor(e.term, taken),
             "variants": ", ".join(t.cell(v) for v in e.variants) or "–",
             "expansion": t.cell(e.expansion), "explanation": t.cell(e.explanation),
             "ambiguous": e.ambiguous} for e in entries]
    context = {"front_matter": front_matter({"title": "Ordlista", "kind": "glossary"}), "rows": rows}
    return render_template("glossary.md.j2", context)


def _anchor(term: str, taken: set[str]) -> str:
    """`term-krom`; unique on the page (`AB` and `ÅB` both fold to `ab`)."""
    from generator.slugs import slugify, unique_slug

    return unique_slug("term-" + (slugify(term) or "x"), taken)


# --- feeds --------------------------------------------------------------------------------


def _entry(page, corpus: Corpus, href_prefix: str, anchor: str = "", summary: str = "") -> FeedEntry:
    d = page.document
    first = (corpus.ledger.history(DOCUMENTS, d.source.name) or (page.url,))[0]  # the id survives a move
    return FeedEntry(
        id=tag_uri(first.removesuffix(".html") + (f"#{anchor}" if anchor else "")),
        title=d.title,
        href=f"{href_prefix}{page.url}" + (f"#{anchor}" if anchor else ""),
        updated=d.date.value or "1970",
        summary=plain_summary(summary or f"{d.kind.label}, {date_plain(d.date, corpus.month_names)}. {d.network}"),
    )


def archive_feed(corpus: Corpus, title: str) -> str:
    pages = sorted(corpus.pages, key=lambda p: (p.document.date.sort_key, p.document.source.name), reverse=True)
    entries = [_entry(p, corpus, "") for p in pages]
    return atom_feed(tag_uri("arkiv"), title, FEED, "index.html", entries)


def topic_feed(topic_id: str, index: TopicIndex, corpus: Corpus, title: str) -> str:
    occurrences = sorted(index.occurrences[topic_id],
                         key=lambda o: (o.document.date.sort_key, o.document.source.name, o.unit.anchor), reverse=True)
    entries = []
    for o in occurrences:
        page = corpus.page_for(o.document)
        entry = _entry(page, corpus, "../", o.unit.anchor, o.unit.text)
        entries.append(FeedEntry(entry.id, f"{o.document.title}: {o.unit.label}", entry.href, entry.updated,
                                 entry.summary))
    topic = index.topics[topic_id]
    return atom_feed(tag_uri(f"amnen/{topic_id}"), f"{title}: {topic.name}", f"{topic_id}.xml",
                     f"{topic_id}.html", entries)
