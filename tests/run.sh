#!/usr/bin/env bash
# The suite as `make test` and CI run it: project checks (tests/checks.sh), then pytest.
# DATABASE_URL picks the database (SQLite by default, PostgreSQL in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
# Bytecode caches written, as the Makefile does: each process reuses what the first compiled.
unset PYTHONDONTWRITEBYTECODE
export DJANGO_SETTINGS_MODULE=config.settings.test

# The template test database (schema and reference data, tests/database_template.py),
# built beside the checks and OpenSearch's start; every pytest worker copies it.
TEMPLATE_LOG=$(mktemp)
$PY manage.py build_test_database >"$TEMPLATE_LOG" 2>&1 &
TEMPLATE_PID=$!
stop_template() { kill "$TEMPLATE_PID" 2>/dev/null || true; rm -f "$TEMPLATE_LOG"; }
trap stop_template EXIT

# The template is on every test's path: its builder keeps the default priority, and what
# runs beside it (the checks, then pytest's start-up and collection) yields to it
# (nice). Once it is built, pytest's processes compete only with the services they
# call (PostgreSQL, OpenSearch, Varnish, Redis), which had better answer first anyway.
nice -n 5 bash tests/checks.sh
echo "== OpenSearch (port ${OPENSEARCH_PORT:-9201}, tools/opensearch) [${SECONDS} s]"
# The relevance and index tests run against a real engine: no engine, no suite.
OPENSEARCH_PORT=${OPENSEARCH_PORT:-9201}
stop_opensearch() { tools/opensearch/stop.sh "$OPENSEARCH_PORT" >/dev/null 2>&1 || true; stop_template; }
trap stop_opensearch EXIT
if ! OPENSEARCH_TEST_URL=$(tools/opensearch/start.sh "$OPENSEARCH_PORT"); then
  echo "OpenSearch n'a pas pu démarrer sur le port $OPENSEARCH_PORT (voir tools/opensearch/README.md)" >&2
  exit 1
fi
export OPENSEARCH_TEST_URL

echo "== Varnish et Redis (paquets Debian, tools/serve) [${SECONDS} s]"
# One worker per core (pytest-xdist; TEST_WORKERS=0 runs everything in one process).
# Each worker has its own live server port, its own Varnish in front of it and its own
# Redis (tests/conftest.py picks them by worker number), so the HTTP cache and browser
# tests spread over all workers like the others.
WORKERS=${TEST_WORKERS:-$(nproc)}
[[ "$WORKERS" =~ ^[0-9]+$ ]] || { echo "TEST_WORKERS doit être un nombre de processus" >&2; exit 1; }
LIVE_SERVER_PORT=${LIVE_SERVER_PORT:-8899}
VARNISH_TEST_PORT=${VARNISH_TEST_PORT:-6181}  # not 6081, where a Debian varnish service may listen
REDIS_TEST_PORT=${REDIS_TEST_PORT:-6389}
SERVICE_SETS=$((WORKERS > 0 ? WORKERS : 1))
stop_services() {
  for ((i = 0; i < SERVICE_SETS; i++)); do
    tools/serve/varnish.sh stop $((VARNISH_TEST_PORT + i)) >/dev/null 2>&1 || true
    tools/serve/redis.sh stop $((REDIS_TEST_PORT + i)) >/dev/null 2>&1 || true
  done
  stop_opensearch
}
trap stop_services EXIT
HTTP_CACHE_TEST_URLS="" REDIS_TEST_URLS=""
for ((i = 0; i < SERVICE_SETS; i++)); do
  HTTP_CACHE_TEST_URLS+="$(tools/serve/varnish.sh start $((VARNISH_TEST_PORT + i)) $((LIVE_SERVER_PORT + i))) "
  REDIS_TEST_URLS+="$(tools/serve/redis.sh start $((REDIS_TEST_PORT + i))) "
done
export HTTP_CACHE_TEST_URLS REDIS_TEST_URLS

echo "== pytest [${SECONDS} s] (base : ${DATABASE_URL:-sqlite}, moteur : $OPENSEARCH_TEST_URL, caches HTTP : $HTTP_CACHE_TEST_URLS)"
# pytest starts while the template may still be building: its processes start up and
# collect the tests meanwhile, then each waits for the template (the builder holds its
# lock, tests/database_template.py) and copies it. Should the build fail, a process
# that then takes the lock builds it itself, and its error fails the suite.
# The tests sharing a module or package fixture (the demo content, loaded once for a
# module) stay on one worker; the others go to whichever is free (tests/conftest.py).
status=0
nice -n 5 $PY -m pytest -n "$WORKERS" --dist loadgroup --no-loadscope-reorder --liveserver "127.0.0.1:$LIVE_SERVER_PORT" "$@" || status=$?
echo "== base de test modèle (tests/database_template.py)"
if wait "$TEMPLATE_PID"; then cat "$TEMPLATE_LOG"; else cat "$TEMPLATE_LOG" >&2; status=1; fi
exit "$status"
