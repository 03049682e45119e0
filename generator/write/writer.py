"""Write generated files into docs/ safely.

- only inside docs/, never over a file the generator did not write (hand-written pages);
- a file is written only when its bytes change, so `mkdocs serve` does not rebuild forever;
- each write is atomic (temporary file + rename), so an interrupted build leaves the
  previous docs/ usable;
- the manifest lists what the generator wrote; only files from the previous manifest
  that are no longer generated are removed.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterable

from generator.model import Diagnostics
from generator.model.errors import ArkivError

MANIFEST = ".arkiv-manifest.json"


class WriteError(ArkivError):
    """A path the generator must not write (outside docs/, or written twice)."""


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def new_file_mode() -> int:
    """The mode `open()` gives a new file under the process's umask: read from
    /proc/self/status where there is one, since elsewhere reading the umask means setting it
    for a moment (and another thread could create a file in that moment)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            mask = next(int(line.split()[1], 8) for line in status if line.startswith("Umask:"))
    except (OSError, StopIteration, ValueError, IndexError):
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def write_if_changed(path: Path, data: bytes, new_mode: int | None = None) -> bool:
    """Atomically write `data` to `path` unless it already holds exactly these bytes. The
    file keeps its mode, or gets a new file's (`new_mode`, else `new_file_mode()`): the
    temporary file's own mode, 0600, would hide docs/ and the address ledger from everyone
    else on a shared drive."""
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = new_file_mode() if new_mode is None else new_mode
    else:
        if path.read_bytes() == data:
            return False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def safe_relative(path: str) -> PurePosixPath:
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts or path != relative.as_posix():
        raise WriteError(f"vägrar skriva {path!r}: sökvägen måste ligga inom docs/")
    return relative


def read_manifest(docs_dir: Path) -> set[str]:
    path = docs_dir / MANIFEST
    try:
        return set(json.loads(path.read_text(encoding="utf-8"))["files"])
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        return set()


def write_tree(docs_dir: Path, files: dict[str, bytes], diagnostics: Diagnostics,
               kept: Iterable[str] = ()) -> WriteReport:
    """Write `files` (docs/-relative path -> bytes) and remove what the last build wrote and
    this one does not. `kept`: files this build also makes that the caller knows are in
    docs/ exactly as the last build wrote them (checked by size and time); they are neither
    read nor written."""
    report = WriteReport()
    previous = read_manifest(docs_dir)
    docs_dir.mkdir(parents=True, exist_ok=True)
    owned: list[str] = [*kept]
    report.unchanged.extend(kept)
    mode = new_file_mode()
    for name in sorted(files):
        target = docs_dir / safe_relative(name)
        if target.exists() and name not in previous and target.read_bytes() != files[name]:
            diagnostics.error(f"docs/{name}", None, "filen finns redan och är inte skapad av arkivet "
                              "(handskriven sida?) – den skrivs inte över")
            report.refused.append(name)
            continue
        owned.append(name)
        (report.written if write_if_changed(target, files[name], mode) else report.unchanged).append(name)

    for name in sorted(previous - set(owned)):
        try:
            target = docs_dir / safe_relative(name)
        except WriteError:
            continue
        if target.is_file():
            target.unlink()
            report.removed.append(name)
            _remove_empty_parents(target.parent, docs_dir)

    report.unchanged.sort()
    manifest = json.dumps({"files": sorted(owned)}, ensure_ascii=False, indent=1) + "\n"
    write_if_changed(docs_dir / MANIFEST, manifest.encode("utf-8"))
    return report


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
