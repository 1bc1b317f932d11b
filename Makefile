# ALL-LIVE Market POS: `make demo` starts a demo till with its own ledger, `make test` runs every test.
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.stamp-deps
PYTEST_WORKERS ?= 2
export QT_QPA_PLATFORM ?= offscreen

.PHONY: setup demo test test-fast bench lint reliability translations clean

$(STAMP): pyproject.toml scripts/ensure-system-packages.sh
	scripts/ensure-system-packages.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	env -u QT_QPA_PLATFORM $(PY) -m sync.demo

test: setup
	$(PY) -m pytest -q -n $(PYTEST_WORKERS) -m "not slow" $(PYTEST_ARGS)

bench: setup
	$(PY) -m benchmarks

reliability: setup
	$(PY) -m reliability

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

translations: setup
	$(PY) scripts/update_translations.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache demo-data
