"""Paths of a project and the editor's settings file, `source/arkiv.yml`.

The settings are validated as a whole before anything is built: a wrong key or type is
reported with the key's name and the expected form, and the build stops (issue: nothing
is built from a half-read configuration).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from generator import yamlio

from generator.model.errors import ArkivError

SETTINGS_FILE = "arkiv.yml"


class ConfigError(ArkivError):
    """The settings file cannot be used; the message names the file, key and expected form."""


@dataclass(frozen=True)
class Network:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class PeopleRules:
    """The editor's decisions about person identity (`people:` in arkiv.yml)."""

    merge: tuple[tuple[str, ...], ...] = ()  # spellings of one person; the first is the name shown
    keep_apart: tuple[tuple[str, ...], ...] = ()  # spellings that are different people
    hide: tuple[str, ...] = ()  # names replaced by [namn dolt] everywhere (GDPR requests)


@dataclass(frozen=True)
class Settings:
    root: Path
    archive_title: str = "Nätverksarkivet"
    publisher: str = ""
    default_network: str = ""
    networks: tuple[Network, ...] = ()
    people: PeopleRules = PeopleRules()
    site_url: str = ""  # the published address of the site root, ending in "/"; "" when none
    raw: dict = field(default_factory=dict)

    @property
    def source_dir(self) -> Path:
        return self.root / "source"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"


_SCHEMA: dict[str, tuple[type, str]] = {
    "archive_title": (str, "en text, t.ex. `archive_title: Nätverksarkivet`"),
    "publisher": (str, "en text, t.ex. `publisher: Göteborgsregionen (GR)`"),
    "default_network": (str, "en text, t.ex. `default_network: AME-chefsnätverket`"),
    "networks": (list, "en lista av `- name: ...` med valfria `aliases: [...]`"),
    "people": (dict, "en mappning med `merge`, `keep_apart` och `hide`, se README"),
    "site_url": (str, "en webbadress (http eller https), t.ex. `site_url: https://arkiv.example.se/`"),
}


def load_settings(root: Path, path: Path | None = None) -> Settings:
    """The settings of the project at `root` (from `source/arkiv.yml`, or from `path`)."""
    name = f"source/{SETTINGS_FILE}" if path is None else str(path)
    path = path if path is not None else root / "source" / SETTINGS_FILE
    if not path.exists():
        return Settings(root=root)
    try:
        data = yamlio.load(path.read_text(encoding="utf-8-sig")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{name}{line}: ogiltig YAML ({getattr(error, 'problem', error)})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{name}: filen måste vara en YAML-mappning (nyckel: värde)")
    for key, value in data.items():
        if key not in _SCHEMA:
            known = ", ".join(sorted(_SCHEMA))
            raise ConfigError(f"{name}: okänd nyckel `{key}`; kända nycklar: {known}")
        expected, form = _SCHEMA[key]
        if not isinstance(value, expected):
            raise ConfigError(f"{name}: `{key}` ska vara {form}")
    return Settings(
        root=root,
        archive_title=data.get("archive_title", "Nätverksarkivet"),
        publisher=data.get("publisher", ""),
        default_network=data.get("default_network", ""),
        networks=tuple(_network(entry, name) for entry in data.get("networks", [])),
        people=_people(data.get("people", {}), name),
        site_url=_site_url(data.get("site_url", ""), name),
        raw=data,
    )


def _site_url(value: str, name: str) -> str:
    """The published address of the archive: an absolute http(s) URL, without query or
    fragment; returned ending in "/" (the site root)."""
    value = value.strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment \
            or any(c.isspace() for c in value):
        raise ConfigError(f"{name}: `site_url` ska vara {_SCHEMA['site_url'][1]}; "
                          f"fick {value!r}")
    return value if value.endswith("/") else value + "/"


def _network(entry: Any, name: str) -> Network:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise ConfigError(f"{name}: varje post i `networks` ska ha `name: <text>`")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ConfigError(f"{name}: `networks.aliases` ska vara en lista av texter")
    unknown = set(entry) - {"name", "aliases"}
    if unknown:
        raise ConfigError(f"{name}: okänd nyckel `networks.{sorted(unknown)[0]}`; kända: name, aliases")
    return Network(entry["name"], tuple(aliases))


def _people(data: dict, name: str) -> PeopleRules:
    unknown = set(data) - {"merge", "keep_apart", "hide"}
    if unknown:
        raise ConfigError(f"{name}: okänd nyckel `people.{sorted(unknown)[0]}`; kända: merge, keep_apart, hide")

    def groups(key: str) -> tuple[tuple[str, ...], ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(
                isinstance(g, list) and len(g) >= 2 and all(isinstance(n, str) and n.strip() for n in g)
                for g in value):
            raise ConfigError(f"{name}: `people.{key}` ska vara en lista av namnlistor, "
                              f"t.ex. `- [Anne Bansson, Anne Bensson]`")
        return tuple(tuple(" ".join(n.split()) for n in g) for g in value)

    hide = data.get("hide", [])
    if not isinstance(hide, list) or not all(isinstance(n, str) and n.strip() for n in hide):
        raise ConfigError(f"{name}: `people.hide` ska vara en lista av namn, t.ex. `- Förnamn Efternamn`")
    return PeopleRules(merge=groups("merge"), keep_apart=groups("keep_apart"),
                       hide=tuple(" ".join(n.split()) for n in hide))
