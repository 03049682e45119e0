"""Corrections to the theme's own markup that no template override reaches.

mkdocs-material's base.html writes its two hidden checkbox toggles (navigation drawer,
search) with `autocomplete="off"`, which HTML allows only on text-like inputs. The
attribute only kept browsers from restoring a toggle's state on back/forward; arkiv.js
closes both toggles on `pageshow` instead, so the attribute is dropped here.

The archive searches with its own index (write/searchwire.py), so the theme's search worker
and its lunr files (about 1 MB) are left out of the site, and so is the pointer to the worker
in the page's `__config`, which the theme reads only to start its own search.
"""

from __future__ import annotations

import re

_TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
                     r'id="__(?:drawer|search)") autocomplete="off">')


def valid_toggles(html: str) -> str:
    """The page with the theme's checkbox toggles free of `autocomplete`."""
    return _TOGGLE.sub(r"\1>", html)


THEME_SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
_WORKER = re.compile(r'"search": "[^"]*assets/javascripts/workers/search\.[^"]*", ')


def is_theme_search_file(site_path: str) -> bool:
    return site_path.startswith(THEME_SEARCH_FILES)


def without_theme_search(html: str) -> str:
    """The page without the theme's pointer to its search worker."""
    return _WORKER.sub("", html, count=1)
