"""Topics: which agenda items, agreement sections and articles are about what.

The vocabulary lives in `data/amnen.yml` (editable; its header documents the pattern syntax
and THE RULE). This module reads and checks it, compiles the patterns once, and answers
"which topics does this unit of text meet the minimum evidence for?".

    topics = load_topics()
    text = blocks_text(item.blocks)
    for hit in match_topics(item.title, text, topics):
        snippet, marks = excerpt(text, hit.spans)   # marks: spans to highlight in snippet

A *unit* is whatever the caller treats as one piece of text with a heading: an agenda
item, an agreement section, an article. `match_topics` takes plain strings, so it does not
depend on how a unit was parsed; `blocks_text` turns parsed blocks into such a string.

THE RULE (also in the data file): a unit is tagged with a topic when
  1. a pattern of the topic matches in the unit's title, or
  2. the topic's patterns match at least MIN_MATCHES (2) times in the text, or
  3. a pattern marked `strong: true` matches in the text.
Matches that overlap, or that are separated only by at most three spaces, hyphens, commas
or brackets on the same line, count as one mention (`DUA-överenskommelser`, `kommunala
aktivitetsansvaret (KAA)`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import yaml

from generator.knowledge.datafiles import flag, scalar, string_list

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "amnen.yml"

MIN_MATCHES = 2  # rule 2: matches needed in the text when neither title nor strong pattern matches
EXCERPT_WIDTH = 200

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TOPIC_KEYS = {"id", "name", "description", "patterns", "related"}
_PATTERN_KEYS = {"pattern", "strong", "case_sensitive"}
_HYPHENS = "-\u2010\u2011"  # hyphen-minus, hyphen, non-breaking hyphen
_HYPHEN_CLASS = r"\-\u2010\u2011"  # the same, for use inside a regex character class
# What may stand between two matches that are one mention: `DUA-överenskommelser`,
# `aktivitetsansvaret (KAA)`, `KAA, kommunala aktivitetsansvaret`.
_JOINER = re.compile(rf"[ \t{_HYPHEN_CLASS},()\[\]]{{0,3}}")


class TopicError(ValueError):
    """A problem in the topic vocabulary; `problems` holds one `file:line: problem` each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


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
        object.__setattr__(self, "_literal", max(pieces, key=len))
        object.__setattr__(self, "_extend_left", source.startswith("*"))
        object.__setattr__(self, "_core", re.compile(_body(source.lstrip("*")) + r"(?!\w)"))

    def spans(self, text: str, lowered: str) -> list[tuple[int, int]]:
        """(start, end) of the matches in `text`, as `regex.finditer` finds them.

        `lowered` must be `text.lower()` (computed once per text by the caller); patterns
        that are not case sensitive are matched on it, so letters match when their lower
        case forms are equal.
        """
        haystack = text if self.case_sensitive else lowered
        if self._literal not in haystack:
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


# --- patterns --------------------------------------------------------------------------


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


# --- matching --------------------------------------------------------------------------


def _mentions(text: str, lowered: str, topic: Topic) -> list[tuple[int, int, bool]]:
    """Non-overlapping mentions (start, end, strong) of the topic in `text`, in order."""
    if not text:
        return []
    found = sorted(
        (start, end, p.strong)
        for p in topic.patterns
        for start, end in p.spans(text, lowered)
        if end > start
    )
    merged: list[tuple[int, int, bool]] = []
    for start, end, strong in found:
        if merged:
            last_start, last_end, last_strong = merged[-1]
            if start <= last_end or _JOINER.fullmatch(text, last_end, start):
                merged[-1] = (last_start, max(last_end, end), last_strong or strong)
                continue
        merged.append((start, end, strong))
    return merged


def match_topics(title: str, text: str, topics: Sequence[Topic] | None = None) -> list[TopicHit]:
    """The topics a unit (title + text) meets the minimum evidence for (THE RULE above).

    Hits come in a stable order: title matches first, then by number of mentions, then in
    the vocabulary's order. `topics` defaults to the vocabulary in data/amnen.yml.
    """
    if topics is None:
        topics = load_topics()
    hits: list[tuple[tuple, TopicHit]] = []
    text_lowered, title_lowered = text.lower(), title.lower()  # for the patterns' quick test
    for index, topic in enumerate(topics):
        in_text = _mentions(text, text_lowered, topic)
        in_title = _mentions(title, title_lowered, topic)
        strong = any(s for _, _, s in in_text)
        if not (in_title or strong or len(in_text) >= MIN_MATCHES):
            continue
        hit = TopicHit(
            topic_id=topic.id,
            count=len(in_text),
            spans=tuple((s, e) for s, e, _ in in_text),
            in_title=bool(in_title),
            title_spans=tuple((s, e) for s, e, _ in in_title),
            strong=strong,
        )
        hits.append(((not hit.in_title, -hit.count, index), hit))
    return [hit for _, hit in sorted(hits, key=lambda pair: pair[0])]


def blocks_text(blocks: Iterable[object]) -> str:
    """The text of parsed content blocks (`generator.model.Block`), one block per line.

    Paragraphs and sub-headings give their text, bullet lists one line per item, decisions
    their proposal and decision. Anything else with a `text` attribute gives that.
    """
    lines: list[str] = []
    for block in blocks:
        items = getattr(block, "items", None)
        if isinstance(items, tuple):
            lines.extend(str(i) for i in items)
            continue
        proposal = getattr(block, "proposal", None)
        if proposal:
            lines.append(str(proposal))
        text = getattr(block, "text", None)
        if text:
            lines.append(str(text))
    return "\n".join(lines)


# --- excerpts --------------------------------------------------------------------------


def excerpt(text: str, spans: Sequence[tuple[int, int]], width: int = EXCERPT_WIDTH,
            ellipsis: str = "…") -> tuple[str, list[tuple[int, int]]]:
    """A short excerpt of `text` around its best match, and the matches' spans within it.

    The excerpt holds at most `width` characters of the text (plus `ellipsis` where text
    was left out before or after), with whitespace runs collapsed to one space and its
    edges moved to spaces so that no word is cut. It is placed where the most matches fit
    within `width`, the earliest such place; the returned spans are the matches lying
    wholly inside it, as (start, end) offsets into the returned string, for highlighting.
    Without spans it is the start of the text. The result is plain text: escape it (and
    insert the highlight markup at the spans) when rendering.
    """
    width = max(width, 1)
    spans = sorted((s, e) for s, e in spans if 0 <= s < e <= len(text))
    start, end = _window(text, spans, width)
    # Collapse whitespace, keeping a map from the excerpt back to the text.
    out: list[str] = []
    origin: list[int] = []
    for position in range(start, end):
        char = text[position]
        if char.isspace():
            if not out or out[-1] == " ":
                continue
            char = " "
        out.append(char)
        origin.append(position)
    while out and out[-1] == " ":
        out.pop()
        origin.pop()
    lead = ellipsis if text[:start].strip() else ""
    tail = ellipsis if text[end:].strip() else ""
    where = {pos: i + len(lead) for i, pos in enumerate(origin)}
    marks = [(where[s], where[e - 1] + 1) for s, e in spans
             if start <= s and e <= end and s in where and e - 1 in where]
    return lead + "".join(out) + tail, marks


def _window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """[start, end) of at most `width` characters: the most spans, edges at spaces."""
    if not spans:
        first = last = 0
    else:
        best = (0, spans[0][0], spans[0][1])  # (number of spans, first start, last end)
        for i, (first_start, _) in enumerate(spans):
            count, last_end = 0, first_start
            for s, e in spans[i:]:
                if e - first_start > width:
                    break
                count, last_end = count + 1, e
            if count > best[0]:
                best = (count, first_start, last_end)
        _, first, last = best
        last = min(last, first + width)  # one match longer than the window: its start
    room = width - (last - first)
    start = max(0, first - room // 2)  # context on both sides of the matches
    end = min(len(text), start + width)
    start = max(0, min(start, end - width))  # near the end of the text: more before
    # Do not cut words: move the start forward and the end back to whitespace, never past
    # the matches' edges.
    if 0 < start and not text[start - 1].isspace():
        while start < first and not text[start - 1].isspace():
            start += 1
    if end < len(text) and not text[end].isspace():
        back = end
        while back > last and not text[back].isspace():
            back -= 1
        end = back if back > start else end
    return start, end


# --- loading ---------------------------------------------------------------------------


def load_topics(path: Path | str | None = None) -> tuple[Topic, ...]:
    """The topic vocabulary, read and checked; the default file is read once per process."""
    if path is None:
        return _default_topics()
    return read_topics(Path(path))


@functools.cache
def _default_topics() -> tuple[Topic, ...]:
    return read_topics(DATA_FILE)


def read_topics(path: Path) -> tuple[Topic, ...]:
    """Topics of a vocabulary file; every problem found is reported at once (TopicError)."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except OSError as error:
        raise TopicError([f"{path}: cannot read: {error}"]) from error
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise TopicError([f"{path}{f':{mark.line + 1}' if mark else ''}: not valid YAML: {error.problem}"]) from error
    if root is None:
        return ()
    if not isinstance(root, yaml.SequenceNode):
        raise TopicError([f"{path}:{root.start_mark.line + 1}: expected a list of topics"])
    problems: list[str] = []
    topics: list[tuple[Topic, int]] = []
    for node in root.value:
        line = node.start_mark.line + 1
        where = f"{path}:{line}"
        if not isinstance(node, yaml.MappingNode):
            problems.append(f"{where}: a topic must be a mapping with id, name, description, patterns")
            continue
        fields: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if key_node.value not in _TOPIC_KEYS:
                problems.append(f"{path}:{key_node.start_mark.line + 1}: unknown field {key_node.value!r}")
            fields[key_node.value] = value_node
        topic_id, name = scalar(fields.get("id")), scalar(fields.get("name"))
        description = scalar(fields.get("description"))
        if not topic_id or not _ID.fullmatch(topic_id):
            problems.append(f"{where}: id {topic_id!r} must be lower-case letters a-z, digits and '-'")
            continue
        if not name or not description:
            problems.append(f"{where}: {topic_id} needs a name and a description")
            continue
        patterns = _read_patterns(fields.get("patterns"), path, where, topic_id, problems)
        related = string_list(fields.get("related"), path, where, f"related of {topic_id}", problems)
        topics.append((Topic(topic_id, name, description, tuple(patterns), tuple(dict.fromkeys(related))), line))
    problems += _check(path, topics)
    if problems:
        raise TopicError(problems)
    return tuple(topic for topic, _ in topics)


def _read_patterns(node: yaml.Node | None, path: Path, where: str, topic_id: str,
                   problems: list[str]) -> list[TopicPattern]:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        problems.append(f"{where}: {topic_id} needs a list of patterns")
        return []
    patterns: list[TopicPattern] = []
    for item in node.value:
        at = f"{path}:{item.start_mark.line + 1}"
        strong = case_sensitive = False
        if isinstance(item, yaml.MappingNode):
            fields = {}
            for key_node, value_node in item.value:
                if key_node.value not in _PATTERN_KEYS:
                    problems.append(f"{at}: unknown pattern field {key_node.value!r}")
                fields[key_node.value] = value_node
            text = scalar(fields.get("pattern"))
            strong = flag(fields.get("strong"), at, "strong", problems)
            case_sensitive = flag(fields.get("case_sensitive"), at, "case_sensitive", problems)
        else:
            text = scalar(item)
        if text is None:
            problems.append(f"{at}: a pattern of {topic_id} must be text or {{pattern: ..., strong: true}}")
            continue
        try:
            patterns.append(TopicPattern(text, strong, case_sensitive))
        except (ValueError, re.error) as error:
            problems.append(f"{at}: pattern {text!r} of {topic_id}: {error}")
    return patterns


def _check(path: Path, topics: list[tuple[Topic, int]]) -> list[str]:
    problems: list[str] = []
    lines: dict[str, int] = {}
    for topic, line in topics:
        if topic.id in lines:
            problems.append(f"{path}:{line}: id {topic.id!r} is already used on line {lines[topic.id]}")
        lines.setdefault(topic.id, line)
    for topic, line in topics:
        for other in topic.related:
            if other == topic.id:
                problems.append(f"{path}:{line}: {topic.id} cannot be related to itself")
            elif other not in lines:
                problems.append(f"{path}:{line}: related topic {other!r} of {topic.id} does not exist")
        seen: dict[str, str] = {}
        for pattern in topic.patterns:
            key = pattern.text if pattern.case_sensitive else pattern.text.casefold()
            if key in seen:
                problems.append(f"{path}:{line}: pattern {pattern.text!r} of {topic.id} is listed twice")
            seen[key] = pattern.text
    return problems
