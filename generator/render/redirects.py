"""Redirect pages: an old address leads to where its page is now, anchor included."""

from __future__ import annotations

import posixpath
from typing import Container, Mapping

from generator.render import text as t


def redirect_html(old_url: str, new_url: str) -> str:
    """A page at `old_url` that sends the browser to `new_url`, keeping `#anchor` when
    JavaScript runs (a meta refresh cannot carry it) and offering a plain link."""
    target = posixpath.relpath(new_url, posixpath.dirname(old_url) or ".")
    safe = t.attr(target)
    return (
        "<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>Sidan har flyttat</title>\n<meta http-equiv=\"refresh\" content=\"0; url={safe}\">\n"
        f"<script>location.replace({target!r} + location.hash)</script>\n</head>\n<body>\n"
        f"<p>Sidan har flyttat till <a href=\"{safe}\">{safe}</a>.</p>\n</body>\n</html>\n"
    )


def redirect_pages(redirects: Mapping[str, str], taken: Container[str] = ()) -> dict[str, bytes]:
    """A redirect page for each old address (old -> new) that is not `taken` by a file."""
    return {old: redirect_html(old, new).encode("utf-8") for old, new in redirects.items() if old not in taken}
