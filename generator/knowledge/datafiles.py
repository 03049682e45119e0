"""Reading the editable data files (YAML nodes, so that problems carry line numbers) and
turning their phrase lists into patterns. Shared by every loader in generator.knowledge."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from generator import yamlio

from generator.model.errors import ArkivError


DATA_DIR = Path(__file__).resolve().parents[1] / "data"  # the data files shipped with the generator


class KnowledgeError(ArkivError):
    """A data file cannot be used; each problem names the file and the line or key."""


def load_yaml(path: Path) -> Any:
    """The parsed file; unreadable or invalid YAML is a KnowledgeError with its line."""
    try:
        return yamlio.load(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise KnowledgeError(f"{path}: cannot read: {error}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise KnowledgeError(f"{where}: not valid YAML: {getattr(error, 'problem', error)}") from None


class Fields:
    """The top-level keys of a YAML mapping, read with the file and key named in every problem."""

    def __init__(self, path: Path, data: Any) -> None:
        if not isinstance(data, dict):
            raise KnowledgeError(f"{path}: expected a mapping of keys (`key: value`)")
        self.path, self.data = path, data

    def value(self, key: str, kind: type | tuple[type, ...], form: str) -> Any:
        if key not in self.data:
            raise KnowledgeError(f"{self.path}: key `{key}` is missing ({form})")
        value = self.data[key]
        if not isinstance(value, kind) or isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            raise KnowledgeError(f"{self.path}: key `{key}` must be {form}")
        return value

    def texts(self, key: str) -> list[str]:
        """A list of texts (phrases); an empty entry is a problem."""
        values = self.value(key, list, "a list of texts")
        if not all(isinstance(v, (str, int, float)) and str(v).strip() for v in values):
            raise KnowledgeError(f"{self.path}: key `{key}`: every entry must be a non-empty text")
        return [str(v) for v in values]

    def mapping(self, key: str, form: str = "a mapping") -> dict:
        return self.value(key, dict, form)

    def number(self, key: str) -> int:
        return self.value(key, int, "a whole number")

    def regex(self, key: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
        try:
            return re.compile(pattern, flags)
        except re.error as error:
            raise KnowledgeError(f"{self.path}: key `{key}`: {pattern!r} is not a valid pattern ({error})") from None


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
