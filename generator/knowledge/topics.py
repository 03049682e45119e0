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

import re
from pathlib import Path

import yaml

from generator import yamlio

from generator.model.knowledge import Topic, TopicPattern, compile_pattern  # noqa: F401 (re-exported)
from generator.knowledge.datafiles import KnowledgeError, flag, scalar, string_list



_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TOPIC_KEYS = {"id", "name", "description", "patterns", "related"}
_PATTERN_KEYS = {"pattern", "strong", "case_sensitive"}


class TopicError(KnowledgeError):
    """A problem in the topic vocabulary; `problems` holds one `file:line: problem` each."""


# --- patterns --------------------------------------------------------------------------


# --- matching --------------------------------------------------------------------------


# --- excerpts --------------------------------------------------------------------------


# --- loading ---------------------------------------------------------------------------


def read_topics(path: Path) -> tuple[Topic, ...]:
    """Topics of a vocabulary file; every problem found is reported at once (TopicError)."""
    try:
        root = yamlio.compose(path.read_text(encoding="utf-8-sig"))
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
