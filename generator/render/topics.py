"""Topic pages, the topic index, the glossary page and the Atom feeds."""

from __future__ import annotations

from generator.collation import swedish_key
from generator.render.feeds import FeedEntry, atom_feed, plain_summary, tag_uri
from generator.model.knowledge import Glossary
from generator.render import text as t
from generator.render.dates import date_cell, date_plain
from generator.render.frontmatter import front_matter
from generator.render.parts import NOT_SEARCHED, Part, PartSet, counted, latest, overview, plan_parts, relative, year_of
from generator.render.templates import render_template
from generator.model.corpus import Corpus
from generator.render.excerpts import excerpt
from generator.slugs import slugify, unique_slug

FEED = "feed.xml"
FEED_ENTRIES = 100  # a feed carries the newest entries; the pages list everything


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


def _associated(corpus: Corpus, counts: tuple[tuple[str, int], ...], kind: str) -> list[str]:
    """Links to the people or municipalities named most often with the topic, with counts."""
    if kind == "person":
        return [f"[{t.cell(corpus.people[i].name)}](../personer/{i}.md) ({n})" for i, n in counts]
    return [f"[{t.cell(corpus.municipalities[i].name)}](../kommuner/{i}.md) ({n})" for i, n in counts]


def topic_parts(topic_id: str, corpus: Corpus) -> PartSet:
    occurrences = corpus.topics[topic_id].occurrences
    return PartSet(f"amnen/{topic_id}.md", f"amnen/{topic_id}", plan_parts((o.document, 1) for o in occurrences))


def _occurrence_row(occurrence, corpus: Corpus, p: str) -> dict:
    page = corpus.page_for(occurrence.document)
    snippet, marks = excerpt(occurrence.text, occurrence.hit.spans)
    target = f"{p}{page.path}" + (f"#{occurrence.anchor}" if occurrence.anchor else "")
    where = occurrence.label or occurrence.document.title
    return {
        "date": date_cell(occurrence.document.date, corpus.month_names),
        "document": f"[{t.cell(occurrence.document.title)}]({p}{page.path})",
        "where": f"[{t.cell(where)}]({target})",
        "excerpt": _highlighted(snippet, marks),
    }


def render_topic(topic_id: str, corpus: Corpus, parts: PartSet, part: Part | None = None) -> str:
    """A topic's main page (`part` None): what it is, its years, the latest places it came
    up and who is named with it; or one part: every place it came up that year."""
    summary = corpus.topics[topic_id]
    topic, occurrences = summary.topic, summary.occurrences
    path = parts.main if part is None else parts.path(part)
    p = "../" * path.count("/")
    feed = relative(path, f"amnen/{topic.id}.xml")
    if part is not None:
        shown = [o for o in occurrences if o.document.source.name in part.sources]
        more = None
    else:
        shown = latest(occurrences, lambda o: o.document)
        more = None
        if len(shown) < len(occurrences):
            more = (f"De {len(shown)} senaste av {len(occurrences)}. Alla per år: "
                    + parts.section_links(path, "forekomster", (o.document for o in occurrences)) + ".")
    counts: dict[str, int] = {}
    for o in occurrences:
        counts[year_of(o.document)] = counts.get(year_of(o.document), 0) + 1
    meta = {"title": topic.name, "kind": "topic", "id": topic.id, "feed": f"amnen/{topic.id}.xml",
            "occurrences": len(occurrences)}
    if part is not None:
        meta.update({"title": f"{topic.name} – {part.label}", "kind": "topic-part", "part": part.slug,
                     "occurrences": len(shown), **NOT_SEARCHED})
    else:
        meta["parts"] = [x.slug for x in reversed(parts.parts)]
    part_context = None
    if part is not None:
        part_context = {"label": part.label, "name": t.heading(topic.name), "documents": part.documents,
                        "during": part.during, "main": relative(path, parts.main),
                        "navigation": parts.navigation(part, t.cell(f"Alla år för {topic.name}"))}
    context = {
        "front_matter": front_matter(meta),
        "name": t.heading(topic.name),
        "part": part_context,
        "description": t.inline(topic.description),
        "patterns": ", ".join(f"*{t.cell(p.text)}*" for p in topic.patterns),
        "total": len(occurrences),
        "rows": [_occurrence_row(o, corpus, p) for o in shown],
        "more": more,
        "overview": None if part is not None else overview(
            parts, path, {year: [counted(n, "förekomst", "förekomster")] for year, n in counts.items()}),
        "people": _associated(corpus, summary.people, "person") if part is None else [],
        "places": _associated(corpus, summary.places, "place") if part is None else [],
        "related": [topic_link(corpus.topics[r].topic) for r in summary.related],
        "feed": feed,
    }
    return render_template("topic.md.j2", context)


def render_topic_index(corpus: Corpus) -> str:
    rows = [{"link": f"[{t.cell(s.topic.name)}]({s.topic.id}.md)", "description": t.cell(s.topic.description),
             "count": len(s.occurrences),
             "documents": len({o.document.source.name for o in s.occurrences})}
            for s in sorted(corpus.topics.values(), key=lambda x: swedish_key(x.topic.name))]
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
    return unique_slug("term-" + (slugify(term) or "x"), taken)


# --- feeds --------------------------------------------------------------------------------


def _entry(page, corpus: Corpus, href_prefix: str, anchor: str = "", summary: str = "") -> FeedEntry:
    d = page.document
    first = corpus.first_addresses.get(d.source.name, page.url)  # the id survives a move
    return FeedEntry(
        id=tag_uri(first.removesuffix(".html") + (f"#{anchor}" if anchor else "")),
        title=d.title,
        href=f"{href_prefix}{page.url}" + (f"#{anchor}" if anchor else ""),
        updated=d.date.value or "1970",
        summary=plain_summary(summary or f"{d.kind.label}, {date_plain(d.date, corpus.month_names)}. {d.network}"),
    )


def archive_feed(corpus: Corpus, title: str) -> str:
    pages = sorted(corpus.pages, key=lambda p: (p.document.date.sort_key, p.document.source.name), reverse=True)
    entries = [_entry(p, corpus, "") for p in pages[:FEED_ENTRIES]]
    return atom_feed(tag_uri("arkiv"), title, FEED, "index.html", entries)


def topic_feed(topic_id: str, corpus: Corpus, title: str) -> str:
    summary = corpus.topics[topic_id]
    occurrences = sorted(summary.occurrences,
                         key=lambda o: (o.document.date.sort_key, o.document.source.name, o.anchor), reverse=True)
    entries = []
    for o in occurrences[:FEED_ENTRIES]:
        page = corpus.page_for(o.document)
        entry = _entry(page, corpus, "../", o.anchor, o.text)
        entries.append(FeedEntry(entry.id, f"{o.document.title}: {o.label}", entry.href, entry.updated,
                                 entry.summary))
    topic = summary.topic
    return atom_feed(tag_uri(f"amnen/{topic_id}"), f"{title}: {topic.name}", f"{topic_id}.xml",
                     f"{topic_id}.html", entries)
