"""Parse a source file into a Document: kind, date, network, title and content.

Front matter (`title`, `date`, `kind`, `network`) overrides what is inferred from the text.
"""

from __future__ import annotations

import re

from generator.classify import classify
from generator.config import Settings
from generator.dates import date_from_meta, format_date, infer_date
from generator.model import Diagnostics, Document, DocumentDate, Kind, SourceFile
from generator.parsing.minutes import parse_minutes
from generator.parsing.sections import parse_sections
from generator.registers import Registers

_KIND_WORDS = {
    "minutes": Kind.MINUTES, "anteckningar": Kind.MINUTES, "minnesanteckningar": Kind.MINUTES,
    "protokoll": Kind.MINUTES, "mote": Kind.MINUTES, "möte": Kind.MINUTES,
    "agreement": Kind.AGREEMENT, "overenskommelse": Kind.AGREEMENT, "överenskommelse": Kind.AGREEMENT,
    "article": Kind.ARTICLE, "artikel": Kind.ARTICLE, "nyhet": Kind.ARTICLE,
    "other": Kind.OTHER, "dokument": Kind.OTHER,
}
_AGREEMENT_HEADING = re.compile(r"^(?:lokal\s+)?överenskommelse\b", re.IGNORECASE)
KNOWN_META = {"title", "date", "kind", "network"}


def parse_document(source: SourceFile, settings: Settings, registers: Registers,
                   diagnostics: Diagnostics) -> Document:
    for key in sorted(set(source.meta) - KNOWN_META, key=str):
        diagnostics.warning(source.name, 1, f"okänd nyckel i front matter: `{key}` (kända: "
                            f"{', '.join(sorted(KNOWN_META))}) – ignoreras")
    kind = _kind(source, diagnostics)
    date = _date(source, kind, diagnostics)
    network = _network(source, settings)

    if kind is Kind.MINUTES:
        parts = parse_minutes(source, registers, diagnostics)
        default_title = _minutes_title(network, date)
        if not parts.items:
            diagnostics.warning(source.name, None, "inga numrerade dagordningspunkter hittades")
        return Document(
            source=source, kind=kind, title=_title(source, default_title), network=network, date=date,
            attendees=tuple(parts.attendees), items=tuple(parts.items), note_taker=parts.note_taker,
            preamble=tuple(parts.preamble),
        )

    pattern = _AGREEMENT_HEADING if kind is Kind.AGREEMENT else None
    text = parse_sections(source, pattern)
    if kind is Kind.AGREEMENT:
        default_title = " ".join(p for p in (text.heading, text.subtitle) if p) or "Överenskommelse"
    else:
        default_title = text.heading or source.name
    return Document(
        source=source, kind=kind, title=_title(source, default_title), network=network, date=date,
        preamble=tuple(text.preamble), sections=tuple(text.sections), subtitle=text.subtitle,
    )


def _kind(source: SourceFile, diagnostics: Diagnostics) -> Kind:
    value = source.meta.get("kind")
    if value is not None:
        kind = _KIND_WORDS.get(str(value).strip().lower())
        if kind is not None:
            return kind
        diagnostics.warning(source.name, 1, f"okänd `kind: {value}` i front matter; "
                            f"använd minutes, agreement, article eller other – typen härleds ur texten")
    classification = classify(source.body)
    if classification.kind is Kind.OTHER:
        diagnostics.warning(source.name, None, "dokumenttypen kunde inte avgöras ur texten; "
                            "en enkel sida skapas (ange `kind:` i front matter)")
    return classification.kind


def _date(source: SourceFile, kind: Kind, diagnostics: Diagnostics) -> DocumentDate:
    if "date" in source.meta:
        try:
            date = date_from_meta(source.meta["date"])
        except ValueError as error:
            diagnostics.error(source.name, 1, f"ogiltigt `date` i front matter: {error} – datumet härleds ur texten")
        else:
            if date is not None:
                return date
    # Padding keeps the line numbers the reason cites true lines of the file.
    date = infer_date("\n" * (source.first_body_line - 1) + source.body, kind)
    if date.value is None:
        diagnostics.warning(source.name, None, "inget datum kunde härledas; ange `date:` i front matter")
    return date


def _network(source: SourceFile, settings: Settings) -> str:
    value = source.meta.get("network")
    if isinstance(value, str) and value.strip():
        return value.strip()
    for network in settings.networks:
        for name in (network.name, *network.aliases):
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", source.body, re.IGNORECASE):
                return network.name
    return settings.default_network


def _title(source: SourceFile, default: str) -> str:
    value = source.meta.get("title")
    return str(value).strip() if value is not None and str(value).strip() else default


def _minutes_title(network: str, date: DocumentDate) -> str:
    where = f"Möte i {network}" if network else "Möte"
    return f"{where}, {format_date(date)}" if date.value else f"{where} (odaterat)"
