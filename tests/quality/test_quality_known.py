"""Known problems in our generator output (tests/quality/known_findings.py), as strict xfails.

Each test asserts the problem is GONE. While it is still there the test xfails; once the
generator is fixed it passes, which - strict - fails the suite: remove the entry then.
"""

from __future__ import annotations

import pytest

from tests.quality import a11y, vnu
from tests.quality.gates import link_matches, mobile_known, mobile_problems
from tests.quality.known_findings import KNOWN

PARAMS = [
    pytest.param(gate, entry, id=f"{gate}-{i}",
                 marks=pytest.mark.xfail(strict=True, reason=f"generator output: {entry.reason}"))
    for gate, entries in KNOWN.items() for i, entry in enumerate(entries, start=1)
]


@pytest.mark.parametrize("gate, entry", PARAMS)
def test_known_generator_finding_is_fixed(gate, entry, request, built_site):
    if gate == "vnu":
        files, messages = request.getfixturevalue("vnu_messages")
        planted = request.getfixturevalue("planted_site").path
        found = [m.format(built_site) for m in messages
                 if m.file != planted and m.type in vnu.GATED_TYPES and vnu.matches(entry, m, built_site)]
    elif gate == "axe":
        visits = request.getfixturevalue("desktop_visits")
        found = [f.format() for v in visits.values() for f in a11y.findings(v.rel, v.axe or [])
                 if a11y.matches(entry, f)]
    elif gate == "mobile":
        visits = request.getfixturevalue("mobile_visits")
        found = [p for v in visits.values() for p in mobile_problems(v) if mobile_known(entry, v, p)]
    else:
        report = request.getfixturevalue("link_report")
        found = [str(b) for b in report.broken if link_matches(entry, b)]
    assert not found, f"still present ({len(found)}): {entry.reason}\n" + "\n".join(found[:20])
