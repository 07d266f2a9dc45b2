# portkey-typed developer commands. `make demo` and `make test` do all the setup they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: setup generate check-generated lint typecheck test test-unit test-integration demo bench reference-check corpus clean

setup: $(STAMP) $(NODE_STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e ".[dev]"
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

generate: $(STAMP)
	$(PY) -m generator

check-generated: $(STAMP)
	$(PY) -m generator --check

# Checks against descriptions outside the project: `make reference-check SPEC=FILE`, `make corpus SPECS=FOLDER`.
reference-check: $(STAMP)
	@test -n "$(SPEC)" || { echo "usage: make reference-check SPEC=path/to/openapi.yaml"; exit 2; }
	$(PY) -m generator --spec $(SPEC) --out $$(mktemp -d)/reference --typecheck

corpus: $(STAMP)
	@test -n "$(SPECS)" || { echo "usage: make corpus SPECS=path/to/folder"; exit 2; }
	$(PY) -m generator.corpus $(SPECS)

lint: $(STAMP)
	$(VENV)/bin/ruff check portkey_typed generator tests examples typed_examples bench scripts
	$(VENV)/bin/ruff format --check portkey_typed generator tests examples typed_examples bench scripts

typecheck: setup
	$(VENV)/bin/mypy
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" npx --no-install pyright

test: setup
	$(PY) -m pytest -q

test-unit: $(STAMP)
	$(PY) -m pytest -q tests/unit tests/generator

test-integration: setup
	$(PY) -m pytest -q tests/integration

demo: setup
	$(PY) scripts/demo.py

bench: setup
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules .mypy_cache .pytest_cache .ruff_cache
