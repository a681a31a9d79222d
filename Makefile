# Two entry points for a fresh machine: `make run` (install and start the app) and `make test` (install and run all tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test system-deps venv bench mutation bundle bundle-test clean

run: system-deps $(STAMP)
	$(BIN)/workbench

test: $(STAMP)
	@scripts/system-deps.sh test
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen sh -c 'for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done'

# Mutation testing of the core packages (not part of CI, about an hour): a seeded sample of 30 mutants per package,
# the score per package with its 95 % interval, and the surviving mutants.
# How to read it: docs/testing.md. One mutant at a time, niced. `make mutation SEED=24` draws another sample: a seed
# whose survivors nobody has written tests for is the honest measure.
SEED ?= 17
mutation: $(STAMP)
	nice -n 10 $(BIN)/python scripts/mutation.py --per-package 30 --seed $(SEED)

# The Linux bundle and tarball (installer/README.md); bundle-test also installs it and runs its smoke test offline.
bundle: system-deps
	installer/build_linux.sh

bundle-test: system-deps
	installer/bundle_test.sh

system-deps:
	@scripts/system-deps.sh

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis
