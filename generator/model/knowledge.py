"""Value types of the knowledge files: municipalities, organisations, associations, topics
and glossary entries. The loaders in generator.knowledge build them; resolve and render
use them as they are."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Iterator


@dataclass(frozen=True)
class Association:
    """A regional association of municipalities (`GR`) and how the archive presents it."""

    id: str
    title: str  # the heading of its members on the municipality index
    pages: bool  # every member gets a page, mentioned or not


@dataclass(frozen=True)
class Municipality:
    code: str  # SCB kommunkod, e.g. "1480"
    name: str  # SCB short name, e.g. "Göteborg"
    slug: str
    county: str  # e.g. "Västra Götalands län"
    associations: tuple[str, ...] = ()  # e.g. ("GR",)
    aliases: tuple[str, ...] = ()
    ambiguous: bool = False  # the name is also an ordinary word or a person's name

    @property
    def county_code(self) -> str:
        return self.code[:2]

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Organisation:
    id: str  # also the page slug
    name: str
    short: str | None = None
    aliases: tuple[str, ...] = ()
    parent: str | None = None  # id of the organisation this is a unit of
    description: str = ""

    @property
    def slug(self) -> str:
        return self.id

    @property
    def display(self) -> str:
        """The form people write: the abbreviation when there is one (`GR`, `SKR`)."""
        return self.short or self.name

    @property
    def forms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f for f in (self.name, self.short, *self.aliases) if f))


_HYPHENS = "-\u2010\u2011"  # hyphen-minus, hyphen, non-breaking hyphen


_HYPHEN_CLASS = r"\-\u2010\u2011"  # the same, for use inside a regex character class


@dataclass(frozen=True)
class TopicPattern:
    """One pattern of a topic, as written in the data file, and its compiled regex.

    `regex` is the pattern as one regex (see `compile_pattern`). `spans` finds the same
    matches faster: it skips a text that lacks the pattern's longest fixed piece, and
    searches with a regex that begins with letters (which Python's re engine can look for
    quickly), checking the word boundary before the match itself.
    """

    text: str
    strong: bool = False
    case_sensitive: bool = False
    regex: re.Pattern = field(default=None, compare=False, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        regex = compile_pattern(self.text, self.case_sensitive)  # validates the pattern
        if self.regex is None:
            object.__setattr__(self, "regex", regex)
        source = self.text if self.case_sensitive else self.text.lower()
        pieces = [piece for word in source.split()
                  for piece in re.split(f"[{_HYPHEN_CLASS}]+", word.strip("*")) if piece]
        # the longest fixed piece: a text without it has no match (a quick test for callers too)
        object.__setattr__(self, "literal", max(pieces, key=len))
        object.__setattr__(self, "_extend_left", source.startswith("*"))
        object.__setattr__(self, "_core", re.compile(_body(source.lstrip("*")) + r"(?!\w)"))

    def spans(self, text: str, lowered: str) -> list[tuple[int, int]]:
        """(start, end) of the matches in `text`, as `regex.finditer` finds them.

        `lowered` must be `text.lower()` (computed once per text by the caller); patterns
        that are not case sensitive are matched on it, so letters match when their lower
        case forms are equal.
        """
        haystack = text if self.case_sensitive else lowered
        if self.literal not in haystack:
            return []
        if len(haystack) != len(text):  # a letter changed length in lower case (rare)
            return [m.span() for m in self.regex.finditer(text)]
        found: list[tuple[int, int]] = []
        position = 0
        while (match := self._core.search(haystack, position)) is not None:
            start, end = match.span()
            if self._extend_left:
                # `*word`: the match begins where the word begins. (It cannot reach back
                # into the previous match: every match ends before a non-word character.)
                while start > 0 and _is_word_char(haystack[start - 1]):
                    start -= 1
            elif start > 0 and _is_word_char(haystack[start - 1]):
                position = start + 1  # not at the start of a word: try again further on
                continue
            found.append((start, end))
            position = end
        return found


# Characters that match another letter when case is ignored without being its plain upper
# or lower case (the Kelvin sign matches k, the Ångström sign å, long s matches s, ...).
_CASE_RELATIVES = "\u212a\u212b\u017f\u0130\u0131\u1e9e\u00df\u2126\u03c2\u00b5\u1fbe\u0345"


@functools.cache
def _cases(char: str) -> tuple[str, ...]:
    """Every character that `(?i:char)` matches: its case forms and the relatives above,
    each confirmed by the regex engine itself."""
    candidates = {char, char.lower(), char.upper(), char.title(), char.casefold(), *_CASE_RELATIVES}
    pattern = re.compile(f"(?i:{re.escape(char)})")
    return tuple(sorted(c for c in candidates if len(c) == 1 and pattern.fullmatch(c)))


def _is_word_char(char: str) -> bool:
    """What `\\w` matches in a str pattern: letters (also å, ä, ö), digits and `_`."""
    return char.isalnum() or char == "_"


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    description: str
    patterns: tuple[TopicPattern, ...]
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicHit:
    """A topic a unit is about: the evidence, with spans into the unit's text.

    `count` is the number of mentions in the text (overlapping or joined matches count
    once); `spans` are their (start, end) offsets into `text`, in order; `in_title` tells
    whether the title matched too, and `title_spans` where.
    """

    topic_id: str
    count: int
    spans: tuple[tuple[int, int], ...]
    in_title: bool
    title_spans: tuple[tuple[int, int], ...] = ()
    strong: bool = False  # a strong pattern matched in the text


def compile_pattern(pattern: str, case_sensitive: bool = False) -> re.Pattern:
    """The regex for a pattern of the data file's syntax (see the header of amnen.yml).

    Raises ValueError for a pattern that is empty or misuses `*` or `-`.
    """
    flags = "" if case_sensitive else "i"
    # Whole words only; Python's \w covers å, ä, ö and every other letter. The flag is
    # scoped, so that patterns can be joined into one alternation if ever needed.
    return re.compile(rf"(?{flags}:(?<!\w){_body(pattern)}(?!\w))")


def _body(pattern: str) -> str:
    words = pattern.split()
    if not words:
        raise ValueError("empty pattern")
    return r"\s+".join(_word_regex(word) for word in words)


def _word_regex(word: str) -> str:
    prefix = suffix = ""
    if word.startswith("*"):
        prefix, word = r"\w*", word[1:]
    if word.endswith("*"):
        suffix, word = r"\w*", word[:-1]
    if not word:
        raise ValueError("`*` must stand next to letters")
    if "*" in word:
        raise ValueError("`*` may only stand at the start or the end of a word")
    if word[0] in _HYPHENS or word[-1] in _HYPHENS:
        raise ValueError("`-` must join two parts of a word")
    pieces = re.split(f"[{_HYPHEN_CLASS}]+", word)
    joiner = rf"(?:\s*[{_HYPHEN_CLASS}]\s*|\s+)?"
    return prefix + joiner.join(re.escape(piece) for piece in pieces) + suffix


# Endings Swedish adds to an abbreviation without a colon (`DUAN`, `SFIn`, `AMEs`).
SWEDISH_ENDINGS = ("s", "n", "en", "ens", "ns", "et", "ets", "er", "erna", "ernas", "ar", "arna", "arnas")


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
        """Whole-word regex of every non-ambiguous written form, longest first; None if none.
        (`matches` finds the same, faster.)"""
        alternatives = [re.escape(f) for f in self._exact_forms] + [f"(?i:{re.escape(f)})" for f in self._folded_forms]
        if not alternatives:
            return None
        return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")

    @functools.cached_property
    def _exact_forms(self) -> list[str]:
        return sorted({f for e in self.entries if not e.ambiguous and e.case_sensitive for f in e.forms},
                      key=lambda f: (-len(f), f))

    @functools.cached_property
    def _folded_forms(self) -> list[str]:
        return sorted({f.casefold() for e in self.entries if not e.ambiguous and not e.case_sensitive
                       for f in e.forms}, key=lambda f: (-len(f), f))

    @functools.cached_property
    def _fast_regex(self) -> re.Pattern | None:
        # `regex` without its look-behind, and with a literal first character in every
        # alternative (one per case of a form that is not case sensitive): Python's engine
        # then jumps between the places where a form can begin instead of trying every
        # position, five times faster on a page. `matches` checks the character before.
        alternatives = [re.escape(f) for f in self._exact_forms]
        for form in self._folded_forms:
            rest = f"(?i:{re.escape(form[1:])})" if len(form) > 1 else ""
            alternatives += [re.escape(first) + rest for first in _cases(form[0])]
        return re.compile(rf"(?:{'|'.join(alternatives)})(?!\w)") if alternatives else None

    def matches(self, text: str) -> Iterator[re.Match]:
        """Every whole-word occurrence of a non-ambiguous written form in `text`, left to
        right, the longest form where several begin at one place: the matches of
        `regex.finditer(text)`."""
        regex = self._fast_regex
        if regex is None:
            return
        position = 0
        while (match := regex.search(text, position)) is not None:
            start = match.start()
            if start > 0 and _is_word_char(text[start - 1]):
                position = start + 1  # inside a word: `regex` would try the next place
                continue
            yield match
            position = match.end()
