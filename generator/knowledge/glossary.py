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

import functools
import html as html_lib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable

import yaml

from generator.knowledge.datafiles import flag, scalar, string_list

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "ordlista.yml"

_KEYS = {"term", "expansion", "explanation", "variants", "case_sensitive", "ambiguous"}
# A written form: no spaces, begins and ends with a letter or digit (so that whole-word
# matching with \b / (?<!\w) works), may contain `-`, `&`, `/`, `.` inside.
_FORM = re.compile(r"[^\W_](?:[\w&/.\-]*[^\W_])?")

# Endings Swedish adds to an abbreviation without a colon (`DUAN`, `SFIn`, `AMEs`).
SWEDISH_ENDINGS = ("s", "n", "en", "ens", "ns", "et", "ets", "er", "erna", "ernas", "ar", "arna", "arnas")

MIN_ABBREVIATION = 2
MAX_ABBREVIATION = 6
_WORD = re.compile(r"(?<!\w)[^\W\d_]\w*(?!\w)")
_ROMAN = re.compile(r"(?=[MDCLXVI]{2,}$)M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


class GlossaryError(ValueError):
    """A problem in the glossary file; `problems` holds one `file:line: problem` each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    expansion: str
    explanation: str
    variants: tuple[str, ...] = ()
    case_sensitive: bool = True
    ambiguous: bool = False

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form: the term, the variants, and when the entry is not case
        sensitive also the all-capital, all-lower-case and capitalised forms."""
        forms = [self.term, *self.variants]
        if not self.case_sensitive:
            forms += [f(form) for form in (self.term, *self.variants)
                      for f in (str.upper, str.lower, str.capitalize)]
        return tuple(dict.fromkeys(forms))

    @property
    def title(self) -> str:
        """The tooltip text: the expansion."""
        return self.expansion


@dataclass(frozen=True)
class Glossary:
    entries: tuple[GlossaryEntry, ...]

    @functools.cached_property
    def _by_form(self) -> dict[str, GlossaryEntry]:
        return {form: entry for entry in self.entries for form in entry.forms}

    @functools.cached_property
    def _by_folded_form(self) -> dict[str, GlossaryEntry]:
        return {form.casefold(): entry for entry in self.entries if not entry.case_sensitive
                for form in entry.forms}

    def lookup(self, form: str) -> GlossaryEntry | None:
        """The entry a written form belongs to (exactly as written, or in any case where
        the entry is not case sensitive), or None."""
        return self._by_form.get(form) or self._by_folded_form.get(form.casefold())

    def knows(self, token: str) -> bool:
        """Whether a word is a known abbreviation, also with a Swedish ending (`DUAN`)."""
        if self.lookup(token):
            return True
        for ending in SWEDISH_ENDINGS:
            if len(token) > len(ending) and token[-len(ending):].lower() == ending:
                if self.lookup(token[:-len(ending)]):
                    return True
        return False

    def expansions(self) -> dict[str, str]:
        """Written form -> expansion, for every form of every non-ambiguous entry."""
        return {form: entry.expansion for entry in self.entries if not entry.ambiguous
                for form in entry.forms}

    def abbreviation_definitions_markdown(self) -> str:
        """Definitions for Python-Markdown's `abbr` extension, one line per written form of
        every non-ambiguous entry, in the file's order (`*[KROM]: Kundval Rusta och matcha`).

        Append them to a page's Markdown after a blank line; they produce no output
        themselves. An empty glossary gives an empty string.
        """
        lines = [f"*[{form}]: {expansion}" for form, expansion in self.expansions().items()]
        return "\n".join(lines) + "\n" if lines else ""

    @functools.cached_property
    def regex(self) -> re.Pattern | None:
        """Whole-word regex of every non-ambiguous written form, longest first; None if none."""
        exact = sorted({f for e in self.entries if not e.ambiguous and e.case_sensitive for f in e.forms},
                       key=lambda f: (-len(f), f))
        folded = sorted({f.casefold() for e in self.entries if not e.ambiguous and not e.case_sensitive
                         for f in e.forms}, key=lambda f: (-len(f), f))
        alternatives = [re.escape(f) for f in exact] + [f"(?i:{re.escape(f)})" for f in folded]
        if not alternatives:
            return None
        return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")


# --- loading ---------------------------------------------------------------------------


def load_glossary(path: Path | str | None = None) -> Glossary:
    """The glossary, read and checked; the default file is read once per process."""
    if path is None:
        return _default_glossary()
    return read_glossary(Path(path))


@functools.cache
def _default_glossary() -> Glossary:
    return read_glossary(DATA_FILE)


def read_glossary(path: Path) -> Glossary:
    """Entries of a glossary file; every problem found is reported at once (GlossaryError)."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
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

SKIP_TAGS = frozenset({
    "a", "abbr", "acronym", "code", "pre", "kbd", "samp", "var", "script", "style",
    "textarea", "title", "head", "svg", "math", "button", "select", "option", "template",
})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})


class _TextRuns(HTMLParser):
    """Collects the text of an HTML document that may be marked up, with source offsets.

    A run is consecutive text between two tags: pieces of (offset, text, is_data); entity
    and character references are pieces too (decoded, not markable) so that word
    boundaries are judged on the text as read.
    """

    def __init__(self, source: str, skip_tags: frozenset[str]):
        super().__init__(convert_charrefs=False)
        self.skip_tags = skip_tags
        self.skipping: list[str] = []  # open elements whose text is left alone
        self.runs: list[list[tuple[int, str, bool]]] = [[]]
        self._line_starts = [0]
        for match in re.finditer("\n", source):
            self._line_starts.append(match.end())

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _break(self) -> None:
        if self.runs[-1]:
            self.runs.append([])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._break()
        if tag in _VOID:
            return
        if tag in self.skip_tags or any(name == "title" for name, _ in attrs) or tag in self.skipping:
            self.skipping.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._break()

    def handle_endtag(self, tag: str) -> None:
        self._break()
        if tag in self.skipping:
            while self.skipping.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        self.runs[-1].append((self._offset(), data, True))

    def handle_entityref(self, name: str) -> None:
        if not self.skipping:
            self.runs[-1].append((self._offset(), html_lib.unescape(f"&{name};"), False))

    def handle_charref(self, name: str) -> None:
        if not self.skipping:
            self.runs[-1].append((self._offset(), html_lib.unescape(f"&#{name};"), False))

    def handle_comment(self, data: str) -> None:
        self._break()

    def handle_decl(self, decl: str) -> None:
        self._break()

    def handle_pi(self, data: str) -> None:
        self._break()

    def unknown_decl(self, data: str) -> None:
        self._break()


def annotate_html(html: str, glossary: Glossary, *, first_only: bool = False,
                  skip_tags: Iterable[str] = SKIP_TAGS) -> str:
    """`html` with each known abbreviation in its text wrapped in `<abbr title="...">`.

    Only text nodes change; tags, attributes, comments and entities are copied byte for
    byte. Text inside `skip_tags` elements (links, code, preformatted text, existing
    `<abbr>`, scripts ...) and inside any element with a `title` attribute is left alone.
    Ambiguous entries are never expanded. With `first_only`, only the first occurrence of
    each entry (any of its forms) is marked. Works on fragments and whole documents.
    """
    regex = glossary.regex
    if regex is None or not html:
        return html
    parser = _TextRuns(html, frozenset(t.lower() for t in skip_tags))
    parser.feed(html)
    parser.close()
    inserts: list[tuple[int, int, GlossaryEntry]] = []
    done: set[str] = set()
    for run in parser.runs:
        if not any(is_data for _, _, is_data in run):
            continue
        text = "".join(piece for _, piece, _ in run)
        where: list[int | None] = []  # source offset of each character of `text`, None for references
        for offset, piece, is_data in run:
            where.extend(range(offset, offset + len(piece)) if is_data else [None] * len(piece))
        for match in regex.finditer(text):
            start, end = match.span()
            first, last = where[start], where[end - 1]
            if first is None or last is None or last - first != end - 1 - start:
                continue  # the word runs through an entity reference: leave it
            if html[first:last + 1] != match.group():
                continue  # not where the parser said; never guess
            entry = glossary.lookup(match.group())
            if entry is None or entry.ambiguous or (first_only and entry.term in done):
                continue
            done.add(entry.term)
            inserts.append((first, last + 1, entry))
    out: list[str] = []
    position = 0
    for start, end, entry in sorted(inserts, key=lambda i: i[0]):
        out.append(html[position:start])
        out.append(f'<abbr title="{html_lib.escape(entry.title, quote=True)}">{html[start:end]}</abbr>')
        position = end
    out.append(html[position:])
    return "".join(out)


# --- unknown abbreviations -------------------------------------------------------------


def looks_like_abbreviation(token: str) -> bool:
    """2-6 letters/digits, beginning with a letter, with at least two capitals, and either
    all letters capitals (`PULS`, `SPIRA`, `ÅB`) or a capital after the first letter
    (`FoU`, `BRvux`, `ArbNär`). Roman numerals (`II`, `VI`, `XIV`) are not abbreviations."""
    if not (MIN_ABBREVIATION <= len(token) <= MAX_ABBREVIATION) or not token[0].isalpha():
        return False
    if not token.isalnum():
        return False
    capitals = [c for c in token if c.isupper()]
    if len(capitals) < 2:
        return False
    letters = [c for c in token if c.isalpha()]
    if not (all(c.isupper() for c in letters) or any(c.isupper() for c in token[1:])):
        return False
    return not _ROMAN.fullmatch(token)


def find_unknown_abbreviations(text: str, glossary: Glossary,
                               ignore: Iterable[str] = ()) -> list[tuple[str, int]]:
    """Words of `text` that look like abbreviations (`looks_like_abbreviation`) but are not
    in the glossary, each distinct spelling once, with the offset of its first occurrence,
    in order of appearance.

    Not reported: known abbreviations, also with a Swedish ending (`DUAN`, `SFIn`); words
    in `ignore`, compared in any case (pass the registered municipality and organisation
    names, so that `BORÅS` in a signature is not reported); words on a line without any
    lower-case letter (headings and signature lines such as `EJ NÄRVARANDE`); Roman
    numerals; words inside web or e-mail addresses.
    """
    ignored = {word.casefold() for word in ignore}
    addresses = [m.span() for m in _ADDRESS.finditer(text)]
    found: dict[str, int] = {}
    offset = 0
    for line in text.splitlines(keepends=True):
        if any(c.islower() for c in line):
            for match in _WORD.finditer(line):
                token = match.group()
                at = offset + match.start()
                if token in found or not looks_like_abbreviation(token):
                    continue
                if token.casefold() in ignored or glossary.knows(token):
                    continue
                if any(s <= at < e for s, e in addresses):
                    continue
                found[token] = at
        offset += len(line)
    return list(found.items())
