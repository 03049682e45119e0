"""The address ledger: every address the archive has published, so shared links keep working.

`source/adresser.yml` (written by every build, committed by the editor) records for each
page identity every path it has been published at, oldest first:

    dokument:        source file name      -> moten/2023-09-ame-chefsnatverket.html, ...
    personer:        a spelling of a name  -> personer/anne-bensson.html, ...
    kommuner:        SCB municipality code -> kommuner/ale.html
    organisationer:  organisation id       -> organisationer/gr.html
    amnen:           topic id              -> amnen/jobbspar.html
    delar:           a listing page        -> personer/anne-bensson/2023.html, ...

When an identity's page moves (a date becomes known, two spellings are merged, a name is
renamed), each of its old paths that no page uses any more becomes a redirect to the new
one. A person is recorded under every spelling, so when two people are merged the page of
the spelling that lost its own page redirects to the merged one. A page whose identity is
gone (a person no document names any more, a renamed organisation id) redirects to its
section's index rather than break. Hidden people are dropped from the ledger altogether:
no redirect page may carry their name.

A listing page's year parts (generator/render/parts.py) come and go with its documents: a
year whose documents are re-dated or removed, a year that shrinks from three pages to two.
`delar` records every part each listing page has published, so a part that is gone leads to
the same part of the page's new address, else to the first page of its year, else to the
listing page itself (its overview of the years). A listing page that is gone without a
redirect (a hidden person) takes its parts' record with it.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import yaml

from generator import yamlio

from generator.model import Diagnostics

LEDGER_FILE = "adresser.yml"
DOCUMENTS = "dokument"
SECTIONS = (DOCUMENTS, "personer", "kommuner", "organisationer", "amnen")  # identities
PARTS = "delar"  # listing page -> its year parts
KNOWN_SECTIONS = (*SECTIONS, PARTS)  # in the order the file lists them
# Where the page of a vanished identity sends its visitors (documents: nowhere; a deleted
# document is deleted on purpose).
FALLBACK = {"personer": "personer/index.html", "kommuner": "kommuner/index.html",
            "organisationer": "organisationer/index.html", "amnen": "amnen/index.html"}
_HEADER = """\
# Published addresses – written by every build; commit it with the sources.
# For each page (a source file, a person's spelling, a municipality code, an organisation
# or topic id): every path the archive has published it at, oldest first. When a page
# moves (a date becomes known, two people are merged), its old paths redirect to the new
# one, so links members have shared keep working. `delar`: the year pages each listing page
# has had. Do not edit by hand except to remove a document that has been deleted for good.
"""
_SITE_PATH = re.compile(r"^(?!/)(?!.*(?:^|/)\.\.?(?:/|$))[\w./-]+\.html$")


@dataclass(frozen=True)
class Ledger:
    """Section -> identity key -> published paths, oldest first."""

    sections: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)

    def history(self, section: str, key: str) -> tuple[str, ...]:
        return self.sections.get(section, {}).get(key, ())

    def last_slug(self, section: str, key: str, folder: str) -> str | None:
        """The page name `key` was last published under in `folder`, if any."""
        for path in reversed(self.history(section, key)):
            if path.startswith(f"{folder}/"):
                return path[len(folder) + 1:].removesuffix(".html")
        return None


def read_ledger(source_dir: Path, diagnostics: Diagnostics) -> Ledger:
    path = source_dir / LEDGER_FILE
    name = f"source/{LEDGER_FILE}"
    if not path.exists():
        return Ledger()
    try:
        data = yamlio.load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        diagnostics.error(name, mark.line + 1 if mark else None,
                          f"adressregistret kan inte läsas ({getattr(error, 'problem', error)}); inga omdirigeringar skapas")
        return Ledger()
    if not isinstance(data, dict):
        diagnostics.error(name, None, "adressregistret ska vara en mappning")
        return Ledger()
    if data and all(isinstance(v, list) for v in data.values()):
        data = {DOCUMENTS: data}  # the first format: documents only, at the top level
    sections: dict[str, dict[str, tuple[str, ...]]] = {}
    for section, entries in data.items():
        if section not in KNOWN_SECTIONS or not isinstance(entries, dict):
            diagnostics.error(name, None, f"okänd del `{section}` i adressregistret "
                              f"(kända: {', '.join(KNOWN_SECTIONS)}) – den hoppas över")
            continue
        kept: dict[str, tuple[str, ...]] = {}
        for key, paths in entries.items():
            if section == PARTS and not _SITE_PATH.match(str(key)):
                diagnostics.error(name, None, f"`{section}`: `{key}` är ingen sida i webbplatsen "
                                  "(en relativ sökväg som slutar på .html) – den hoppas över")
                continue
            paths = paths if isinstance(paths, list) else [paths]
            valid = []
            for site_path in map(str, paths):
                if _SITE_PATH.match(site_path):
                    valid.append(site_path)
                else:
                    diagnostics.error(name, None, f"`{section}.{key}`: `{site_path}` är ingen sida i webbplatsen "
                                      "(en relativ sökväg som slutar på .html) – den hoppas över")
            kept[str(key)] = tuple(valid)
        sections[section] = kept
    return Ledger(sections)


def ledger_text(ledger: Ledger) -> str:
    data = {section: {key: list(paths) for key, paths in sorted(ledger.sections[section].items())}
            for section in KNOWN_SECTIONS if ledger.sections.get(section)}
    body = yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                     sort_keys=False, default_flow_style=False, width=1000)
    return _HEADER + body


def reconcile(ledger: Ledger, current: Mapping[str, Mapping[str, str]],
              dropped: Iterable[tuple[str, str]] = ()) -> tuple[Ledger, dict[str, str]]:
    """The ledger after this build, and the redirects (old path -> current path).

    `current` maps section -> identity key -> the path it is published at now; `dropped`
    lists identities to forget (hidden people).
    """
    forget = set(dropped)
    live = {path for section in current.values() for path in section.values()}
    moved: dict[str, str] = {}  # old path -> the page its identity has now
    vanished: dict[str, str] = {}  # old path -> its section's index (identity gone)
    sections = {section: entries for section, entries in ledger.sections.items() if section not in SECTIONS}
    for section in SECTIONS:
        now = current.get(section, {})
        before = ledger.sections.get(section, {})
        entries: dict[str, tuple[str, ...]] = {}
        for key in sorted(set(before) | set(now)):
            if (section, key) in forget:
                continue
            history = list(before.get(key, ()))
            if key in now and now[key] not in history:
                history.append(now[key])
            for old in history:
                if old in live:
                    continue
                if key in now:
                    moved.setdefault(old, now[key])
                elif section in FALLBACK:
                    vanished.setdefault(old, FALLBACK[section])
            entries[key] = tuple(history)
        if entries:
            sections[section] = entries
    redirects = {**vanished, **moved}
    return Ledger(sections), dict(sorted(redirects.items()))


def reconcile_parts(ledger: Ledger, published: Mapping[str, Sequence[str]],
                    page_redirects: Mapping[str, str]) -> tuple[Ledger, dict[str, str]]:
    """The ledger with this build's year parts recorded, and the redirects of parts that are
    gone (old path -> where it leads now).

    `published` maps each listing page (`personer/x.html`) to the parts it has now;
    `page_redirects` are this build's redirects of pages (old page -> its page now).
    """
    before = ledger.sections.get(PARTS, {})
    live = {path for parts in published.values() for path in parts}
    entries: dict[str, tuple[str, ...]] = {}
    redirects: dict[str, str] = {}
    for main in sorted(set(before) | set(published)):
        page = main if main in published else page_redirects.get(main)
        if page is None:
            continue  # gone without a trace (a hidden person): so are its parts
        history = list(before.get(main, ()))
        history += [path for path in published.get(main, ()) if path not in history]
        entries[main] = tuple(history)
        for old in history:
            if old not in live:
                redirects.setdefault(old, _part_target(old, page, published.get(page, ())))
    for old, page in page_redirects.items():  # a moved page's parts, recorded or not, follow it
        if page in published and old not in published:
            folder = old.removesuffix(".html")
            for part in published[page]:
                old_part = f"{folder}/{posixpath.basename(part)}"
                if old_part not in live:
                    redirects.setdefault(old_part, part)
    sections = {section: paths for section, paths in ledger.sections.items() if section != PARTS}
    if entries:
        sections[PARTS] = entries
    return Ledger(sections), dict(sorted(redirects.items()))


def _part_target(old: str, page: str, parts: Sequence[str]) -> str:
    """Where a part that is gone leads: the part of the same name on `page`, else the first
    page of its year (`2023-3` -> `2023`), else `page` itself."""
    slug = posixpath.basename(old).removesuffix(".html")
    year = slug.split("-", 1)[0]
    by_slug = {posixpath.basename(part).removesuffix(".html"): part for part in parts}
    return by_slug.get(slug) or by_slug.get(year) or page
