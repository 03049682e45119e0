"""Corrections to the theme's own markup that no template override reaches.

mkdocs-material's base.html writes its two hidden checkbox toggles (navigation drawer,
search) with `autocomplete="off"`, which HTML allows only on text-like inputs. The
attribute only kept browsers from restoring a toggle's state on back/forward; arkiv.js
closes both toggles on `pageshow` instead, so the attribute is dropped here.
"""

from __future__ import annotations

import re

_TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
                     r'id="__(?:drawer|search)") autocomplete="off">')


def valid_toggles(html: str) -> str:
    """The page with the theme's checkbox toggles free of `autocomplete`."""
    return _TOGGLE.sub(r"\1>", html)
