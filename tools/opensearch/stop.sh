#!/usr/bin/env bash
# Stop the node started by tools/opensearch/start.sh [PORT] (default 9201).
# Sends SIGTERM (the launcher closes the node cleanly), SIGKILL after 30 s.
# Keeps opensearch.log, removes the data directory. Succeeds if nothing is running.
set -euo pipefail

PORT="${1:-9201}"
BASE="${TMPDIR:-/tmp}/anct-opensearch-$PORT"
PIDFILE="$BASE/opensearch.pid"

if [[ "${2:-}" != "--nolock" ]]; then   # start.sh already holds the lock
  exec 9>"${TMPDIR:-/tmp}/anct-opensearch-$PORT.lock"
  flock 9
fi

is_ours() {
  [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q 'org.anct.opensearch.Launcher'
}

alive() {  # prints 1 while the process exists and is not a zombie, else 0
  local st; st="$(ps -o stat= -p "$1" 2>/dev/null || true)"
  [[ -n "$st" && "$st" != Z* ]] && echo 1 || echo 0
}

if [[ -f "$PIDFILE" ]]; then
  pid="$(cat "$PIDFILE")"
  if is_ours "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    # Wait for the process itself to disappear (its cmdline empties while the JVM exits).
    for ((i = 0; i < 120 && $(alive "$pid"); i++)); do sleep 0.25; done
    if [[ $(alive "$pid") == 1 ]]; then
      echo "stop.sh: node $pid did not stop after 30s, killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
      for ((i = 0; i < 20 && $(alive "$pid"); i++)); do sleep 0.25; done
    fi
  fi
  rm -f "$PIDFILE"
fi
rm -rf "$BASE/home"
