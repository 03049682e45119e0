"""The machine-readable export: data/arkiv.json and CSV files (documented in the README).

The schema is a contract: later versions add keys, never remove or rename them.
"""

from __future__ import annotations

import csv
import io
import json

from generator.collation import swedish_key
from generator.dates import format_date
from generator.resolve import Corpus
from generator.slugs import slugify

SCHEMA_VERSION = 1


def _people(corpus: Corpus) -> list[dict]:
    people: dict[str, dict] = {}
    for page in corpus.pages:
        for attendee in page.document.attendees:
            entry = people.setdefault(slugify(attendee.name), {
                "id": slugify(attendee.name), "name": attendee.name, "variants": [], "url": None,
            })
            if attendee.name not in entry["variants"]:
                entry["variants"].append(attendee.name)
    return sorted(people.values(), key=lambda p: swedish_key(p["name"]))


def _affiliations(corpus: Corpus, kind: str) -> list[dict]:
    found: dict[str, dict] = {}
    for page in corpus.pages:
        for attendee in page.document.attendees:
            aff = attendee.affiliation
            if aff is not None and aff.kind == kind:
                found.setdefault(slugify(aff.name), {"id": slugify(aff.name), "name": aff.name, "url": None})
    return sorted(found.values(), key=lambda e: swedish_key(e["name"]))


def archive_data(corpus: Corpus) -> dict:
    documents = []
    for page in corpus.pages:
        d = page.document
        documents.append({
            "id": page.id,
            "kind": d.kind.value,
            "title": d.title,
            "source_file": d.source.name,
            "url": page.url,
            "date": d.date.value,
            "date_display": format_date(d.date),
            "date_precision": d.date.precision.value if d.date.precision else None,
            "date_inferred": d.date.inferred,
            "date_reason": d.date.reason,
            "network": d.network,
            "note_taker": d.note_taker.name if d.note_taker else None,
            "attendees": [
                {
                    "person": slugify(a.name),
                    "name": a.name,
                    "status": a.status,
                    "affiliation": a.affiliation.name if a.affiliation else None,
                    "affiliation_kind": a.affiliation.kind if a.affiliation else None,
                    "affiliation_written": a.affiliation.written if a.affiliation else None,
                    "unit": a.affiliation.unit if a.affiliation else None,
                    "note": a.note,
                    "items": list(a.items),
                }
                for a in d.attendees
            ],
            "items": [{"number": i.number, "title": i.title, "anchor": i.anchor} for i in d.items],
            "sections": [{"number": s.number, "title": s.title, "anchor": s.anchor} for s in d.sections],
            "decisions": [
                {
                    "id": page.decision_id(x.anchor),
                    "item": x.item,
                    "text": x.text,
                    "proposal": x.proposal,
                    "anchor": x.anchor,
                    "url": f"{page.url}#{x.anchor}",
                }
                for x in d.decisions
            ],
        })
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": documents,
        "people": _people(corpus),
        "municipalities": _affiliations(corpus, "municipality"),
        "organisations": _affiliations(corpus, "organisation"),
        "redirects": [{"from": old, "to": new} for old, new in corpus.redirects.items()],
    }


def archive_json(corpus: Corpus) -> str:
    return json.dumps(archive_data(corpus), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


DECISION_COLUMNS = ["id", "date", "date_precision", "date_inferred", "document", "document_title",
                    "item", "item_title", "decision", "proposal", "url"]


def decisions_csv(corpus: Corpus) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(DECISION_COLUMNS)
    for page in corpus.pages:
        d = page.document
        titles = {i.number: i.title for i in d.items}
        for x in d.decisions:
            writer.writerow([
                page.decision_id(x.anchor), d.date.value or "", d.date.precision.value if d.date.precision else "",
                "ja" if d.date.inferred else "nej", page.id, d.title, x.item, titles.get(x.item, ""),
                x.text, x.proposal or "", f"{page.url}#{x.anchor}",
            ])
    return buffer.getvalue()
