"""YAML with libyaml's C parser when PyYAML has it (the wheels do): the same documents,
several times faster for the ledger and the data files."""

from __future__ import annotations

from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> Any:
    return yaml.load(text, Loader=LOADER)


def compose(text: str) -> yaml.Node | None:
    """The node tree (with line numbers for messages)."""
    return yaml.compose(text, Loader=LOADER)
