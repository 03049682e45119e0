"""Given names that let a person be recognised in running text (`data/fornamn.txt`)."""

from __future__ import annotations

from pathlib import Path

from generator.knowledge.datafiles import KnowledgeError


def read_first_names(path: Path) -> frozenset[str]:
    """Whitespace-separated names; lines starting with `#` are comments."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise KnowledgeError(f"{path}: cannot read: {error}") from None
    names: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("#"):
            continue
        for name in line.split():
            if not name[0].isupper() or not name.replace("-", "").isalpha():
                raise KnowledgeError(f"{path}:{number}: {name!r} is not a capitalised given name")
            names.add(name)
    return frozenset(names)
