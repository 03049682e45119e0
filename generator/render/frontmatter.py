"""YAML front matter, always produced by the YAML serialiser (never by string formatting)."""

from __future__ import annotations

import yaml


def front_matter(data: dict) -> str:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100000)
    return f"---\n{body}---\n"
