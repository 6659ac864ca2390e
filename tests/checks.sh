#!/usr/bin/env bash
# The project checks that run before pytest, in `make test` (tests/run.sh) and in
# `make test-fast`: Django's checks, migrations up to date, ruff, the floors of the house
# as import-linter contracts (pyproject.toml), the templates through djlint, and the French
# translation catalogue (up to date with the code, then compiled for the suite).
#
# Two lanes run side by side, one core each: the Django checks and the catalogue in one
# process (each Django command spends a second and a half starting up), the linters in
# the other. Each lane's output is printed whole, in order, once both are done; the first
# failure fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=config.settings.test

django_checks() {
  # One process for the four Django commands (tests/management/commands/project_checks.py).
  $PY manage.py project_checks
}

linters() {
  echo "== ruff"
  .venv/bin/ruff check .
  .venv/bin/ruff format --check .
  echo "== lint-imports (les étages, pyproject.toml)"
  .venv/bin/lint-imports --no-cache
  echo "== djlint (gabarits)"
  .venv/bin/djlint templates --lint
}

DJANGO_LOG=$(mktemp) LINT_LOG=$(mktemp)
trap 'rm -f "$DJANGO_LOG" "$LINT_LOG"' EXIT
(set -e; django_checks) >"$DJANGO_LOG" 2>&1 & django=$!
(set -e; linters) >"$LINT_LOG" 2>&1 & lint=$!
status=0
wait "$django" || status=1
cat "$DJANGO_LOG"
wait "$lint" || status=1
cat "$LINT_LOG"
exit "$status"
