"""Read source documents: decode bytes, normalise newlines, split off YAML front matter.

Problems are returned as diagnostics; a file that cannot be read yields None and the
build goes on with the others.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import yaml
from frontmatter.default_handlers import YAMLHandler

from generator.model import Diagnostics, SourceFile

SOURCE_SUFFIXES = (".txt", ".md", ".text")
MAX_FILE_BYTES = 20 * 1024 * 1024
# Front matter is a block fenced by `---` lines at the very start of the file.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_YAML = YAMLHandler()


def list_sources(source_dir: Path) -> list[Path]:
    """Source documents in a stable order; the editor's settings file is not a document."""
    return sorted(
        (p for p in source_dir.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES),
        key=lambda p: p.relative_to(source_dir).as_posix(),
    )


def decode(data: bytes) -> tuple[str, str]:
    """Decoded text and the name of the encoding used.

    UTF-8 (with or without BOM) and UTF-16 with BOM are exact; anything else that is not
    valid UTF-8 is read as Windows-1252, the encoding of Swedish Word exports.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_source(path: Path, source_dir: Path, diagnostics: Diagnostics) -> SourceFile | None:
    name = path.relative_to(source_dir).as_posix()
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        diagnostics.error(name, None, f"filen är {size} byte; gränsen är {MAX_FILE_BYTES} byte – hoppas över")
        return None
    data = path.read_bytes()
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        diagnostics.error(name, None, "filen innehåller binära data (NUL-byte), inte text – hoppas över")
        return None
    text, encoding = decode(data)
    if encoding == "cp1252":
        diagnostics.warning(name, None, "filen är inte UTF-8; läst som Windows-1252")
    text = normalise_newlines(text)
    if not text.strip():
        diagnostics.warning(name, None, "filen är tom – ingen sida skapas")
        return None

    meta: dict = {}
    body, first_body_line = text, 1
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = _YAML.load(match.group("yaml") or "")
        except yaml.YAMLError as error:
            line = getattr(getattr(error, "problem_mark", None), "line", None)
            diagnostics.error(name, (line + 2) if line is not None else 1,
                              f"ogiltig YAML i front matter: {error.__class__.__name__} – front matter ignoreras")
            loaded = {}
        if loaded is not None and not isinstance(loaded, dict):
            diagnostics.error(name, 1, "front matter måste vara en YAML-mappning (nyckel: värde) – ignoreras")
            loaded = {}
        meta = loaded or {}
        body = text[match.end():]
        first_body_line = text[: match.end()].count("\n") + 1

    return SourceFile(path=path, name=name, raw=text, body=body, meta=meta,
                      first_body_line=first_body_line, encoding=encoding)
