"""The glossary of abbreviations: reading it, marking abbreviations up, finding unknown ones.

The knowledge lives in `data/ordlista.yml` (editable; its header documents the fields). This
module offers two ways to show an abbreviation's expansion as `<abbr title=...>`:

1. `Glossary.abbreviation_definitions_markdown()`: definitions for Python-Markdown's `abbr`
   extension (`*[KROM]: Kundval Rusta och matcha`), to append to a page's Markdown. The
   extension (markdown 3.11) works on the element tree after inline parsing: it changes
   element text only, never attributes, so heading ids, link URLs, `title`/`alt`
   attributes, code spans and code blocks stay as they are. It DOES wrap abbreviations in
   link text (`<a href=...><abbr>GR</abbr></a>`, valid HTML) and in the text between
   inline raw HTML tags (`<em>`, `<span title=...>`), and it does NOT reach raw HTML
   blocks (a `<div>` without `markdown`). Every occurrence is wrapped.
2. `annotate_html(html, glossary)`: inserts `<abbr>` into the text nodes of finished HTML
   (for example in MkDocs' `on_page_content` hook), skipping links, code, preformatted
   text, existing `<abbr>`, scripts, and any element that has a `title` of its own (whose
   tooltip a nested `<abbr>` would hide). It leaves every tag and attribute byte for byte
   as it was, reaches raw HTML blocks too, and can mark only the first occurrence.

Ambiguous entries (`ambiguous: true`, e.g. `SE`) are never expanded by either.

`find_unknown_abbreviations(text, glossary)` lists words that look like abbreviations but
are not in the glossary, for `arkiv check` to report.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator import yamlio

from generator.model.knowledge import SWEDISH_ENDINGS, Glossary, GlossaryEntry  # noqa: F401 (re-exported)
from generator.knowledge.datafiles import KnowledgeError, flag, scalar, string_list


_KEYS = {"term", "expansion", "explanation", "variants", "case_sensitive", "ambiguous"}
# A written form: no spaces, begins and ends with a letter or digit (so that whole-word
# matching with \b / (?<!\w) works), may contain `-`, `&`, `/`, `.` inside.
_FORM = re.compile(r"[^\W_](?:[\w&/.\-]*[^\W_])?")


class GlossaryError(KnowledgeError):
    """A problem in the glossary file; `problems` holds one `file:line: problem` each."""


# --- loading ---------------------------------------------------------------------------


def read_glossary(path: Path) -> Glossary:
    """Entries of a glossary file; every problem found is reported at once (GlossaryError)."""
    try:
        root = yamlio.compose(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise GlossaryError([f"{path}: cannot read: {error}"]) from error
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise GlossaryError([f"{path}{f':{mark.line + 1}' if mark else ''}: not valid YAML: {error.problem}"]) from error
    if root is None:
        return Glossary(())
    if not isinstance(root, yaml.SequenceNode):
        raise GlossaryError([f"{path}:{root.start_mark.line + 1}: expected a list of entries"])
    problems: list[str] = []
    entries: list[GlossaryEntry] = []
    owner: dict[str, tuple[str, int]] = {}  # form (folded where matched in any case) -> (term, line)
    for node in root.value:
        line = node.start_mark.line + 1
        where = f"{path}:{line}"
        if not isinstance(node, yaml.MappingNode):
            problems.append(f"{where}: an entry must be a mapping with term, expansion, explanation")
            continue
        fields: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if key_node.value not in _KEYS:
                problems.append(f"{path}:{key_node.start_mark.line + 1}: unknown field {key_node.value!r}")
            fields[key_node.value] = value_node
        term = scalar(fields.get("term"))
        expansion, explanation = scalar(fields.get("expansion")), scalar(fields.get("explanation"))
        if not term or not expansion or not explanation:
            problems.append(f"{where}: an entry needs a term, an expansion and an explanation")
            continue
        if expansion in ("''", '""'):
            problems.append(f"{where}: the expansion of {term} must be text")
        variants = string_list(fields.get("variants"), path, where, f"variants of {term}", problems)
        flags = {key: flag(fields.get(key), where, key, problems, default)
                 for key, default in (("case_sensitive", True), ("ambiguous", False))}
        entry = GlossaryEntry(term, expansion, explanation, tuple(dict.fromkeys(variants)), **flags)
        for form in (term, *entry.variants):
            if not _FORM.fullmatch(form):
                problems.append(f"{where}: {form!r} must begin and end with a letter or digit and contain no spaces")
        for form in entry.forms:
            key = form if entry.case_sensitive else form.casefold()
            clash = owner.get(key)
            if clash and clash[0] != term:
                problems.append(f"{where}: {form!r} is already a form of {clash[0]} (line {clash[1]})")
            owner.setdefault(key, (term, line))
        entries.append(entry)
    # A form matched in any case must not be an exact form of another entry either.
    folded = {f.casefold(): e.term for e in entries if not e.case_sensitive for f in e.forms}
    for entry in entries:
        if entry.case_sensitive:
            for form in entry.forms:
                other = folded.get(form.casefold())
                if other and other != entry.term:
                    problems.append(f"{path}: {form!r} of {entry.term} is also a form of {other} (any case)")
    if problems:
        raise GlossaryError(problems)
    return Glossary(tuple(entries))


# --- marking up HTML -------------------------------------------------------------------


# --- unknown abbreviations -------------------------------------------------------------


