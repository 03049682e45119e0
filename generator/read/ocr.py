"""OCR of scanned PDF pages: the page rendered with pypdfium2, read by Debian's tesseract
(`tesseract-ocr` with the Swedish data `tesseract-ocr-swe`) through pytesseract.

Each word comes back with its position (in PDF points, like the text layer's words) and
tesseract's confidence; generator/read/pdf.py makes lines and paragraphs of them exactly as
of a text layer.
"""

from __future__ import annotations

import glob
import os
import shutil

LANGUAGE = "swe"
DPI = 300
PAGE_TIMEOUT = 90  # seconds for one page
INSTALL = "sudo apt-get install tesseract-ocr tesseract-ocr-swe"


def unavailable() -> str | None:
    """None when OCR can run; otherwise what is missing and the command that installs it."""
    if shutil.which("tesseract") is None:
        return f"OCR (tesseract) är inte installerat; installera med: {INSTALL}"
    try:
        import pytesseract

        languages = pytesseract.get_languages(config="")
    except Exception as error:  # a broken installation
        return f"OCR (tesseract) kunde inte startas ({error.__class__.__name__}); installera om med: {INSTALL}"
    if LANGUAGE not in languages:
        return f"OCR saknar svenska (tesseract-ocr-swe); installera med: {INSTALL}"
    return None


def stamp() -> str:
    """What the build cache must know about OCR: a file read without it is read again once it is installed."""
    tesseract = shutil.which("tesseract") or ""
    data = sorted(glob.glob(f"/usr/share/tesseract-ocr/*/tessdata/{LANGUAGE}.traineddata"))
    prefix = os.environ.get("TESSDATA_PREFIX", "")
    return "|".join([tesseract, prefix, *data])


def read_page(data: bytes, number: int):
    """(words in PDF points, [(confidence 0-100, characters)]) of one page."""
    import pypdfium2
    import pytesseract

    from generator.read.pdf import Word

    document = pypdfium2.PdfDocument(data)
    try:
        page = document[number]
        image = page.render(scale=DPI / 72, grayscale=True).to_pil()
        page.close()
    finally:
        document.close()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # deterministic, and one core per file
    result = pytesseract.image_to_data(image, lang=LANGUAGE, config=f"--psm 3 --dpi {DPI}",
                                       output_type=pytesseract.Output.DICT, timeout=PAGE_TIMEOUT)
    scale = 72 / DPI
    words, confidences = [], []
    for i, text in enumerate(result["text"]):
        text = (text or "").strip()
        confidence = float(result["conf"][i])
        if not text or confidence < 0:
            continue
        left, top = result["left"][i] * scale, result["top"][i] * scale
        width, height = result["width"][i] * scale, result["height"][i] * scale
        words.append(Word(text, left, left + width, top, top + height))
        confidences.append((confidence, len(text)))
    return _even_heights(words), confidences


def _even_heights(words):
    """Tesseract's boxes hug the letters (`a` is lower than `Å`); give every word of a text
    line the line's height, so the line and paragraph rules see the line spacing."""
    from generator.read.pdf import lines_of

    for line in lines_of(words):
        top, bottom = min(w.top for w in line.words), max(w.bottom for w in line.words)
        for word in line.words:
            word.top, word.bottom = top, bottom
    return words
