#!/usr/bin/env bash
# Start or stop a throw-away Redis (Debian package) on 127.0.0.1:PORT, no persistence.
#
#   tools/serve/redis.sh start PORT   -> prints redis://127.0.0.1:PORT/0
#   tools/serve/redis.sh stop PORT
set -euo pipefail

ACTION="${1:?start|stop}"
PORT="${2:?port}"
BASE="${TMPDIR:-/tmp}/anct-redis-$PORT"
PIDFILE="$BASE/redis.pid"

stop() {
  if [[ -f "$PIDFILE" ]]; then
    local pid; pid="$(cat "$PIDFILE")"
    if [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q redis-server; then
      kill -TERM "$pid" 2>/dev/null || true
      for ((i = 0; i < 40; i++)); do [[ -e "/proc/$pid" ]] || break; sleep 0.25; done
    fi
    rm -f "$PIDFILE"
  fi
  rm -rf "$BASE"
}

if [[ "$ACTION" == stop ]]; then
  stop
  exit 0
fi
if ! command -v redis-server >/dev/null; then
  echo "redis.sh: redis-server introuvable (apt-get install redis-server)" >&2
  exit 1
fi
stop
mkdir -p "$BASE"
redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes --pidfile "$PIDFILE" \
  --dir "$BASE" --save "" --appendonly no --logfile "$BASE/redis.log" --maxmemory 256mb \
  --maxmemory-policy allkeys-lru
for ((i = 0; i < 40; i++)); do
  # Ours answers (not another Redis already on the port): its pid file names a live process.
  if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null \
    && redis-cli -p "$PORT" ping 2>/dev/null | grep -q PONG; then
    echo "redis://127.0.0.1:$PORT/0"
    exit 0
  fi
  sleep 0.25
done
echo "redis.sh: Redis ne répond pas sur le port $PORT (voir $BASE/redis.log)" >&2
exit 1
