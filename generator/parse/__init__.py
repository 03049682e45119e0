"""Parse a source file into a Document: kind, date, network, title and content.

Front matter (`title`, `date`, `kind`, `network`) overrides what is inferred from the text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.parse.classify import classify
from generator.read.config import Settings
from generator.display import format_date
from generator.parse.dates import date_from_meta, infer_date
from generator.model import Agreement, DateSource, Diagnostics, Document, DocumentDate, Kind, Precision, SourceFile
from generator.parse.agreement import agreement_sections, parse_agreement
from generator.parse.article import actor_text, article_plain_blocks, parse_article, publication_date
from generator.parse.header import network_in_header
from generator.parse.minutes import parse_minutes
from generator.parse.normalise import normalise
from generator.parse.sections import parse_sections
from generator.knowledge import Knowledge

_KIND_WORDS = {
    "minutes": Kind.MINUTES, "anteckningar": Kind.MINUTES, "minnesanteckningar": Kind.MINUTES,
    "protokoll": Kind.MINUTES, "mote": Kind.MINUTES, "möte": Kind.MINUTES,
    "agreement": Kind.AGREEMENT, "overenskommelse": Kind.AGREEMENT, "överenskommelse": Kind.AGREEMENT,
    "article": Kind.ARTICLE, "artikel": Kind.ARTICLE, "nyhet": Kind.ARTICLE,
    "other": Kind.OTHER, "dokument": Kind.OTHER,
}
KNOWN_META = {"title", "date", "kind", "network"}


def parse_document(source: SourceFile, settings: Settings, knowledge: Knowledge,
                   diagnostics: Diagnostics) -> Document:
    """The document a source file holds. The parsers read its body made plain (see
    generator.parse.normalise); the verbatim original stays in `source.raw`."""
    source = replace(source, body=normalise(source.body, markdown=source.name.lower().endswith(".md")))
    for key in sorted(set(source.meta) - KNOWN_META, key=str):
        diagnostics.warning(source.name, 1, f"okänd nyckel i front matter: `{key}` (kända: "
                            f"{', '.join(sorted(KNOWN_META))}) – ignoreras")
    kind = _kind(source, knowledge, diagnostics)
    date = _date(source, kind, knowledge, diagnostics)
    network = _network(source, settings, kind, knowledge, diagnostics)

    if kind is Kind.MINUTES:
        parts = parse_minutes(source, knowledge, diagnostics)
        default_title = _minutes_title(network, date, knowledge)
        if not parts.items:
            diagnostics.warning(source.name, None, "inga numrerade dagordningspunkter hittades")
        return Document(
            source=source, kind=kind, title=_title(source, default_title), network=network, date=date,
            attendees=tuple(parts.attendees), items=tuple(parts.items), note_taker=parts.note_taker,
            preamble=tuple(parts.preamble),
        )

    if kind is Kind.AGREEMENT:
        text = agreement_sections(source, knowledge)
        agreement = parse_agreement(source, knowledge, diagnostics, sectioned=text)
        network = _network(source, settings, kind, knowledge, diagnostics, text="")  # a network named in the body is not the owner
        _check_signing_date(source, date, agreement, diagnostics)
        if date.source is not DateSource.FRONT_MATTER and agreement.last_signed:
            date = _signature_date(agreement)
        return Document(
            source=source, kind=kind, title=_title(source, agreement.title), network=network, date=date,
            preamble=tuple(text.preamble), sections=tuple(text.sections), subtitle=text.subtitle,
            agreement=agreement,
        )
    if kind is Kind.ARTICLE:
        article = parse_article(source, knowledge, diagnostics)
        network = _network(source, settings, kind, knowledge, diagnostics, text=actor_text(
            article, [name for n in settings.networks for name in (n.name, *n.aliases)]))
        if date.source is not DateSource.FRONT_MATTER and article.published:
            date = publication_date(article)
        text = parse_sections(source, None)
        if text.sections:  # an article in numbered sections keeps them (and its anchors)
            preamble, sections = tuple(text.preamble), tuple(text.sections)
        else:  # the article's own text, without the site's boilerplate
            preamble, sections = article_plain_blocks(article), ()
        return Document(
            source=source, kind=kind, title=_title(source, article.headline or source.name), network=network,
            date=date, preamble=preamble, sections=sections, subtitle=text.subtitle, article=article,
        )
    text = parse_sections(source, None)
    return Document(
        source=source, kind=kind, title=_title(source, text.heading or source.name), network=network, date=date,
        preamble=tuple(text.preamble), sections=tuple(text.sections), subtitle=text.subtitle,
    )


def _signature_date(agreement: Agreement) -> DocumentDate:
    """An agreement is in force from the day the last party signed."""
    last = next(s for s in agreement.signatories if s.date == agreement.last_signed)
    others = ", ".join(f"{s.place or '?'} {s.date}" for s in agreement.signatories if s.date)
    reason = (f"Överenskommelsen gäller från sista underskriften: {last.name}, {last.place_written or last.place or ''} "
              f"{last.date} (rad {last.date_line or last.line}). Alla underskrifter: {others}.")
    return DocumentDate(agreement.last_signed, Precision.DAY, DateSource.TEXT, reason)


def _check_signing_date(source: SourceFile, date: DocumentDate, agreement: Agreement,
                        diagnostics: Diagnostics) -> None:
    """The document's date and the last signature are read separately; they must agree."""
    last = agreement.last_signed
    if last is None or date.value is None or date.value == last:
        return
    if date.source is not DateSource.FRONT_MATTER:
        diagnostics.warning(source.name, None, f"datumet härleddes till {date.value}, men sista "
                            f"underskriften är daterad {last}; kontrollera underskrifterna")
    else:
        diagnostics.info(source.name, None, f"datumet i front matter ({date.value}) är inte dagen för "
                         f"sista underskriften ({last})")


def _kind(source: SourceFile, knowledge: Knowledge, diagnostics: Diagnostics) -> Kind:
    value = source.meta.get("kind")
    if value is not None:
        kind = _KIND_WORDS.get(str(value).strip().lower())
        if kind is not None:
            return kind
        diagnostics.warning(source.name, 1, f"okänd `kind: {value}` i front matter; "
                            f"använd minutes, agreement, article eller other – typen härleds ur texten")
    classification = classify(source.body, knowledge.kind_cues)
    if classification.kind is Kind.OTHER:
        diagnostics.warning(source.name, None, "dokumenttypen kunde inte avgöras ur texten; "
                            "en enkel sida skapas (ange `kind:` i front matter)")
    return classification.kind


def _date(source: SourceFile, kind: Kind, knowledge: Knowledge, diagnostics: Diagnostics) -> DocumentDate:
    if "date" in source.meta:
        try:
            date = date_from_meta(source.meta["date"])
        except ValueError as error:
            diagnostics.error(source.name, 1, f"ogiltigt `date` i front matter: {error} – datumet härleds ur texten")
        else:
            if date is not None:
                return date
    # Padding keeps the line numbers the reason cites true lines of the file.
    date = infer_date("\n" * (source.first_body_line - 1) + source.body, kind, knowledge.date_cues)
    if date.value is None:
        diagnostics.warning(source.name, None, "inget datum kunde härledas; ange `date:` i front matter")
    return date


def _network(source: SourceFile, settings: Settings, kind: Kind, knowledge: Knowledge,
             diagnostics: Diagnostics, text: str | None = None) -> str:
    """The network the document belongs to: given in front matter; named in the header of
    minutes (also a network the settings do not know yet, reported); a configured network
    named in `text` (where to look; by default the whole body); minutes that name none
    belong to the default network (they are the networks' own records), other kinds to none."""
    value = source.meta.get("network")
    if isinstance(value, str) and value.strip():
        return value.strip()
    if kind in (Kind.MINUTES, Kind.OTHER):
        terms = knowledge.minutes_terms
        item_start = _item_start(terms.item_prefix)
        found = network_in_header(source.body, settings, terms,
                                  stop=lambda line: bool(terms.heading.match(line) or item_start.match(line)))
        if found is not None:
            if not found.configured:
                diagnostics.info(source.name, source.file_line(found.line),
                                 f"nätverket \"{found.name}\" finns inte i source/arkiv.yml; lägg till det under "
                                 f"`networks:` (med de namn texterna använder som `aliases`)")
            return found.name
    for network in settings.networks:
        for name in (network.name, *network.aliases):
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", source.body if text is None else text,
                         re.IGNORECASE):
                return network.name
    return settings.default_network if kind is Kind.MINUTES else ""


def _item_start(prefix: str) -> re.Pattern[str]:
    """The first line of an agenda item (`1. Inledning`, `1)`, `§ 12`, `Punkt 3`, `Ärende 4`):
    the header ends there, and a network named below it is only mentioned in the body."""
    return re.compile(rf"^(?:(?:{prefix})\.?\s*\d|\d{{1,3}}(?:[.)]|\t)\s*\S)", re.IGNORECASE)


def _title(source: SourceFile, default: str) -> str:
    value = source.meta.get("title")
    return str(value).strip() if value is not None and str(value).strip() else default


def _minutes_title(network: str, date: DocumentDate, knowledge: Knowledge) -> str:
    where = f"Möte i {network}" if network else "Möte"
    return f"{where}, {format_date(date, knowledge.month_names)}" if date.value else f"{where} (odaterat)"
