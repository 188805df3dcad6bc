# One entry point for people and CI. Every target creates .venv on first use and installs the
# pinned, hashed lock file it needs (again whenever that file changes): publishing installs only
# what builds the site; the tests add their tools; contributors' tools are a separate target.
VENV   := .venv
PYTHON := $(VENV)/bin/python
SITE   := $(VENV)/.installed-site
TESTS  := $(VENV)/.installed-test
TOOLS  := $(VENV)/.installed-contrib
MONITOR := $(VENV)/.installed-monitor

.PHONY: serve build check translations test ci contrib lock clean

serve: $(SITE)   ## Build and serve the site on http://127.0.0.1:8000 (rebuilds on every edit)
	NO_MKDOCS_2_WARNING=1 $(PYTHON) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: $(SITE)   ## Build the site strictly into site/ (left unchanged if the build fails), with downloads
	scripts/ensure-browser
	$(PYTHON) scripts/build

check: $(SITE)   ## Check the content files without building
	$(PYTHON) scripts/check

translations: $(SITE)  ## List what is not yet translated (pages, outdated pages, data texts)
	$(PYTHON) scripts/translation-status

test: $(TESTS) $(MONITOR)   ## Run every test (installs Chromium first if it is missing)
	scripts/ensure-browser
	$(PYTHON) -m pytest

ci: $(TESTS)     ## What CI runs (.ci/run and the GitHub workflow alike): the content check, what is not translated, every test
	scripts/ensure-browser
	$(PYTHON) scripts/check
	-$(PYTHON) scripts/translation-status
	$(MAKE) test

contrib: $(TOOLS)  ## Install the contributors' tools: pre-commit, pip-tools (ruff comes with make test)
	@echo "Installed: pre-commit (then: $(VENV)/bin/pre-commit install), ruff, pip-compile"

lock: $(TOOLS)   ## Compile the lock files again after changing a requirements/*.in file
	cd requirements && ../$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o site.txt site.in
	cd requirements && ../$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o test.txt test.in
	cd requirements && ../$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o contrib.txt contrib.in
	cd requirements && ../$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o monitor.txt monitor.in

clean:
	rm -rf site $(VENV)

$(PYTHON):
	python3 -m venv $(VENV)

$(SITE): requirements/site.txt | $(PYTHON)
	$(PYTHON) -m pip install --quiet --require-hashes -r requirements/site.txt
	touch $@

$(TESTS): requirements/test.txt | $(PYTHON)
	$(PYTHON) -m pip install --quiet --require-hashes -r requirements/test.txt
	touch $(SITE) $@

# the detection tool (scripts/monitor): its own lock file, so the site build does not carry it
$(MONITOR): requirements/monitor.txt $(TESTS)
	$(PYTHON) -m pip install --quiet --require-hashes -r requirements/monitor.txt
	touch $@

$(TOOLS): requirements/contrib.txt | $(PYTHON)
	$(PYTHON) -m pip install --quiet --require-hashes -r requirements/contrib.txt
	touch $@
