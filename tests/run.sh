#!/usr/bin/env bash
# The suite as `make test` and CI run it: project checks (tests/checks.sh), then pytest.
# DATABASE_URL picks the database (SQLite by default, PostgreSQL in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=config.settings.test

bash tests/checks.sh
echo "== OpenSearch (port ${OPENSEARCH_PORT:-9201}, tools/opensearch)"
# The relevance and index tests run against a real engine: no engine, no suite.
OPENSEARCH_PORT=${OPENSEARCH_PORT:-9201}
stop_opensearch() { tools/opensearch/stop.sh "$OPENSEARCH_PORT" >/dev/null 2>&1 || true; }
trap stop_opensearch EXIT
if ! OPENSEARCH_TEST_URL=$(tools/opensearch/start.sh "$OPENSEARCH_PORT"); then
  echo "OpenSearch n'a pas pu démarrer sur le port $OPENSEARCH_PORT (voir tools/opensearch/README.md)" >&2
  exit 1
fi
export OPENSEARCH_TEST_URL

echo "== Varnish et Redis (paquets Debian, tools/serve)"
# The HTTP cache tests run against the real Varnish in front of the live server, whose
# port is fixed here; the shared-cache tests against a real Redis.
LIVE_SERVER_PORT=${LIVE_SERVER_PORT:-8899}
VARNISH_TEST_PORT=${VARNISH_TEST_PORT:-6181}  # not 6081, where a Debian varnish service may listen
REDIS_TEST_PORT=${REDIS_TEST_PORT:-6389}
stop_services() {
  tools/serve/varnish.sh stop "$VARNISH_TEST_PORT" >/dev/null 2>&1 || true
  tools/serve/redis.sh stop "$REDIS_TEST_PORT" >/dev/null 2>&1 || true
  stop_opensearch
}
trap stop_services EXIT
HTTP_CACHE_TEST_URL=$(tools/serve/varnish.sh start "$VARNISH_TEST_PORT" "$LIVE_SERVER_PORT")
REDIS_TEST_URL=$(tools/serve/redis.sh start "$REDIS_TEST_PORT")
export HTTP_CACHE_TEST_URL REDIS_TEST_URL

echo "== pytest (base : ${DATABASE_URL:-sqlite}, moteur : $OPENSEARCH_TEST_URL, cache HTTP : $HTTP_CACHE_TEST_URL)"
# One worker per core (pytest-xdist); the tests of the live server, Varnish and Redis
# share one of them (tests/conftest.py). TEST_WORKERS=0 runs everything in one process.
$PY -m pytest -n "${TEST_WORKERS:-auto}" --dist loadgroup --liveserver "127.0.0.1:$LIVE_SERVER_PORT" "$@"
