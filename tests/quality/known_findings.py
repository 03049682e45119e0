"""Real problems in OUR generator output that the gates found, pending a fix in generator/.

Each entry keeps its gate green for that one problem (narrowly matched) and is tracked by a
strict xfail test (test_known_generator_findings in test_quality_known.py): when the
generator is fixed, that test XPASSes, fails as strict, and the entry must be removed here.
Never put theme messages here (they go to allowed.py, with their reason).
"""

from __future__ import annotations

from tests.quality.allowed import Allowed

# gate -> entries; `reason` says what is wrong, where, and the suggested fix.
KNOWN: dict[str, tuple[Allowed, ...]] = {
    "vnu": (),
    "axe": (),
    "links": (),
    # mobile: `page` = page path regex, `message` = regex on the problem text
    "mobile": (),
}
