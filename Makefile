# Quick start: `make audit` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
CORPUS ?= sources/calcinosis

.PHONY: audit test install bench docs eval clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

# Audits the bundled corpus; findings never fail this target (CI uses --fail-on).
audit: $(STAMP)
	$(BIN)/audit run $(CORPUS) --fail-on never

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Accuracy on the development set (../shared/devset, kept outside the repository):
# precision and recall per facet and for findings, every miss and false claim listed.
DEVSET ?= ../shared/devset
eval: $(STAMP)
	$(BIN)/audit eval eval/*/ --devset $(DEVSET) --json build/eval/results.json --floor eval/scores.json

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py

docs: $(STAMP)
	$(BIN)/python -m audit.docs

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .audit-cache
