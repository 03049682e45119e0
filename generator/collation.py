"""Swedish alphabetical order: a–z, then å, ä, ö (Python's default puts ä before å)."""

from __future__ import annotations

import unicodedata

_ORDER = {"å": "{", "ä": "|", "ö": "}"}  # the three code points right after "z"


def swedish_key(text: str) -> str:
    folded = []
    for char in text.lower():
        if char in _ORDER:
            folded.append(_ORDER[char])
            continue
        base = unicodedata.normalize("NFKD", char)[0]  # é -> e, ü -> u (y in Swedish, close enough)
        folded.append(base)
    return "".join(folded)
