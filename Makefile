# Đắk Tô town portal — every command a newcomer needs. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

export DAKTO_INSTANCE ?= $(CURDIR)/instance

.PHONY: help install start test lint format bench constraints buildout buildout-smoke clean deploy-tools cluster cluster-status cluster-stop

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.txt constraints.txt src/dakto.policy/pyproject.toml src/dakto.theme/pyproject.toml src/dakto.instance/pyproject.toml
	@bash scripts/install-python.sh $(PYTHON) $(VENV)
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the pinned portal (only what is missing)

start: $(STAMP) ## Install if needed, create the site 'dakto' if missing, serve it (DAKTO_* settings: README)
	$(BIN)/dakto start

.PHONY: backup restore export import
backup: $(STAMP) ## Back up the data (repozo or pg_dump) into DAKTO_BACKUP_DIR; FULL=1 forces a full backup
	@$(BIN)/dakto backup $(if $(FULL),--full)

restore: $(STAMP) ## Restore the latest backup (BACKUP=name for another) over the stopped instance; CONFIRM=yes for scripts
	@$(BIN)/dakto restore $(BACKUP) $(if $(filter yes,$(CONFIRM)),--yes)

export: $(STAMP) ## Archival export of the published content into ARCHIVE=folder (see docs/archival-export.md)
	@$(BIN)/dakto export "$(or $(ARCHIVE),$(error make export needs ARCHIVE=folder))"

import: $(STAMP) ## Import ARCHIVE=folder (an archival export) into a fresh instance
	@$(BIN)/dakto import "$(or $(ARCHIVE),$(error make import needs ARCHIVE=folder))"

# The browser suite's pieces (Chromium, chromedriver, Java; axe-core and vnu-jar from npm):
# installed when package.json changes; without them tests/browser skips
# (fails under CI=true).
node_modules/.installed: package.json package-lock.json
	-bash scripts/install-browser.sh

test: $(STAMP) node_modules/.installed ## Install if needed and run the whole test suite (PYTEST_ARGS=... to narrow it)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP) ## Check code style with ruff
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

format: $(STAMP) ## Format the code with ruff
	$(BIN)/ruff check --fix src tests bench scripts
	$(BIN)/ruff format src tests bench scripts

bench: $(STAMP) deploy-tools ## Run the benchmarks in bench/ and print their ratios (SERVING_ARGS=--quick)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/serving.py $(SERVING_ARGS)

deploy-tools: ## Install varnish, haproxy, nginx, wrk, postgresql if missing (Debian, root)
	bash scripts/install-deploy-tools.sh

cluster: $(STAMP) deploy-tools ## Start PostgreSQL, 2 Zope processes on RelStorage and HAProxy on :8080 (deploy/cluster.sh); CLUSTER_SITES=3: three sites
	DAKTO_CLUSTER_SITES=$(or $(CLUSTER_SITES),$(DAKTO_CLUSTER_SITES),1) bash deploy/cluster.sh start

cluster-status: ## What the cluster runs, and HAProxy's view of each Zope process
	bash deploy/cluster.sh status

cluster-stop: ## Stop the cluster (its data stays in var/cluster)
	bash deploy/cluster.sh stop

constraints: ## Re-resolve the pinned set into constraints.txt (see README before you do)
	bash scripts/update-constraints.sh

buildout: $(STAMP) ## Build the same instance with zc.buildout into bin/instance
	$(BIN)/python -m pip install -q -c constraints.txt zc.buildout
	$(BIN)/python scripts/constraints_to_versions.py constraints.txt > versions-buildout.cfg
	$(BIN)/buildout -c buildout.cfg

buildout-smoke: ## Build with zc.buildout, serve the site once and fetch its front page (CI runs this)
	bash scripts/buildout-smoke.sh

clean: ## Remove .venv and build leftovers (keeps instance/var and var/, your data)
	rm -rf $(VENV) bin parts eggs develop-eggs .installed.cfg versions-buildout.cfg
