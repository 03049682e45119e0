"""What the theme shows around the pages, checked without a browser: the published address
(`site_url`), the footer's facts, the feed links, the theme overrides (search dialog, table
of contents) and the 404 page. The browser side is in tests/browser/test_responsive.py and
tests/browser/test_published_address.py."""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import generate
from generator.read.config import ConfigError, load_settings
from generator.mkdocs_hook import _site_info as read_site_info
from generator.render.site_info import SITE_INFO_FILE
from generator.render.tablecards import annotate_tables
from tests.helpers import ROOT
from tests.quality import pages
from tests.quality.allowed import AXE_ALLOWED, LINKS_ALLOWED, VNU_ALLOWED

# --- site_url -----------------------------------------------------------------------------


@pytest.mark.parametrize("written, expected", [
    ("https://arkiv.example.se", "https://arkiv.example.se/"),
    ("https://arkiv.example.se/", "https://arkiv.example.se/"),
    ("http://intranat.kommun.se/natverksarkivet", "http://intranat.kommun.se/natverksarkivet/"),
])
def test_site_url_is_an_optional_http_address_of_the_site_root(project, written, expected):
    settings = project / "source" / "arkiv.yml"
    assert load_settings(project).site_url == ""  # the seed archive has none
    settings.write_text(settings.read_text(encoding="utf-8") + f"site_url: {written}\n", encoding="utf-8")
    assert load_settings(project).site_url == expected


@pytest.mark.parametrize("written", [
    "arkiv.example.se", "ftp://arkiv.example.se/", "https://", "'https://arkiv.example.se/?a=1'",
    "'https://arkiv.example.se/#x'", "file:///media/usb/site/", "[https://arkiv.example.se]",
    "https://arkiv example.se/",
])
def test_site_url_must_be_a_web_address(project, written):
    (project / "source" / "arkiv.yml").write_text(f"site_url: {written}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape("`site_url` ska vara en webbadress (http eller https)")):
        load_settings(project)


def test_site_url_is_documented_where_the_editor_looks():
    assert "site_url" in (ROOT / "source" / "arkiv.yml").read_text(encoding="utf-8").split("\narchive_title")[0]
    assert "site_url:" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert load_settings(ROOT).site_url == ""  # documented, left unset


# --- the footer's facts: docs/.arkiv-site.json ----------------------------------------------


def test_generator_hands_the_footer_facts_to_the_theme(project):
    generate(project)
    info = read_site_info(project / "docs")
    assert info == {
        "archive_title": "Nätverksarkivet", "publisher": "Göteborgsregionen (GR)", "documents": 5,
        "latest_date": "2023-09", "latest_date_display": "september 2023", "latest_date_inferred": True,
    }
    manifest = json.loads((project / "docs" / ".arkiv-manifest.json").read_text(encoding="utf-8"))["files"]
    assert SITE_INFO_FILE in manifest  # the generator's own file: replaced and removed like the others
    assert read_site_info(project / "nothing-here") == {}


def test_plain_mkdocs_build_generates_and_shows_the_footer_facts(project):
    """`mkdocs build` without `arkiv build`: the hook generates docs/, then reads the facts."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(project / "mkdocs.yml")))
    footer = (project / "site" / "moten" / "2021-ame-chefsnatverket.html").read_text(encoding="utf-8")
    footer = " ".join(footer.split('<footer class="md-footer">')[1].split())
    assert "Arkivet innehåller 5 dokument; det senaste är från" in footer
    assert '<a href="../feed.xml" type="application/atom+xml">' in footer


def test_footer_facts_follow_front_matter_dates(project):
    seed = next((project / "source").glob("000_*.txt"))
    seed.write_text("---\ndate: 2023-09-14\n---\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    generate(project)
    info = read_site_info(project / "docs")
    assert (info["latest_date"], info["latest_date_display"], info["latest_date_inferred"]) == (
        "2023-09-14", "14 september 2023", False)


# --- tables: column headers on every cell -------------------------------------------------


def test_every_body_cell_gets_its_column_header():
    html = ('<table>\n<thead>\n<tr>\n<th>Datum</th>\n<th style="text-align: right;">Antal '
            '<abbr title="Göteborgsregionen">GR</abbr> &amp; "co"</th>\n<th></th>\n</tr>\n</thead>\n'
            '<tbody>\n<tr>\n<td>1 maj</td>\n<td style="text-align: right;">2</td>\n<td>x</td>\n</tr>\n'
            '</tbody>\n</table>')
    out = annotate_tables(html)
    assert out.startswith('<table data-cards="">')
    assert '<td data-label="Datum">1 maj</td>' in out
    assert '<td data-label="Antal GR &amp; &quot;co&quot;" style="text-align: right;">2</td>' in out
    assert '<td data-label="">x</td>' in out
    assert re.sub(r' data-(cards|label)="[^"]*"', "", out) == html  # nothing else changes


def test_wide_tables_narrow_tables_and_the_matrix():
    def table(columns: int) -> str:
        head = "".join(f"<th>K{i}</th>" for i in range(columns))
        body = "".join(f"<td>{i}</td>" for i in range(columns))
        return f"<table><thead><tr>{head}</tr></thead><tbody><tr>{body}</tr></tbody></table>"

    assert annotate_tables(table(7)).startswith('<table data-cards="wide">')
    assert annotate_tables(table(2)) == table(2)  # fits a phone as it is
    matrix = f'<div class="arkiv-matris arkiv-rullbar">{table(14)}</div>'
    assert annotate_tables(matrix) == matrix  # scrolls in its own box instead


def test_built_tables_are_labelled(built_site):
    register = (built_site / "beslut.html").read_text(encoding="utf-8")
    assert '<table data-cards="wide">' in register
    for label in ("Datum", "Möte", "Punkt", "Beslut", "Förslag", "Kommuner", "Länk"):
        assert register.count(f'<td data-label="{label}"') == 4
    matrix = (built_site / "kommuner" / "narvaro.html").read_text(encoding="utf-8")
    assert "data-label" not in matrix and "data-cards" not in matrix


# --- the built site: footer, feeds, overrides, 404 -----------------------------------------


class _Page(HTMLParser):
    """Links, labels, ids and the search dialog of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, str] = {}  # id -> tag
        self.labels: list[str] = []  # for= of each <label>
        self.dialogs: list[dict] = []
        self.links: list[tuple[str, str]] = []  # (href, where: article/footer/other)
        self.footer_text: list[str] = []
        self._where: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if "id" in values:
            self.ids[values["id"]] = tag
        if tag == "label" and values.get("for"):
            self.labels.append(values["for"])
        if values.get("role") == "dialog":
            self.dialogs.append(values)
        if tag in ("article", "footer"):
            self._where.append(tag)
        if tag == "a" and values.get("href"):
            self.links.append((values["href"], self._where[-1] if self._where else "other"))

    def handle_endtag(self, tag):
        if tag in ("article", "footer") and self._where:
            self._where.pop()

    def handle_data(self, data):
        if self._where and self._where[-1] == "footer":
            self.footer_text.append(data)


def _parse(page: Path) -> _Page:
    parser = _Page()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _targets(site: Path, page: Path, links: list[tuple[str, str]], where: str) -> set[str]:
    """Site paths of the local links in one part of the page."""
    rel = page.relative_to(site).as_posix()
    return {posixpath.normpath(posixpath.join(posixpath.dirname(rel), href.split("#")[0]))
            for href, place in links if place == where and "://" not in href and not href.startswith("#")}


def test_every_page_ends_with_a_footer_that_says_what_the_archive_is(built_site):
    checked = 0
    for page in pages.all_pages(built_site):
        parsed = _parse(page)
        footer = " ".join(" ".join(parsed.footer_text).split())
        assert "Nätverksarkivet ges ut av Göteborgsregionen (GR)." in footer, page
        assert "Arkivet innehåller 5 dokument; det senaste är från september 2023 (uppskattat)." in footer, page
        targets = _targets(built_site, page, parsed.links, "footer")
        assert {"feed.xml", "data/arkiv.json"} <= targets, (page, targets)
        assert all((built_site / target).is_file() for target in targets), (page, targets)
        checked += 1
    assert checked > 100
    assert not (built_site / SITE_INFO_FILE).exists()  # the hand-off file is not published


@pytest.mark.parametrize("page, feed", [
    ("index.html", "feed.xml"),
    ("amnen/jobbspar.html", "amnen/jobbspar.xml"),
    ("kommuner/goteborg.html", "feed.xml"),
    ("organisationer/gr.html", "feed.xml"),
    ("personer/anna-rieglert.html", "feed.xml"),
])
def test_feed_links_are_visible_on_start_topic_and_entity_pages(built_site, page, feed):
    targets = _targets(built_site, built_site / page, _parse(built_site / page).links, "article")
    assert feed in targets, targets
    assert (built_site / feed).read_text(encoding="utf-8").startswith("<?xml")


def test_every_label_points_to_a_form_control(built_site):
    """The theme's table-of-contents title was <label for="__toc"> also on pages without the
    __toc checkbox (document pages are not in the navigation); overrides/partials/toc.html."""
    wrong = []
    for page in pages.all_pages(built_site):
        parsed = _parse(page)
        wrong += [f"{page.relative_to(built_site)}: <label for={target!r}>" for target in parsed.labels
                  if parsed.ids.get(target) not in ("input", "select", "textarea", "button")]
    assert not wrong, "\n".join(wrong[:20])


def test_the_search_dialog_has_a_name_on_every_page(built_site):
    for page in pages.all_pages(built_site):
        dialogs = _parse(page).dialogs
        assert dialogs and all(d.get("aria-label") == "Sök" for d in dialogs), (page, dialogs)


def test_the_theme_s_own_search_is_left_out_of_the_site(built_site):
    """The archive searches with its own index (sok/); the theme's search worker and its lunr
    files are not copied into the site, and no page points to them."""
    scripts = built_site / "assets" / "javascripts"
    assert (scripts / "sok.js").is_file() and list(scripts.glob("bundle.*.min.js"))
    assert not (scripts / "lunr").exists() and not (scripts / "workers").exists()
    for page in [*pages.all_pages(built_site), built_site / "404.html"]:
        html = page.read_text(encoding="utf-8")
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1])
        assert "search" not in config and "lunr" not in html and "workers/search" not in html, page


def test_404_page_uses_addresses_inside_the_site_folder(built_site):
    page = built_site / "404.html"
    html = page.read_text(encoding="utf-8")
    absolute = re.findall(r'(?:href|src)="(/[^"]*)"', html)
    assert not absolute, absolute
    assert "<h1>Sidan finns inte</h1>" in html
    for href in re.findall(r'(?:href|src)="(\./[^"#]+)', html):
        assert (built_site / href).is_file(), href


def _outside_blocks(template: str) -> str:
    """The parts of a Jinja template outside every {% block %}: what no block override reaches."""
    out, depth = [], 0
    for piece in re.split(r"({%-?\s*(?:block\s+\w+|endblock)\b[^%]*%})", template):
        if re.match(r"{%-?\s*block\s", piece):
            depth += 1
        elif re.match(r"{%-?\s*endblock", piece):
            depth -= 1
        elif depth == 0:
            out.append(piece)
    return "".join(out)


def test_allowlists_hold_only_theme_markup_that_no_override_reaches():
    """The quality gates' allowlists may only excuse markup of the theme's base.html that lies
    outside every template block (partials and blocks can be overridden in overrides/)."""
    import material

    base = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    reachable_only_by_copying_base = _outside_blocks(base)
    for allowed in (*VNU_ALLOWED, *AXE_ALLOWED, *LINKS_ALLOWED):
        assert allowed.extract and re.search(allowed.extract, reachable_only_by_copying_base), (
            f"allowlisted but fixable by a theme override: {allowed.message}")
    assert not AXE_ALLOWED and not LINKS_ALLOWED
