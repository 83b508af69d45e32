# Maillage: the two front-door commands are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SEARCH_PORT ?= 9250
HOST ?= 127.0.0.1
PORT ?= 8000
PLUGIN_DIRS := $(sort $(dir $(wildcard plugins/*/pyproject.toml)))
# core first: every other plugin depends on it
PLUGIN_ORDER := plugins/core/ $(filter-out plugins/core/,$(PLUGIN_DIRS))

.PHONY: run test install bench clean

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
	@bash tests/run

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) db.sqlite3 var
