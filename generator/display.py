"""Dates as readers see them, in Swedish: `2 november 2020`, `september 2023`, `2021`.

Shared by parse (titles, reasons) and render. The month names come from the knowledge
files (`date_cues.yml`), passed in by the caller.
"""

from __future__ import annotations

from typing import Mapping

from generator.model import DocumentDate, Precision

UNKNOWN_DISPLAY = "okänt datum"


def format_iso(value: str | None, months: Mapping[int, str], precision: Precision | None = None) -> str:
    """An ISO prefix for display; the precision follows from its length unless given."""
    if not value:
        return UNKNOWN_DISPLAY
    parts = value.split("-")
    precision = precision or {1: Precision.YEAR, 2: Precision.MONTH, 3: Precision.DAY}.get(len(parts))
    try:
        if precision is Precision.DAY:
            return f"{int(parts[2])} {months[int(parts[1])]} {parts[0]}"
        if precision is Precision.MONTH:
            return f"{months[int(parts[1])]} {parts[0]}"
    except (IndexError, ValueError, KeyError):
        return value  # malformed value: show it as written rather than fail
    return parts[0]


def format_date(date: DocumentDate, months: Mapping[int, str]) -> str:
    """Swedish display: "2 november 2020", "september 2023", "2021" or "okänt datum"."""
    return format_iso(date.value, months, date.precision)
