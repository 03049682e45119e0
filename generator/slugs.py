"""Swedish slug rules, in one place: `Åsa Öberg` -> `asa-oberg`."""

from __future__ import annotations

import re
import unicodedata

_SWEDISH = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "a", "Ä": "a", "Ö": "o"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG_LENGTH = 80


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """Lower-case ASCII words joined by `-`; other accented letters lose their accents."""
    text = text.translate(_SWEDISH)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


def unique_slug(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`, ... whichever is not yet in `taken` (then reserved)."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate
