"""The build cache (`.arkiv-cache/` in the project folder, git-ignored): work a build need
not do again.

- Per source file: what reading, parsing and the per-document analysis made of it, with
  the problems they reported, keyed by the file's bytes, its name and place, and the
  build's version (the generator's code, the knowledge files, the settings). A source
  that has not changed is not read or parsed again.
- Per build: a fingerprint of every input. When it equals the last build's and every file
  that build wrote is still as it was, the build has nothing to do.
- Per generated page: the digest of what it was rendered from, so a page whose inputs
  did not change is not rendered again.
- Per document: the links found in its texts, keyed by the document and everything
  outside it that decides them (generator.resolve.linking.Linker.key); and its pieces of
  the export and the search index, keyed by the document and the archive's naming
  (generator.render.pieces).

Output never depends on the cache: a build with a cache gives the same bytes as one
without (a test checks this). A cache file that cannot be read is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from generator.write.writer import write_if_changed

CACHE_DIR = ".arkiv-cache"
_FORMAT = "1"  # bump when the layout of the cache itself changes


def code_version(package: Path) -> str:
    """A digest of the generator's own code and templates: a new version parses anew."""
    digest = hashlib.sha256(_FORMAT.encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".j2") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


@dataclass(frozen=True)
class SourceEntry:
    """What one source became: its document (None if it yielded none), its analysis, and
    the problems reported while reading, parsing and analysing it."""

    document: Any
    analysis: Any
    diagnostics: tuple[Any, ...]


class BuildCache:
    def __init__(self, root: Path, version: str) -> None:
        self.folder = root / CACHE_DIR
        self.version = version
        self._used: set[str] = set()

    # --- sources ------------------------------------------------------------------------

    def source_key(self, name: str, path: Path, data: bytes) -> str:
        return digest(self.version, name, str(path.resolve()), data)

    def _source_path(self, key: str) -> Path:
        return self.folder / "sources" / key[:2] / f"{key}.pickle"

    def load_source(self, key: str) -> SourceEntry | None:
        self._used.add(key)
        return self._load(self._source_path(key))

    def store_source(self, key: str, entry: SourceEntry) -> None:
        self._used.add(key)
        write_if_changed(self._source_path(key), pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    def prune_sources(self) -> None:
        """Forget the entries of sources that were not part of this build."""
        folder = self.folder / "sources"
        if folder.is_dir():
            for path in folder.glob("*/*.pickle"):
                if path.stem not in self._used:
                    path.unlink(missing_ok=True)

    # --- whole builds and pages -----------------------------------------------------------

    def load_build(self) -> dict | None:
        """The record of the last build: its fingerprint, what it wrote, what it reported."""
        data = self._load(self.folder / "build.pickle")
        return data if isinstance(data, dict) and data.get("version") == self.version else None

    def store_build(self, record: dict) -> None:
        write_if_changed(self.folder / "build.pickle",
                         pickle.dumps({**record, "version": self.version}, protocol=pickle.HIGHEST_PROTOCOL))

    def load_pages(self) -> dict:
        """The last build's pages: {"keys": path -> digest of its inputs, "stamps": path ->
        (size, time) as written}."""
        data = self._load(self.folder / "pages.pickle")
        return data if isinstance(data, dict) else {}

    def store_pages(self, pages: dict) -> None:
        write_if_changed(self.folder / "pages.pickle", pickle.dumps(pages, protocol=pickle.HIGHEST_PROTOCOL))

    def load_links(self) -> dict[str, tuple]:
        """Link key of a document -> the links of its texts (the last build's)."""
        return self._load_versioned("links.pickle")

    def store_links(self, links: dict[str, tuple]) -> None:
        self._store_versioned("links.pickle", links)

    def load_pieces(self, kind: str) -> dict[str, bytes]:
        """Key -> a per-document piece of the export or the search index (the last build's)."""
        return self._load_versioned(f"pieces-{kind}.pickle")

    def store_pieces(self, kind: str, pieces: dict[str, bytes]) -> None:
        self._store_versioned(f"pieces-{kind}.pickle", pieces)

    def load_annotations(self) -> dict[str, list]:
        """Digest of a built page's content -> the edits the hook made to it (last build)."""
        return self._load_versioned("annotations.pickle")

    def store_annotations(self, edits: dict[str, list]) -> None:
        self._store_versioned("annotations.pickle", edits)

    def _load_versioned(self, name: str) -> dict:
        """A mapping stored by a build of this version (empty if none, or of another version)."""
        data = self._load(self.folder / name)
        return data["data"] if isinstance(data, dict) and data.get("version") == self.version else {}

    def _store_versioned(self, name: str, data: dict) -> None:
        write_if_changed(self.folder / name,
                         pickle.dumps({"version": self.version, "data": data}, protocol=pickle.HIGHEST_PROTOCOL))

    @staticmethod
    def _load(path: Path) -> Any:
        try:
            with path.open("rb") as stream:
                return pickle.load(stream)
        except FileNotFoundError:
            return None
        except Exception:  # a damaged or outdated cache file is simply not used
            return None


def outputs_unchanged(docs_dir: Path, outputs: dict[str, tuple[int, int]]) -> bool:
    """Whether every file a build wrote into docs/ still has the size and time it had."""
    return all(output_intact(docs_dir, name, stamp) for name, stamp in outputs.items())


def output_intact(docs_dir: Path, name: str, stamp: tuple[int, int]) -> bool:
    """Whether docs/`name` still has the (size, time) `stamp` of when a build wrote it."""
    try:  # plain strings: a build checks tens of thousands of files, and Path costs more than stat
        stat = os.stat(os.path.join(os.fspath(docs_dir), name))
    except OSError:
        return False
    return (stat.st_size, stat.st_mtime_ns) == tuple(stamp)


def output_stamps(docs_dir: Path, names: Iterable[str]) -> dict[str, tuple[int, int]]:
    folder = os.fspath(docs_dir)
    stamps = {}
    for name in names:
        try:
            stat = os.stat(os.path.join(folder, name))
        except OSError:  # not written (a page that failed): nothing to reuse
            continue
        stamps[name] = (stat.st_size, stat.st_mtime_ns)
    return stamps


def settings_text(raw: dict) -> str:
    """The settings as one canonical text, for the version key."""
    return json.dumps(raw, sort_keys=True, ensure_ascii=False, default=str)
