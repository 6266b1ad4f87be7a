# Two commands do all set-up on a fresh machine: `make serve` and `make test`.
PY ?= python3
export NO_MKDOCS_2_WARNING := 1   # mkdocs-material prints an advert for MkDocs 2 on every build
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: serve build test validate clean

$(STAMP): pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve

build: $(STAMP)
	$(VENV)/bin/mkdocs build --strict

validate: $(STAMP)
	$(VENV)/bin/ledger validate

test: $(STAMP)
	$(VENV)/bin/ruff check .  # lint first (pyflakes F, syntax E9: pyproject.toml [tool.ruff])
	scripts/ensure-chromium   # the browser tests drive Chromium ($$CHROMIUM, else Debian's); installed here if missing
	scripts/ensure-vnu        # the Nu Html Checker (pinned vnu.jar from npm) that checks every built page
	$(VENV)/bin/python -m pytest

clean:
	rm -rf $(VENV) site
