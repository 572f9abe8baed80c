# Every target makes .venv itself if it is missing, so a fresh clone needs only `make play` or `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: play test lint typecheck unit bench schema screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,serve]'
	touch $(STAMP)

play: $(STAMP)
	$(BIN)/counterpoint play

test: $(STAMP) lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check game tests
	$(BIN)/ruff format --check game tests
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -n auto -q

bench: $(STAMP)
	ARGKP=$${ARGKP:-../shared/argkp} $(BIN)/python -m tests.bench $(ONLY)

screenshots: $(STAMP)
	$(BIN)/python -m tests.screenshots

schema: $(STAMP)
	$(BIN)/python -m game.packs.schema > content/pack.schema.json

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
