"""Street words (`data/gatuadresser.yml`): what makes capitalised words before a house
number a street address rather than a person's name."""

from __future__ import annotations

import re
from pathlib import Path

from generator.knowledge.datafiles import Fields, KnowledgeError, load_yaml


def read_street_address(path: Path) -> re.Pattern[str]:
    """A pattern that, matched where a candidate's last word starts, says the word ends in
    a street suffix and a house number follows (`Personsgatan 8`, `Storgatan 12B`)."""
    fields = Fields(path, load_yaml(path))
    suffixes = fields.texts("street_suffixes")
    bad = [s for s in suffixes if not s.isalpha() or s != s.lower()]
    if bad:
        raise KnowledgeError(f"{path}: street_suffixes: {', '.join(map(repr, bad))} is not a lower-case word")
    alternation = "|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    return re.compile(rf"[^\W\d_]*(?:{alternation})\s+\d{{1,4}}(?:\s?[A-Za-z])?(?:\s*[-–]\s*\d{{1,4}})?(?![\w:.]\d)",
                      re.IGNORECASE)
