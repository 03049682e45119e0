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


def read_decision_wording(path: Path) -> DecisionWording:
    fields = Fields(path, load_yaml(path) or {})
    return DecisionWording(
        patterns=tuple(fields.regex("patterns", p, re.IGNORECASE) for p in fields.texts("patterns")),
        not_if=tuple(fields.regex("not_if", p, re.IGNORECASE) for p in fields.texts("not_if")),
    )
