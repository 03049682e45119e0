"""Personal names compared as the archive compares them: spacing normalised, case folded,
and the rules for spellings that are safely the same person (one letter apart; a hyphen
or a space between two name parts).

Shared by read (hiding people at the text level) and resolve (who is who).
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

MIN_FUZZY_PART = 5  # `Lind`/`Lund` are two common surnames: short parts must match exactly


def normalise_name(name: str) -> str:
    return " ".join(name.split())


def name_key(name: str) -> str:
    return normalise_name(name).casefold()


def one_letter_apart(a: str, b: str) -> tuple[int, str, str] | None:
    """(index, part a, part b) when the names differ by one letter in exactly one part,
    and that part has at least MIN_FUZZY_PART letters."""
    parts_a, parts_b = a.split(), b.split()
    if len(parts_a) != len(parts_b):
        return None
    differing = [(i, x, y) for i, (x, y) in enumerate(zip(parts_a, parts_b)) if x.casefold() != y.casefold()]
    if len(differing) == 1 and Levenshtein.distance(differing[0][1].casefold(), differing[0][2].casefold()) == 1 \
            and min(len(differing[0][1]), len(differing[0][2])) >= MIN_FUZZY_PART:
        return differing[0]
    return None


def hyphen_or_space(a: str, b: str) -> bool:
    """The same name but for a hyphen or a space between two parts (`Lipovskaja-Nilsson`,
    `Lipovskaja Nilsson`): one spelling, written two ways."""
    return a != b and name_key(a.replace("-", " ")) == name_key(b.replace("-", " "))
