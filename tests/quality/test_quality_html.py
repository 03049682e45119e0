"""HTML validity: the Nu HTML Checker over the pages of the build, one JVM for all (see the
`vnu_messages` fixture: every page of a seed build, one page per type of a large one)."""

from __future__ import annotations

import re

import pytest

from tests.quality import vnu
from tests.quality.summary import SUMMARY
from tests.quality.known_findings import KNOWN


def _site_messages(vnu_messages, planted_site):
    files, messages = vnu_messages
    return [f for f in files if f != planted_site.path], [m for m in messages if m.file != planted_site.path]


def test_html_is_valid(vnu_messages, planted_site, built_site):
    files, messages = _site_messages(vnu_messages, planted_site)
    verdict = vnu.judge(messages, built_site, known=KNOWN["vnu"])
    if verdict.unexpected:
        pytest.fail(verdict.report(built_site), pytrace=False)
    errors = sum(m.type == "error" for m in messages)
    warnings = sum(m.type == "warning" for m in messages)
    allowed = "; ".join(f"{len(ms)} x {a.message[:60]}" for a, ms in verdict.allowed.items() if ms)
    SUMMARY["vnu"] = (f"{len(files)} pages; {errors} errors, {warnings} warnings, {len(verdict.info)} info "
                      f"before filtering; 0 unexpected; allowlisted (theme): {allowed or 'none'}")


def test_every_vnu_allowlist_entry_is_still_needed(vnu_messages, planted_site, built_site):
    """An entry that matches nothing any more (theme upgraded, template fixed) must go."""
    _files, messages = _site_messages(vnu_messages, planted_site)
    verdict = vnu.judge(messages, built_site)
    stale = [a for a, ms in verdict.allowed.items() if not ms]
    assert not stale, "allowlisted vnu messages that no longer occur - remove them from " \
                      "tests/quality/allowed.py:\n" + "\n".join(f"  {a.message}" for a in stale)


def test_vnu_reports_a_planted_invalid_element(vnu_messages, planted_site, built_site):
    """Proof the gate can fail: invalid markup planted into a copy of the start page."""
    _files, messages = vnu_messages
    planted = [m for m in messages if m.file == planted_site.path]
    verdict = vnu.judge(planted, planted_site.site, known=KNOWN["vnu"])
    texts = [m.message for m in verdict.unexpected]
    assert any("Element “div” not allowed as child of element “ul”" in t for t in texts), \
        verdict.report(planted_site.site)
    assert any("“img” element must have an “alt” attribute" in t for t in texts), texts
    report = verdict.report(planted_site.site)
    assert re.search(r"^  index\.html:\d+:\d+: error: Element “div” not allowed", report, re.M), report
