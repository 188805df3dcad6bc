# One entry point for people and CI. Every target creates .venv from the pinned
# requirements.txt on first use (and again whenever requirements.txt changes).
VENV   := .venv
PYTHON := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-from-requirements

.PHONY: serve build check translations test ci clean

serve: $(STAMP)  ## Build and serve the site on http://127.0.0.1:8000 (rebuilds on every edit)
	NO_MKDOCS_2_WARNING=1 $(PYTHON) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)  ## Build the site strictly into site/ (left unchanged if the build fails), with downloads
	scripts/ensure-browser
	$(PYTHON) scripts/build

check: $(STAMP)  ## Check the content files without building
	$(PYTHON) scripts/check

translations: $(STAMP)  ## List what is not yet translated (pages, outdated pages, data texts)
	$(PYTHON) scripts/translation-status

test: $(STAMP)   ## Run every test (installs Chromium first if it is missing)
	scripts/ensure-browser
	$(PYTHON) -m pytest

ci: $(STAMP)     ## What CI runs (.ci/run and the GitHub workflow alike): the content check, what is not translated, every test
	scripts/ensure-browser
	$(PYTHON) scripts/check
	-$(PYTHON) scripts/translation-status
	$(MAKE) test

clean:
	rm -rf site $(VENV)

$(STAMP): requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet -r requirements.txt
	touch $(STAMP)
