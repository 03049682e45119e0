"""The Nu HTML Checker (vnu.jar from npm `vnu-jar`), run once over many files."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

from tests.quality.allowed import VNU_ALLOWED, Allowed
from tests.quality.tools import VNU_JAR, require, require_java

GATED_TYPES = {"error", "warning"}  # "info" messages are reported, not gated


@dataclasses.dataclass(frozen=True)
class VnuMessage:
    file: Path
    type: str  # error | warning | info (non-document errors count as errors)
    message: str
    extract: str = ""
    line: int | None = None
    column: int | None = None

    def rel(self, root: Path) -> str:
        try:
            return self.file.relative_to(root).as_posix()
        except ValueError:
            return str(self.file)

    def format(self, root: Path) -> str:
        where = self.rel(root)
        if self.line is not None:
            where += f":{self.line}:{self.column or 0}"
        extract = " ".join(self.extract.split())
        return f"{where}: {self.type}: {self.message}" + (f"\n      at: {extract[:160]}" if extract else "")


def run_vnu(files: list[Path]) -> list[VnuMessage]:
    """One JVM for all files (start-up is most of the cost)."""
    java = require_java()
    jar = require(VNU_JAR, "the Nu HTML Checker (npm vnu-jar)")
    cmd = [java, "-jar", str(jar), "--format", "json", "--stdout", "--skip-non-html",
           *[str(Path(f).resolve()) for f in files]]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise RuntimeError(
            f"vnu did not answer with JSON (exit {proc.returncode}): {exc}\n"
            f"stdout: {proc.stdout[:2000]}\nstderr: {proc.stderr[:2000]}"
        ) from exc
    messages = []
    for m in data.get("messages", []):
        kind = m.get("type", "error")
        if kind == "info":
            kind = "warning" if m.get("subType") == "warning" else "info"
        elif kind != "error":  # non-document-error: the file could not be checked at all
            kind = "error"
        url = m.get("url", "")
        path = Path(urllib.request.url2pathname(urllib.parse.urlsplit(url).path)) if url else Path("?")
        messages.append(VnuMessage(
            file=path, type=kind, message=m.get("message", ""), extract=m.get("extract", ""),
            line=m.get("lastLine"), column=m.get("firstColumn"),
        ))
    return messages


@dataclasses.dataclass
class Verdict:
    """Messages sorted into: unexpected (gate fails), allowlisted theme messages, info."""

    unexpected: list[VnuMessage]
    allowed: dict[Allowed, list[VnuMessage]]
    info: list[VnuMessage]

    def report(self, root: Path) -> str:
        lines = []
        counts = Counter((m.type, m.message) for m in self.unexpected)
        lines.append(f"{len(self.unexpected)} unexpected vnu message(s) "
                     f"({len(counts)} distinct; fix the template/content, or - only for a theme "
                     f"message we cannot change - allowlist it with its reason in tests/quality/allowed.py):")
        for m in self.unexpected:
            lines.append("  " + m.format(root))
        lines.append("By message:")
        for (kind, message), n in counts.most_common():
            lines.append(f"  {n} x {kind}: {message}")
        return "\n".join(lines)


def matches(allowed: Allowed, message: VnuMessage, root: Path) -> bool:
    return (re.search(allowed.message, message.message) is not None
            and re.search(allowed.extract, message.extract or "") is not None
            and re.search(allowed.page, message.rel(root)) is not None)


def judge(messages: list[VnuMessage], root: Path, allowlist=VNU_ALLOWED, known=()) -> Verdict:
    """Sort messages; `known` are generator findings tracked by a strict xfail elsewhere."""
    verdict = Verdict([], {a: [] for a in allowlist}, [])
    for m in messages:
        if m.type not in GATED_TYPES:
            verdict.info.append(m)
            continue
        rule = next((a for a in (*allowlist, *known) if matches(a, m, root)), None)
        if rule is None:
            verdict.unexpected.append(m)
        elif rule in verdict.allowed:
            verdict.allowed[rule].append(m)
    return verdict
