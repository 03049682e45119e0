# Nätverksarkivet. `make site` builds the site from source/; `make test` runs the whole suite.
# Both set up everything they need on a fresh machine (virtualenv, packages, OCR for scanned
# PDFs, Chromium).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: site test docs serve check golden benchmark page-sizes search-benchmark accuracy clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

## site: generate docs/ from source/ and build the static site in site/
site: $(STAMP)
	scripts/ensure-ocr
	$(BIN)/arkiv build

## test: install test dependencies (and Chromium if missing) and run the whole suite
test: $(TEST_STAMP)
	scripts/ensure-chromium
	scripts/ensure-ocr --required --fonts
	scripts/install-test-tools
	$(BIN)/python -m pytest

docs: $(STAMP)
	scripts/ensure-ocr
	$(BIN)/arkiv generate

serve: $(STAMP)
	$(BIN)/arkiv serve

check: $(STAMP)
	$(BIN)/arkiv check

## golden: rewrite the golden pages in tests/golden/ from the current generator, on purpose
golden: $(TEST_STAMP)
	$(BIN)/python -m tests.golden_update

## benchmark: generate cost per document on synthetic archives of 300 and 3,000 documents, each built 3 times (prints medians; about 3 min)
## accuracy: precision and recall of the parsers per field on the labelled corpus (tests/corpus/)
accuracy: $(TEST_STAMP)
	$(BIN)/python -m tests.accuracy

benchmark: $(STAMP)
	$(BIN)/python scripts/benchmark.py

## page-sizes: largest Markdown page at 10,000 documents, largest HTML page and every link at 3,000 (about 10 min)
page-sizes: $(STAMP)
	$(BIN)/python scripts/page_sizes.py

## search-benchmark: the search in Chromium from file:// on synthetic archives of 1,000 and 10,000 documents (prints only)
search-benchmark: $(TEST_STAMP)
	scripts/ensure-chromium
	$(BIN)/python scripts/search_benchmark.py

clean:
	rm -rf site $(VENV)
