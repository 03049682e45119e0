"""Hiding people at the text level (the editor's `people.hide` in arkiv.yml).

Before a source is parsed, every listed spelling of a hidden person's name is replaced
by `[namn dolt]`, and so is
- any spelling one letter apart from a listed one (the rule by which the archive joins
  spellings, see generator.names), so a typo does not reveal the person;
- the first name alone (`Per tipsar ...`) in a document that names the hidden person in
  full and no one else with that first name, where it can only mean them;
- an e-mail address built from a hidden surname (`per.overberg@skr.se`).
Works on one text at a time: no other document is needed.
"""

from __future__ import annotations

import re
from typing import Iterable

from generator.model import HIDDEN_NAME
from generator.names import normalise_name, one_letter_apart
from generator.slugs import slugify

HIDDEN_EMAIL = "[e-post dold]"
_NAME_WORD = r"[A-ZÅÄÖÉÜÆØ][\w'’-]*"
_CANDIDATE = re.compile(rf"(?<![\w-])({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}})(?![\w-])")


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def redact(text: str, names: list[str], first_names: list[str] = ()) -> tuple[str, int]:
    """Replace hidden people's names by [namn dolt]; returns the new text and the count.

    Full names match in any case and spacing; a first name alone only as written (the
    name `Per`, not the word `per`); an e-mail address built from a hidden surname
    (`per.overberg@skr.se`) is hidden too.
    """
    count = 0
    for name in sorted(set(names), key=len, reverse=True):
        pattern = r"\s+".join(re.escape(part) for part in name.split())
        text, n = re.subn(rf"(?<![\w-]){pattern}(?![\w-])", HIDDEN_NAME, text, flags=re.IGNORECASE)
        count += n
    for first in sorted(set(first_names), key=len, reverse=True):
        text, n = re.subn(rf"(?<![\w-]){re.escape(first)}(?![\w-])", HIDDEN_NAME, text)
        count += n
    surnames = {slugify(name.split()[-1]) for name in names if len(name.split()) > 1}
    surnames = {s for s in surnames if len(s) >= 3}

    def hide_email(match: re.Match) -> str:
        nonlocal count
        local = slugify(match.group(0).split("@")[0])
        if any(surname in local for surname in surnames):
            count += 1
            return HIDDEN_EMAIL
        return match.group(0)

    return _EMAIL.sub(hide_email, text), count


def hide_people(text: str, hidden: Iterable[str]) -> tuple[str, int]:
    """`text` with the hidden people's names replaced (see the module docstring); the count."""
    hidden = [normalise_name(name) for name in hidden if name.strip()]
    if not hidden:
        return text, 0
    spellings = set(hidden)
    for match in _CANDIDATE.finditer(text):
        candidate = normalise_name(match.group(1))
        if any(one_letter_apart(candidate, name) for name in hidden):
            spellings.add(candidate)
    named = {name.split()[0] for name in spellings
             if re.search(r"(?<![\w-])" + r"\s+".join(map(re.escape, name.split())) + r"(?![\w-])", text, re.I)}
    others = {normalise_name(m.group(1)) for m in _CANDIDATE.finditer(text)}
    others = {name for name in others if name.casefold() not in {s.casefold() for s in spellings}}
    first_names = [first for first in named
                   if not any(other.split()[0] == first for other in others)]
    return redact(text, sorted(spellings), first_names)
