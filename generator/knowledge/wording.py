"""Wordings that state a decision without a `Beslut:` label (`data/beslutsformuleringar.yml`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.knowledge.datafiles import Fields, load_yaml


@dataclass(frozen=True)
class DecisionWording:
    patterns: tuple[re.Pattern, ...]
    not_if: tuple[re.Pattern, ...]
    # every pattern in one (None where they cannot be joined): a quick test, since most
    # sentences match none, before the patterns are tried one by one in their order
    any_pattern: re.Pattern | None = None


def joined(patterns: tuple[re.Pattern, ...]) -> re.Pattern | None:
    """One pattern that matches where any of `patterns` (all with the same flags) does."""
    if not patterns or len({p.flags for p in patterns}) != 1:
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:  # e.g. group names used twice, or numbered back-references
        return None


def read_decision_wording(path: Path) -> DecisionWording:
    fields = Fields(path, load_yaml(path) or {})
    patterns = tuple(fields.regex("patterns", p, re.IGNORECASE) for p in fields.texts("patterns"))
    return DecisionWording(
        patterns=patterns,
        not_if=tuple(fields.regex("not_if", p, re.IGNORECASE) for p in fields.texts("not_if")),
        any_pattern=joined(patterns),
    )
