"""Decide what kind of document a text is: minutes, agreement, article or other.

Only the text decides, never the file name. Each kind collects evidence (a heading word
near the top, typical blocks) and the strongest kind wins; the reason is kept for
`arkiv check` and the page's front matter. The words and the points are described in
`data/kind_cues.yml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.knowledge.kind_cues import KindCues
from generator.model import Kind

_TOP_LINES = 12  # a document's own heading stands among its first non-blank lines
_NUMBERED = re.compile(r"^(?:§\s*)?\d{1,2}\.?\s+\S")


@dataclass(frozen=True)
class Classification:
    kind: Kind
    reason: str


def classify(body: str, cues: KindCues) -> Classification:
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    if not lines:
        return Classification(Kind.OTHER, "tom text")
    top = lines[:_TOP_LINES]
    scores = {Kind.MINUTES: 0, Kind.AGREEMENT: 0, Kind.ARTICLE: 0}
    reasons: dict[Kind, list[str]] = {kind: [] for kind in scores}

    def add(kind: Kind, points: int, why: str) -> None:
        scores[kind] += points
        reasons[kind].append(why)

    heading = next((line for line in top if cues.minutes_heading.match(line)), None)
    if heading:
        add(Kind.MINUTES, 3, f"rubriken \"{heading}\"")
    if any(cues.attendance_heading.match(line) for line in lines):
        add(Kind.MINUTES, 2, "närvarolista")
    if any(cues.note_taker.match(line) for line in lines):
        add(Kind.MINUTES, 1, "antecknare")
    heading = next((line for line in top if cues.agreement_heading.match(line)), None)
    if heading:
        add(Kind.AGREEMENT, 3, f"rubriken \"{heading}\"")
    if any(cues.signature_heading.match(line) or cues.signature_field.match(line) for line in lines):
        add(Kind.AGREEMENT, 1, "underskrifter")
    if any(cues.parties_heading.match(line) for line in lines):
        add(Kind.AGREEMENT, 1, "parter")
    article_signs = sum(1 for line in lines if cues.article_line.match(line))
    numbered = sum(1 for line in lines if _NUMBERED.match(line))
    if article_signs and numbered < 3:
        add(Kind.ARTICLE, min(article_signs, 3), "citat, kontaktperson eller publiceringsuppgifter")
    if len(lines[0]) <= 150 and not lines[0].endswith(".") and len(lines) > 3 and numbered < 3:
        add(Kind.ARTICLE, 1, "rubrik följd av löptext")

    kind = max(scores, key=lambda k: scores[k])
    if scores[kind] < 2:
        return Classification(Kind.OTHER, "ingen dokumenttyp kunde kännas igen")
    return Classification(kind, ", ".join(reasons[kind]))
