#!/usr/bin/env bash
# The browser suite N times in a row (10 by default), stopping at the first failure:
# how a change to the browser tests shows they wait for states, never for time.
# They need only the live server and Chromium (installed by `make test`).
# Usage: bash tests/repeat_browser.sh [N]   (LIVE_SERVER_PORT, 8899 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10}
PORT=${LIVE_SERVER_PORT:-8899}
for i in $(seq 1 "$N"); do
  echo "== passage $i sur $N ($(date +%H:%M:%S))"
  DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python -m pytest -m browser -q -p no:cacheprovider \
    --liveserver "127.0.0.1:$PORT" tests/browser
done
echo "== $N passages de la suite navigateur sans échec"
