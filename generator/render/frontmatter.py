"""YAML front matter, always produced by the YAML serialiser (never by string formatting)."""

from __future__ import annotations

import yaml


# libyaml's emitter when PyYAML has it (the wheels do): same YAML, several times faster.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(data: dict) -> str:
    body = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=100000)
    return f"---\n{body}---\n"
