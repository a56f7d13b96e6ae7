# Filing Reviewer. Every target creates .venv itself when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test test-fast check bench golden bundle lint clean fuzz

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## run: open the review window on the bundled sample filings
run: $(STAMP)
	$(BIN)/reviewer gui resources/samples

## test: the whole test suite (GUI tests offscreen), the linter, the layer contracts and mypy
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(MAKE) --no-print-directory check

## test-fast: every tier but the corpus and the slow tests (under a minute), then the checks
test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not corpus and not slow"
	$(MAKE) --no-print-directory check

## check: ruff, the import-linter layer contracts, mypy on core, store and pipeline
check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

## fuzz: 1,000 seeded mutants of corpus filings through the real import; prints the figures
fuzz: $(STAMP)
	$(BIN)/python tests/helpers/fuzz.py -n 1000 --seed 12

## golden: rewrite tests/golden/ (samples in full, corpus digests) after an extraction change (bump EXTRACTOR_VERSION first)
golden: $(STAMP)
	$(BIN)/python tests/helpers/golden.py

## bench: measure, and rewrite BENCHMARKS.md
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

## bundle: a one-folder application in dist/reviewer (PyInstaller), then checked
bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet "pyinstaller>=6.10"
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/pyinstaller/reviewer.spec
	bash packaging/check_bundle.sh

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
