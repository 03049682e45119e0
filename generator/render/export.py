"""The machine-readable export: data/arkiv.json and CSV files (documented in the README).

The schema is a contract: later versions add keys, never remove or rename them.
"""

from __future__ import annotations

import csv
import io
import json

from generator.collation import swedish_key
from generator.display import format_date
from generator.model.corpus import Corpus
from generator.render.pieces import PerDocument, each_time

SCHEMA_VERSION = 1


def _people(corpus: Corpus) -> list[dict]:
    people = []
    for person in sorted(corpus.people.values(), key=lambda p: swedish_key(p.name)):
        people.append({
            "id": person.id,
            "name": person.name,
            "variants": sorted(person.variants, key=swedish_key),
            "url": f"personer/{person.id}.html",
            "mentioned_only": person.mentioned_only,
            "merged": person.merge_reasons,
            "affiliations": [
                {"date": a.document.date.value, "document": corpus.page_for(a.document).id,
                 "affiliation": a.affiliation.name, "kind": a.affiliation.kind, "unit": a.affiliation.unit,
                 "role": a.role}
                for a in person.appearances if a.affiliation is not None
            ],
        })
    return people


def _entities(corpus: Corpus, kind: str) -> list[dict]:
    records = corpus.municipalities if kind == "municipality" else corpus.organisations
    result = []
    for record in sorted(records.values(), key=lambda r: swedish_key(r.name)):
        entry = {"id": record.id, "name": record.name, "url": record.path.replace(".md", ".html")}
        if record.municipality:
            entry.update({"code": record.municipality.code, "county": record.municipality.county,
                          "associations": list(record.municipality.associations)})
        if record.organisation:
            entry.update({"short": record.organisation.short, "parent": record.organisation.parent})
        entry["documents"] = [corpus.page_for(d).id for d in record.documents]
        result.append(entry)
    return result


def _document_mentions(corpus: Corpus, document) -> dict[str, list[dict]]:
    """People, municipalities and organisations of one document, with the item they occur in."""
    found = corpus.mentions_by_document.get(document.source.name, {})
    return {key: [{"id": m.id, "role": m.role, "item": m.item} for m in found.get(key, ())]
            for key in ("people", "municipalities", "organisations")}


def _topics(corpus: Corpus) -> list[dict]:
    return [{"id": s.topic.id, "name": s.topic.name, "url": f"amnen/{s.topic.id}.html",
             "feed": f"amnen/{s.topic.id}.xml",
             "occurrences": [{"document": corpus.page_for(o.document).id, "anchor": o.anchor or None,
                              "matches": o.hit.count} for o in s.occurrences]}
            for s in corpus.topics.values()]


def _person_id(corpus: Corpus, name: str) -> str | None:
    person = corpus.person_named(name)
    return person.id if person else None


def _agreement_fields(corpus: Corpus, d) -> dict:
    a = d.agreement
    if a is None:
        return {}
    section_anchor = {id(s): s.anchor for s in a.sections}
    return {
        "subtitle": a.subtitle,
        "parties": [{"name": p.name, "written": p.written, "kind": p.kind, "id": p.slug} for p in a.parties],
        "purpose": a.purpose,
        "goals": [{"number": g.number, "text": g.text} for g in a.goals],
        "target_group": a.target_group,
        "follow_up": [{"number": g.number, "text": g.text} for g in a.follow_up],
        "commitments": [{"municipality": m, "tracks": list(c.tracks), "planned": c.planned, "written": c.written}
                        for c in a.commitments for m in c.municipalities],
        "signatories": [{"person": _person_id(corpus, s.name), "name": s.name, "title": s.title,
                         "affiliation": s.affiliation.name if s.affiliation else None,
                         "affiliation_kind": s.affiliation.kind if s.affiliation else None,
                         "place": s.place, "date": s.date} for s in a.signatories],
        "signing_dates": list(a.signing_dates),
        "last_signed": a.last_signed,
        "tables": [{"caption": tb.caption, "header": list(tb.header), "numeric_columns": list(tb.numeric_columns),
                    "rows": [{"cells": list(r.cells), "total": r.is_total, "municipality": r.municipality}
                             for r in tb.rows]} for tb in a.tables],
        "revision": None if a.revision is None else {
            "text": a.revision.text, "validity": a.revision.validity, "valid_from": a.revision.valid_from,
            "valid_until": a.revision.valid_until,
            "frequency": a.revision.frequency, "interval_months": a.revision.interval_months,
            "month": a.revision.month, "first_revision": a.revision.first_revision, "basis": a.revision.basis},
        "agreement_sections": [{"number": s.number, "title": s.title, "role": s.role,
                                "anchor": section_anchor[id(s)] or None} for s in a.sections],
    }


def _article_fields(corpus: Corpus, d) -> dict:
    a = d.article
    if a is None:
        return {}
    contact = a.contact
    return {
        "contact": None if contact is None else {
            "person": _person_id(corpus, contact.name), "name": contact.name, "title": contact.title,
            "organisation": contact.organisation, "email": contact.email, "phone": contact.phone},
        "contacts": [{"person": _person_id(corpus, c.name), "name": c.name, "title": c.title,
                      "organisation": c.organisation, "email": c.email, "phone": c.phone} for c in a.contacts],
        "publisher": a.publisher,
        "byline": a.byline,
        "published": a.published,
        "lead": a.lead.text if a.lead else None,
        "quotes": [{"text": q.quote, "speaker": q.speaker_name or q.speaker} for q in a.quotes],
        "boilerplate": list(a.boilerplate),
        "chrome": list(a.chrome),
    }


def document_entry(corpus: Corpus, page) -> dict:
    """One document of the export."""
    d = page.document
    return {
        "id": page.id,
        "kind": d.kind.value,
        "title": d.title,
        "source_file": d.source.name,
        "source_format": d.source.format,
        "ocr_confidence": d.source.ocr_confidence,
        "url": page.url,
        "date": d.date.value,
        "date_display": format_date(d.date, corpus.month_names),
        "date_precision": d.date.precision.value if d.date.precision else None,
        "date_inferred": d.date.inferred,
        "date_source": d.date.source.value,
        "date_reason": d.date.reason,
        "network": d.network,
        "note_taker": d.note_taker.name if d.note_taker else None,
        "attendees": [
            {
                "person": _person_id(corpus, a.name),
                "name": a.name,
                "status": a.status,
                "affiliation": a.affiliation.name if a.affiliation else None,
                "affiliation_kind": a.affiliation.kind if a.affiliation else None,
                "affiliation_written": a.affiliation.written if a.affiliation else None,
                "unit": a.affiliation.unit if a.affiliation else None,
                "note": a.note,
                "items": list(a.items),
                "role": a.role,
                "party": a.party,
            }
            for a in d.attendees
        ],
        "items": [{"number": i.number, "title": i.title, "anchor": i.anchor,
                   "topics": [x.id for x in corpus.topics_of_unit(d, i.anchor)],
                   "sub": i.sub, "label": i.label}
                  for i in d.items],
        "topics": [x.id for x in corpus.topics_of_document(d)],
        "sections": [{"number": s.number, "title": s.title, "anchor": s.anchor} for s in d.sections],
        **_document_mentions(corpus, d),
        **_agreement_fields(corpus, d),
        **_article_fields(corpus, d),
        "decisions": [
            {
                "id": page.decision_id(x.anchor),
                "item": x.item,
                "text": x.text,
                "proposal": x.proposal,
                "anchor": x.anchor,
                "url": f"{page.url}#{x.anchor}",
                "derived": x.derived,
                "wording": x.wording,
                "sub": x.sub,
                "item_label": x.item_label,
                "formality": x.formality,
            }
            for x in d.decisions
        ],
    }


def _archive(corpus: Corpus, documents: list) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": documents,
        "people": _people(corpus),
        "municipalities": _entities(corpus, "municipality"),
        "organisations": _entities(corpus, "organisation"),
        "topics": _topics(corpus),
        "redirects": [{"from": old, "to": new} for old, new in corpus.redirects.items()],
    }


def archive_json(corpus: Corpus, per_document: PerDocument = each_time) -> str:
    """The export as JSON: one top-level key per line and one entry of each list per line
    (readable, diff-friendly, and written by the C encoder: the export grows with the archive).
    A document's line is made through `per_document` (which may remember it between builds)."""
    line_of = per_document(lambda page: "    " + _compact(document_entry(corpus, page)))
    lines = []
    for key, value in _archive(corpus, []).items():
        if key == "documents":
            entries = [line_of(page) for page in corpus.pages]
        else:
            entries = ["    " + _compact(entry) for entry in value] if isinstance(value, list) else None
        if entries is None:
            lines.append(f"  {_compact(key)}: {_compact(value)}")
        else:
            joined = ",\n".join(entries)
            lines.append(f'  {_compact(key)}: [\n{joined}\n  ]' if entries else f'  {_compact(key)}: []')
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


DECISION_COLUMNS = ["id", "date", "date_precision", "date_inferred", "document", "document_title",
                    "item", "item_title", "decision", "proposal", "url", "derived", "wording", "municipalities",
                    "date_source", "item_label", "formality"]  # new columns only ever at the end


def decisions_csv(corpus: Corpus) -> str:
    """The decisions register as CSV, row for row the same as the register page."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(DECISION_COLUMNS)
    for entry in corpus.register:
        page, d, x = entry.page, entry.page.document, entry.decision
        writer.writerow([
            page.decision_id(x.anchor), d.date.value or "", d.date.precision.value if d.date.precision else "",
            "ja" if d.date.inferred else "nej", page.id, d.title, x.item, entry.item_title,
            x.text, x.proposal or "", f"{page.url}#{x.anchor}", "ja" if x.derived else "nej", x.wording or "",
            ";".join(entry.municipalities), d.date.source.value, x.item_label, "ja" if x.formality else "nej",
        ])
    return buffer.getvalue()
