"""Pages for people, municipalities and organisations, their indexes and the attendance matrix."""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby

from generator.collation import swedish_key
from generator.model import Document, Kind
from generator.render import text as t
from generator.render.dates import date_cell, date_plain
from generator.render.frontmatter import front_matter
from generator.render.parts import (
    LATEST, NOT_SEARCHED, Part, PartSet, counted, latest, overview, plan_parts, relative, year_of,
)
from generator.render.templates import render_template
from generator.slugs import slugify, unique_slug
from generator.model.corpus import Corpus, EntityRecord, Person

STATUS_LABELS = {"present": "närvarande", "absent": "ej närvarande"}
ROLE_LABELS = {"attendee": "deltagare", "note_taker": "antecknare", "mentioned": "omnämnd"}


def _doc_link(document: Document, corpus: Corpus, anchor: str = "", prefix: str = "../") -> str:
    page = corpus.page_for(document)
    target = f"{prefix}{page.path}" + (f"#{anchor}" if anchor else "")
    return f"[{t.cell(document.title)}]({target})"


def _date(document: Document, corpus: Corpus) -> str:
    return date_cell(document.date, corpus.month_names)


def _affiliation_text(affiliation) -> str:
    if affiliation is None:
        return "–"
    text = t.cell(affiliation.name)
    if affiliation.unit:
        text += f", {t.cell(affiliation.unit)}"
    return text


def _record_link(record: EntityRecord, prefix: str = "../") -> str:
    return f"[{t.cell(record.name)}]({prefix}{record.path})"


def _affiliation_link(affiliation, corpus: Corpus, prefix: str = "../") -> str:
    if affiliation is None:
        return "–"
    records = corpus.entities_for(affiliation.kind, affiliation.name)
    if not records:
        return _affiliation_text(affiliation)
    text = " / ".join(_record_link(r, prefix) for r in records)
    if affiliation.unit:
        text += f", {t.cell(affiliation.unit)}"
    return text


# --- people ---------------------------------------------------------------------------

# The lists of a person page: key, anchor, and how the overview of the years counts its
# entries (None: not counted, each of them is in another list too).
PERSON_SECTIONS = (
    ("affiliations", "tillhorighet", None),
    ("attendance", "narvaro", ("möte", "möten")),
    ("noted", "antecknat", ("antecknat möte", "antecknade möten")),
    ("signed", "underskrifter", ("underskrift", "underskrifter")),
    ("contact", "kontaktperson", ("gång som kontaktperson", "gånger som kontaktperson")),
    ("mentions", "omnamnd", ("omnämnande", "omnämnanden")),
    ("decisions", "beslut", ("beslut", "beslut")),
)
_AFFILIATION_ROLES = ("attendee", "mentioned", "signatory", "contact")
_ROLE_SECTIONS = {"attendee": "attendance", "note_taker": "noted", "signatory": "signed", "contact": "contact",
                  "mentioned": "mentions"}


def _prefix(path: str) -> str:
    """From a page at `path` (docs/-relative) back to the site root."""
    return "../" * path.count("/")


def _person_items(person: Person, corpus: Corpus) -> dict[str, list[tuple[Document, object]]]:
    """The entries of each list of a person page, each with the document it belongs to."""
    items: dict[str, list[tuple[Document, object]]] = {key: [] for key, _a, _c in PERSON_SECTIONS}
    for a in person.appearances:
        if a.affiliation is not None and a.role in _AFFILIATION_ROLES:
            items["affiliations"].append((a.document, a))
        if a.role in _ROLE_SECTIONS:
            items[_ROLE_SECTIONS[a.role]].append((a.document, a))
    items["decisions"] = [(page.document, (page, decision))
                          for page, decision in corpus.decisions_by_person.get(person.id, [])]
    return items


def person_parts(person: Person, corpus: Corpus) -> PartSet:
    weights = [(document, 1) for entries in _person_items(person, corpus).values() for document, _x in entries]
    return PartSet(f"personer/{person.id}.md", f"personer/{person.id}", plan_parts(weights))


def _person_row(key: str, entry, corpus: Corpus, p: str) -> dict:
    if key == "decisions":
        page, decision = entry
        return {"date": _date(page.document, corpus), "text": t.cell(decision.text),
                "link": f"[Beslut {decision.item}.{decision.index}]({p}{page.path}#{decision.anchor})"}
    a = entry
    date, document = _date(a.document, corpus), _doc_link(a.document, corpus, prefix=p)
    if key == "affiliations":
        return {"date": date, "document": document, "affiliation": _affiliation_link(a.affiliation, corpus, p)}
    if key == "attendance":
        return {"date": date, "document": _doc_link(a.document, corpus, "narvaro", p),
                "status": STATUS_LABELS.get(a.status or "", "–"), "note": t.cell(a.note) if a.note else "–"}
    if key == "signed":
        return {"date": date, "document": _doc_link(a.document, corpus, a.anchor, p),
                "title": t.cell(a.note or "") or "–", "affiliation": _affiliation_link(a.affiliation, corpus, p)}
    if key == "mentions":
        return {"date": date, "document": document,
                "where": f"[{t.cell(a.label)}]({p}{corpus.page_for(a.document).path}#{a.anchor})" if a.anchor else "–",
                "excerpt": t.cell(a.excerpt)}
    return {"date": date, "document": document}  # noted, contact


def person_meta(person: Person, corpus: Corpus, parts: PartSet, part: Part | None = None) -> dict:
    """Front matter. (Each affiliation by date and each document are in data/arkiv.json;
    the page's list of them grew with the archive.)"""
    if part is None:
        return {"title": person.name, "kind": "person", "id": person.id,
                "variants": sorted(person.variants, key=swedish_key), "merged": person.merge_reasons,
                "mentioned_only": person.mentioned_only, "parts": [x.slug for x in reversed(parts.parts)]}
    return {"title": f"{person.name} – {part.label}", "kind": "person-part", "id": person.id, "part": part.slug,
            **NOT_SEARCHED}


def _overview(parts: PartSet, path: str, items: dict[str, list[tuple[Document, object]]],
              sections: tuple[tuple[str, str, tuple[str, str] | None], ...]) -> list[dict]:
    """The table of a main page's years: a link to each year's part(s) and how many
    entries of each list the year has."""
    contents: dict[str, list[str]] = defaultdict(list)
    for key, _anchor, nouns in sections:
        if nouns is None:
            continue
        counts: dict[str, int] = defaultdict(int)
        for document, _entry in items[key]:
            counts[year_of(document)] += 1
        for year, n in counts.items():
            contents[year].append(counted(n, *nouns))
    return overview(parts, path, contents)


def _section_rows(key: str, anchor: str, entries: list[tuple[Document, object]], parts: PartSet, path: str,
                  part: Part | None, row) -> dict:
    """One list of a page: on a part every entry of its documents; on the main page the
    latest entries and, when there are more, where the rest are."""
    if part is not None:
        shown = [e for e in entries if e[0].source.name in part.sources]
        return {"rows": [row(key, *e) for e in shown], "total": len(shown), "more": None}
    shown = latest(entries, lambda e: e[0])
    more = None
    if len(shown) < len(entries):
        more = (f"De {len(shown)} senaste av {len(entries)}. Alla per år: "
                + parts.section_links(path, anchor, (d for d, _e in entries)) + ".")
    return {"rows": [row(key, *e) for e in shown], "total": len(entries), "more": more}


def render_person(person: Person, corpus: Corpus, parts: PartSet, part: Part | None = None) -> str:
    """The person's main page (`part` None): who they are, their years and the latest
    entries of each list; or one part: every entry of that year."""
    path = parts.main if part is None else parts.path(part)
    p = _prefix(path)
    items = _person_items(person, corpus)
    sections = {key: _section_rows(key, anchor, items[key], parts, path, part,
                                   lambda k, _d, e: _person_row(k, e, corpus, p))
                for key, anchor, _title in PERSON_SECTIONS}
    latest_affiliation = next((a for a in reversed(person.appearances) if a.affiliation is not None), None)
    variants = sorted(person.variants, key=swedish_key)
    context = {
        "front_matter": front_matter(person_meta(person, corpus, parts, part)),
        "name": t.heading(person.name),
        "part": _part_context(parts, part, t.heading(person.name), f"Alla år för {person.name}"),
        "mentioned_only": person.mentioned_only,
        "latest": ((_affiliation_link(latest_affiliation.affiliation, corpus, p),
                    _date(latest_affiliation.document, corpus)) if latest_affiliation else None),
        "variants": [f"{t.cell(v)} ({person.variants[v]} gånger)" for v in variants] if len(variants) > 1 else [],
        "merge_reasons": [t.inline(r) for r in person.merge_reasons],
        "sections": sections,
        "overview": _overview(parts, path, items, PERSON_SECTIONS) if part is None else None,
    }
    return render_template("person.md.j2", context)


def _part_context(parts: PartSet, part: Part | None, name: str, main_label: str) -> dict | None:
    if part is None:
        return None
    return {"label": part.label, "documents": part.documents, "during": part.during, "name": name,
            "navigation": parts.navigation(part, t.cell(main_label)),
            "main": relative(parts.path(part), parts.main)}


def render_people_index(corpus: Corpus) -> str:
    people = sorted(corpus.people.values(), key=lambda p: (swedish_key(p.name.split()[-1]), swedish_key(p.name)))
    groups = []
    for letter, members in groupby(people, key=lambda p: p.name.split()[-1][0].upper()):
        groups.append({"letter": letter, "people": [
            {"link": f"[{t.cell(p.name)}]({p.id}.md)",
             "affiliation": _affiliation_text(next((a.affiliation for a in reversed(p.appearances) if a.affiliation), None)),
             "count": len({a.document.source.name for a in p.appearances}),
             "mentioned_only": p.mentioned_only} for p in members]})
    context = {"front_matter": front_matter({"title": "Personer", "kind": "index-people"}),
               "groups": groups, "total": len(people)}
    return render_template("people_index.md.j2", context)


# --- municipalities and organisations ------------------------------------------------------


ENTITY_SECTIONS = (
    ("meetings", "narvaro", ("möte", "möten")),
    ("reports", "rapporter", ("rapport", "rapporter")),
    ("agreements", "overenskommelser", ("överenskommelse", "överenskommelser")),
    ("commitments", "jobbspar", ("åtagande om jobbspår", "åtaganden om jobbspår")),
    ("statistics", "statistik", ("statistikrad", "statistikrader")),
    ("mentions", "namns", ("omnämnande", "omnämnanden")),
)


def _representatives(record: EntityRecord, corpus: Corpus) -> list[dict]:
    by_person: dict[str, list] = defaultdict(list)
    for document, attendee in record.attendance:
        person = corpus.person_named(attendee.name)
        key = person.id if person else attendee.name
        by_person[key].append((document, attendee, person))
    rows = []
    for entries in by_person.values():
        first, last = entries[0][0], entries[-1][0]
        person = entries[0][2]
        name = f"[{t.cell(person.name)}](../personer/{person.id}.md)" if person else t.cell(entries[0][1].name)
        rows.append({"name": name, "first": _date(first, corpus), "last": _date(last, corpus),
                     "present": sum(1 for _d, a, _p in entries if a.status == "present"),
                     "absent": sum(1 for _d, a, _p in entries if a.status == "absent"),
                     "sort": (entries[-1][0].date.sort_key, swedish_key(entries[0][1].name))})
    rows.sort(key=lambda r: r["sort"], reverse=True)
    return rows


def _entity_items(record: EntityRecord) -> dict[str, list[tuple[Document, object]]]:
    """The entries of each list of a municipality's or organisation's page, each with its document."""
    by_document: dict[str, dict] = {}
    for document, attendee in record.attendance:
        entry = by_document.setdefault(document.source.name, {"document": document, "present": [], "absent": []})
        entry[attendee.status].append(attendee)
    meetings = sorted(by_document.values(), key=lambda e: (e["document"].date.sort_key, e["document"].source.name),
                      reverse=True)
    return {
        "meetings": [(e["document"], e) for e in meetings],
        "reports": [(o.document, o) for o in record.reports],
        "agreements": [(d, role) for d, role in record.agreements],
        "commitments": [(d, (c, anchor)) for d, c, anchor in record.commitments],
        "statistics": [(d, (table, row, anchor)) for d, table, row, anchor in record.statistics],
        "mentions": [(o.document, o) for o in record.mentions],
    }


def entity_parts(record: EntityRecord) -> PartSet:
    weights = [(document, 1) for entries in _entity_items(record).values() for document, _x in entries]
    return PartSet(record.path, record.path.removesuffix(".md"), plan_parts(weights))


def _entity_row(key: str, document: Document, entry, corpus: Corpus, p: str) -> dict:
    from generator.render.documents import person_link

    date = _date(document, corpus)
    if key == "meetings":
        return {"date": date, "document": _doc_link(document, corpus, "narvaro", p),
                "present": ", ".join(person_link(a.name, corpus, p) for a in entry["present"]) or "–",
                "absent": ", ".join(person_link(a.name, corpus, p) for a in entry["absent"]) or "–",
                "represented": "ja" if entry["present"] else "nej"}
    if key in ("reports", "mentions"):
        o = entry
        return {"date": date, "document": _doc_link(document, corpus, prefix=p),
                "where": f"[{t.cell(o.label)}]({p}{corpus.page_for(document).path}#{o.anchor})" if o.anchor else "–",
                "excerpt": t.cell(o.excerpt)}
    if key == "agreements":
        return {"date": date, "document": _doc_link(document, corpus, prefix=p),
                "role": "part" if entry == "part" else "har undertecknat"}
    if key == "commitments":
        c, anchor = entry
        return {"date": date, "document": _doc_link(document, corpus, anchor, p),
                "tracks": ", ".join(t.cell(x) for x in c.tracks) or "–",
                "status": "planeras" if c.planned else "åtagande"}
    table, row, anchor = entry  # statistics
    return {"date": date, "document": _doc_link(document, corpus, anchor, p),
            "figures": "; ".join(f"{t.cell(h)}: {t.cell(v) or '–'}" for h, v in zip(table.header[1:], row.cells[1:]))}


def entity_meta(record: EntityRecord, part: Part | None = None) -> dict:
    if part is not None:
        return {"title": f"{record.name} – {part.label}", "kind": f"{record.kind}-part", "id": record.id,
                "part": part.slug, **NOT_SEARCHED}
    meta = {"title": record.name, "kind": record.kind, "id": record.id}
    if record.municipality:
        m = record.municipality
        meta.update({"code": m.code, "county": m.county, "associations": list(m.associations)})
    if record.organisation:
        o = record.organisation
        meta.update({"short": o.short, "parent": o.parent})
    return meta


def render_entity(record: EntityRecord, corpus: Corpus, parts: PartSet, part: Part | None = None) -> str:
    """A municipality's or organisation's main page (`part` None): facts, representatives,
    the years and the latest entries of each list; or one part: every entry of that year."""
    path = parts.main if part is None else parts.path(part)
    p = _prefix(path)
    facts: list[tuple[str, str]] = []
    if record.municipality:
        m = record.municipality
        facts += [("Län", t.cell(m.county)), ("Kommunkod (SCB)", m.code)]
        if m.associations:
            facts.append(("Samverkar i", ", ".join(t.cell(a) for a in m.associations)))
    if record.organisation:
        o = record.organisation
        if o.short:
            facts.append(("Förkortning", t.cell(o.short)))
        if o.parent and o.parent in corpus.organisations:
            facts.append(("Del av", _record_link(corpus.organisations[o.parent])))
        if o.description:
            facts.append(("Om", t.inline(o.description)))
    facts.append(("Dokument i arkivet", str(len(record.documents))))
    items = _entity_items(record)
    sections = {key: _section_rows(key, anchor, items[key], parts, path, part,
                                   lambda k, d, e: _entity_row(k, d, e, corpus, p))
                for key, anchor, _title in ENTITY_SECTIONS}
    context = {
        "front_matter": front_matter(entity_meta(record, part)),
        "name": t.heading(record.name),
        "part": _part_context(parts, part, t.heading(record.name), f"Alla år för {record.name}"),
        "kind": record.kind,
        "facts": facts,
        "representatives": _representatives(record, corpus) if part is None else [],
        "sections": sections,
        "overview": _overview(parts, path, items, ENTITY_SECTIONS) if part is None else None,
    }
    return render_template("entity.md.j2", context)


def render_municipality_index(corpus: Corpus) -> str:
    records = list(corpus.municipalities.values())
    groups = []
    shown = [a for a in corpus.associations if a.pages]
    for association in shown:
        members = [r for r in records if association.id in r.municipality.associations]
        groups.append({"title": association.title, "rows": _entity_rows(members)})
    others = [r for r in records if not set(r.municipality.associations) & {a.id for a in shown}]
    if others:
        groups.append({"title": "Övriga kommuner som nämns i arkivet", "rows": _entity_rows(others)})
    context = {"front_matter": front_matter({"title": "Kommuner", "kind": "index-municipalities"}),
               "title": "Kommuner", "groups": groups,
               "intro": "Kommunerna i arkivet, ordnade efter samverkansorgan. Se också "
                        "[närvaromatrisen](narvaro.md): vilka kommuner som var representerade på vilka möten."}
    return render_template("entity_index.md.j2", context)


def render_organisation_index(corpus: Corpus) -> str:
    records = list(corpus.organisations.values())
    context = {"front_matter": front_matter({"title": "Organisationer", "kind": "index-organisations"}),
               "title": "Organisationer", "groups": [{"title": None, "rows": _entity_rows(records)}],
               "intro": "Organisationer som deltar i eller nämns i arkivets dokument."}
    return render_template("entity_index.md.j2", context)


def _entity_rows(records: list[EntityRecord]) -> list[dict]:
    return [{"link": f"[{t.cell(r.name)}]({r.id}.md)", "documents": len(r.documents),
             "meetings": len({d.source.name for d, _a in r.attendance})}
            for r in sorted(records, key=lambda r: swedish_key(r.name))]


# --- attendance matrix ------------------------------------------------------------------------

MARKS = {
    "present": ("✔", "närvarande"),
    "absent": ("✘", "anmäld som ej närvarande"),
    None: ("–", "inte med i närvarolistan"),
}


MATRIX = "kommuner/narvaro.md"
MATRIX_CELLS = 5  # marks of the matrix that weigh about as much as a row of the other lists


def _meetings_with_attendance(corpus: Corpus) -> list[Document]:
    """Minutes with an attendance list, newest first."""
    meetings = [p.document for p in corpus.pages if p.document.kind is Kind.MINUTES and p.document.attendees]
    meetings.sort(key=lambda d: (d.date.sort_key, d.source.name), reverse=True)
    return meetings


def _cell(corpus: Corpus, document: Document, record_id: str) -> str | None:
    statuses = {a.status for a in corpus.attendance_by_document.get(document.source.name, {}).get(record_id, ())}
    return "present" if "present" in statuses else ("absent" if statuses else None)


def attendance_matrix(corpus: Corpus, meetings: list[Document] | None = None
                      ) -> tuple[list[EntityRecord], list[tuple[Document, dict[str, str | None]]]]:
    """Columns: municipalities in any attendance list of the meetings (default: all
    meetings); rows: the meetings, newest first. A cell is "present" when someone from the
    municipality attended, "absent" when it was listed only as not attending, None when it
    was not in the list at all."""
    if meetings is None:
        meetings = _meetings_with_attendance(corpus)
        columns = [r for r in corpus.municipalities.values() if r.attendance]
    else:
        listed = {m for d in meetings for m in corpus.attendance_by_document.get(d.source.name, {})}
        columns = [corpus.municipalities[m] for m in listed if m in corpus.municipalities]
    columns.sort(key=lambda r: swedish_key(r.name))
    rows = [(document, {record.id: _cell(corpus, document, record.id) for record in columns}) for document in meetings]
    return columns, rows


def matrix_parts(corpus: Corpus) -> PartSet:
    """The years of the attendance matrix. A meeting weighs by the width of its network's
    table that year."""
    meetings = _meetings_with_attendance(corpus)
    width: dict[tuple[str, str], set[str]] = defaultdict(set)
    for document in meetings:
        width[(year_of(document), document.network or "")].update(
            corpus.attendance_by_document.get(document.source.name, {}))
    weights = [(d, 1 + len(width[(year_of(d), d.network or "")]) // MATRIX_CELLS) for d in meetings]
    return PartSet(MATRIX, MATRIX.removesuffix(".md"), plan_parts(weights))


def _matrix_mark(record: EntityRecord, document: Document, cell: str | None, corpus: Corpus) -> str:
    """A mark of the attendance matrix. Where someone was listed, the mark is a disclosure
    (<details>): clicking, tapping or Enter on it shows who - also on touch screens and
    without JavaScript. An empty cell explains itself on hover."""
    symbol, label = MARKS[cell]
    people = [(a.name, a.status) for a in corpus.attendance_by_document.get(document.source.name, {})
              .get(record.id, ())]
    mark = f'{symbol}<span class="arkiv-sr"> {label}</span>'
    if not people:
        title = t.attr(f"{record.name}: {label}").replace("|", "&#124;")  # a table cell: no bare pipe
        return f'<span title="{title}">{mark}</span>'
    who = ", ".join(name + (" (ej närvarande)" if status == "absent" and cell == "present" else "")
                    for name, status in people)
    return (f'<details class="arkiv-vem"><summary>{mark}</summary>'
            f'<span class="arkiv-vem-namn">{t.cell(f"{record.name}, {label}: {who}")}</span></details>')


def _matrix_table(corpus: Corpus, meetings: list[Document], p: str) -> dict:
    columns, rows = attendance_matrix(corpus, meetings)
    table_rows = []
    for document, cells in rows:
        page = corpus.page_for(document)
        table_rows.append({"meeting": f'[{t.cell(date_plain(document.date, corpus.month_names))}]({p}{page.path}#narvaro '
                                      f'"{t.attr(document.title)}")',
                           "cells": [_matrix_mark(record, document, cells[record.id], corpus) for record in columns]})
    return {"columns": [_record_link(r, p) for r in columns], "rows": table_rows}


def render_matrix(corpus: Corpus, parts: PartSet, part: Part | None = None) -> str:
    """The attendance matrix's main page (`part` None): the latest meetings and the years;
    or one year: a matrix per network, its meetings against the municipalities in their lists."""
    path = parts.main if part is None else parts.path(part)
    p = _prefix(path)
    meetings = _meetings_with_attendance(corpus)
    context: dict = {"marks": [MARKS["present"], MARKS["absent"], MARKS[None]], "csv": f"{p}data/narvaro.csv"}
    if part is None:
        represented: dict[str, set[str]] = defaultdict(set)
        count: dict[str, int] = defaultdict(int)
        for document in meetings:
            year = year_of(document)
            count[year] += 1
            represented[year].update(m for m, attendees in corpus.attendance_by_document.get(document.source.name, {})
                                     .items() if any(a.status == "present" for a in attendees))
        context.update({
            "front_matter": front_matter({"title": "Närvaro per kommun och möte", "kind": "attendance-matrix",
                                          "hide": ["toc"], "parts": [x.slug for x in reversed(parts.parts)]}),
            "part": None,
            "total": len(meetings),
            "tables": _network_tables(corpus, meetings[:LATEST], p, "senaste-"),
            "overview": overview(parts, path, {
                year: [counted(count[year], "möte", "möten"),
                       counted(len(represented[year]), "kommun representerad", "kommuner representerade")]
                for year in count}),
        })
        return render_template("matrix.md.j2", context)
    shown = [d for d in meetings if d.source.name in part.sources]
    context.update({
        "front_matter": front_matter({"title": f"Närvaro per kommun och möte – {part.label}",
                                      "kind": "attendance-matrix-part", "part": part.slug, **NOT_SEARCHED}),
        "part": _part_context(parts, part, "Närvaro per kommun och möte", "Alla år"),
        "total": len(shown),
        "tables": _network_tables(corpus, shown, p, "natverk-"),
    })
    return render_template("matrix.md.j2", context)


def _network_tables(corpus: Corpus, meetings: list[Document], p: str, anchor: str) -> list[dict]:
    """A matrix per network (A–Ö), each of its meetings against the municipalities in their
    attendance lists: a network's members, not every municipality of the archive."""
    networks: dict[str, list[Document]] = defaultdict(list)
    for document in meetings:
        networks[document.network or ""].append(document)
    taken: set[str] = set()
    tables = []
    for network in sorted(networks, key=lambda n: (n == "", swedish_key(n))):
        title = network or "Möten utan angivet nätverk"
        tables.append({"title": t.heading(title), "anchor": unique_slug(anchor + (slugify(title) or "x"), taken),
                       **_matrix_table(corpus, networks[network], p)})
    return tables


def attendance_csv(corpus: Corpus) -> str:
    import csv
    import io

    columns, rows = attendance_matrix(corpus)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["document", "date", "title"] + [r.name for r in columns])
    values = {"present": "närvarande", "absent": "ej närvarande", None: ""}
    for document, cells in rows:
        writer.writerow([corpus.page_for(document).id, document.date.value or "", document.title]
                        + [values[cells[r.id]] for r in columns])
    return buffer.getvalue()
