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

echo "== pytest (base : ${DATABASE_URL:-sqlite}, moteur : $OPENSEARCH_TEST_URL)"
$PY -m pytest "$@"
