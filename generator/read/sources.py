"""Read source documents: decode bytes, normalise newlines, split off YAML front matter;
Word, PDF (also scanned), OpenDocument and RTF files are read into text by
generator/read/extract.py.

Problems are returned as diagnostics; a file that cannot be read yields None and the
build goes on with the others.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import charset_normalizer
import yaml
from frontmatter.default_handlers import YAMLHandler

from generator.model import Diagnostics, SourceFile
from generator.read.extract import BINARY_FORMATS, FORMAT_NAMES, ReadProblem, extract_isolated

TEXT_SUFFIXES = (".txt", ".md", ".text")
SOURCE_SUFFIXES = TEXT_SUFFIXES + tuple(BINARY_FORMATS)
_ENCODING_NAMES = {"cp1252": "Windows-1252", "latin_1": "Latin-1 (ISO 8859-1)", "iso8859_15": "ISO 8859-15",
                   "cp850": "DOS (CP850)", "mac_roman": "Mac Roman", "utf_16_le": "UTF-16 LE utan BOM",
                   "utf_16_be": "UTF-16 BE utan BOM"}
# Minutes and agreements are a few kilobytes; a file this large is not one document.
MAX_FILE_BYTES = 5 * 1024 * 1024
# A Word or PDF file carries fonts and images besides its text (a scanned PDF is all image).
MAX_BINARY_BYTES = 50 * 1024 * 1024
# Below this mean OCR confidence (0-100) the editor is warned to check the text.
OCR_WARN_BELOW = 80
# Front matter is a block fenced by `---` lines at the very start of the file.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_YAML = YAMLHandler()


def list_sources(source_dir: Path) -> list[Path]:
    """Source documents in a stable order; the editor's settings file is not a document."""
    return sorted(
        (p for p in source_dir.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES),
        key=lambda p: p.relative_to(source_dir).as_posix(),
    )


def max_bytes(path: Path) -> int:
    """The largest file of this kind that is read."""
    return MAX_BINARY_BYTES if path.suffix.lower() in BINARY_FORMATS else MAX_FILE_BYTES


# Files that are not text at all, recognised by their first bytes, with what to tell the editor.
_BINARY_SIGNATURES = (
    (b"%PDF-", "en PDF-fil"),
    (b"PK\x03\x04", "ett Word-, OpenDocument-, Excel- eller zip-dokument"),
    (b"\xd0\xcf\x11\xe0", "ett äldre Word- eller Excel-dokument"),
    (b"{\\rtf", "ett RTF-dokument"),
    (b"\x89PNG", "en PNG-bild"),
    (b"\xff\xd8\xff", "en JPEG-bild"),
    (b"GIF8", "en GIF-bild"),
)
# When a file is not UTF-8, only encodings a Swedish office could have produced are tried.
_WESTERN = ["cp1252", "latin_1", "iso8859_15", "cp850", "mac_roman"]


class NotText(Exception):
    """The bytes are not a text document; the message says what they look like."""


def decode(data: bytes) -> tuple[str, str]:
    """Decoded text and the name of the encoding used.

    UTF-8 (with or without BOM) and UTF-16/32 with BOM are exact. UTF-16 without BOM and
    the Western single-byte encodings of Word exports are detected with charset-normalizer.
    Raises NotText for binary content.
    """
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise NotText(f"filen är {what}, inte text – ge den sin rätta filändelse (.pdf, .docx, .odt, .rtf) "
                          "så läses den som en sådan")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data.decode("utf-32"), "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data:
        return _utf16_without_bom(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data, cp_isolation=_WESTERN).best()
    encoding = best.encoding if best is not None else "cp1252"
    return data.decode(encoding, errors="replace"), encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str]:
    """Text with NUL bytes is UTF-16 only if it decodes cleanly with NULs in every other byte."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    encoding = "utf_16_be" if even > 0.3 * half and odd == 0 else "utf_16_le" if odd > 0.3 * half and even == 0 else None
    if encoding and len(data) % 2 == 0:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            pass
        else:
            if text.isprintable() or all(c.isprintable() or c in "\r\n\t" for c in text):
                return text, encoding
    raise NotText("filen innehåller binära data (NUL-byte), inte text – hoppas över")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_source(path: Path, source_dir: Path, diagnostics: Diagnostics, data: bytes | None = None) -> SourceFile | None:
    """The decoded source; `data` are the file's bytes when the caller has already read them."""
    name = path.relative_to(source_dir).as_posix()
    size = path.stat().st_size if data is None else len(data)
    limit = max_bytes(path)
    if size > limit:
        diagnostics.error(name, None, f"filen är {size / 1024 / 1024:.1f} MB; gränsen för ett dokument är "
                          f"{limit // 1024 // 1024} MB – hoppas över (dela upp den i flera filer)")
        return None
    if data is None:
        data = path.read_bytes()
    if path.suffix.lower() in BINARY_FORMATS:
        return _read_binary(path, name, data, BINARY_FORMATS[path.suffix.lower()], diagnostics)
    try:
        text, encoding = decode(data)
    except NotText as problem:
        diagnostics.error(name, None, f"{problem}")
        return None
    if encoding not in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        diagnostics.warning(name, None, f"filen är inte UTF-8; läst som {_ENCODING_NAMES.get(encoding, encoding)}")
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
                      first_body_line=first_body_line, encoding=encoding,
                      format="md" if path.suffix.lower() == ".md" else "txt")


def _read_binary(path: Path, name: str, data: bytes, fmt: str, diagnostics: Diagnostics) -> SourceFile | None:
    """A Word, PDF, OpenDocument or RTF file read into text (no front matter: the text is the document)."""
    if not data:
        diagnostics.warning(name, None, "filen är tom – ingen sida skapas")
        return None
    try:
        found = extract_isolated(data, fmt)
    except ReadProblem as problem:
        diagnostics.error(name, None, str(problem))
        return None
    for note in found.notes:
        diagnostics.warning(name, None, note)
    text = normalise_newlines(found.text)
    if not text.strip():
        diagnostics.warning(name, None, f"{FORMAT_NAMES[fmt]}-filen innehåller ingen text – ingen sida skapas")
        return None
    if found.ocr_pages:
        confidence = found.ocr_confidence or 0.0
        pages = "alla sidor" if found.ocr_pages == found.pages else f"{found.ocr_pages} av {found.pages} sidor"
        message = (f"skannad PDF: texten är läst med OCR ({pages}, säkerhet {confidence:.0f} %) – jämför namn, "
                   "datum och siffror med originalet")
        if confidence < OCR_WARN_BELOW:
            diagnostics.warning(name, None, message)
        else:
            diagnostics.info(name, None, message)
    return SourceFile(path=path, name=name, raw=text, body=text, meta={}, encoding="utf-8", format=fmt,
                      ocr_confidence=found.ocr_confidence if found.ocr_pages else None, ocr_pages=found.ocr_pages)
