"""Whose minutes these are: the network, board or group named in the document's header.

The title lines at the top (before the attendance list or the first item) are read one
by one: a line's words that say what the document is (`Minnesanteckningar`, `Protokoll
fört vid möte med`, data/protokoll.yml) and its dates are set aside, the line is cut at
` – ` and `,`, and a piece that is a network's name decides. A configured network
(source/arkiv.yml) is known by its name or an alias, also followed by the publisher's
name (`AME-nätverket inom Göteborgsregionen`); any other piece holding a word that names
a network or group (`Kompetensnätverket i Fyrbodal`, `Styrgruppen för DUA i Vänersborg`)
is a network the settings do not know yet, kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.knowledge.minutes_terms import MinutesTerms
from generator.read.config import Settings

_TOP_LINES = 8
_SEPARATORS = re.compile(r"\s+[–—-]\s+|,\s*|\s{2,}|\t|\|")
_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}(?:\s*-?\s*\d{4})?\b"
                   r"|\b(?:den\s+)?\d{1,2}(?::[ae])?\s+[a-zåäö]+\.?\s+\d{4}\b|\b(?:19|20)\d{2}\b", re.IGNORECASE)
_EDGES = " .,:;–—-|*#"


@dataclass(frozen=True)
class NetworkName:
    name: str  # the configured name, or the name as written in the header
    configured: bool
    written: str
    line: int  # line of the body (1-based)


def _key(text: str) -> str:
    return " ".join(re.sub(r"[\s\-–]+", " ", text).split()).casefold()


def publisher_forms(settings: Settings) -> list[str]:
    """`Göteborgsregionen (GR)` -> [`Göteborgsregionen`, `GR`]."""
    forms = [f.strip() for f in re.split(r"[()]", settings.publisher) if f.strip()]
    return forms


def configured_network(text: str, settings: Settings) -> str | None:
    """The configured network `text` names (its name or an alias, alone or followed by
    `i`/`inom` and the publisher's name), or None."""
    candidates = {_key(text)}
    for form in publisher_forms(settings):
        for joiner in ("i", "inom", "på", "hos"):
            suffix = f" {joiner} {_key(form)}"
            candidates |= {c.removesuffix(suffix) for c in candidates if c.endswith(suffix)}
    for network in settings.networks:
        if any(_key(name) in candidates for name in (network.name, *network.aliases)):
            return network.name
    return None


def network_in_header(body: str, settings: Settings, terms: MinutesTerms, stop) -> NetworkName | None:
    """The network the header names. `stop(line)` tells where the header ends (the
    attendance list or the first item)."""
    seen = 0
    for number, raw in enumerate(body.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > _TOP_LINES or stop(line):
            return None
        if terms.header_label.match(line):
            continue
        cleaned = _DATE.sub(" ", terms.document_type.sub(" ", line))
        for piece in _SEPARATORS.split(cleaned):
            piece = " ".join(piece.split()).strip(_EDGES)
            piece = terms.board_of.sub("", piece)
            if len(piece) < 3:
                continue
            name = configured_network(piece, settings)
            if name is not None:
                return NetworkName(name, True, piece, number)
            if terms.network_word.search(piece) and piece[0].isupper():
                return NetworkName(piece, False, piece, number)
            if terms.network_word.match(piece):  # `Anteckningar från nätverket för ...`: its name
                return NetworkName(piece[0].upper() + piece[1:], False, piece, number)
    return None
