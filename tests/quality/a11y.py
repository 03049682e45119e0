"""The accessibility gate over axe-core results (see browser.run_axe)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from tests.quality.allowed import AXE_ALLOWED, Allowed

GATED_IMPACTS = ("critical", "serious")
IMPACTS = ("critical", "serious", "moderate", "minor")


@dataclasses.dataclass(frozen=True)
class Finding:
    """One element that violates one axe rule on one page."""

    page: str  # page path inside the site
    rule: str
    impact: str
    help: str
    target: str  # CSS selector axe gives for the element
    html: str
    summary: str = ""
    help_url: str = ""

    def format(self) -> str:
        html = " ".join(self.html.split())[:140]
        fix = " ".join(self.summary.split())[:200]
        return (f"{self.page}: {self.impact}: {self.rule} ({self.help})\n"
                f"      element: {self.target}  {html}\n"
                + (f"      fix: {fix}\n" if fix else "")
                + (f"      rule: {self.help_url}" if self.help_url else "")).rstrip()


def findings(page: str, violations: list[dict]) -> list[Finding]:
    out = []
    for v in violations:
        for node in v["nodes"]:
            target = " ".join(" > ".join(t) if isinstance(t, list) else str(t) for t in node["target"])
            out.append(Finding(page, v["id"], node.get("impact") or v.get("impact") or "minor",
                               v["help"], target, node.get("html", ""), node.get("summary") or "",
                               v.get("helpUrl", "")))
    return out


def matches(allowed: Allowed, finding: Finding) -> bool:
    return (re.search(allowed.message, finding.rule) is not None
            and re.search(allowed.extract, f"{finding.target} {finding.html}") is not None
            and re.search(allowed.page, finding.page) is not None)


@dataclasses.dataclass
class Verdict:
    unexpected: list[Finding]  # gated impact, neither allowlisted nor known: the gate fails
    allowed: dict[Allowed, list[Finding]]
    below_gate: list[Finding]  # moderate / minor: reported, not gated

    def report(self) -> str:
        counts = Counter((f.impact, f.rule) for f in self.unexpected)
        lines = [f"{len(self.unexpected)} element(s) with serious or critical accessibility "
                 f"violations ({', '.join(f'{n} x {impact} {rule}' for (impact, rule), n in counts.most_common())}):"]
        lines += ["  " + f.format() for f in self.unexpected]
        return "\n".join(lines)


def judge(all_findings: list[Finding], allowlist=AXE_ALLOWED, known=()) -> Verdict:
    verdict = Verdict([], {a: [] for a in allowlist}, [])
    for f in all_findings:
        rule = next((a for a in (*allowlist, *known) if matches(a, f)), None)
        if rule is not None:
            if rule in verdict.allowed:
                verdict.allowed[rule].append(f)
        elif f.impact in GATED_IMPACTS:
            verdict.unexpected.append(f)
        else:
            verdict.below_gate.append(f)
    return verdict


def by_impact(all_findings: list[Finding]) -> dict[str, Counter]:
    """impact -> Counter(rule -> elements)."""
    out: dict[str, Counter] = {impact: Counter() for impact in IMPACTS}
    for f in all_findings:
        out.setdefault(f.impact, Counter())[f.rule] += 1
    return out
