"""The footer's facts: what the archive is (publisher, number of documents, latest date).

The generator knows the archive; MkDocs renders the theme. The hand-off is one generated
file, `docs/.arkiv-site.json` (a dot-file: MkDocs does not publish it), written with the
pages and read by the MkDocs hook before the theme renders - also when `arkiv build`
generated docs/ itself and the hook skips generation. overrides/partials/footer.html
shows it.
"""

from __future__ import annotations

import json

from generator.display import format_date
from generator.model.corpus import Corpus

SITE_INFO_FILE = ".arkiv-site.json"


def site_info(corpus: Corpus) -> str:
    """The footer's facts as JSON: {documents, latest_date (ISO prefix), latest_date_display,
    latest_date_inferred, publisher, archive_title}. No build time: builds stay identical."""
    dated = [page.document.date for page in corpus.pages if page.document.date.value]
    latest = max(dated, key=lambda date: date.sort_key, default=None)
    data = {
        "archive_title": corpus.archive_title,
        "publisher": corpus.publisher,
        "documents": len(corpus.pages),
        "latest_date": latest.value if latest else None,
        "latest_date_display": format_date(latest, corpus.month_names) if latest else None,
        "latest_date_inferred": bool(latest and latest.inferred),
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
