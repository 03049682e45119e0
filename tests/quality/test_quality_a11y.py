"""Accessibility: axe-core in Chromium over one page of each type (desktop, 1280x900)."""

from __future__ import annotations

import pytest

from tests.quality import a11y
from tests.quality.browser import visit_page
from tests.quality.summary import SUMMARY
from tests.quality.known_findings import KNOWN

pytestmark = pytest.mark.browser


def all_findings(desktop_visits) -> list[a11y.Finding]:
    out = []
    for visit in desktop_visits.values():
        assert visit.axe is not None, f"axe-core did not run on {visit.label}"
        out += a11y.findings(visit.rel, visit.axe)
    return out


def test_no_serious_or_critical_axe_violations(desktop_visits):
    findings = all_findings(desktop_visits)
    verdict = a11y.judge(findings, known=KNOWN["axe"])
    if verdict.unexpected:
        pytest.fail(verdict.report(), pytrace=False)
    counts = a11y.by_impact(findings)
    SUMMARY["axe"] = f"{len(desktop_visits)} pages; before filtering: " + ", ".join(
        f"{impact} {sum(c.values())}" + (f" ({', '.join(f'{r} {n}' for r, n in c.most_common())})" if c else "")
        for impact, c in counts.items()) + "; 0 unexpected serious/critical"


def test_every_axe_allowlist_entry_is_still_needed(desktop_visits):
    verdict = a11y.judge(all_findings(desktop_visits))
    stale = [a for a, found in verdict.allowed.items() if not found]
    assert not stale, "allowlisted axe findings that no longer occur - remove them from " \
                      "tests/quality/allowed.py:\n" + "\n".join(f"  {a.message}" for a in stale)


def test_axe_reports_planted_violations(quality_browser, planted_site):
    """Proof the gate can fail: an image without alt text and an unlabelled text field."""
    visit = quality_browser.run(visit_page, planted_site.site, "planted", planted_site.page, axe=True)
    verdict = a11y.judge(a11y.findings(planted_site.page, visit.axe), known=KNOWN["axe"])
    found = {(f.rule, f.impact) for f in verdict.unexpected if "planted-" in f.html}
    assert ("image-alt", "critical") in found, verdict.report()
    assert ("label", "critical") in found, verdict.report()
    report = verdict.report()
    assert "index.html: critical: image-alt" in report and 'class="planted-image"' in report
