#!/usr/bin/env bash
# The project checks that run before pytest, in `make test` (tests/run.sh) and in
# `make test-fast`: Django's checks, migrations up to date, ruff, the floors of the house
# as import-linter contracts (pyproject.toml), the templates through djlint, and the French
# translation catalogue (up to date with the code, then compiled for the suite).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=config.settings.test

echo "== manage.py check"
$PY manage.py check
echo "== makemigrations --check"
$PY manage.py makemigrations --check --dry-run >/dev/null || { echo "Migrations manquantes : lancez manage.py makemigrations"; exit 1; }
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== lint-imports (les étages, pyproject.toml)"
.venv/bin/lint-imports --no-cache
echo "== djlint (gabarits)"
.venv/bin/djlint templates --lint
echo "== catalogue de traduction (locale/fr)"
# A text with a count missing from the catalogue would follow the English plural rule.
$PY manage.py makemessages -l fr --check -v 0
$PY manage.py compilemessages -l fr --ignore=.venv --ignore=node_modules -v 0
