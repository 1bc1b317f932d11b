# ALL-LIVE Market POS: `make demo` starts a demo till with its own ledger, `make test` runs every test.
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.stamp-deps
PYTEST_WORKERS ?= 2
export QT_QPA_PLATFORM ?= offscreen

.PHONY: setup demo test test-timing test-dates check-ledger-install bench lint reliability translations clean

$(STAMP): pyproject.toml scripts/ensure-system-packages.sh
	scripts/ensure-system-packages.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	env -u QT_QPA_PLATFORM $(PY) -m sync.demo

# The UI timing tests (100 ms budgets: the screen answering while the ledger takes 3 s, a receipt
# PDF is written, and after 결제 완료) run alone after the parallel suite, with the ledger in its
# own process as in a shop. On a shared 2-core machine the scheduler alone can stall a process, so
# they get three tries; a real freeze (the screen waiting on the ledger or a PDF) fails all three.
test: setup
	$(PY) -m pytest -q -n $(PYTEST_WORKERS) -m "not slow and not timing" $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-timing

test-timing: setup
	for try in 1 2 3; do \
		$(PY) -m pytest -q -p no:cacheprovider -m "timing and not slow" && exit 0; \
		echo "timing tests: try $$try of 3 failed"; \
	done; exit 1

# The suite with the wall clock moved (libfaketime): the morning of 1 March 2027, and the first minutes
# of a year in Seoul while it is still the old year in UTC (00:05 KST on 1 January = 15:05 UTC on 31
# December). Tests must pass whatever today is. The fake clock runs on from there, so the start stays
# clear of a midnight in KST: a suite of several minutes started at 23:59 would change day under tests.
FAKE_TODAYS ?= @2027-03-01T10:00:00 @2026-12-31T15:05:00
# Killing tills at random moments and loading the ledger with a hundred tills test nothing about the
# calendar, and take a fifth of the suite's time: they run once, in `make test`, to keep CI short.
PYTEST_DATE_ARGS ?= --ignore=tests/reliability/test_crash.py --ignore=tests/reliability/test_load_and_concurrency.py
test-dates: setup
	for when in $(FAKE_TODAYS); do \
		echo "== tests with the clock at $$when UTC"; \
		TZ=UTC faketime -f "$$(echo $$when | tr T ' ')" $(PY) -m pytest -q -n $(PYTEST_WORKERS) \
			-m "not slow and not timing and not real_clock" \
			-p no:cacheprovider $(PYTEST_DATE_ARGS) || exit 1; \
	done

# A fresh venv with only '.[ledger]' serves the ledger and has no Qt.
check-ledger-install:
	scripts/check-ledger-install.sh

bench: setup
	$(PY) -m benchmarks

reliability: setup
	$(PY) -m reliability

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy --strict pos_app/core pos_app/journal sync/shared sync/ledger/rules.py

translations: setup
	$(PY) scripts/update_translations.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache demo-data
