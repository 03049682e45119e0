"""Pages for people, municipalities and organisations, their indexes and the attendance matrix."""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby

from generator.collation import swedish_key
from generator.model import Document, Kind
from generator.render import text as t
from generator.render.dates import date_cell, date_plain
from generator.render.frontmatter import front_matter
from generator.render.templates import render_template
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


def _affiliation_link(affiliation, corpus: Corpus) -> str:
    if affiliation is None:
        return "–"
    records = corpus.entities_for(affiliation.kind, affiliation.name)
    if not records:
        return _affiliation_text(affiliation)
    text = " / ".join(_record_link(r) for r in records)
    if affiliation.unit:
        text += f", {t.cell(affiliation.unit)}"
    return text


# --- people ---------------------------------------------------------------------------


def person_meta(person: Person, corpus: Corpus) -> dict:
    return {
        "title": person.name,
        "kind": "person",
        "id": person.id,
        "variants": sorted(person.variants, key=swedish_key),
        "merged": person.merge_reasons,
        "mentioned_only": person.mentioned_only,
        "affiliations": [
            {"date": a.document.date.value, "document": corpus.page_for(a.document).id,
             "affiliation": a.affiliation.name if a.affiliation else None,
             "kind": a.affiliation.kind if a.affiliation else None}
            for a in person.appearances if a.affiliation is not None
        ],
    }


def render_person(person: Person, corpus: Corpus) -> str:
    attendance = [a for a in person.appearances if a.role == "attendee"]
    affiliations = []
    for a in person.appearances:
        if a.affiliation is not None and a.role in ("attendee", "mentioned", "signatory", "contact"):
            affiliations.append({"date": _date(a.document, corpus), "document": _doc_link(a.document, corpus),
                                 "affiliation": _affiliation_link(a.affiliation, corpus)})
    mentions = [
        {"date": _date(a.document, corpus), "document": _doc_link(a.document, corpus),
         "where": f"[{t.cell(a.label)}](../{corpus.page_for(a.document).path}#{a.anchor})" if a.anchor else "–",
         "excerpt": t.cell(a.excerpt)}
        for a in person.appearances if a.role == "mentioned"
    ]
    noted = [{"date": _date(a.document, corpus), "document": _doc_link(a.document, corpus)}
             for a in person.appearances if a.role == "note_taker"]
    signed = [{"date": _date(a.document, corpus), "document": _doc_link(a.document, corpus, a.anchor),
               "title": t.cell(a.note or "") or "–", "affiliation": _affiliation_link(a.affiliation, corpus)}
              for a in person.appearances if a.role == "signatory"]
    contact = [{"date": _date(a.document, corpus), "document": _doc_link(a.document, corpus)}
               for a in person.appearances if a.role == "contact"]
    decisions = [{"date": _date(page.document, corpus), "text": t.cell(decision.text),
                  "link": f"[Beslut {decision.item}.{decision.index}](../{page.path}#{decision.anchor})"}
                 for page, decision in corpus.decisions_by_person.get(person.id, [])]
    latest = next((a for a in reversed(person.appearances) if a.affiliation is not None), None)
    variants = sorted(person.variants, key=swedish_key)
    context = {
        "front_matter": front_matter(person_meta(person, corpus)),
        "name": t.heading(person.name),
        "mentioned_only": person.mentioned_only,
        "latest": (_affiliation_link(latest.affiliation, corpus), _date(latest.document, corpus)) if latest else None,
        "variants": [f"{t.cell(v)} ({person.variants[v]} gånger)" for v in variants] if len(variants) > 1 else [],
        "merge_reasons": [t.inline(r) for r in person.merge_reasons],
        "affiliations": affiliations,
        "attendance": [{"date": _date(a.document, corpus), "document": _doc_link(a.document, corpus, "narvaro"),
                        "status": STATUS_LABELS.get(a.status or "", "–"),
                        "note": t.cell(a.note) if a.note else "–"} for a in attendance],
        "noted": noted,
        "signed": signed,
        "contact": contact,
        "mentions": mentions,
        "decisions": decisions,
    }
    return render_template("person.md.j2", context)


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


def _occurrences(occurrences, corpus: Corpus) -> list[dict]:
    return [{"date": _date(o.document, corpus), "document": _doc_link(o.document, corpus),
             "where": f"[{t.cell(o.label)}](../{corpus.page_for(o.document).path}#{o.anchor})" if o.anchor else "–",
             "excerpt": t.cell(o.excerpt)} for o in occurrences]


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


def _meetings(record: EntityRecord, corpus: Corpus) -> list[dict]:
    by_document: dict[str, dict] = {}
    for document, attendee in record.attendance:
        entry = by_document.setdefault(document.source.name, {"document": document, "present": [], "absent": []})
        entry[attendee.status].append(attendee)
    rows = []
    for entry in sorted(by_document.values(), key=lambda e: (e["document"].date.sort_key, e["document"].source.name),
                        reverse=True):
        from generator.render.documents import person_link
        rows.append({"date": _date(entry["document"], corpus), "document": _doc_link(entry["document"], corpus, "narvaro"),
                     "present": ", ".join(person_link(a.name, corpus) for a in entry["present"]) or "–",
                     "absent": ", ".join(person_link(a.name, corpus) for a in entry["absent"]) or "–",
                     "represented": "ja" if entry["present"] else "nej"})
    return rows


def entity_meta(record: EntityRecord) -> dict:
    meta = {"title": record.name, "kind": record.kind, "id": record.id}
    if record.municipality:
        m = record.municipality
        meta.update({"code": m.code, "county": m.county, "associations": list(m.associations)})
    if record.organisation:
        o = record.organisation
        meta.update({"short": o.short, "parent": o.parent})
    meta["documents"] = [d.source.name for d in record.documents]
    return meta


def render_entity(record: EntityRecord, corpus: Corpus) -> str:
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
    context = {
        "front_matter": front_matter(entity_meta(record)),
        "name": t.heading(record.name),
        "kind": record.kind,
        "facts": facts,
        "representatives": _representatives(record, corpus),
        "meetings": _meetings(record, corpus),
        "reports": _occurrences(record.reports, corpus),
        "mentions": _occurrences(record.mentions, corpus),
        "agreements": [{"date": _date(d, corpus), "document": _doc_link(d, corpus),
                        "role": "part" if role == "part" else "har undertecknat"} for d, role in record.agreements],
        "commitments": [{"date": _date(d, corpus), "document": _doc_link(d, corpus, anchor),
                         "tracks": ", ".join(t.cell(x) for x in c.tracks) or "–",
                         "status": "planeras" if c.planned else "åtagande"} for d, c, anchor in record.commitments],
        "statistics": [{"date": _date(d, corpus), "document": _doc_link(d, corpus, anchor),
                        "figures": "; ".join(f"{t.cell(h)}: {t.cell(v) or '–'}"
                                            for h, v in zip(table.header[1:], row.cells[1:]))}
                       for d, table, row, anchor in record.statistics],
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


def attendance_matrix(corpus: Corpus) -> tuple[list[EntityRecord], list[tuple[Document, dict[str, str | None]]]]:
    """Columns: municipalities in any attendance list; rows: meetings, newest first.
    A cell is "present" when someone from the municipality attended, "absent" when it was
    listed only as not attending, None when it was not in the list at all."""
    columns = [r for r in corpus.municipalities.values() if r.attendance]
    columns.sort(key=lambda r: swedish_key(r.name))
    meetings = [p.document for p in corpus.pages if p.document.kind is Kind.MINUTES and p.document.attendees]
    meetings.sort(key=lambda d: (d.date.sort_key, d.source.name), reverse=True)
    rows = []
    for document in meetings:
        cells: dict[str, str | None] = {}
        for record in columns:
            statuses = {a.status for a in corpus.attendance_by_document.get(document.source.name, {}).get(record.id, ())}
            cells[record.id] = "present" if "present" in statuses else ("absent" if statuses else None)
        rows.append((document, cells))
    return columns, rows


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


def render_matrix(corpus: Corpus) -> str:
    columns, rows = attendance_matrix(corpus)
    table_rows = []
    for document, cells in rows:
        rendered = []
        for record in columns:
            rendered.append(_matrix_mark(record, document, cells[record.id], corpus))
        page = corpus.page_for(document)
        table_rows.append({"meeting": f'[{t.cell(date_plain(document.date, corpus.month_names))}](../{page.path}#narvaro '
                                      f'"{t.attr(document.title)}")',
                           "cells": rendered})
    context = {
        "front_matter": front_matter({"title": "Närvaro per kommun och möte", "kind": "attendance-matrix",
                                      "hide": ["toc"]}),
        "columns": [_record_link(r) for r in columns],
        "rows": table_rows,
        "marks": [MARKS["present"], MARKS["absent"], MARKS[None]],
    }
    return render_template("matrix.md.j2", context)


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
