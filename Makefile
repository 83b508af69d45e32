# Maillage: the two front-door commands are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SEARCH_PORT ?= 9250
HOST ?= 127.0.0.1
PORT ?= 8000
# Each plugin's suite also runs inside the site (its settings, layout, caches);
# CI's second pass, on PostgreSQL, sets this to `no` to stay within its time.
PLUGIN_SUITES_IN_SITE ?= yes
PLUGIN_DIRS := $(sort $(dir $(wildcard plugins/*/pyproject.toml)))
# core first: every other plugin depends on it
PLUGIN_ORDER := plugins/core/ $(filter-out plugins/core/,$(PLUGIN_DIRS))

.PHONY: run test install engine-start engine-stop lint check-migrations bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml $(wildcard plugins/*/pyproject.toml)
	@echo "==> Installing the site and its plugins into $(VENV)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install --quiet --disable-pip-version-check $(foreach p,$(PLUGIN_ORDER),-e "$(p)[testing]") -e ".[test]"
	@touch $@

run: install
	@set -e; \
	if $(BIN)/python -m search.engine available; then \
	  $(BIN)/python -m search.engine start --port $(SEARCH_PORT); \
	  export SEARCH_URL=$${SEARCH_URL:-http://127.0.0.1:$(SEARCH_PORT)}; \
	else \
	  echo "==> Java or Maven not found: search falls back to the database backend."; \
	fi; \
	$(BIN)/python manage.py migrate --noinput -v0; \
	$(BIN)/python manage.py load_demo; \
	echo "==> Maillage on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/  user admin, password maillage)"; \
	exec $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	@set -e; \
	started=0; \
	if ! $(BIN)/python -m search.engine status --port $(SEARCH_PORT) >/dev/null; then \
	  $(BIN)/python -m search.engine start --port $(SEARCH_PORT); started=1; \
	fi; \
	trap '[ $$started = 1 ] && $(BIN)/python -m search.engine stop --port $(SEARCH_PORT)' EXIT; \
	export SEARCH_URL=http://127.0.0.1:$(SEARCH_PORT) MAILLAGE_REQUIRE_ENGINE=1; \
	echo "==> Static checks"; \
	$(BIN)/ruff check --quiet .; \
	DJANGO_SETTINGS_MODULE=maillage_site.settings.test $(BIN)/python manage.py makemigrations --check --dry-run -v0 \
	  || { echo "Models and migrations differ: run manage.py makemigrations"; exit 1; }; \
	echo "==> Site tests (unit, engine, browser)"; \
	$(BIN)/pytest; \
	for plugin in $(PLUGIN_ORDER); do \
	  echo "==> $$plugin tests, standalone"; \
	  (cd $$plugin && ../../$(BIN)/pytest); \
	  if [ "$(PLUGIN_SUITES_IN_SITE)" != no ]; then \
	    echo "==> $$plugin tests, inside the site"; \
	    (cd $$plugin && ../../$(BIN)/pytest --ds=maillage_site.settings.test); \
	  fi; \
	done; \
	echo "==> All tests passed."

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) db.sqlite3 var
