"""Words that look like abbreviations but are not in the glossary, for `arkiv check`."""

from __future__ import annotations

import re
from typing import Iterable

from generator.model.knowledge import Glossary


MIN_ABBREVIATION = 2


MAX_ABBREVIATION = 6


# A whole word of MIN_ABBREVIATION to MAX_ABBREVIATION characters that begins with a letter
# (longer and shorter words are no abbreviations: not even looked at).
_WORD = re.compile(rf"(?<!\w)[^\W\d_]\w{{{MIN_ABBREVIATION - 1},{MAX_ABBREVIATION - 1}}}(?!\w)")


_ROMAN = re.compile(r"(?=[MDCLXVI]{2,}$)M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def looks_like_abbreviation(token: str) -> bool:
    """2-6 letters/digits, beginning with a letter, with at least two capitals, and either
    all letters capitals (`PULS`, `SPIRA`, `ÅB`) or a capital after the first letter
    (`FoU`, `BRvux`, `ArbNär`). Roman numerals (`II`, `VI`, `XIV`) are not abbreviations."""
    if not (MIN_ABBREVIATION <= len(token) <= MAX_ABBREVIATION) or not token[0].isalpha():
        return False
    if token[1:].islower():  # at most one capital (quick test for most words)
        return False
    if not token.isalnum():
        return False
    capitals = [c for c in token if c.isupper()]
    if len(capitals) < 2:
        return False
    letters = [c for c in token if c.isalpha()]
    if not (all(c.isupper() for c in letters) or any(c.isupper() for c in token[1:])):
        return False
    return not _ROMAN.fullmatch(token)


def find_unknown_abbreviations(text: str, glossary: Glossary,
                               ignore: Iterable[str] = ()) -> list[tuple[str, int]]:
    """Words of `text` that look like abbreviations (`looks_like_abbreviation`) but are not
    in the glossary, each distinct spelling once, with the offset of its first occurrence,
    in order of appearance.

    Not reported: known abbreviations, also with a Swedish ending (`DUAN`, `SFIn`); words
    in `ignore`, compared in any case (pass the registered municipality and organisation
    names, so that `BORÅS` in a signature is not reported); words on a line without any
    lower-case letter (headings and signature lines such as `EJ NÄRVARANDE`); Roman
    numerals; words inside web or e-mail addresses.
    """
    ignored = {word.casefold() for word in ignore}
    addresses = [m.span() for m in _ADDRESS.finditer(text)]
    found: dict[str, int] = {}
    offset = 0
    for line in text.splitlines(keepends=True):
        if any(c.islower() for c in line):
            for match in _WORD.finditer(line):
                token = match.group()
                at = offset + match.start()
                if token in found or not looks_like_abbreviation(token):
                    continue
                if token.casefold() in ignored or glossary.knows(token):
                    continue
                if any(s <= at < e for s, e in addresses):
                    continue
                found[token] = at
        offset += len(line)
    return list(found.items())
