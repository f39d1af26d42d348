# The US–USSR–Japan report. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON_BOOT ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
JOBS ?= 2
INCLUDE_CODE ?= 0
API_DIR ?= docs/api
BUILD := JOBS=$(JOBS) INCLUDE_CODE=$(INCLUDE_CODE) $(PY) -m analysis.report.build

.PHONY: help setup system-deps report html pdf check-data lint test bench clean chapter chapter-html lab docs

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo "  Options: JOBS=N (parallel chapters, default 2), INCLUDE_CODE=1 (show code in the report)"

$(VENV)/.installed: pyproject.toml requirements.lock
	@echo "==> creating $(VENV) and installing pinned dependencies"
	@test -x $(PY) || $(PYTHON_BOOT) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet -r requirements.lock
	@$(PY) -m pip install --quiet --no-deps -e .
	@$(PY) -m ipykernel install --sys-prefix --name usrj --display-name "Python (US–USSR–Japan report)" > /dev/null
	@$(PY) tools/lab_settings.py
	@touch $@

system-deps: ## Install the Debian packages the build and tests need (chromium, poppler-utils, fonts), when missing
	@bash tools/install-system-deps.sh

setup: $(VENV)/.installed system-deps ## Create .venv, install the package and the system packages

check-data: $(VENV)/.installed ## Validate data/ against data/datapackage.json without building
	@$(PY) -m analysis.report.build check-data

report: setup ## Execute the chapters (cached) and export reports/report.html and reports/report.pdf
	@$(BUILD) report

html: setup ## Only the HTML report (reports/report.html)
	@$(BUILD) html

pdf: setup ## The HTML and the PDF report (same as report)
	@$(BUILD) pdf

chapter-html: setup ## One chapter alone, fast, while writing it: make chapter-html NAME=slug
	@test -n "$(NAME)" || { echo "usage: make chapter-html NAME=slug"; exit 2; }
	@$(BUILD) chapter-html $(NAME)

lab: $(VENV)/.installed ## JupyterLab on notebooks/: chapters open as notebooks, run top to bottom, numbers shown inline
	@$(VENV)/bin/jupyter lab --ServerApp.root_dir=notebooks $(LAB_ARGS)

chapter: setup ## Scaffold a new chapter: make chapter NAME=slug TITLE="Title" [AFTER=slug]
	@$(PY) -m analysis.authoring.scaffold --slug "$(NAME)" --title "$(TITLE)" $(if $(AFTER),--after "$(AFTER)")

lint: $(VENV)/.installed ## Ruff (lint and format check) and the import-layers contract
	@$(VENV)/bin/ruff check --quiet .
	@$(VENV)/bin/ruff format --check --quiet .
	@$(VENV)/bin/lint-imports --no-cache > /dev/null || $(VENV)/bin/lint-imports --no-cache
	@echo "==> lint clean, layers kept"

test: setup lint ## Lint, validate the data and run the whole test suite (what CI runs)
	@$(PY) -m analysis.report.build check-data
	@$(PY) -m pytest -q

docs: $(VENV)/.installed ## The library reference from the docstrings (pdoc, offline): open docs/api/index.html
	@$(PY) tools/api_docs.py $(API_DIR)

bench: setup ## Time clean, no-op and one-chapter builds against one nbconvert call per notebook; writes docs/benchmarks.md
	@$(PY) tools/bench.py

clean: ## Remove the built report and the execution cache (keeps .venv)
	rm -rf reports .cache
