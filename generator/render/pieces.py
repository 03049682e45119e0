"""Per-document pieces of the archive-wide files, remembered between builds.

The export (data/arkiv.json) and the search index depend on every document, so a build
makes them anew. Most of their work is done per document, though (a document's line in the
export; its search entries and their words), and such a piece depends only on the document
and the archive's naming, as a document page does (render.site.naming_digest). A build
takes the piece from the last build when both are unchanged, under a key of the two.

A file's maker takes a `PerDocument`: it wraps the function that makes one document's
piece, and may answer from memory instead of calling it.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from typing import Callable, Mapping, TypeVar

from generator.model.corpus import Page

_T = TypeVar("_T")
PerDocument = Callable[[Callable[[Page], _T]], Callable[[Page], _T]]


def each_time(make: Callable[[Page], _T]) -> Callable[[Page], _T]:
    """The PerDocument that remembers nothing."""
    return make


@dataclass(frozen=True)
class PieceStore:
    """Where one kind of piece is kept between builds (the build's cache provides it):
    `load()` gives the last build's pieces by key, `keep(pieces)` keeps this build's."""

    load: Callable[[], Mapping[str, bytes]] = dict
    keep: Callable[[dict[str, bytes]], None] = lambda pieces: None


@dataclass
class Remembered:
    """A PerDocument over a store: a page's piece is taken from the store when its key
    (`key_of(page)`) is there, else made; `keep()` stores the pieces this build used (and
    only those). The store is read on first use, in the process that makes the file.
    Pieces are kept pickled one by one, so that keeping them again costs no more than
    pickling the few that were made anew."""

    store: PieceStore
    key_of: Callable[[Page], str]
    used: dict[str, bytes] = field(default_factory=dict)

    def __call__(self, make: Callable[[Page], _T]) -> Callable[[Page], _T]:
        known: Mapping[str, bytes] | None = None

        def piece(page: Page) -> _T:
            nonlocal known
            if known is None:
                known = self.store.load()
            key = self.key_of(page)
            data = known.get(key)
            if data is None:
                made = make(page)
                self.used[key] = pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
                return made
            self.used[key] = data
            return pickle.loads(data)

        return piece

    def keep(self) -> None:
        self.store.keep(self.used)
