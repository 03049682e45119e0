"""Regional associations of municipalities and how the archive presents them (`data/samverkan.yml`)."""

from __future__ import annotations

from pathlib import Path

from generator.knowledge.datafiles import KnowledgeError, load_yaml
from generator.model.knowledge import Association


def read_associations(path: Path, known: set[str]) -> tuple[Association, ...]:
    """`known`: the association names kommuner.csv uses; an entry naming another is a problem."""
    data = load_yaml(path) or []
    if not isinstance(data, list):
        raise KnowledgeError(f"{path}: expected a list of `- id: ...` entries")
    found: list[Association] = []
    for index, entry in enumerate(data, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"].strip():
            raise KnowledgeError(f"{path}: entry {index} needs `id: <short name>`")
        unknown = set(entry) - {"id", "title", "pages"}
        if unknown:
            raise KnowledgeError(f"{path}: entry `{entry['id']}`: unknown key `{sorted(unknown)[0]}` "
                                 "(known: id, title, pages)")
        if entry["id"] not in known:
            raise KnowledgeError(f"{path}: entry `{entry['id']}`: no municipality in kommuner.csv belongs to it")
        pages = entry.get("pages", True)
        if not isinstance(pages, bool):
            raise KnowledgeError(f"{path}: entry `{entry['id']}`: `pages` must be true or false")
        found.append(Association(entry["id"], str(entry.get("title") or entry["id"]), pages))
    return tuple(found)
