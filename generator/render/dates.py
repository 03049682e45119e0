"""A document's date as every page shows it: an estimate always says so, with its reason."""

from __future__ import annotations

from typing import Mapping

from generator.display import format_date
from generator.model import DateSource, DocumentDate
from generator.render import text as t

LABELS = {
    DateSource.FRONT_MATTER: "Datum",
    DateSource.TEXT: "Datum (enligt texten)",
    DateSource.INFERRED: "Datum (uppskattat)",
}


def date_label(date: DocumentDate) -> str:
    return LABELS[date.source]


def date_cell(date: DocumentDate, months: Mapping[int, str]) -> str:
    """Markdown for a date in a table or list; an estimate is marked `(uppskattat)` and
    explains itself on hover."""
    text = t.cell(format_date(date, months))
    if date.inferred and date.value:
        return f'<span class="arkiv-datum" title="{t.attr(date.reason)}">{text} (uppskattat)</span>'
    return text


def date_plain(date: DocumentDate, months: Mapping[int, str]) -> str:
    """The date as plain text (link labels, feeds): an estimate is marked `(uppskattat)`."""
    text = format_date(date, months)
    return f"{text} (uppskattat)" if date.inferred and date.value else text
