"""What the theme shows around the pages: the footer's facts and the 404 page. The MkDocs
hook (generator/mkdocs_hook.py) calls these; the templates are in overrides/ (404.html,
partials/footer.html). (The published address, `site_url`, comes from generator.config;
the hook hands it to MkDocs, overrides/main.html to "Kopiera länk".)

The generator knows the archive (number of documents, latest date); MkDocs renders the
theme. The hand-off is one generated file, `docs/.arkiv-site.json` (a dot-file: MkDocs
does not publish it), written with the pages and read by the hook before MkDocs renders -
also when `arkiv build` generated docs/ itself and the hook skips generation.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.config import Settings
from generator.dates import format_date
from generator.resolve import Corpus

SITE_INFO_FILE = ".arkiv-site.json"
ERROR_PAGE = "404.html"


def site_info(corpus: Corpus, settings: Settings) -> str:
    """The footer's facts as JSON: {documents, latest_date (ISO prefix), latest_date_display,
    latest_date_inferred, publisher, archive_title}. No build time: builds stay identical."""
    dated = [page.document.date for page in corpus.pages if page.document.date.value]
    latest = max(dated, key=lambda date: date.sort_key, default=None)
    data = {
        "archive_title": settings.archive_title,
        "publisher": settings.publisher,
        "documents": len(corpus.pages),
        "latest_date": latest.value if latest else None,
        "latest_date_display": format_date(latest) if latest else None,
        "latest_date_inferred": bool(latest and latest.inferred),
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def read_site_info(docs_dir: Path) -> dict:
    """The facts written by `site_info`, or {} when docs/ has none (nothing generated yet)."""
    try:
        data = json.loads((Path(docs_dir) / SITE_INFO_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def error_page_context(context, config):
    """404.html with addresses relative to the site root instead of MkDocs' root-absolute
    ones (`/assets/...`), which point to the root of the disk when the archive is opened
    from a folder. It lives in the site root, so it works from disk and when a web server
    shows it for a missing page in the top folder."""
    from mkdocs.utils import normalize_url

    base = "."
    context["base_url"] = base
    context["extra_css"] = [normalize_url(str(path), None, base) for path in config.extra_css]
    context["extra_javascript"] = [normalize_url(str(script), None, base) for script in config.extra_javascript]
    return context
