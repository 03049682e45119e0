"""Post-build patch that makes Material's search understand Swedish inflection.

Why this exists: Material's search worker turns every query word ``w`` into
the lunr wildcard term ``w*`` (``transform`` in
integrations/search/query/transform/index.ts). lunr never runs its search
pipeline (and thus never stems) wildcard terms, so ``jobbspåren*`` cannot
match a page that only says ``jobbspår``.

The patch runs each wildcard term through lunr-languages' Swedish stemmer
(``self.lunr.sv.stemmer``, loaded by the worker when ``search.lang`` is
``sv``) before the ``*`` is appended: ``jobbspåren`` -> ``jobbspår*``.
Snowball stemming only removes (or shortens) a suffix, so the stem is a prefix
of the typed word and the patched query matches everything the unpatched one
did, plus the other inflections. That relies on the index NOT being stemmed,
which is Material's default (``pipeline`` falls back to ``stopWordFilter``);
do not add ``stemmer`` to the search plugin's ``pipeline``: a stemmed index
breaks prefix search while typing (``överenskommel`` no longer matches the
indexed stem ``överenskomm``). The helper also refuses any stem that is not a
prefix of the word.

Every build copies a fresh, unpatched worker from the theme, so call this
after every build, ideally from an ``on_post_build`` hook (that also covers
``mkdocs serve``).

Material 9 has no hook for custom query transforms, so we rewrite the built,
minified worker. The anchor is matched strictly: if a Material upgrade changes
the code, :func:`patch_search_worker` raises instead of silently shipping a
search without Swedish stemming.
"""

from __future__ import annotations

import pathlib
import re
from generator.model.errors import ArkivError

__all__ = ["SearchPatchError", "patch_search_worker", "MARKER"]

WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"

# Present in every patched worker; used for idempotency.
MARKER = "/* natverksarkivet-search-patch: sv-stem v1 */"

HELPER_NAME = "__natverksarkivetSvStem"

# The last step of ``transform`` in the minified worker, e.g.
#   .map(r=>/(^[+-]|[~^]\d+$)/.test(r)?r:`${r}*`)
# The minifier's variable name may differ between releases, hence the
# captured identifier and the back-references.
ANCHOR = re.compile(
    r"/\(\^\[\+-\]\|\[~\^\]\\d\+\$\)/\.test\((?P<v>[A-Za-z_$][\w$]*)\)"
    r"\?(?P=v):`\$\{(?P=v)\}\*`"
)

# Top-level function declaration, appended to the worker script; it is hoisted,
# so the bundle's IIFE can call it. Lower-cases and stems only the word part of
# a term, keeping an optional ``field:`` prefix and leading/trailing ``*``.
# Returns the term unchanged when lunr.sv is not loaded or anything fails.
HELPER_JS = (
    MARKER + "\n"
    "function " + HELPER_NAME + "(term){try{"
    "var l=self.lunr,stem=l&&l.sv&&l.sv.stemmer;"
    'if(typeof stem!=="function")return term;'
    r"var m=/^([A-Za-z]+:)?(\**)(.*?)(\**)$/.exec(term);"
    "if(!m||!m[3])return term;"
    "var word=m[3].toLowerCase(),root=stem(word);"
    # Never widen into something that is not a prefix of what was typed.
    'if(typeof root!=="string"||!root||word.indexOf(root)!==0)root=word;'
    'return(m[1]||"")+m[2]+root+m[4]'
    "}catch(e){return term}}\n"
)

_SOURCEMAP_LINE = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)


class SearchPatchError(ArkivError):
    """The built search worker cannot be patched as expected."""


def _find_worker(site_dir: pathlib.Path) -> pathlib.Path:
    workers = sorted(site_dir.glob(WORKER_GLOB))
    if len(workers) != 1:
        found = ", ".join(str(p) for p in workers) or "none"
        raise SearchPatchError(
            f"expected exactly one search worker matching "
            f"{site_dir / WORKER_GLOB}, found {len(workers)}: {found}"
        )
    return workers[0]


def patch_search_worker(site_dir: pathlib.Path) -> pathlib.Path:
    """Patch the built search worker under ``site_dir`` in place.

    Returns the path of the (now) patched worker. Calling it again on an
    already patched site changes nothing.
    """
    site_dir = pathlib.Path(site_dir)
    worker = _find_worker(site_dir)
    code = worker.read_text(encoding="utf-8")
    if MARKER in code:
        return worker

    matches = list(ANCHOR.finditer(code))
    if len(matches) != 1:
        raise SearchPatchError(
            f"{worker}: expected the query transform "
            f"'.test(x)?x:`${{x}}*`' exactly once, found {len(matches)}; "
            f"mkdocs-material's search worker changed - review "
            f"generator/searchpatch.py before upgrading"
        )
    match = matches[0]
    var = match.group("v")
    replacement = match.group(0).replace(
        f"`${{{var}}}*`", f"`${{{HELPER_NAME}({var})}}*`"
    )
    code = code[: match.start()] + replacement + code[match.end():]

    # Append the helper after the bundle but before the source map comment,
    # so the existing line/column mappings of the bundle stay valid.
    sourcemap = _SOURCEMAP_LINE.search(code)
    if sourcemap:
        code = code[: sourcemap.start()] + HELPER_JS + code[sourcemap.start():]
    else:
        code = code.rstrip("\n") + "\n" + HELPER_JS

    worker.write_text(code, encoding="utf-8")
    return worker
