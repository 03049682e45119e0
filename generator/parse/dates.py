"""Document dates: front matter values, inference from the text, display and sorting.

`infer_date` follows the rule documented at the top of `data/date_cues.yml`, which also
holds every Swedish cue word the rule uses:

1. full dates: an agreement is dated by its last signature; other documents by a date on
   a header-like line near the top (or a "Publicerad ..." line); a report or letter
   without one by the place and date it is signed with at its end;
2. otherwise the year, by a weighted vote over the years mentioned in the text, each
   classified by the phrase or tense around it ("budget för 2024" -> written in 2023);
3. refined to a month when dated references enclose the meeting: after the latest past
   one ("föregående möte (5/9)") and before the earliest future one ("nästa ... 22/9").

Reasons are Swedish (shown to readers) and cite line numbers of `body`, counted from 1.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from generator.knowledge.date_cues import YEAR_DIGITS, DateCues, VoteRule
from generator.model import DateSource, DocumentDate, Kind, Precision

FROM_META_REASON = "Angivet i källfilens front matter"
NO_EVIDENCE_REASON = "Inget datum kunde härledas ur texten"
# Unknown dates sort FIRST: "0000" precedes every ISO prefix (same as DocumentDate.sort_key).
UNKNOWN_SORT_KEY = "0000"

# Date lines of a signature part stand just above its first "Ort & datum" line.
SIGNATURE_LOOKBACK_LINES = 4
# Longer quotes are shortened to "cue … reference".
QUOTE_MAX_CHARS = 40
# At most this many quotes are listed per kind of evidence.
QUOTES_PER_GROUP = 5
# References read across a new year must lie within this many days of each other.
MAX_WRAPPED_SPAN_DAYS = 183

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTH_STARTS = tuple(sum(_MONTH_DAYS[:i]) for i in range(12))  # day of year before month i+1
_YEAR_DAYS = 365


# --- the public interface -------------------------------------------------------------


def date_from_meta(value: Any) -> DocumentDate | None:
    """A date given in front matter: a date, "YYYY-MM-DD", "YYYY-MM", "YYYY" or an int year.

    None (no `date` key) gives None. Anything else raises ValueError; the caller reports it.
    """
    if value is None:
        return None
    iso, precision = _parse_meta_value(value)
    return DocumentDate(value=iso, precision=precision, source=DateSource.FRONT_MATTER, reason=FROM_META_REASON)


def infer_date(body: str, kind: Kind, cues: DateCues) -> DocumentDate:
    """Infer a document's date from its text; see the module docstring and date_cues.yml."""
    text = _Text(body)
    full_dates = _full_dates(text, cues)
    if kind is Kind.AGREEMENT:
        stated = _agreement_date(text, full_dates, cues)
    else:
        stated = _header_date(text, full_dates, cues) or _publication_date(text, full_dates, cues)
        if stated is None and kind is Kind.OTHER:
            stated = _closing_date(text, full_dates, cues)
    return stated or _estimate(text, full_dates, cues)


def date_sort_key(date: DocumentDate) -> str:
    """A string that sorts chronologically: the ISO prefix itself.

    Unknown dates sort first ("0000"). Within one year, a year-only date sorts before its
    months and a month before its days ("2023" < "2023-09" < "2023-09-12").
    """
    return date.value or UNKNOWN_SORT_KEY


# --- front matter ---------------------------------------------------------------------

_META_FORMS = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), Precision.DAY),
    (re.compile(r"\d{4}-\d{2}"), Precision.MONTH),
    (re.compile(r"\d{4}"), Precision.YEAR),
)


def _parse_meta_value(value: Any) -> tuple[str, Precision]:
    expected = "expected a date YYYY-MM-DD, YYYY-MM or YYYY"
    if isinstance(value, dt.datetime):  # YAML timestamps; a datetime is also a date
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat(), Precision.DAY
    if isinstance(value, bool):  # bool is an int subclass: `date: yes` is a mistake
        raise ValueError(f"front matter date {value!r} is not a date; {expected}")
    if isinstance(value, int):
        if 1000 <= value <= 9999:
            return str(value), Precision.YEAR
        raise ValueError(f"front matter date {value!r} is not a four-digit year; {expected}")
    if isinstance(value, str):
        written = value.strip()
        for pattern, precision in _META_FORMS:
            if pattern.fullmatch(written):
                _check_calendar(written, precision, value)
                return written, precision
        raise ValueError(f"front matter date {value!r} has an unknown form; {expected}")
    raise ValueError(f"front matter date {value!r} ({type(value).__name__}) is not a date; {expected}")


def _check_calendar(written: str, precision: Precision, original: Any) -> None:
    try:
        if int(written[:4]) < 1000:
            raise ValueError("not a four-digit year")
        if precision is Precision.DAY:
            dt.date.fromisoformat(written)
        elif precision is Precision.MONTH:
            dt.date(int(written[:4]), int(written[5:7]), 1)
    except ValueError:
        raise ValueError(f"front matter date {original!r} is not a real calendar date") from None



# --- text geometry --------------------------------------------------------------------

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“”(\[]?[A-ZÅÄÖ0-9])")
_CLAUSE_BREAK = re.compile(r"[,;]|\s(?:och|men|samt|medan|eller|utan)\s|\s[–—-]\s")


class _Text:
    """The body with lookups from character positions to lines, sentences and clauses.

    Sentences never cross a line: the sources are flattened documents in which one line
    is one paragraph, heading or list item.
    """

    def __init__(self, body: str) -> None:
        self.body = body
        self._starts = [0] + [m.end() for m in re.finditer("\n", body)]

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_of(self, pos: int) -> int:
        return bisect.bisect_right(self._starts, pos)

    def line_bounds(self, line: int) -> tuple[int, int]:
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self.body)
        return start, end

    def line_text(self, line: int) -> str:
        start, end = self.line_bounds(line)
        return self.body[start:end]

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        return self._piece(self.line_bounds(self.line_of(pos)), pos, _SENTENCE_BREAK)

    def clause_bounds(self, pos: int) -> tuple[int, int]:
        return self._piece(self.sentence_bounds(pos), pos, _CLAUSE_BREAK)

    def _piece(self, bounds: tuple[int, int], pos: int, breaks: re.Pattern[str]) -> tuple[int, int]:
        start, end = bounds
        for m in breaks.finditer(self.body, start, end):
            if m.end() <= pos:
                start = m.end()
            elif m.start() >= pos:
                return start, m.start()
        return start, end

    def is_heading(self, line: int) -> bool:
        """A short line without sentence punctuation: a heading of the paragraph below it.

        (A line ending mid-sentence, as in paragraphs broken by the flattening, usually
        holds the end of an earlier sentence and so is not taken for a heading.)
        """
        stripped = self.line_text(line).strip()
        return (
            0 < len(stripped) <= 80
            and stripped[-1] not in ".!?:;,"
            and not re.search(r"[.!?]\s", stripped)
            and any(c.isalpha() for c in stripped)
        )

    def next_paragraph(self, line: int) -> tuple[int, int] | None:
        for following in range(line + 1, min(line + 4, self.line_count) + 1):
            if self.line_text(following).strip():
                return self.line_bounds(following)
        return None

    def non_blank_lines(self, limit: int) -> list[int]:
        lines = [n for n in range(1, self.line_count + 1) if self.line_text(n).strip()]
        return lines[:limit]

    def quote(self, *spans: tuple[int, int]) -> str:
        """The text covering the spans; when long, just the spans joined by an ellipsis."""
        ordered = sorted(spans)
        covering = self.body[ordered[0][0] : max(end for _, end in ordered)]
        overlapping = any(a[1] > b[0] for a, b in zip(ordered, ordered[1:]))
        if len(covering) <= QUOTE_MAX_CHARS or len(ordered) == 1 or overlapping:
            return _clean(covering)
        return " … ".join(_clean(self.body[a:b]) for a, b in ordered)


def _clean(text: str) -> str:
    return " ".join(text.split())


# --- tense ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tense:
    kind: str  # "past" or "future"
    start: int
    end: int
    in_sentence: bool


def _tense_near(text: _Text, start: int, end: int, cues: DateCues) -> _Tense | None:
    """The tense of a mention: the nearest cue in its clause, else in its sentence.

    A heading without a cue takes the tense of the first cue in the paragraph below it.
    """
    for lo, hi in (text.clause_bounds(start), text.sentence_bounds(start)):
        # a listed cue wins over a perfect tense: "har bokat ett möte i november" is ahead
        nearest = (_nearest_cue(text.body, lo, hi, start, end, cues.tense)
                   or _nearest_cue(text.body, lo, hi, start, end, cues.perfect))
        if nearest:
            return nearest
    line = text.line_of(start)
    below = text.next_paragraph(line) if text.is_heading(line) else None
    if below:
        m = cues.tense.search(text.body, *below)
        if m:
            return _Tense(m.lastgroup or "", m.start(), m.end(), in_sentence=False)
    return None


def _nearest_cue(body: str, lo: int, hi: int, start: int, end: int, pattern: re.Pattern[str]) -> _Tense | None:
    best: tuple[int, _Tense] | None = None
    for m in pattern.finditer(body, lo, hi):
        distance = max(0, m.start() - end, start - m.end())
        if best is None or distance < best[0]:  # on a tie the earlier (preceding) cue stays
            best = (distance, _Tense(m.lastgroup or "", m.start(), m.end(), in_sentence=True))
    return best[1] if best else None


def _is_recurring(text: _Text, pos: int, cues: DateCues) -> bool:
    return bool(cues.recurring.search(text.body, *text.sentence_bounds(pos)))


# --- full dates -----------------------------------------------------------------------


@dataclass(frozen=True)
class _FullDate:
    date: dt.date
    start: int
    end: int
    line: int


def _full_dates(text: _Text, cues: DateCues) -> list[_FullDate]:
    """Every valid full date in the text, in order, without overlaps."""
    found: list[_FullDate] = []
    for pattern in (cues.iso_date, cues.text_date, cues.numeric_date):
        for m in pattern.finditer(text.body):
            month = cues.month_lookup[m["mon"].lower()] if "mon" in m.groupdict() else int(m["m"])
            try:
                day = dt.date(int(m["y"]), month, int(m["d"]))
            except ValueError:
                continue
            found.append(_FullDate(day, m.start(), m.end(), text.line_of(m.start())))
    return _without_overlaps(sorted(found, key=lambda d: d.start))


def _without_overlaps(items: list[Any]) -> list[Any]:
    kept: list[Any] = []
    for item in items:
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


def _agreement_date(text: _Text, dates: list[_FullDate], cues: DateCues) -> DocumentDate | None:
    """An agreement is dated by its last signature (rule 1 for agreements)."""
    if not dates:
        return None
    block = _signature_block_start(text, cues)
    signing = [d for d in dates if block is not None and d.line >= block - SIGNATURE_LOOKBACK_LINES
               and _is_signing_line(text, d, dates, cues)]
    if signing:
        last = max(signing, key=lambda d: d.date)
        reason = (
            f'Överenskommelsen dateras efter sista underskrift: "{_signing_quote(text, last)}" '
            f"(rad {last.line}). Underskriftsdatum i texten: {_date_list(signing)}."
        )
        return DocumentDate(last.date.isoformat(), Precision.DAY, DateSource.TEXT, reason)
    candidates = [d for d in dates if not _states_validity(text, d, cues)]
    if not candidates:
        return None
    last = max(candidates, key=lambda d: d.date)
    reason = (
        f'Ingen underskriftsdel med datum hittades; senaste datum i texten: "{_signing_quote(text, last)}" '
        f"(rad {last.line}). Datum i texten: {_date_list(candidates)}."
    )
    return DocumentDate(last.date.isoformat(), Precision.DAY, DateSource.INFERRED, reason)


# Words a signing line may hold beside its places and dates ("Mölnlycke den 10 april 2019").
_SIGNING_FILLERS = re.compile(r"(?i)(?<!\w)den(?!\w)|[|:,.;_\t–-]")


def _is_signing_line(text: _Text, date: _FullDate, dates: list[_FullDate], cues: DateCues) -> bool:
    """A line of places and dates only (`Skövde 2016-06-20`, `Lerum 2020-12-14   Alingsås
    2020-12-17`, `Ort och datum: Trollhättan 2023-12-12`): where a signature is dated. A
    sentence in the signature part (`Avtalet gäller 2022-03-01–2024-02-29.`) is not."""
    line = cues.signature_marker.sub(" ", _without_dates(text, date, dates))
    words = _SIGNING_FILLERS.sub(" ", line).split()
    return all(w[:1].isupper() for w in words)


def _states_validity(text: _Text, date: _FullDate, cues: DateCues) -> bool:
    """ "gäller till och med 2025-12-31": how long the agreement runs, not when it was signed."""
    return bool(cues.validity_before.search(text.body, max(0, date.start - 30), date.start))


def _signature_block_start(text: _Text, cues: DateCues) -> int | None:
    """First signature marker line in the second half of the text (else the first at all)."""
    lines = [text.line_of(m.start()) for m in cues.signature_marker.finditer(text.body)]
    if not lines:
        return None
    later = [n for n in lines if n > text.line_count / 2]
    return (later or lines)[0]


def _signing_quote(text: _Text, date: _FullDate) -> str:
    """The date with the place written before it on its line ("ULRICEHAMN 2020-11-02")."""
    line_start, _ = text.line_bounds(date.line)
    place = re.search(r"([A-ZÅÄÖ][\w.-]*)\s+$", text.body[line_start : date.start])
    start = line_start + place.start(1) if place else date.start
    return _clean(text.body[start : date.end])


def _date_list(dates: Sequence[_FullDate]) -> str:
    """ "2020-10-06 (rad 326), 2020-10-14 (rad 337, 348)": each date once, in text order."""
    lines: dict[dt.date, list[int]] = {}
    for d in dates:
        lines.setdefault(d.date, []).append(d.line)
    return ", ".join(f"{day.isoformat()} (rad {_numbers(nums)})" for day, nums in lines.items())


def _numbers(lines: Iterable[int]) -> str:
    return ", ".join(str(n) for n in dict.fromkeys(lines))


def _header_date(text: _Text, dates: list[_FullDate], cues: DateCues) -> DocumentDate | None:
    """A date on a header-like line near the top (rule 1 for minutes and articles)."""
    header = set(text.non_blank_lines(cues.header_lines))
    title = set(text.non_blank_lines(cues.title_lines))
    for date in dates:
        if date.line in header and _is_header_line(text, date, cues, date.line in title):
            quote = _clean(text.line_text(date.line))
            reason = f'Datum i dokumenthuvudet: "{quote}" (rad {date.line})'
            return DocumentDate(date.date.isoformat(), Precision.DAY, DateSource.TEXT, reason)
    return None


def _closing_date(text: _Text, dates: list[_FullDate], cues: DateCues) -> DocumentDate | None:
    """The place and date a report or letter is signed with, near its end (`Göteborg
    2024-02-15` above the writer's name)."""
    closing = set(text.non_blank_lines(text.line_count)[-cues.closing_lines:])
    signed = [d for d in dates if d.line in closing and _is_signing_line(text, d, dates, cues)
              and re.search(r"[^\W\d_]", _without_dates(text, d, dates))]
    if not signed:
        return None
    last = signed[-1]
    reason = f'Ort och datum i slutet av texten: "{_signing_quote(text, last)}" (rad {last.line})'
    return DocumentDate(last.date.isoformat(), Precision.DAY, DateSource.TEXT, reason)


def _without_dates(text: _Text, date: _FullDate, dates: list[_FullDate]) -> str:
    """The line of `date` with every date on it removed (what stands beside them)."""
    line_start, line_end = text.line_bounds(date.line)
    line = text.body[line_start:line_end]
    for other in reversed([d for d in dates if d.line == date.line]):
        line = line[: other.start - line_start] + " " + line[other.end - line_start:]
    return line


# "kl. 9.00-12.00", "13:15": allowed beside the date on a header line
_CLOCK_TIME = re.compile(
    r"(?i)\bkl\.?\s*[\d.:]+(?:\s*[-–]\s*[\d.:]+)?"
    r"|\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?"
)


def _is_header_line(text: _Text, date: _FullDate, cues: DateCues, title: bool = False) -> bool:
    line_start, line_end = text.line_bounds(date.line)
    line = text.body[line_start:line_end]
    if cues.tense.search(line):  # "Datum för nästa möte: ..." dates something else
        return False
    above = _heading_above(text, date.line, cues)
    if above is not None and any(m.group("future") for m in cues.tense.finditer(above)):
        return False  # "Nästa möte" over "2024-05-20 kl. 9-12": the heading says what it dates
    if cues.header_label.search(line) or title:
        return True
    rest = text.body[line_start : date.start] + " " + text.body[date.end : line_end]
    rest = cues.weekday.sub(" ", rest)
    rest = _CLOCK_TIME.sub(" ", rest)
    rest = re.sub(r"(?i)\b(?:den|kl)\b", " ", rest)  # "Torsdagen den 26 november 2020, kl. 8.30"
    words = re.findall(r"[^\W\d_]+", rest)
    # nothing but the date, or a place name or two beside it ("Göteborg 2023-09-12")
    return len(words) <= 2 and all(w[0].isupper() for w in words)


def _heading_above(text: _Text, line: int, cues: DateCues) -> str | None:
    """The short dateless line right above `line` (blank lines between allowed), which says
    what the date below it is: `Nästa möte` (or `5. Nästa möte`) over `2024-05-20 kl. 9-12`."""
    for previous in range(line - 1, max(line - 3, 0), -1):
        above = text.line_text(previous).strip()
        if not above:
            continue
        if len(above.split()) <= 6 and not any(p.search(above) for p in (
                cues.iso_date, cues.text_date, cues.numeric_date, cues.month_year)):
            return above
        return None
    return None


def _publication_date(text: _Text, dates: list[_FullDate], cues: DateCues) -> DocumentDate | None:
    for date in dates:
        line = text.line_text(date.line)
        if cues.publication_label.search(line):
            reason = f'Publiceringsdatum i texten: "{_clean(line)}" (rad {date.line})'
            return DocumentDate(date.date.isoformat(), Precision.DAY, DateSource.TEXT, reason)
    return None


# --- evidence for the year ------------------------------------------------------------


@dataclass(frozen=True)
class _Vote:
    """One piece of evidence: the text was written in `year`."""

    year: int
    weight: float
    category: str  # planning, current, reported, future, past, dated, neutral
    when: str | None
    quote: str
    line: int


@dataclass(frozen=True)
class _Reference:
    """A dated reference with a tense: an event before or after the time of writing."""

    tense: str  # "past" or "future"
    start: int  # day of the year, 1-365
    length: int  # days covered: 1 for a day, a month's length for "i oktober"
    quote: str
    line: int


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def _year_votes(text: _Text, claimed: list[_Span], cues: DateCues) -> list[_Vote]:
    """One vote for every year written in the text outside full dates (rule 2)."""
    votes = []
    for m in re.finditer(rf"(?<![\d.,:])(?P<y>{YEAR_DIGITS})(?!\d|[.,:]\d)", text.body):
        if _inside(m.start(), claimed) or _is_quantity(text.body, m.start(), m.end(), cues):
            continue
        votes.append(_classify_year(text, int(m["y"]), m.start(), m.end(), cues))
    return votes


def _inside(pos: int, spans: list[_Span]) -> bool:
    return any(s.start <= pos < s.end for s in spans)


def _is_quantity(body: str, start: int, end: int, cues: DateCues) -> bool:
    before = body[max(0, start - 12) : start]
    return bool(cues.not_year_before.search(before) or cues.not_year_after.match(body, end, end + 15))


def _classify_year(text: _Text, year: int, start: int, end: int, cues: DateCues) -> _Vote:
    """Phrase cue, else season and tense, else tense, else same-line hint, else neutral."""
    line = text.line_of(start)
    sentence_start, _ = text.sentence_bounds(start)
    prefix = text.body[sentence_start:start]
    phrase = _phrase_cue(prefix, sentence_start, cues)
    if phrase:
        category, cue_start = phrase
        rule = cues.year_categories[category][0]
        return _vote(rule, category, year, text.quote((cue_start, end)), line)
    season = cues.season_before_year.search(prefix)
    mention_start = sentence_start + season.start() if season else start
    mention_start = _with_preposition(text.body, sentence_start, mention_start, cues)
    tense = _tense_near(text, mention_start, end, cues)
    quote = _mention_quote(text, (mention_start, end), tense)
    if tense:
        rule = cues.tense_votes[tense.kind]
        if season:  # the season decides the offset: "ska under hösten 2019" is written in 2019
            timing = cues.seasons[season["season"].lower()][tense.kind]
            rule = VoteRule(rule.weight, timing.offset, timing.when)
        return _vote(rule, tense.kind, year, quote, line)
    hint = None if season else cues.current_without_year.search(text.line_text(line))
    if hint:
        rule = cues.year_categories["current"][0]
        return _vote(rule, "current", year, f"{quote} … {_clean(hint.group())}", line)
    return _vote(cues.tense_votes["neutral"], "neutral", year, quote, line)


def _vote(rule: VoteRule, category: str, year: int, quote: str, line: int) -> _Vote:
    return _Vote(year + rule.offset, rule.weight, category, rule.when, quote, line)


def _phrase_cue(prefix: str, offset: int, cues: DateCues) -> tuple[str, int] | None:
    """The year cue closest before the year, at most `max_gap_words` words away."""
    best: tuple[int, str] | None = None
    for category, (_, pattern) in cues.year_categories.items():
        for m in pattern.finditer(prefix):
            gap = prefix[m.end() :]
            if len(gap.split()) <= cues.max_gap_words and not re.search(r"[.!?;]", gap):
                if best is None or m.start() > best[0]:
                    best = (m.start(), category)
    return (best[1], offset + best[0]) if best else None


def _with_preposition(body: str, floor: int, start: int, cues: DateCues) -> int:
    """Extend a mention leftwards over a preposition: "2020" -> "Under 2020"."""
    m = cues.preposition_before.search(body, max(floor, start - 20), start)
    return m.start() if m else start


def _mention_quote(text: _Text, mention: tuple[int, int], tense: _Tense | None) -> str:
    if tense and tense.in_sentence:
        return text.quote(mention, (tense.start, tense.end))
    return text.quote(mention)


# --- dated references -----------------------------------------------------------------


def _references(
    text: _Text, full_dates: list[_FullDate], cues: DateCues
) -> tuple[list[_Reference], list[_Vote], list[_Span]]:
    """Day/month references with their tense, votes for explicit years, and claimed spans.

    Full dates and "oktober 2020" in the running text are references that also vote for
    their own year; their spans are claimed so that the year is not counted again.
    """
    claimed = [_Span(d.start, d.end) for d in full_dates]
    found = [(d.start, d.end, d.date.month, d.date.day, 1, d.date.year) for d in full_dates]
    for m in cues.month_year.finditer(text.body):
        if not _overlaps(m.start(), m.end(), claimed):
            claimed.append(_Span(m.start(), m.end()))
            month = cues.month_lookup[m["mon"].lower()]
            start = _with_preposition(text.body, text.line_bounds(text.line_of(m.start()))[0], m.start(), cues)
            found.append((start, m.end(), month, 1, _MONTH_DAYS[month - 1], int(m["y"])))
    found += [(*undated, None) for undated in _undated_references(text, claimed, cues)]
    refs: list[_Reference] = []
    votes: list[_Vote] = []
    for start, end, month, day, length, year in found:
        if _is_recurring(text, start, cues):
            continue
        ref, vote = _reference_at(text, start, end, month, day, length, year, cues)
        refs += [ref] if ref else []
        votes += [vote] if vote else []
    return refs, votes, claimed


def _undated_references(text: _Text, claimed: list[_Span], cues: DateCues) -> list[tuple[int, int, int, int, int]]:
    """(start, end, month, first day, days) for "(5/9)", "den 1 oktober", "i november"..."""
    found: list[tuple[int, int, int, int, int]] = []
    taken = list(claimed)
    for m in cues.numeric_day_month.finditer(text.body):
        day, month = int(m["d"] or m["pd"]), int(m["m"] or m["pm"])
        if 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else _MONTH_DAYS[month - 1]):
            _take(found, taken, m.start(), m.end(), month, day, 1)
    for m in cues.text_day_month.finditer(text.body):
        month = cues.month_lookup[m["mon"].lower()]
        if 1 <= int(m["d"]) <= _MONTH_DAYS[month - 1] + (month == 2):
            _take(found, taken, m.start(), m.end(), month, int(m["d"]), 1)
    for m in cues.month_only.finditer(text.body):
        if not (m["prep"] or m["m2"]):
            continue  # a month name alone is too vague ("oktober" in a title)
        first = cues.month_lookup[m["m1"].lower()]
        last = cues.month_lookup[m["m2"].lower()] if m["m2"] else first
        _take(found, taken, m.start(), m.end(), first, 1, _months_length(first, last))
    return found


def _take(found: list, taken: list[_Span], start: int, end: int, month: int, day: int, length: int) -> None:
    if not _overlaps(start, end, taken):
        taken.append(_Span(start, end))
        found.append((start, end, month, day, length))


def _overlaps(start: int, end: int, spans: list[_Span]) -> bool:
    return any(start < s.end and s.start < end for s in spans)


def _months_length(first: int, last: int) -> int:
    """Days from the start of `first` to the end of `last`, across the new year if needed."""
    months = [(first - 1 + i) % 12 for i in range((last - first) % 12 + 1)]
    return sum(_MONTH_DAYS[i] for i in months)


def _reference_at(
    text: _Text, start: int, end: int, month: int, day: int, length: int, year: int | None, cues: DateCues
) -> tuple[_Reference | None, _Vote | None]:
    """The reference (if it has a tense) and, for an explicit year, that year's vote."""
    tense = _tense_near(text, start, end, cues)
    line = text.line_of(start)
    quote = _mention_quote(text, (start, end), tense)
    vote = None
    if year is not None:
        category = "dated" if tense else "neutral"
        vote = _vote(cues.tense_votes[category], category, year, quote, line)
    ref = _Reference(tense.kind, _day_of_year(month, day), length, quote, line) if tense else None
    return ref, vote


def _day_of_year(month: int, day: int) -> int:
    return _MONTH_STARTS[month - 1] + min(day, _MONTH_DAYS[month - 1])


def _month_of(position: int) -> int:
    day = (position - 1) % _YEAR_DAYS + 1
    return bisect.bisect_left(_MONTH_STARTS, day)


def _day_label(position: int) -> str:
    day = (position - 1) % _YEAR_DAYS + 1
    month = _month_of(day)
    return f"{day - _MONTH_STARTS[month - 1]}/{month}"


# --- choosing the year ----------------------------------------------------------------


@dataclass(frozen=True)
class _YearChoice:
    year: int
    votes: tuple[_Vote, ...]  # the votes for `year`
    when: str | None
    tied: tuple[int, ...]  # other years with the same score
    tie_break: str | None  # why `year` won the tie
    others: tuple[_Vote, ...]  # cue-based votes for other years


def _choose_year(votes: list[_Vote]) -> _YearChoice | None:
    """The year with the largest summed weight; ties go to the strongest single piece, then
    to the later year."""
    if not votes:
        return None
    scores: dict[int, float] = {}
    for vote in votes:
        scores[vote.year] = scores.get(vote.year, 0) + vote.weight
    strongest = {y: max(v.weight for v in votes if v.year == y) for y in scores}
    top = max(scores.values())
    tied = [y for y, s in scores.items() if s == top]
    year = max(tied, key=lambda y: (strongest[y], y))
    tie_break = None
    if len(tied) > 1:
        stronger = sum(1 for y in tied if strongest[y] == strongest[year]) == 1
        tie_break = "det har det starkaste enskilda belägget" if stronger else "det är det senare året"
    winners = tuple(v for v in votes if v.year == year)
    return _YearChoice(
        year=year,
        votes=winners,
        when=_dominant_when(winners),
        tied=tuple(sorted(y for y in tied if y != year)),
        tie_break=tie_break,
        others=tuple(v for v in votes if v.year != year and v.category != "neutral"),
    )


def _dominant_when(votes: Sequence[_Vote]) -> str | None:
    weights: dict[str, float] = {}
    for vote in votes:
        if vote.when:
            weights[vote.when] = weights.get(vote.when, 0) + vote.weight
    return max(weights, key=lambda w: weights[w]) if weights else None


# --- the month window -----------------------------------------------------------------


@dataclass(frozen=True)
class _Window:
    """Days (on an unrolled timeline, > 365 after a new year) the meeting may fall on."""

    low: int | None
    high: int | None
    past: _Reference | None  # the reference that sets `low`
    future: _Reference | None  # the reference that sets `high`


def _window(refs: list[_Reference]) -> _Window | None:
    """After the latest past reference, before the earliest future one; None if they clash.

    References carry no year, so the timeline may start at any day ("cut"): a December
    reference before a January one is only consistent when January is the next year. No
    cut is preferred; otherwise the cut that keeps all references closest together, and
    only if they then lie within half a year (else "past 12/10, ahead 3/10" would be read
    as October next year rather than as the contradiction it is).
    """
    if not refs:
        return _Window(None, None, None, None)
    best: tuple[int, int] | None = None  # (span, cut)
    for cut in range(1, _YEAR_DAYS + 1):
        window = _window_from(refs, cut)
        if window is None:
            continue
        if cut == 1:
            return window
        starts = [_unroll(r.start, cut) for r in refs]
        span = max(s + r.length for s, r in zip(starts, refs)) - min(starts)
        if span <= MAX_WRAPPED_SPAN_DAYS and (best is None or span < best[0]):
            best = (span, cut)
    return _window_from(refs, best[1]) if best else None


def _unroll(day: int, cut: int) -> int:
    return day if day >= cut else day + _YEAR_DAYS


def _window_from(refs: list[_Reference], cut: int) -> _Window | None:
    # an event in the past happened at the earliest on its first day: the meeting is later;
    # an event ahead happens at the latest on its last day: the meeting is earlier
    lows = [(_unroll(r.start, cut) + 1, r) for r in refs if r.tense == "past"]
    highs = [(_unroll(r.start, cut) + r.length - 2, r) for r in refs if r.tense == "future"]
    low, past = max(lows, key=lambda x: x[0]) if lows else (None, None)
    high, future = min(highs, key=lambda x: x[0]) if highs else (None, None)
    if low is not None and high is not None and low > high:
        return None
    return _Window(low, high, past, future)


def _window_months(window: _Window) -> list[int]:
    """The unrolled month indexes (13 = January of the next year) from low to high."""
    assert window.low is not None and window.high is not None
    first = _month_index(window.low)
    return list(range(first, _month_index(window.high) + 1))


def _month_index(position: int) -> int:
    return _month_of(position) + 12 * ((position - 1) // _YEAR_DAYS)


@dataclass(frozen=True)
class _MonthEstimate:
    month: int
    estimate: bool  # the window spans two months and one was chosen
    months: tuple[int, ...]  # calendar months of the window


def _estimate_month(window: _Window, when: str | None, cues: DateCues) -> _MonthEstimate | None:
    """One month for a window of one month, an estimate for two, None otherwise."""
    if window.low is None or window.high is None:
        return None
    indexes = _window_months(window)
    months = tuple((i - 1) % 12 + 1 for i in indexes)
    if len(indexes) == 1:
        return _MonthEstimate(months[0], False, months)
    if len(indexes) > 2:
        return None
    chosen = months[0]  # the month of the latest past reference
    if months == (12, 1) and when in cues.when_months:
        # across the new year, follow the season the year evidence points at
        first, last = cues.when_months[when]
        if first <= 1 <= last and not first <= 12 <= last:
            chosen = 1
    return _MonthEstimate(chosen, True, months)


# --- composing the estimate -----------------------------------------------------------


def _estimate(text: _Text, full_dates: list[_FullDate], cues: DateCues) -> DocumentDate:
    """Rules 2 and 3: the year by vote, refined to a month by the reference window."""
    refs, dated_votes, claimed = _references(text, full_dates, cues)
    choice = _choose_year(_year_votes(text, claimed, cues) + dated_votes)
    window = _window(refs)
    month = _estimate_month(window, choice.when if choice else None, cues) if window else None
    month_part = _month_reason(window, month, choice.year if choice else None, cues)
    if choice is None:
        if month_part:
            return DocumentDate(None, None, DateSource.INFERRED, f"Inget år kunde härledas ur texten; {month_part}.")
        return DocumentDate(None, None, DateSource.INFERRED, NO_EVIDENCE_REASON)
    year_part = _year_reason(choice, month.month if month else None, cues)
    reason = "Uppskattat: " + year_part + (f"; {month_part}" if month_part else "") + "."
    if month:
        return DocumentDate(f"{choice.year}-{month.month:02d}", Precision.MONTH, DateSource.INFERRED, reason)
    return DocumentDate(str(choice.year), Precision.YEAR, DateSource.INFERRED, reason)


_GROUPS = (  # how each category of year evidence is described, in this order
    ("planning", "texten planerar {}"),
    ("current", "texten gäller det pågående året: {}"),
    ("future", "{} ligger framåt"),
    ("dated", "texten hänvisar till {}"),
    ("reported", "{} har redan skett"),
    ("past", "{} har redan skett"),
)


def _year_reason(choice: _YearChoice, month: int | None, cues: DateCues) -> str:
    groups: list[str] = []
    by_template: dict[str, list[_Vote]] = {}
    for category, template in _GROUPS:
        by_template.setdefault(template, []).extend(v for v in choice.votes if v.category == category)
    for template, votes in by_template.items():
        if votes:
            groups.append(template.format(_quote_list(votes)))
    if not groups:  # only bare mentions of the year
        neutral = [v for v in choice.votes if v.category == "neutral"]
        groups.append(f"texten nämner {_quote_list(neutral)} utan tydlig tidsmarkör")
    only_past = all(v.category == "past" for v in choice.votes)
    reason = _join(groups, separator="; ") + ", alltså " + _describe_when(choice, month, cues, only_past)
    if choice.tied:
        tied = _join([str(y) for y in choice.tied])
        reason += f" (lika starkt stöd för {tied}; {choice.year} valdes eftersom {choice.tie_break})"
    if choice.others:
        reason += _conflicts(choice.others)
    return reason


def _conflicts(others: Sequence[_Vote]) -> str:
    by_year: dict[int, list[_Vote]] = {}
    for vote in others:
        by_year.setdefault(vote.year, []).append(vote)
    parts = [f"{_quote_list(votes)} pekar på {year}" for year, votes in sorted(by_year.items())]
    return "; men " + _join(parts)


def _describe_when(choice: _YearChoice, month: int | None, cues: DateCues, only_past: bool) -> str:
    year, when = choice.year, choice.when
    if only_past:  # past events only bound the year from below
        return f"tidigast {year}"
    if not when or (month is not None and not _when_covers(when, month, cues)):
        return str(year)
    if month is not None and when in cues.seasons:
        return f"{when} {year}"  # "hösten 2023"
    return f"{year}, troligen {when}"


def _when_covers(when: str, month: int, cues: DateCues) -> bool:
    first, last = cues.when_months.get(when, (1, 12))
    return first <= month <= last


def _month_reason(window: _Window | None, month: _MonthEstimate | None, year: int | None, cues: DateCues) -> str:
    if window is None:
        return "datumhänvisningarna motsäger varandra och används inte"
    if window.past is None and window.future is None:
        return ""
    bounds = []
    if window.past:
        bounds.append(f'"{window.past.quote}" (rad {window.past.line}) har redan ägt rum')
    if window.future:
        bounds.append(f'"{window.future.quote}" (rad {window.future.line}) ligger framåt')
    evidence = _join(bounds)
    if month is None:
        if window.low is not None and window.high is not None:
            span = f"{_day_label(window.low)}–{_day_label(window.high)}"
            return f"{evidence}, men fönstret {span} är för brett för att ange en månad"
        return f"{evidence}, men det avgränsar inte mötet till en månad"
    name = cues.month_names[month.month] + (f" {year}" if year is not None else "")
    if month.estimate:
        names = "–".join(cues.month_names[m] for m in month.months)
        return f"{evidence}, alltså troligen {name} (uppskattning inom fönstret {names})"
    return f"{evidence}, alltså {name}"


def _quote_list(votes: Sequence[_Vote]) -> str:
    """ '"budget för 2024" (rad 57) och "Mötestider 2024" (rad 88)', each quote once."""
    lines: dict[str, tuple[str, list[int]]] = {}
    for vote in votes:
        lines.setdefault(vote.quote.lower(), (vote.quote, []))[1].append(vote.line)
    items = [f'"{quote}" (rad {_numbers(nums)})' for quote, nums in lines.values()]
    if len(items) > QUOTES_PER_GROUP:
        rest = len(items) - QUOTES_PER_GROUP
        items = items[:QUOTES_PER_GROUP] + [f"{rest} till"]
    return _join(items)


def _join(items: Sequence[str], separator: str = ", ") -> str:
    if len(items) <= 1:
        return "".join(items)
    return separator.join(items[:-1]) + (" och " if separator == ", " else separator) + items[-1]
