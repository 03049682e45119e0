"""Knowledge: the data files an editor can extend, loaded and validated once per build.

Takes: a data folder (by default `generator/data/`: registers, vocabularies, alias lists).
Gives: one frozen `Knowledge` value that parse and resolve receive as an argument; no
module keeps a data file of its own, so a test or a second archive in the same process
can use other data. Every problem in every file is reported at once, as a
`KnowledgeError` whose lines name the file and the line or key.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

from generator.knowledge.agreement_terms import AgreementTerms, read_agreement_terms
from generator.knowledge.article_terms import ArticleTerms, read_article_terms
from generator.knowledge.associations import read_associations
from generator.knowledge.datafiles import DATA_DIR, KnowledgeError
from generator.knowledge.date_cues import DateCues, read_date_cues
from generator.knowledge.first_names import read_first_names
from generator.knowledge.glossary import read_glossary
from generator.knowledge.minutes_terms import MinutesTerms, read_minutes_terms
from generator.knowledge.kind_cues import KindCues, read_kind_cues
from generator.knowledge.registers import Registers, read_registers
from generator.knowledge.street_words import read_street_address
from generator.knowledge.topics import read_topics
from generator.knowledge.wording import DecisionWording, read_decision_wording
from generator.model.knowledge import Association, Glossary, Topic

FILES = {
    "municipalities": "kommuner.csv",
    "organisations": "organisationer.yml",
    "associations": "samverkan.yml",
    "topics": "amnen.yml",
    "glossary": "ordlista.yml",
    "date_cues": "date_cues.yml",
    "wording": "beslutsformuleringar.yml",
    "first_names": "fornamn.txt",
    "agreement_terms": "agreement_terms.yml",
    "article_terms": "article_boilerplate.yml",
    "minutes_terms": "protokoll.yml",
    "kind_cues": "kind_cues.yml",
    "street_address": "gatuadresser.yml",
}

__all__ = ["DATA_DIR", "Knowledge", "KnowledgeError", "load_knowledge"]


@dataclass(frozen=True)
class Knowledge:
    """Everything the archive knows beyond the documents themselves."""

    registers: Registers
    associations: tuple[Association, ...]
    topics: tuple[Topic, ...]
    glossary: Glossary
    date_cues: DateCues
    wording: DecisionWording
    first_names: frozenset[str]
    agreement_terms: AgreementTerms
    article_terms: ArticleTerms
    minutes_terms: MinutesTerms
    kind_cues: KindCues
    street_address: re.Pattern[str]  # a street name and house number, never a person
    fingerprint: str  # of the data files' bytes: a parse result is valid only for the same knowledge

    @property
    def month_names(self) -> dict[int, str]:
        """The month names shown to readers, by number."""
        return self.date_cues.month_names


_T = TypeVar("_T")


def load_knowledge(data_dir: Path = DATA_DIR) -> Knowledge:
    """Read and check every data file; raise one KnowledgeError listing every problem."""
    data_dir = Path(data_dir)
    problems: list[str] = []

    def attempt(read: Callable[[], _T]) -> _T | None:
        try:
            return read()
        except KnowledgeError as error:
            problems.extend(error.problems)
            return None

    path = {key: data_dir / name for key, name in FILES.items()}
    registers = attempt(lambda: read_registers(path["municipalities"], path["organisations"]))
    cues = attempt(lambda: read_date_cues(path["date_cues"]))
    known = {a for m in registers.municipalities for a in m.associations} if registers else set()
    values = {
        "associations": attempt(lambda: read_associations(path["associations"], known)) if registers else None,
        "topics": attempt(lambda: read_topics(path["topics"])),
        "glossary": attempt(lambda: read_glossary(path["glossary"])),
        "wording": attempt(lambda: read_decision_wording(path["wording"])),
        "first_names": attempt(lambda: read_first_names(path["first_names"])),
        "agreement_terms": attempt(lambda: read_agreement_terms(path["agreement_terms"], cues)) if cues else None,
        "article_terms": attempt(lambda: read_article_terms(path["article_terms"])),
        "minutes_terms": attempt(lambda: read_minutes_terms(path["minutes_terms"])),
        "kind_cues": attempt(lambda: read_kind_cues(path["kind_cues"])),
        "street_address": attempt(lambda: read_street_address(path["street_address"])),
    }
    if problems:
        raise KnowledgeError(problems)
    digest = hashlib.sha256()
    for key in sorted(path):
        digest.update(key.encode() + b"\0" + path[key].read_bytes() + b"\0")
    return Knowledge(registers=registers, date_cues=cues, fingerprint=digest.hexdigest(), **values)
