"""Word, OpenDocument, PDF (text and scanned) and RTF sources: the same minutes or agreement
in every format gives the same model as the text file; bad files give one clear message.

Every binary file here is made by tests/format_fixtures.py from the seed texts."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from generator.cli import main
from generator.model import Diagnostics
from generator.parse import parse_document
from generator.read import extract as extract_module
from generator.read.extract import ReadProblem, extract_isolated
from generator.read.layout import table_blocks
from generator.read.pdf import Line, PageWords, Word, assemble, page_layout
from generator.read.sources import read_source
from tests.format_fixtures import to_docx, to_odt, to_pdf, to_scanned_pdf
from tests.helpers import KNOWLEDGE, SEEDS, SETTINGS, SOURCE, parse_seed

MINUTES = (SOURCE / SEEDS["2023"]).read_text(encoding="utf-8")
AGREEMENT = (SOURCE / SEEDS["agreement"]).read_text(encoding="utf-8")
HYPHENATED = "arbetsmarknadsanställningar"  # broken `arbetsmark-` / `nadsanställningar` in the PDF


def read(path: Path):
    diagnostics = Diagnostics()
    source = read_source(path, path.parent, diagnostics)
    document = parse_document(source, SETTINGS, KNOWLEDGE, diagnostics) if source is not None else None
    return source, document, diagnostics


def minutes_model(document) -> dict:
    return {
        "kind": document.kind.value, "title": document.title, "network": document.network,
        "date": (document.date.value, document.date.precision, document.date.source),
        "attendees": [(a.name, a.status, a.affiliation.name if a.affiliation else None,
                       a.affiliation.unit if a.affiliation else None, a.note, a.items) for a in document.attendees],
        "items": [(i.number, i.title) for i in document.items],
        "decisions": [(x.item, x.text, x.proposal, x.derived) for x in document.decisions],
        "note_taker": document.note_taker.name if document.note_taker else None,
    }


def agreement_model(document) -> dict:
    a = document.agreement
    return {
        "kind": document.kind.value, "title": document.title, "date": document.date.value,
        "sections": [(s.number, s.title) for s in document.sections],
        "parties": [p.name for p in a.parties],
        # the table is read column by column, so the order of signatures may differ
        "signatories": sorted((s.name, s.title, s.affiliation.name if s.affiliation else None, s.place, s.date)
                              for s in a.signatories),
        "tables": [(t.header, [r.cells for r in t.rows]) for t in a.tables],
        "goals": [g.text for g in a.goals],
        "commitments": [(c.municipalities, c.tracks) for c in a.commitments],
        "revision": a.revision.first_revision if a.revision else None,
    }


def signature_cells() -> list[list[str]]:
    """The seed agreement's signatures as the cells of a two-column Word table: place and
    date, an empty line, the form label, an empty line, name and title lines."""
    document, _ = parse_seed("agreement")
    cells = []
    for s in document.agreement.signatories:
        date, *rest = s.written
        cells.append([date, "", "Ort & datum", "", *[x for x in rest if x != "Ort & datum"]])
    return cells


def agreement_head() -> str:
    return AGREEMENT[: AGREEMENT.index("11. Underskrifter")] + "11. Underskrifter\n"


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("formats")
    made = {
        "txt": SOURCE / SEEDS["2023"],
        "docx": to_docx(MINUTES, folder / "anteckningar.docx"),
        "odt": to_odt(MINUTES, folder / "anteckningar.odt"),
        "pdf": to_pdf(MINUTES, folder / "anteckningar.pdf", hyphenate=HYPHENATED),
        "agreement.docx": to_docx(agreement_head(), folder / "avtal.docx", signature_cells(), auto_numbers=False),
        "agreement.odt": to_odt(agreement_head(), folder / "avtal.odt", signature_cells()),
        "agreement.pdf": to_pdf(agreement_head(), folder / "avtal.pdf", signature_cells()),
    }
    made["scanned"] = to_scanned_pdf(made["pdf"], folder / "skannad.pdf")
    return made


@pytest.fixture(scope="module")
def scanned(files):
    return read(files["scanned"])


# --- the same model from every format ----------------------------------------------------------


@pytest.mark.parametrize("fmt", ["docx", "odt", "pdf"])
def test_the_seed_minutes_give_the_same_model_in_every_format(files, fmt):
    _, expected, _ = read(files["txt"])
    source, document, diagnostics = read(files[fmt])
    assert source.format == fmt and source.ocr_confidence is None
    assert minutes_model(document) == minutes_model(expected)
    assert len(document.present) == 14 and len(document.absent) == 7 and len(document.items) == 8
    assert not [d for d in diagnostics.items if d.level != "info"]


@pytest.mark.parametrize("fmt", ["docx", "odt", "pdf"])
def test_every_line_of_the_minutes_is_read_as_written(files, fmt):
    """Word's numbering, bullets, the attendance table and a PDF's wrapped paragraphs give
    back the text file's lines (blank lines aside), without header or footer."""
    source, _, _ = read(files[fmt])
    expected = [line.strip() for line in MINUTES.splitlines() if line.strip()]
    assert [line for line in source.raw.splitlines() if line.strip()] == expected


def test_a_pdf_drops_running_header_footer_and_joins_a_hyphenated_line(files):
    import pdfplumber

    with pdfplumber.open(files["pdf"]) as pdf:
        printed = "\n".join(page.extract_text() for page in pdf.pages)
        assert len(pdf.pages) >= 3
    assert "Sida 2 av" in printed and f"{HYPHENATED[:len(HYPHENATED) // 2]}-\n" in printed  # the fixture is real
    source, _, _ = read(files["pdf"])
    assert "Sida" not in source.raw and "mötesanteckningar" not in source.raw
    assert HYPHENATED in source.raw and "-\n" not in source.raw


def test_the_scanned_minutes_give_the_same_model_as_the_text(files, scanned):
    _, expected, _ = read(files["txt"])
    source, document, diagnostics = scanned
    assert source.format == "pdf" and source.ocr_pages == 4
    assert minutes_model(document) == minutes_model(expected)
    assert 80 <= source.ocr_confidence <= 100
    assert any(d.level == "info" and "läst med OCR (alla sidor, säkerhet" in d.message for d in diagnostics.items)


def test_what_ocr_gets_wrong_is_listed(files, scanned, capsys):
    """The lines OCR reads differently from the text (reported, not hidden): a few
    characters that the model does not depend on (an e-mail's `@`, a link's brackets)."""
    source, _, _ = scanned
    expected = [line.strip() for line in MINUTES.splitlines() if line.strip()]
    read_lines = [line for line in source.raw.splitlines() if line.strip()]
    assert len(read_lines) == len(expected)
    differing = [(a, b) for a, b in zip(expected, read_lines) if a != b]
    with capsys.disabled():
        print(f"\nOCR: {len(differing)} of {len(expected)} lines differ from the text file "
              f"(confidence {source.ocr_confidence} %):")
        for a, b in differing:
            print(f"  text: {a[-70:]}\n  OCR:  {b[-70:]}")
    assert len(differing) <= 4


@pytest.mark.parametrize("fmt", ["agreement.docx", "agreement.odt", "agreement.pdf"])
def test_a_two_column_signature_table_gives_the_same_signatories(files, fmt):
    expected, _ = parse_seed("agreement")
    source, document, diagnostics = read(files[fmt])
    assert agreement_model(document) == agreement_model(expected)
    assert len(document.agreement.signatories) == 10
    assert not [d for d in diagnostics.items if d.level == "warning" and "underskrift" in d.message]


def test_an_unruled_two_column_signature_block_is_read_column_by_column(tmp_path):
    """Two signatures side by side without table lines: the left column, then the right."""
    from fpdf import FPDF

    from tests.format_fixtures import FONT

    pdf = FPDF()
    pdf.add_font("Sans", fname=str(FONT))
    pdf.set_font("Sans", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Överenskommelse om samverkan\n\nParter: Borås Stad och Marks kommun.\n\n1. Underskrifter")
    pdf.ln(6)
    rows = [("Borås 2020-10-06", "Mark 2020-10-18"), ("", ""), ("Ort & datum", "Ort & datum"), ("", ""),
            ("Dag Forsström", "Mats Lilienberg"), ("Förvaltningschef, Borås", "Kommundirektör, Mark")]
    for left, right in rows:
        pdf.cell(90, 6, left)
        pdf.cell(90, 6, right, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "avtal.pdf"))
    text = extract_isolated((tmp_path / "avtal.pdf").read_bytes(), "pdf").text
    assert text.index("Dag Forsström") < text.index("Förvaltningschef, Borås") < text.index("Mark 2020-10-18")
    _, document, _ = read(tmp_path / "avtal.pdf")
    signed = {(s.name, s.place, s.date) for s in document.agreement.signatories}
    assert signed == {("Dag Forsström", "Borås", "2020-10-06"), ("Mats Lilienberg", "Mark", "2020-10-18")}


def test_rtf_paragraphs_lists_and_tables(tmp_path):
    rtf = (r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}\f0 Anteckningar\par\par N\'c4RVARANDE\par"
           r" Karin Berg, Ale\par \'c5sa \'d6berg, Bor\'e5s\par\par 1. Inledning\par V\'e4lkomna.\par"
           r" \u8226?\tab F\'f6rsta punkten\par\u8226?\tab Andra punkten\par"
           r"\trowd\cellx2000\cellx4000 Kommun\cell Antal\cell\row\trowd\cellx2000\cellx4000 Ale\cell 3\cell\row}")
    (tmp_path / "m.rtf").write_text(rtf, encoding="latin-1")
    source, document, _ = read(tmp_path / "m.rtf")
    assert source.format == "rtf"
    assert [a.name for a in document.attendees] == ["Karin Berg", "Åsa Öberg"]
    assert "- Första punkten\n- Andra punkten" in source.raw and "Kommun\tAntal\nAle\t3" in source.raw


# --- the layout rules --------------------------------------------------------------------------


def test_tables_are_written_by_what_they_are_used_for():
    people = [["Karin Berg", "Ale"], ["Gunilla Bergström GR", "FoU i Väst"], ["Per Öst", "SKR"]]
    assert table_blocks(people) == ["Karin Berg, Ale\nGunilla Bergström GR, FoU i Väst\nPer Öst, SKR"]
    headed = [["Namn", "Kommun", "Närvarande"], ["Karin Berg", "Ale", "x"], ["Per Öst", "SKR", ""]]
    assert table_blocks(headed) == ["Namn\tKommun\tNärvarande\nKarin Berg\tAle\tx\nPer Öst\tSKR\t"]
    data = [["Kommun", "KAA"], ["Borås", "600"], ["Totalt", "966"]]
    assert table_blocks(data) == ["Kommun\tKAA\nBorås\t600\nTotalt\t966"]
    columns = [["NÄRVARANDE\n\nKarin Berg, Ale\nPer Öst, SKR", "EJ NÄRVARANDE\n\nEva Ahl, Partille"]]
    assert table_blocks(columns) == ["NÄRVARANDE", "Karin Berg, Ale\nPer Öst, SKR", "EJ NÄRVARANDE", "Eva Ahl, Partille"]


def _line(text: str, x0: float, top: float, width: float = 0.0) -> Line:
    words, x = [], x0
    for word in text.split():
        size = width / len(text.split()) if width else 6.0 * len(word)
        words.append(Word(word, x, x + size - 3, top, top + 10))
        x += size
    return Line(words)


def _page(rows: list[tuple[str, str]], aligned: str = "top") -> str:
    """Lines of a borderless two-column table (left cell at x=0, right at x=300), one
    row per pair; a right cell with `|` wraps onto a line of its own, beside its row's top
    line (`top`) or with the left cell beside its last line (`middle`)."""
    lines, top = [], 0.0
    for left, right in rows:
        parts = right.split("|") if right else []
        left_top = top + (6.0 if aligned == "middle" and len(parts) > 1 else 0.0)
        row = [_line(left, 0, left_top)] if left else []
        row += [_line(part, 300, top + 12 * n) for n, part in enumerate(parts)]
        lines += sorted(row, key=lambda line: (line.top, line.x0))
        top += 12 * max(1, len(parts)) + 4
    return page_layout([PageWords(1, 600, 800, [w for line in lines for w in line.words])])


@pytest.mark.parametrize("aligned", ["top", "middle"])
def test_a_borderless_table_of_people_is_read_row_by_row(aligned):
    text = _page([("Namn", "Kommun/organisation"), ("Karin Berg", "Ale kommun"),
                     ("Per Öst", "Samordningsförbundet|Sjuhärad"), ("Eva Ahl", "Borås Stad"),
                     ("Ej närvarande:", ""), ("Anna Lind", "Lerums kommun"), ("Bo Ek", "SKR")], aligned)
    assert text == ("Namn\tKommun/organisation\nKarin Berg\tAle kommun\nPer Öst\tSamordningsförbundet Sjuhärad\n"
                    "Eva Ahl\tBorås Stad\n\nEj närvarande:\n\nAnna Lind, Lerums kommun\nBo Ek, SKR\n")


def test_names_in_two_columns_and_a_signature_block_are_read_column_by_column():
    names = _page([("Karin Berg", "Anna Lind"), ("Per Öst", "Bo Ek"), ("Eva Ahl", "Lars Holm")])
    assert names == "Karin Berg\nPer Öst\nEva Ahl\n\nAnna Lind\nBo Ek\nLars Holm\n"
    lists = _page([("Närvarande", "Frånvarande"), ("Karin Berg", "Anna Lind"), ("Per Öst", "Bo Ek"),
                   ("Lovisa Ljungdahl", "")])  # the longest left cell, in a row of its own
    assert lists == "Närvarande\nKarin Berg\nPer Öst\nLovisa Ljungdahl\n\nFrånvarande\nAnna Lind\nBo Ek\n"
    signatures = _page([("För Ale kommun", "För Lerums kommun"), ("Karin Berg", "Anna Lind"),
                           ("Socialchef", "Förvaltningschef")])
    assert signatures.split("\n\n")[0].split("\n") == ["För Ale kommun", "Karin Berg", "Socialchef"]


def test_a_table_of_three_columns_without_lines_is_read_row_by_row():
    rows = [("Namn", "Kommun", "Närvarande"), ("Karin Berg", "Ale", "x"), ("Per Öst", "Samordningsförbundet", ""),
            ("", "Sjuhärad", ""), ("Eva Ahl", "Lerum", "x")]
    lines = []
    for number, cells in enumerate(rows):
        lines += [_line(cell, x, 12.0 * number) for cell, x in zip(cells, (0, 200, 400)) if cell]
    lines += [_line("1. Inledning", 0, 12.0 * len(rows) + 14), _line("Mötet öppnas.", 0, 12.0 * len(rows) + 26)]
    text = page_layout([PageWords(1, 600, 800, [w for line in lines for w in line.words])])
    assert text == ("Namn\tKommun\tNärvarande\nKarin Berg\tAle\tx\nPer Öst\tSamordningsförbundet Sjuhärad\t\n"
                    "Eva Ahl\tLerum\tx\n\n1. Inledning\nMötet öppnas.\n")


def test_hyphenation_is_joined_only_inside_a_word():
    lines = [_line("Vi talar om arbets-", 0, 0, 400), _line("marknaden och om vård-", 0, 12, 300),
             _line("och omsorg i FoU-", 0, 24, 250), _line("plattformen.", 0, 36)]
    assert assemble(lines, 400) == "Vi talar om arbetsmarknaden och om vård- och omsorg i FoU-\nplattformen."


# --- bad files ---------------------------------------------------------------------------------


def _encrypted_pdf(files, path: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(files["pdf"]))
    writer.encrypt(user_password="hemligt", algorithm="AES-256")
    writer.write(str(path))
    return path


def _long_pdf(path: Path, pages: int = 300) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for number in range(pages):
        pdf.add_page()
        pdf.cell(0, 10, f"Bilaga, sida {number + 1}")
    pdf.output(str(path))
    return path


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def _encrypted_docx(path: Path) -> Path:
    """What Word saves with a password: an OLE compound file holding `EncryptedPackage`
    (only the parts the reader looks at: the OLE signature and the stream name)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    path.write_bytes(header + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50
                     + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1000)
    return path


def bad_files(folder: Path, files) -> dict[str, str]:
    """file name -> the message it must give."""
    data = files["pdf"].read_bytes()
    (folder / "trasig.pdf").write_bytes(data[: len(data) // 3])
    (folder / "text.pdf").write_text("Detta är ingen PDF.\n", encoding="utf-8")
    _encrypted_pdf(files, folder / "krypterad.pdf")
    _long_pdf(folder / "lang.pdf")
    _zip(folder / "bilder.docx", {"bilder/foto.jpg": b"\xff\xd8\xff" + b"0" * 100})
    _zip(folder / "bomb.docx", {"word/document.xml": b"<" * (210 * 1024 * 1024)})
    _encrypted_docx(folder / "losenord.docx")
    (folder / "gammal.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    return {
        "trasig.pdf": "PDF-filen är skadad eller ofullständig och kunde inte läsas",
        "text.pdf": "filen heter .pdf men är något annat",
        "krypterad.pdf": "PDF-filen är lösenordsskyddad (krypterad)",
        "lang.pdf": "PDF-filen har 300 sidor; gränsen för ett dokument är 100 sidor",
        "bilder.docx": "filen är en zip-fil men inte en Word-fil (.docx) (innehåller bilder/foto.jpg)",
        "bomb.docx": "filen packas upp till mer än 200 MB",
        "losenord.docx": "Word-filen är lösenordsskyddad (krypterad)",
        "gammal.doc": "filen är i Words äldre format (.doc)",
    }


def test_bad_files_give_one_clear_message_each_and_the_rest_builds(project, files, capsys):
    source = project / "source"
    expected = bad_files(source, files)
    shutil.copy2(files["docx"], source / "anteckningar.docx")
    code = main(["--root", str(project), "check"])
    out, err = capsys.readouterr()
    assert code == 2
    for name, message in expected.items():
        lines = [line for line in err.splitlines() if line.startswith(f"{name}:")]
        assert len(lines) == 1 and lines[0].startswith(f"{name}: error: {message}"), (name, lines)
    assert "Traceback" not in err
    assert f"{5 + 1 + len(expected)} dokument lästa, 6 byggda, {len(expected)} hoppades över" in out


def test_reading_is_bounded_in_time(files):
    with pytest.raises(ReadProblem, match="läsningen tog mer än 0.05 sekunder och avbröts"):
        extract_isolated(files["pdf"].read_bytes(), "pdf", timeout=0.05)


def test_a_scanned_pdf_without_ocr_says_how_to_install_it(files, tmp_path, monkeypatch):
    """No tesseract on PATH: the file is reported with the install command, nothing else breaks."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))
    with pytest.raises(ReadProblem) as problem:
        extract_isolated(files["scanned"].read_bytes(), "pdf")
    assert str(problem.value) == ("PDF-filen är skannad (inget textlager) och OCR (tesseract) är inte installerat; "
                                  "installera med: sudo apt-get install tesseract-ocr tesseract-ocr-swe – hoppas över")


def test_a_pdf_with_only_an_owner_password_is_read(files, tmp_path):
    """Print or copy restrictions (an empty user password) do not stop reading."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(files["pdf"]))
    writer.encrypt(user_password="", owner_password="ägare", algorithm="AES-128")
    writer.write(str(tmp_path / "skyddad.pdf"))
    assert HYPHENATED in extract_isolated((tmp_path / "skyddad.pdf").read_bytes(), "pdf").text


def test_the_reader_never_runs_in_the_build_process(monkeypatch, files):
    """The worker is a separate process (memory limit, killable); a failure in it is a message."""
    monkeypatch.setattr(extract_module.sys, "executable", "/bin/false")
    with pytest.raises(ReadProblem, match="filen kunde inte läsas"):
        extract_isolated(files["docx"].read_bytes(), "docx")


# --- the site ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(files, tmp_path_factory) -> Path:
    from tests.conftest import copy_project

    root = copy_project(tmp_path_factory.mktemp("formats-site") / "project")
    shutil.copy2(files["docx"], root / "source" / "Anteckningar 2023.docx")
    shutil.copy2(files["agreement.pdf"], root / "source" / "avtal.pdf")
    shutil.copy2(files["scanned"], root / "source" / "skannad.pdf")
    assert main(["--root", str(root), "--strict", "build"]) == 0
    return root


def _document(root: Path, source_file: str) -> dict:
    export = json.loads((root / "site" / "data" / "arkiv.json").read_text(encoding="utf-8"))
    return next(d for d in export["documents"] if d["source_file"] == source_file)


def test_the_page_links_the_original_file_and_the_export_records_the_format(built, files):
    docx = _document(built, "Anteckningar 2023.docx")
    assert docx["source_format"] == "docx" and docx["ocr_confidence"] is None
    assert len(docx["attendees"]) == 21 and len(docx["items"]) == 8
    page = (built / "site" / docx["url"]).read_text(encoding="utf-8")
    assert 'href="../kallor/anteckningar-2023.docx"' in page
    assert (built / "site" / "kallor" / "anteckningar-2023.docx").read_bytes() == files["docx"].read_bytes()
    assert "Texten nedan är läst ur originalfilen (Word)" in page and "Visa texten ur originalfilen" in page
    agreement = _document(built, "avtal.pdf")
    assert agreement["source_format"] == "pdf" and len(agreement["signatories"]) == 10
    assert (built / "site" / "kallor" / "avtal.pdf").read_bytes() == files["agreement.pdf"].read_bytes()
    assert _document(built, SEEDS["2023"])["source_format"] == "txt"


def test_a_scanned_pdf_is_marked_as_read_with_ocr(built):
    scanned = _document(built, "skannad.pdf")
    assert scanned["source_format"] == "pdf" and 80 <= scanned["ocr_confidence"] <= 100
    page = (built / "site" / scanned["url"]).read_text(encoding="utf-8")
    assert "Läst med OCR" in page and f"säkerhet {scanned['ocr_confidence']:.0f} %" in page
    assert 'href="../kallor/skannad.pdf"' in page


def test_hidden_names_keep_the_original_file_out_of_the_site(project, files):
    from generator.build import generate

    shutil.copy2(files["docx"], project / "source" / "anteckningar.docx")
    settings = project / "source" / "arkiv.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\npeople:\n  hide:\n    - Per Överberg\n",
                        encoding="utf-8")
    generate(project)
    copies = sorted(p.name for p in (project / "docs" / "kallor").iterdir())
    assert "anteckningar.txt" in copies and "anteckningar.docx" not in copies
    text = (project / "docs" / "kallor" / "anteckningar.txt").read_text(encoding="utf-8")
    assert "Överberg" not in text and "[namn dolt]" in text
