"""Text out of Word, OpenDocument, RTF and PDF files, in a separate process with bounded
time and memory.

`extract_isolated(data, format)` runs `python -m generator.read.extract FORMAT` with the
file's bytes on standard input: the child sets its own memory limit, the parent waits at
most `TIMEOUT` seconds and then ends the child and everything it started (tesseract). A
file that is corrupt, encrypted, too large or too slow gives one ReadProblem with a Swedish
message; it never takes the build down. The text is written in the layout of
generator/read/layout.py, so every parser rule applies to it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field

from generator.read.word import ReadProblem

# suffix -> format; the format is also the `source_format` of the export
BINARY_FORMATS = {".docx": "docx", ".pdf": "pdf", ".odt": "odt", ".rtf": "rtf", ".doc": "doc"}
FORMAT_NAMES = {"docx": "Word", "pdf": "PDF", "odt": "OpenDocument", "rtf": "RTF", "doc": "Word 97–2003",
                "txt": "text", "md": "Markdown"}
TIMEOUT = 300  # seconds for one file, OCR included
MEMORY_LIMIT = 2 * 1024 ** 3  # bytes of address space for the reading process

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OFFICE = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class Extracted:
    text: str
    format: str
    pages: int | None = None
    ocr_pages: int = 0
    ocr_confidence: float | None = None  # 0-100, mean over the OCR-read characters
    notes: tuple[str, ...] = field(default_factory=tuple)


def _what(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return "en PDF-fil"
    if data.startswith(b"PK\x03\x04"):
        return "en zip-fil"
    if data.startswith(_OLE):
        return "ett äldre Office-dokument"
    if data.lstrip().startswith(b"{\\rtf"):
        return "ett RTF-dokument"
    return "något annat"


def _check_signature(data: bytes, fmt: str) -> None:
    if fmt in ("docx", "doc") and data.startswith(_OLE):
        if _ENCRYPTED_OFFICE in data[:1024 * 1024]:
            raise ReadProblem("Word-filen är lösenordsskyddad (krypterad) – spara en kopia utan lösenord "
                              "och lägg in den i stället")
        raise ReadProblem("filen är i Words äldre format (.doc), som inte kan läsas – öppna den i Word "
                          "och spara den som .docx")
    if fmt == "doc":
        raise ReadProblem(f"filen heter .doc men är {_what(data)} – hoppas över")
    expected = {"docx": b"PK\x03\x04", "odt": b"PK\x03\x04", "pdf": b"%PDF-", "rtf": b"{\\rtf"}[fmt]
    if not data.lstrip(b" \t\r\n\x00\xef\xbb\xbf").startswith(expected) and not (fmt == "pdf" and b"%PDF-" in data[:1024]):
        suffix = {"docx": ".docx", "odt": ".odt", "pdf": ".pdf", "rtf": ".rtf"}[fmt]
        raise ReadProblem(f"filen heter {suffix} men är {_what(data)} – den kan inte läsas som "
                          f"{FORMAT_NAMES[fmt]}-fil; hoppas över")


def extract(data: bytes, fmt: str) -> Extracted:
    """In this process (the worker calls it); raises ReadProblem."""
    _check_signature(data, fmt)
    if fmt == "docx":
        from generator.read.word import read_docx

        return Extracted(read_docx(data), fmt)
    if fmt == "odt":
        from generator.read.opendocument import read_odt

        return Extracted(read_odt(data), fmt)
    if fmt == "rtf":
        from generator.read.rtf import read_rtf

        return Extracted(read_rtf(data), fmt)
    from generator.read.pdf import read_pdf

    found = read_pdf(data)
    return Extracted(found.text, fmt, found.pages, found.ocr_pages,
                     round(found.ocr_confidence, 1) if found.ocr_confidence is not None else None, tuple(found.notes))


def extract_isolated(data: bytes, fmt: str, timeout: float | None = None) -> Extracted:
    """In a child process with a memory limit and a time limit; raises ReadProblem."""
    _check_signature(data, fmt)  # the cheap checks need no process
    limit = TIMEOUT if timeout is None else timeout
    env = dict(os.environ, OMP_THREAD_LIMIT="1", PYTHONDONTWRITEBYTECODE="1")
    process = subprocess.Popen([sys.executable, "-m", "generator.read.extract", fmt], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    try:
        out, err = process.communicate(data, timeout=limit)
    except subprocess.TimeoutExpired:
        _end(process)
        raise ReadProblem(f"läsningen tog mer än {limit:g} sekunder och avbröts – hoppas över "
                          "(är filen mycket stor, eller skannad med många sidor?)") from None
    finally:
        _end(process)
    try:
        answer = json.loads(out.decode("utf-8"))
    except ValueError:
        tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"slutkod {process.returncode}"]
        if "MemoryError" in tail[0] or process.returncode in (-signal.SIGKILL, -signal.SIGSEGV):
            raise ReadProblem(f"läsningen behövde mer än {MEMORY_LIMIT // 1024 ** 3} GB minne och avbröts – "
                              "hoppas över") from None
        raise ReadProblem(f"filen kunde inte läsas ({tail[0][:200]}) – hoppas över") from None
    if "error" in answer:
        raise ReadProblem(answer["error"])
    return Extracted(answer["text"], answer["format"], answer.get("pages"), answer.get("ocr_pages", 0),
                     answer.get("ocr_confidence"), tuple(answer.get("notes", ())))


def _end(process: subprocess.Popen) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        process.wait()


def _worker(fmt: str) -> int:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):
        pass
    data = sys.stdin.buffer.read()
    try:
        found = extract(data, fmt)
        answer = {"text": found.text, "format": found.format, "pages": found.pages, "ocr_pages": found.ocr_pages,
                  "ocr_confidence": found.ocr_confidence, "notes": list(found.notes)}
    except ReadProblem as problem:
        answer = {"error": str(problem)}
    except MemoryError:
        answer = {"error": f"läsningen behövde mer än {MEMORY_LIMIT // 1024 ** 3} GB minne och avbröts – hoppas över"}
    except Exception as error:  # a reader library failing on a broken file
        answer = {"error": f"filen kunde inte läsas ({error.__class__.__name__}: {str(error)[:200]}) – hoppas över"}
    sys.stdout.buffer.write(json.dumps(answer, ensure_ascii=False).encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(_worker(sys.argv[1]))
