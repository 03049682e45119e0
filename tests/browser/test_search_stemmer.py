"""The browser stems a query exactly as the build stemmed the index.

The index is stemmed in Python with `snowballstemmer` (generator/render/search.py), the query
in the browser with overrides/assets/vendor/snowball/swedish-stemmer.js. Both must give the
same stem for every word: a large word list (every word of the seed archive, the test corpus,
the data files and a synthetic archive, each also with Swedish endings added) is stemmed in
both, the JavaScript in Chromium, and compared word by word.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest

from generator.render.search import fold, stem, words
from tests.helpers import ROOT

STEMMER = ROOT / "overrides" / "assets" / "vendor" / "snowball" / "swedish-stemmer.js"
ENDINGS = ("", "s", "a", "e", "en", "ens", "er", "et", "ets", "ar", "arna", "arnas", "erna", "ernas", "orna",
           "ande", "andet", "ade", "ades", "are", "aste", "ast", "at", "het", "heten", "heterna", "lig", "ligt",
           "ig", "els", "löst", "fullt", "öst", "dd", "gd", "nn", "dt", "gt", "kt", "tt")


def word_list(tmp_path: Path) -> list[str]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from synthetic_archive import write_archive

    write_archive(tmp_path / "source", 300, 7)
    found: set[str] = set()
    for path in itertools.chain((ROOT / "source").iterdir(), (ROOT / "tests" / "corpus").iterdir(),
                                (ROOT / "generator" / "data").iterdir(), (tmp_path / "source").iterdir()):
        if path.is_file():
            found.update(words(path.read_bytes().decode("utf-8", errors="replace")))
    base = sorted(w for w in found if not w.isdigit())
    sample = base[:: max(1, len(base) // 1000)]
    extended = {w + ending for w in sample for ending in ENDINGS}
    return sorted(found | extended | {fold(w) for w in sample})


@pytest.mark.browser
def test_python_and_javascript_stem_every_word_alike(page, tmp_path):
    wordlist = word_list(tmp_path)
    assert len(wordlist) > 40_000
    page.set_content("<!doctype html><title>stem</title>")
    page.add_script_tag(path=str(STEMMER))
    in_browser = page.evaluate("list => list.map(w => window.arkivStemSv(w))", wordlist)
    different = [(w, stem(w), js) for w, js in zip(wordlist, in_browser) if stem(w) != js]
    assert not different, different[:20]
    assert stem("jobbspåren") == stem("jobbspår") == "jobbspår"
    assert stem("arbetsförmedlingens") == stem("arbetsförmedlingen")
