"""Reading the built search index (sok/, generator/render/search.py) back in tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

_CALL = re.compile(r"^arkivSok\.(\w+)\((.*)\);\n$", re.S)


def call(path: Path) -> tuple[str, list]:
    """`arkivSok.d(3,[...]);` -> ("d", [3, [...]])."""
    match = _CALL.match(path.read_text(encoding="utf-8"))
    assert match, f"{path}: not an arkivSok.<name>(...) call"
    return match.group(1), json.loads(f"[{match.group(2)}]")


def manifest(site: Path) -> dict:
    return call(site / "sok" / "index.js")[1][0]


def entries(site: Path) -> list[dict]:
    """Every entry, in index order: url, title, kind (code), context, text."""
    m = manifest(site)
    codes = [code for code, _label in m["kinds"]]
    found = []
    for number in range((m["entries"] + m["chunk"] - 1) // m["chunk"]):
        name, (index, rows) = call(site / "sok" / "d" / f"{number}.js")
        assert name == "d" and index == number
        found += [{"url": r[0], "title": r[1], "kind": codes[r[2]], "context": r[3], "text": r[4]} for r in rows]
    assert len(found) == m["entries"]
    return found
