# portkey-typed developer commands. `make demo` and `make test` do all the setup they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
PARITY_VENV := .parity-venv
PARITY_STAMP := $(PARITY_VENV)/.installed

.PHONY: setup generate check-generated lint typecheck test test-unit test-integration parity demo bench reference-check corpus drift clean python-matrix change-report

setup: $(STAMP) $(NODE_STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "the development setup needs Python 3.11+ (the package itself runs on 3.10+): make setup PYTHON=python3.11")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e ".[dev]"
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

generate: $(STAMP)
	$(PY) -m generator
	$(PY) -m generator.change_report

change-report: $(STAMP)
	$(PY) -m generator.change_report $(CHANGE_REPORT_ARGS)

check-generated: $(STAMP)
	$(PY) -m generator --check

# Checks against descriptions outside the project: `make reference-check SPEC=FILE`, `make drift SPEC=FILE`,
# `make corpus SPECS=FOLDER`.
reference-check: $(STAMP)
	@test -n "$(SPEC)" || { echo "usage: make reference-check SPEC=path/to/openapi.yaml"; exit 2; }
	$(PY) -m generator --spec $(SPEC) --out $$(mktemp -d)/reference --typecheck

corpus: $(STAMP)
	@test -n "$(SPECS)" || { echo "usage: make corpus SPECS=path/to/folder"; exit 2; }
	$(PY) -m generator.corpus $(SPECS)

drift: $(STAMP)
	@test -n "$(SPEC)" || { echo "usage: make drift SPEC=path/to/portkey-openapi.yaml"; exit 2; }
	$(PY) -m generator drift --reference $(SPEC)

lint: $(STAMP)
	$(VENV)/bin/ruff check portkey_typed generator tests examples typed_examples bench scripts
	$(VENV)/bin/ruff format --check portkey_typed generator tests examples typed_examples bench scripts

typecheck: setup
	$(VENV)/bin/mypy
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" npx --no-install pyright
	$(PY) -m tests.docs.blocks build/docs-blocks
	$(VENV)/bin/mypy build/docs-blocks

test: setup
	$(PY) -m pytest -q

test-unit: $(STAMP)
	$(PY) -m pytest -q tests/unit tests/generator

test-integration: setup
	$(PY) -m pytest -q tests/integration

python-matrix: setup
	$(PY) scripts/python_matrix.py

# The official portkey-ai in a venv of its own, and the same user scripts run with it and with portkey-typed.
$(PARITY_STAMP): tests/parity/requirements.txt
	rm -rf $(PARITY_VENV)
	$(PYTHON) -m venv $(PARITY_VENV)
	$(PARITY_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r tests/parity/requirements.txt
	touch $(PARITY_STAMP)

parity: setup $(PARITY_STAMP)
	PARITY_PYTHON=$(CURDIR)/$(PARITY_VENV)/bin/python $(PY) -m pytest -q tests/parity

demo: setup
	$(PY) scripts/demo.py $(EXAMPLE)

bench: setup
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(PARITY_VENV) node_modules .mypy_cache .pytest_cache .ruff_cache
