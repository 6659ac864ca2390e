#!/usr/bin/env bash
# The suite as `make test` and CI run it: project checks, then pytest.
# DATABASE_URL picks the database (SQLite by default, PostgreSQL in CI).
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
echo "== pytest (base : ${DATABASE_URL:-sqlite})"
$PY -m pytest "$@"
