"""Reading the editable data files (YAML nodes, so that problems carry line numbers) and
turning their phrase lists into patterns. Shared by the registers, topics, glossary and
the agreement and article parsers."""

from __future__ import annotations

import re
from pathlib import Path

import yaml


def scalar(node: yaml.Node | None) -> str | None:
    """A scalar's text as written (`No` stays "No", never False); null or empty -> None."""
    if node is None or not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
        return None
    return " ".join(node.value.split()) or None


def flag(node: yaml.Node | None, where: str, key: str, problems: list[str], default: bool = False) -> bool:
    """`true` or `false`; anything else is a problem reported at `where`."""
    value = scalar(node)
    if value is None:
        return default
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    problems.append(f"{where}: {key} must be true or false, not {value!r}")
    return default


def string_list(node: yaml.Node | None, path: Path, where: str, what: str, problems: list[str]) -> list[str]:
    """A list of texts (`[a, b]` or `- a` lines); each bad entry is reported with its line."""
    if node is None or isinstance(node, yaml.ScalarNode) and scalar(node) is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        problems.append(f"{where}: {what} must be a list")
        return []
    values = []
    for item in node.value:
        value = scalar(item)
        if value is None:
            problems.append(f"{path}:{item.start_mark.line + 1}: {what}: each entry must be text")
        else:
            values.append(value)
    return values


def phrase_alternation(phrases: list[str]) -> str:
    """Whole-word alternation of phrases, longest first; a space matches any whitespace run."""
    unique = sorted({str(p).strip() for p in phrases if p is not None and str(p).strip()}, key=len, reverse=True)
    escaped = [re.escape(p).replace(r"\ ", r"\s+") for p in unique]
    return r"(?<!\w)(?:" + ("|".join(escaped) or r"(?!)") + r")(?!\w)"
