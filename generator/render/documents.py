"""One Markdown page per document: front matter, facts, structured content, the original."""

from __future__ import annotations

from collections import defaultdict

from generator.collation import swedish_key
from generator.display import format_date, format_iso
from generator.model import Attendee, DateSource, Document, Kind
from generator.render import text as t
from generator.render.dates import date_label
from generator.render.agreement import entity_links, render_article_body, render_rich_blocks
from generator.render.blocks import PAGE_PREFIX, render_blocks
from generator.render.frontmatter import front_matter
from generator.render.templates import placeholder, render_template
from generator.model.corpus import Corpus, Page


def document_meta(page: Page, source_url: str) -> dict:
    d = page.document
    meta = {
        "title": d.title,
        "kind": d.kind.value,
        "id": page.id,
        "url": page.url,
        "date": d.date.value,
        "date_precision": d.date.precision.value if d.date.precision else None,
        "date_inferred": d.date.inferred,
        "date_source": d.date.source.value,
        "date_reason": d.date.reason,
        "network": d.network,
        "source_file": d.source.name,
        "source_download": source_url,
    }
    if d.source.extracted:  # text files keep the front matter they always had
        meta["source_format"] = d.source.format
        if d.source.ocr_pages:
            meta["ocr_confidence"] = d.source.ocr_confidence
    if d.kind is Kind.MINUTES:
        meta["note_taker"] = ({"name": d.note_taker.name, "title": d.note_taker.title}
                              if d.note_taker else None)
        meta["present"] = [attendee_meta(a) for a in d.present]
        meta["absent"] = [attendee_meta(a) for a in d.absent]
        meta["items"] = [{"number": i.number, "title": i.title, "anchor": i.anchor} for i in d.items]
    meta["decisions"] = [
        {"id": page.decision_id(x.anchor), "item": x.item, "anchor": x.anchor,
         "text": x.text, "proposal": x.proposal}
        for x in d.decisions
    ]
    if d.kind in (Kind.AGREEMENT, Kind.ARTICLE, Kind.OTHER):
        meta["sections"] = [{"number": s.number, "title": s.title, "anchor": s.anchor}
                            for s in d.sections]
    return meta


def attendee_meta(a: Attendee) -> dict:
    affiliation = a.affiliation
    return {
        "name": a.name,
        "affiliation": affiliation.name if affiliation else None,
        "affiliation_kind": affiliation.kind if affiliation else None,
        "affiliation_written": affiliation.written if affiliation else None,
        "unit": affiliation.unit if affiliation else None,
        "note": a.note,
        "items": list(a.items),
        "role": a.role,
        "party": a.party,
    }


def person_link(name: str, corpus: Corpus, prefix: str = PAGE_PREFIX) -> str:
    """A person's name as written, linked to their page when they have one."""
    person = corpus.person_named(name)
    if person is None:
        return t.cell(name)
    return f'[{t.cell(name)}]({prefix}personer/{person.id}.md "{t.attr(person.name)}")'


def render_document(page: Page, corpus: Corpus, source_url: str) -> str:
    d = page.document

    def find_links(text: str) -> list:
        return corpus.links_in(d, text)

    context = {
        "front_matter": front_matter(document_meta(page, source_url)),
        "title": t.heading(d.title),
        "facts": _facts(page, source_url, corpus),
        "date_note": t.inline(d.date.reason) if d.date.source is not DateSource.FRONT_MATTER else None,
        "original": _original(d, source_url),
        "kind": d.kind.value,
    }
    if d.kind is Kind.MINUTES:
        context["attendance"] = _attendance_rows(d, corpus)
        context["preamble"] = render_blocks(d.preamble, "inledning", page.url, find_links, heading_level=2)
        context["items"] = [
            {"heading": f"{item.number}. {t.heading(item.title)}", "anchor": item.anchor,
             "topics": _topic_links(corpus, d, item.anchor),
             "body": render_blocks(item.blocks, item.anchor, page.url, find_links)}
            for item in d.items
        ]
        return render_template("minutes.md.j2", context, {"original": context["original"]["text"]})
    context["subtitle"] = t.inline(d.subtitle) if d.subtitle else None
    context["preamble"] = render_blocks(d.preamble, "inledning", page.url, find_links, heading_level=2)
    entity_link = entity_links(corpus)

    def person(name: str) -> str:
        return person_link(name, corpus)

    if d.article is not None and not d.sections:
        context["preamble"] = render_article_body(d.article, page.url, find_links, entity_link, person)
    if d.agreement is not None:
        context["sections"] = [
            {"heading": f"{s.number}. {t.heading(s.title)}" if s.number is not None else t.heading(s.title),
             "anchor": s.anchor or f"avsnitt-{i}",
             "topics": _topic_links(corpus, d, s.anchor or f"avsnitt-{i}"),
             "body": render_rich_blocks(s.blocks, s.anchor or f"avsnitt-{i}", page.url, find_links, entity_link,
                                        person, months=corpus.month_names)}
            for i, s in enumerate(d.agreement.sections, start=1)
        ]
        return render_template("document.md.j2", context, {"original": context["original"]["text"]})
    context["sections"] = [
        {"heading": f"{s.number}. {t.heading(s.title)}" if s.number is not None else t.heading(s.title),
         "anchor": s.anchor or f"avsnitt-{i}",
         "topics": _topic_links(corpus, d, s.anchor or f"avsnitt-{i}"),
         "body": render_blocks(s.blocks, s.anchor or f"avsnitt-{i}", page.url, find_links)}
        for i, s in enumerate(d.sections, start=1)
    ]
    return render_template("document.md.j2", context, {"original": context["original"]["text"]})


def _facts(page: Page, source_url: str, corpus: Corpus) -> list[tuple[str, str]]:
    d = page.document
    date_text = t.inline(format_date(d.date, corpus.month_names))
    if d.date.source is not DateSource.FRONT_MATTER:
        date_text = f'<span class="arkiv-datum" title="{t.attr(d.date.reason)}">{date_text}</span>'
    facts = [(date_label(d.date), date_text), ("Typ", d.kind.label)]
    if d.network:
        facts.append(("Nätverk", t.inline(d.network)))
    if d.kind is Kind.MINUTES:
        if d.note_taker:
            who = person_link(d.note_taker.name, corpus)
            if d.note_taker.title:
                who += f", {t.inline(d.note_taker.title)}"
            facts.append(("Antecknat av", who))
        else:
            facts.append(("Antecknat av", "anges inte i dokumentet"))
        facts.append(("Närvarande", f"{len(d.present)} personer ({len(d.absent)} anmälda som ej närvarande)"))
        if d.decisions:
            links = ", ".join(f"[{x.item}.{x.index}](#{x.anchor})" for x in d.decisions)
            facts.append(("Beslut", links))
    if d.agreement is not None:
        facts.extend(_agreement_facts(d, corpus))
    if d.article is not None:
        facts.extend(_article_facts(d, corpus))
    if corpus.topics_of_document(d):
        facts.append(("Ämnen", ", ".join(f"[{t.cell(x.name)}](../amnen/{x.id}.md)"
                                          for x in corpus.topics_of_document(d))))
    source = d.source
    if source.extracted and source_url.endswith(".txt"):  # names hidden: the copy is the redacted text
        facts.append(("Källfil", f"[{t.inline(source.name)}](../{source_url}) (texten ur originalet "
                                 f"({FORMAT_NAMES.get(source.format, source.format)}), med dolda namn, för nedladdning)"))
    elif source.extracted:
        facts.append(("Källfil", f"[{t.inline(source.name)}](../{source_url}) (originalfilen, "
                                 f"{FORMAT_NAMES.get(source.format, source.format)}, för nedladdning)"))
    else:
        facts.append(("Källfil", f"[{t.inline(source.name)}](../{source_url}) (originalet, för nedladdning)"))
    if source.ocr_pages:
        facts.append(("Läst med OCR", f"skannad PDF; texten är läst med teckenigenkänning, säkerhet "
                                      f"{ocr_percent(source.ocr_confidence)} – [se originaltexten](#originaltext)"))
    return facts


def _agreement_facts(d: Document, corpus: Corpus) -> list[tuple[str, str]]:
    a = d.agreement
    link = entity_links(corpus)
    facts = []
    if a.parties:
        facts.append(("Parter", ", ".join(link(p.kind, p.name) for p in a.parties)))
    if a.signing_dates:
        dates = ", ".join(format_iso(x, corpus.month_names) for x in a.signing_dates)
        facts.append(("Undertecknad", f"{len(a.signatories)} underskrifter ({t.cell(dates)}); "
                                      f"[se underskrifterna](#{_signature_anchor(a)})"))
    if a.revision:
        r = a.revision
        rule = []
        if r.valid_from:
            rule.append(f"gäller från {r.valid_from}")
        if r.validity:
            rule.append(f"gäller {r.validity}")
        if r.valid_until:
            rule.append(f"gäller till {r.valid_until}")
        if r.frequency:
            rule.append(f"revideras {r.frequency}" + (f" i {corpus.month_names[r.month]}" if r.month else ""))
        if r.first_revision:
            first = format_iso(r.first_revision, corpus.month_names)
            rule.append(f'första revision <span class="arkiv-datum" title="{t.attr(r.basis or "")}">{t.cell(first)}</span>')
        facts.append(("Giltighet och revidering", "; ".join(rule) or t.cell(r.text)))
    return facts


def _signature_anchor(a) -> str:
    section = a.section("signatures")
    if section is None:
        return "originaltext"
    return section.anchor or f"avsnitt-{a.sections.index(section) + 1}"  # as the sections are rendered


def _article_facts(d: Document, corpus: Corpus) -> list[tuple[str, str]]:
    a = d.article
    facts = []
    if a.publisher:
        facts.append(("Utgivare", entity_links(corpus)("organisation", a.publisher)))
    for contact in a.contacts:
        who = person_link(contact.name, corpus)
        if contact.title:
            who += f", {t.inline(contact.title)}"
        if contact.organisation:
            who += f", {entity_links(corpus)('organisation', contact.organisation)}"
        facts.append(("Kontaktperson", who))
    return facts


def _topic_links(corpus: Corpus, d: Document, anchor: str) -> str:
    return ", ".join(f"[{t.cell(x.name)}](../amnen/{x.id}.md)" for x in corpus.topics_of_unit(d, anchor))


DEFAULT_ROLE = "ledamot"  # what nearly everyone under `Beslutande` is: not repeated on the page


def _attendance_rows(d: Document, corpus: Corpus) -> list[dict]:
    groups: dict[tuple[int, str], dict[str, list[str]]] = defaultdict(lambda: {"present": [], "absent": []})
    labels: dict[tuple[int, str], str] = {}
    for a in d.attendees:
        aff = a.affiliation
        rank = {"municipality": 0, "organisation": 1}.get(aff.kind if aff else "", 2)
        name = aff.name if aff else "Utan angiven tillhörighet"
        key = (rank, name)
        labels[key] = _affiliation_label(a, corpus)
        entry = person_link(a.name, corpus)
        details = [a.party, a.role if a.role != DEFAULT_ROLE else None, a.note]
        if any(details):
            entry += f" ({t.cell(', '.join(x for x in details if x))})"  # `Eva Lund (S, ordförande, pkt 4)`
        if aff and aff.unit:
            entry += f" – {t.cell(aff.unit)}"
        groups[key][a.status].append(entry)
    rows = []
    for key in sorted(groups, key=lambda k: (k[0], swedish_key(k[1]))):
        rows.append({"label": labels[key], "present": ", ".join(groups[key]["present"]),
                     "absent": ", ".join(groups[key]["absent"])})
    return rows


def _affiliation_label(a: Attendee, corpus: Corpus) -> str:
    aff = a.affiliation
    if aff is None:
        return "Utan angiven tillhörighet"
    records = corpus.entities_for(aff.kind, aff.name)
    if records:
        label = " / ".join(f'[{t.cell(r.name if len(records) > 1 else aff.name)}]({PAGE_PREFIX}{r.path})'
                           for r in records)
    else:
        label = t.cell(aff.name)
    written = aff.written.split(",")[0].strip()
    if aff.kind != "unknown" and written and written != aff.name:
        label += (f' <span class="arkiv-tolkning" title="Skrivet &quot;{t.attr(written)}&quot; i originalet; '
                  f'tolkat som {t.attr(aff.name)}">(skrivet: {t.cell(written)})</span>')
    return label


# How the page names a source's format (SourceFile.format).
FORMAT_NAMES = {"docx": "Word", "pdf": "PDF", "odt": "OpenDocument", "rtf": "RTF"}


def ocr_percent(confidence: float | None) -> str:
    return f"{confidence or 0:.0f} %"


def _original(d: Document, source_url: str) -> dict:
    """The verbatim original as raw HTML: Markdown would turn its tabs into spaces. For a
    Word, PDF, OpenDocument or RTF file: the text read out of it, and its format."""
    verbatim = t.attr_text(d.source.raw.rstrip("\n")).replace("\t", "&#9;")
    extracted = d.source.extracted
    return {"text": verbatim, "name": t.attr(d.source.name), "url": source_url,
            "placeholder": placeholder("original"),
            "format": FORMAT_NAMES.get(d.source.format, d.source.format) if extracted else None,
            "ocr": ocr_percent(d.source.ocr_confidence) if d.source.ocr_pages else None}
