# Two commands on a fresh machine:
#   make book   set up .venv and build the static book into _build/html
#   make test   set up everything (chromium included) and run every test
# Others: make check · make lint · make format · make serve · make instructor · make pdf [EDITION=instructor] · make lab · make bench · make clean
#         make report EXPORTS=folder · make qti

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := book

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Put the venv first on PATH so notebook kernels start with the venv's Python.
export PATH := $(CURDIR)/$(BIN):$(PATH)
export PYTHONDONTWRITEBYTECODE := 1
CHROMIUM ?= /usr/bin/chromium
EDITION ?= student

.PHONY: book test check lint format serve instructor pdf lab bench clean setup browser report qti new

WIDGETS := coursebook/static/coursebook/widgets/.built
JS_SOURCES := $(shell find js -type f 2>/dev/null)

setup: $(VENV)/.installed node_modules/.installed $(WIDGETS)

$(VENV)/.installed: requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Widget modules: js/ bundled by esbuild into the engine's static folder.
$(WIDGETS): node_modules/.installed $(JS_SOURCES)
	npm run --silent build
	@touch $@

# Build the book (jupyter-book with -W -n --keep-going) into _build/.staging, and publish
# it in _build/html only if it succeeded: an interrupted or failed build leaves the last
# good site whole. The staging folder is kept, so the next build is incremental.
book: $(VENV)/.installed $(WIDGETS)
	$(BIN)/python -m coursebook build

# The instructor edition: the same book plus teaching notes and answer keys.
instructor: $(VENV)/.installed $(WIDGETS)
	$(BIN)/python -m coursebook build --edition instructor

# PDF handouts, printed by chromium with the print stylesheet into _build/pdf/: reading.pdf
# and book.pdf, or with EDITION=instructor, instructor.pdf (answer keys, teaching notes).
pdf: setup browser
	$(BIN)/python -m coursebook build --edition $(EDITION)
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m coursebook pdf --edition $(EDITION)

check: $(VENV)/.installed
	$(BIN)/python -m coursebook check

# A new book for another article (see README): make new ARTICLE=text.txt DEST=../other-book
#   TITLE="…" AUTHOR="…" PUBLISHED=YYYY-MM-DD PUBLISHER="…" [URL=https://…]
new: $(VENV)/.installed $(WIDGETS)
	@test -n "$(ARTICLE)" -a -n "$(DEST)" || { echo 'Usage: make new ARTICLE=text.txt DEST=folder TITLE="…" AUTHOR="…" PUBLISHED=YYYY-MM-DD PUBLISHER="…" [URL=…]' >&2; exit 2; }
	$(BIN)/python -m coursebook new "$(ARTICLE)" "$(DEST)" --title "$(TITLE)" --author "$(AUTHOR)" \
	  --published "$(PUBLISHED)" --publisher "$(PUBLISHER)" $(if $(URL),--url "$(URL)")

serve: $(VENV)/.installed $(WIDGETS)
	$(BIN)/python -m coursebook serve

# The class report from the students' answer files: make report EXPORTS=folder [OUT=report.html]
OUT ?= report.html
report: $(VENV)/.installed
	@if [ -z "$(EXPORTS)" ]; then echo "Say where the students' answer files are: make report EXPORTS=folder" >&2; exit 2; fi
	$(BIN)/python -m coursebook report "$(EXPORTS)" --out "$(OUT)"

# One QTI 1.2 package per chapter, for a learning platform that grades (Canvas).
qti: $(VENV)/.installed
	$(BIN)/python -m coursebook export-qti --out _build/qti

lab: $(VENV)/.installed $(WIDGETS)
	$(BIN)/jupyter lab --notebook-dir=.

# Debian's chromium (browser tests, PDFs) and poppler-utils (pdftotext, pdfunite: the PDF
# test and book.pdf), installed with apt when missing and we are root.
browser:
	@missing=""; \
	[ -x "$(CHROMIUM)" ] || missing=" chromium"; \
	command -v pdftotext >/dev/null && command -v pdfunite >/dev/null || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's$$missing (needed by the browser tests and the PDFs)…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "The browser tests and the PDFs need:$$missing. Install with:" >&2; \
	    echo "    sudo apt-get install$$missing" >&2; \
	    echo "(or point CHROMIUM=/path/to/chromium at an existing chromium)." >&2; exit 1; \
	  fi; \
	fi

# Two workers (the machine has two cores); tests that share a costly fixture are grouped.
PYTEST_WORKERS ?= 2

test: setup browser lint book
	COURSEBOOK_REQUIRE_BUILD=1 CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup

# ruff (Python) and Biome (JavaScript), configured in pyproject.toml and biome.json; TypeScript
# checks the JSDoc types of the JavaScript files marked // @ts-check (tsconfig.json).
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	npx --no-install biome check js
	npx --no-install tsc -p tsconfig.json

# Apply the formatters and the safe automatic fixes.
format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	npx --no-install biome check --write js

bench: setup book
	$(BIN)/python benchmarks/build_time.py
	$(BIN)/python benchmarks/page_weight.py
	$(BIN)/python benchmarks/widget_response.py
	$(BIN)/python benchmarks/reading_layout.py
	$(BIN)/python benchmarks/lighthouse.py
	$(BIN)/python benchmarks/class_report.py

clean:
	rm -rf _build benchmarks/_work tests/_output .pytest_cache
