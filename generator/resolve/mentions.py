"""Find mentions of municipalities and organisations in running text.

Precision matters as much as recall: a wrong link is worse than a missing one.

Organisations: any written form from the register (name, short, aliases) as a whole word,
with the case rules of `registers.is_strict_form` (`AF`, `Af`, `GR` exactly; longer forms
with the first letter as listed), an optional genitive (`SKR:s`, `Arbetsförmedlingens`),
and a hyphen allowed after (`GR-kommunerna`).

Municipalities, capitalised (or in capitals) as a whole word, with the forms `Xs`
(genitive), `X kommun`, `Xs kommun`, `Xkommun`, `X stad`, `Xs Stad`; never inside another
word (`Göteborgsjobb`, `Göteborgsregionen`) or a hyphenated compound (`Borås-området`),
not before `län`/`universitet` (`Kalmar län`), not after `Region` (`Region Uppsala` is the
county's region; except in a county with a single municipality: `Region Gotland`).

Ambiguous names (the `ambiguous` column: `Mark`, `Vara`, `Lund` ...) only where the context
shows a municipality:
  - `Marks kommun`, `Mark kommun`, `Lunds stad`;
  - `Mark:` opening a line (a municipality's report), `Mark` alone on a line (a heading),
    `Mark 2020-10-18` (place and date of a signature), `Mark<TAB>113` (a table row),
    `Kommundirektör, Mark` (an attendance- or signature-like line ending);
  - `i Mark`, `från Mark`;
  - in a list (`,`, `/`, `och`, `samt`, `eller`) with an unambiguous municipality:
    `Borås, Svenljunga, Tranemo, Mark, Bollebygd och Ulricehamn`.
Never when next to another capitalised word, which makes it part of a person's name
(`Anna Lund`, `Mora Svensson`), except in the `kommun`/`stad` forms.

Typos (`Mölnadal:`) use the register's safe fuzzy rule, for capitalised words in the
positions listed for ambiguous names (except headings and prepositions) or next to an
accepted municipality in a list, and never next to another capitalised word (surnames
such as Hallberg are one letter from Hallsberg).

Text in web addresses and e-mail addresses is never matched (`per.overberg@skr.se`).
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass
from itertools import accumulate

from generator.knowledge.registers import MUNICIPALITY, ORGANISATION, Municipality, Registers, is_strict_form


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str  # "municipality" or "organisation"
    target: str  # municipality code or organisation id
    written: str


def find_mentions(text: str, registers: Registers) -> list[Mention]:
    """Non-overlapping mentions in `text`, sorted by position."""
    index = _index_for(registers)
    blocked = _blocked_spans(text)
    organisations = _organisation_mentions(text, index, _Spans(blocked))
    taken = [(m.start, m.end) for m in organisations]
    municipalities = _MunicipalityFinder(text, index, registers, blocked + taken).find()
    return sorted(organisations + municipalities, key=lambda m: m.start)


# Web addresses, e-mail addresses and bare domain names.
_URL, _EMAIL = r"(?:https?://|www\.)\S+", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_DOMAIN = r"\b[\w-]+(?:\.[\w-]+)*\.(?:se|nu|com|org|net|eu|info|io)\b(?:/\S*)?"
_BLOCKED = re.compile(f"{_URL}|{_EMAIL}|{_DOMAIN}", re.IGNORECASE)
# The same where a text has no `@`: the e-mail pattern, tried at every letter, cannot match.
_BLOCKED_WITHOUT_EMAIL = re.compile(f"{_URL}|{_DOMAIN}", re.IGNORECASE)
# What every address without `@` contains: most texts have none, and this scan is quick.
_ADDRESS_HINT = re.compile(r"https?://|www\.|\.(?:se|nu|com|org|net|eu|info|io)\b", re.IGNORECASE)


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    """Where the web and e-mail addresses are (`_BLOCKED`), found the quickest way."""
    if "@" in text:
        return [m.span() for m in _BLOCKED.finditer(text)]
    if _ADDRESS_HINT.search(text):
        return [m.span() for m in _BLOCKED_WITHOUT_EMAIL.finditer(text)]
    return []
_WORD = re.compile(r"[^\W\d_]+")
_NOT_WORD_AFTER = r"(?![^\W_])"


class _Spans:
    """Character spans, asked whether they overlap a range (in logarithmic time)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_ends = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        before_end = bisect.bisect_left(self._starts, end)  # spans starting before `end`
        return before_end > 0 and self._max_ends[before_end - 1] > start


# --- index of written forms --------------------------------------------------------------


@dataclass(frozen=True)
class _Form:
    pattern: re.Pattern[str]  # matched at a word start; includes tail and end-of-word check
    kind: str
    target: str


def _words_regex(form: str) -> str:
    """A literal form whose words may be separated by a space, a hyphen or a line break
    (`Upplands-Bro` = `Upplands Bro`), but not by a blank line: that is a new paragraph."""
    return r"[ \t]*[ \t\n\-][ \t]*".join(re.escape(part) for part in re.split(r"[\s\-]+", form))


# A municipality name's tail: `Falkenbergskommun`, `Marks kommun`, `Göteborgs Stad`, `Göteborgs`.
_MUNICIPALITY_TAIL = (
    r"(?P<tail>s?kommuns?"
    r"|s?[ \t]+(?:[Kk]ommuns?|KOMMUNS?|[Ss]tads?|STADS?)"
    r"|s)?" + _NOT_WORD_AFTER
)


def _municipality_pattern(form: str) -> re.Pattern[str]:
    variants = dict.fromkeys([_words_regex(form), _words_regex(form.upper())])
    return re.compile("(?:" + "|".join(variants) + ")" + _MUNICIPALITY_TAIL)


def _organisation_pattern(form: str) -> re.Pattern[str]:
    if is_strict_form(form):
        body = _words_regex(form)
    else:
        # First letter as written, the rest in any case; or all in capitals.
        body = "(?:" + re.escape(form[0]) + "(?i:" + _words_regex(form[1:]) + ")|" + _words_regex(form.upper()) + ")"
    return re.compile(body + r"(?::s|s)?" + _NOT_WORD_AFTER)


def _key(word: str) -> str:
    """Forms are grouped by the case-folded first two letters of their first word."""
    return word[:2].casefold()


def _first_word(form: str) -> str:
    match = _WORD.match(form)
    return match.group() if match else form


class _Index:
    """Written forms, grouped by `_key` of the word they start with."""

    def __init__(self, registers: Registers) -> None:
        self.municipalities: dict[str, list[tuple[_Form, Municipality]]] = {}
        self.organisations: dict[str, list[_Form]] = {}
        for m in registers.municipalities:
            for form in m.forms:
                entry = (_Form(_municipality_pattern(form), MUNICIPALITY, m.code), m)
                self.municipalities.setdefault(_key(_first_word(form)), []).append(entry)
        for o in registers.organisations:
            for form in o.forms:
                self.organisations.setdefault(_key(_first_word(form)), []).append(
                    _Form(_organisation_pattern(form), ORGANISATION, o.id))
        counties: dict[str, int] = {}
        for m in registers.municipalities:
            counties[m.county] = counties.get(m.county, 0) + 1
        # `Region X` names the municipality only where the region is the municipality.
        self.sole_in_county = {m.code for m in registers.municipalities if counties[m.county] == 1}


_INDEXES: weakref.WeakKeyDictionary[Registers, _Index] = weakref.WeakKeyDictionary()


def _index_for(registers: Registers) -> _Index:
    index = _INDEXES.get(registers)
    if index is None:
        index = _INDEXES[registers] = _Index(registers)
    return index


def _capitalised_words(text: str):
    for match in _WORD.finditer(text):
        if match.group()[0].isupper():
            yield match


# --- organisations ---------------------------------------------------------------------


def _organisation_mentions(text: str, index: _Index, blocked: _Spans) -> list[Mention]:
    found: list[Mention] = []
    end_of_last = 0
    # All words, not only capitalised ones: a form may start in lower case (`eHälsomyndigheten`);
    # the patterns themselves enforce the case rules.
    for word in _WORD.finditer(text):
        start = word.start()
        forms = index.organisations.get(_key(word.group()))
        if not forms or start < end_of_last or blocked.overlaps(start, word.end()):
            continue
        best = None
        for form in forms:
            match = form.pattern.match(text, start)
            if match and (best is None or match.end() > best[0].end()):
                best = (match, form)
        if best:
            match, form = best
            found.append(Mention(start, match.end(), ORGANISATION, form.target, match.group()))
            end_of_last = match.end()
    return found


# --- municipalities --------------------------------------------------------------------

_LINE_START = re.compile(r"[ \t]*(?:[-*•–][ \t]+)?")  # `before` of a name opening a line
_REPORT = re.compile(r"[ \t]*:")  # `Mark: ...`
_PLACE_DATE = re.compile(r"[ \t]+\d{4}-\d{2}-\d{2}\b")  # `Mark 2020-10-18`
_TABLE_CELL = re.compile(r"\t")  # `Mark<TAB>113`
_LINE_END = re.compile(r"[ \t]*(?:\([^)\n]*\))?[ \t]*$")
_AFTER_COMMA = re.compile(r"[^\n.:;!?]{1,80},[ \t]*")  # `Kommundirektör, ` (whole `before`)
_PREPOSITION = re.compile(r"(?:^|[\s(])(?:[Ii]|[Ff]rån)[ \t]+$")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
_NOT_A_MUNICIPALITY_AFTER = re.compile(r"[ \t]+(?:läns?|universitets?)" + _NOT_WORD_AFTER)
_REGION_BEFORE = re.compile(r"(?:^|\W)Region[ \t]+$")
_LIST_GAP = re.compile(
    r"[ \t]*[,/&+][ \t]*(?:\n[ \t]*)?(?:(?:och|samt|eller)[ \t]+)?"
    r"|[ \t]+(?:och|samt|eller)[ \t]+"
)


@dataclass
class _Candidate:
    start: int
    end: int
    municipality: Municipality
    suffixed: bool  # written with `kommun` or `stad`
    accepted: bool = False
    vetoed: bool = False


class _MunicipalityFinder:
    def __init__(self, text: str, index: _Index, registers: Registers, blocked: list[tuple[int, int]]) -> None:
        self.text = text
        self.index = index
        self.registers = registers
        self.blocked = _Spans(blocked)
        self.blocked_list = blocked
        self.matched: list[tuple[int, int]] = []  # every exact match, even those rejected

    def find(self) -> list[Mention]:
        candidates = self._exact_candidates()
        for c in candidates:
            self._judge(c)
        self._accept_lists(candidates)
        accepted = [c for c in candidates if c.accepted]
        accepted += self._typo_candidates(accepted)
        return [Mention(c.start, c.end, MUNICIPALITY, c.municipality.code, self.text[c.start:c.end])
                for c in sorted(accepted, key=lambda c: c.start)]

    # Where a name stands on its line.
    def _before(self, start: int) -> str:
        return self.text[self.text.rfind("\n", 0, start) + 1:start]

    def _after(self, end: int) -> str:
        line_end = self.text.find("\n", end)
        return self.text[end:line_end if line_end >= 0 else len(self.text)]

    def _exact_candidates(self) -> list[_Candidate]:
        text, found = self.text, []
        end_of_last = 0
        for word in _capitalised_words(text):
            start = word.start()
            if start < end_of_last or self.blocked.overlaps(start, word.end()):
                continue
            best = None
            for form, m in self.index.municipalities.get(_key(word.group()), ()):
                match = form.pattern.match(text, start)
                if match and (best is None or match.end() > best[0].end()):
                    best = (match, m)
            if not best:
                continue
            match, m = best
            self.matched.append(match.span())
            tail = match.group("tail") or ""
            candidate = _Candidate(start, match.end(), m, suffixed=len(tail) > 1)
            if self._excluded(candidate) or self.blocked.overlaps(candidate.start, candidate.end):
                continue
            found.append(candidate)
            end_of_last = candidate.end
        return found

    def _excluded(self, c: _Candidate) -> bool:
        """Compounds, `Kalmar län`, `Region Uppsala`: not the municipality."""
        text = self.text
        if text[c.end:c.end + 1] == "-" and text[c.end + 1:c.end + 2].isalpha():
            return True
        if c.start >= 2 and text[c.start - 1] == "-" and text[c.start - 2].isalnum():
            return True
        if not c.suffixed and _NOT_A_MUNICIPALITY_AFTER.match(text, c.end):
            return True
        before = self._before(c.start)
        return bool(_REGION_BEFORE.search(before)) and c.municipality.code not in self.index.sole_in_county

    def _next_to_capitalised_word(self, start: int, end: int) -> bool:
        """Part of a longer proper name: `Anna Lund`, `Mora Svensson` (`I Mark` is fine)."""
        before = _WORD_BEFORE.search(self._before(start))
        if before and before.group(1)[0].isupper() and before.group(1) not in ("I", "Från"):
            return True
        after = _WORD_AFTER.match(self.text, end)
        return bool(after and after.group(1)[0].isupper())

    def _strong_position(self, start: int, end: int) -> bool:
        """A report opening, a signature's place and date, a table cell, an attendance-like end."""
        before, after = self._before(start), self._after(end)
        opens_line = _LINE_START.fullmatch(before) is not None
        return bool(
            (opens_line and (_REPORT.match(after) or _TABLE_CELL.match(after)))
            or _PLACE_DATE.match(after)
            or (_AFTER_COMMA.fullmatch(before) and _LINE_END.fullmatch(after))
        )

    def _judge(self, c: _Candidate) -> None:
        if not c.municipality.ambiguous or c.suffixed:
            c.accepted = True
            return
        if self._next_to_capitalised_word(c.start, c.end):
            c.vetoed = True
            return
        before, after = self._before(c.start), self._after(c.end)
        heading = before.strip() == "" and after.strip() == ""
        c.accepted = (heading or self._strong_position(c.start, c.end)
                      or _PREPOSITION.search(before) is not None)

    def _accept_lists(self, candidates: list[_Candidate]) -> None:
        """Ambiguous names listed together with an unambiguous municipality."""
        groups: list[list[_Candidate]] = []
        for c in candidates:
            if groups and _LIST_GAP.fullmatch(self.text, groups[-1][-1].end, c.start):
                groups[-1].append(c)
            else:
                groups.append([c])
        for group in groups:
            if any(c.accepted and not c.municipality.ambiguous for c in group):
                for c in group:
                    c.accepted = c.accepted or not c.vetoed

    def _typo_candidates(self, accepted: list[_Candidate]) -> list[_Candidate]:
        """Misspelt capitalised words in strong positions or in a list of municipalities."""
        # Words matched exactly but rejected (`Kalmar län`, `Mora Svensson`) stay rejected.
        taken = _Spans(self.blocked_list + self.matched)
        starts = [c.start for c in accepted]
        found = []
        for word in _capitalised_words(self.text):
            start, end = word.span()
            if len(word.group()) < 5 or taken.overlaps(start, end):
                continue
            m = self.registers.municipality(word.group())  # the cheapest test first: most words are none
            if not m or m.ambiguous:
                continue
            if self._next_to_capitalised_word(start, end):
                continue
            if self.text[end:end + 1] == "-" or self.text[start - 1:start] == "-":
                continue
            strong = self._strong_position(start, end)
            neighbours = self._listed_with(start, end, accepted, starts)
            if not (strong or neighbours):
                continue
            # A list is weaker evidence than a report opening: there the correction must
            # be a regional neighbour (`Kungsbacka och Stenungssund`), which rules out
            # surnames such as `Ekberg, Lerum` (Lekeberg is in Örebro län).
            if strong or any(_same_region(m, n.municipality) for n in neighbours):
                found.append(_Candidate(start, end, m, suffixed=False, accepted=True))
        return found

    def _listed_with(self, start: int, end: int, accepted: list[_Candidate], starts: list[int]) -> list[_Candidate]:
        """Accepted municipalities listed right before or after the word (`accepted` is sorted)."""
        after = bisect.bisect_left(starts, end)
        neighbours = []
        if after > 0 and accepted[after - 1].end <= start and _LIST_GAP.fullmatch(self.text, accepted[after - 1].end, start):
            neighbours.append(accepted[after - 1])
        if after < len(accepted) and _LIST_GAP.fullmatch(self.text, end, accepted[after].start):
            neighbours.append(accepted[after])
        return neighbours


def _same_region(a: Municipality, b: Municipality) -> bool:
    return a.county == b.county or bool(set(a.associations) & set(b.associations))
