"""Gate decisions shared by the tests and the strict-xfail tracking of known findings."""

from __future__ import annotations

import re

from tests.quality import linkcheck
from tests.quality.allowed import LINKS_ALLOWED, Allowed
from tests.quality.browser import MOBILE, Visit
from tests.quality.known_findings import KNOWN


def link_matches(allowed: Allowed, broken: linkcheck.Broken) -> bool:
    return (re.search(allowed.message, broken.reason) is not None
            and re.search(allowed.extract, broken.link.url) is not None
            and re.search(allowed.page, broken.link.page) is not None)


def unexpected_broken(report: linkcheck.Report) -> list[linkcheck.Broken]:
    rules = (*LINKS_ALLOWED, *KNOWN["links"])
    return [b for b in report.broken if not any(link_matches(a, b) for a in rules)]


def mobile_problems(visit: Visit) -> list[str]:
    """Errors of a phone-sized visit, and whether the page is wider than the phone."""
    problems = [f"{visit.label}: {e}" for e in visit.errors()]
    if visit.client_width != MOBILE["width"]:
        problems.append(f"{visit.label}: layout viewport is {visit.client_width}px, "
                        f"not {MOBILE['width']}px (meta viewport?)")
    if visit.scroll_width > visit.client_width:
        problems.append(
            f"{visit.label}: scrolls sideways: scrollWidth {visit.scroll_width}px > "
            f"clientWidth {visit.client_width}px; elements sticking out:\n      "
            + "\n      ".join(visit.overflowing or ["(none found)"]))
    return problems


def mobile_known(entry: Allowed, visit: Visit, problem: str) -> bool:
    return bool(re.search(entry.page, visit.rel) and re.search(entry.message, problem))


def clip_problems(visit: Visit) -> list[str]:
    """Content the reader of this visit cannot see: cut off by a box, scrolled out of view
    inside the page, or reaching past the window (tests/quality/browser.py _CLIPPED_JS)."""
    return [f"{visit.label}: {c}" for c in visit.clipped]
