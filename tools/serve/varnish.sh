#!/usr/bin/env bash
# Start or stop a throw-away Varnish (Debian package) on 127.0.0.1:PORT in front of the
# app server on 127.0.0.1:BACKEND_PORT, with tools/serve/varnish.vcl.
#
#   tools/serve/varnish.sh start PORT BACKEND_PORT   -> prints http://127.0.0.1:PORT
#   tools/serve/varnish.sh stop PORT
#   tools/serve/varnish.sh vcl BACKEND_PORT          -> prints the VCL (e.g. for Debian's
#                                                       own varnish service, /etc/varnish/default.vcl)
#
# State lives in ${TMPDIR:-/tmp}/anct-varnish-PORT/ (VCL, working directory, pid file).
# VARNISH_MEMORY sets the cache size (default 256m); TLS_TERMINATORS the addresses allowed
# to say a visitor came over HTTPS (comma-separated, default 127.0.0.1: on loopback, the
# tests' stand-in for the terminator); REQUEST_BODY_MAX_BYTES the largest body (as the site's
# setting of the same name, 60 MiB by default).
set -euo pipefail

ACTION="${1:?start|stop|vcl}"
PORT="${2:?port}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BASE="${TMPDIR:-/tmp}/anct-varnish-$PORT"
PIDFILE="$BASE/varnishd.pid"

stop() {
  if [[ -f "$PIDFILE" ]]; then
    local pid; pid="$(cat "$PIDFILE")"
    if [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q varnishd; then
      kill -TERM "$pid" 2>/dev/null || true
      for ((i = 0; i < 40; i++)); do [[ -e "/proc/$pid" ]] || break; sleep 0.25; done
    fi
    rm -f "$PIDFILE"
  fi
  rm -rf "$BASE"
}

# The VCL with its placeholders filled: backend port, TLS terminators, largest body.
render() {
  local backend_port="$1" terminators="" address body_max="${REQUEST_BODY_MAX_BYTES:-62914560}"
  IFS=',' read -ra ADDRESSES <<<"${TLS_TERMINATORS:-127.0.0.1}"
  for address in "${ADDRESSES[@]}"; do
    [[ "$address" =~ ^[0-9a-fA-F.:/]+$ ]] || { echo "varnish.sh: adresse invalide dans TLS_TERMINATORS : $address" >&2; return 1; }
    terminators+="\"${address%%/*}\"${address#"${address%%/*}"}; "
  done
  [[ "$body_max" =~ ^[0-9]+$ ]] || { echo "varnish.sh: REQUEST_BODY_MAX_BYTES doit être un nombre d'octets" >&2; return 1; }
  [[ "$backend_port" =~ ^[0-9]+$ ]] || { echo "varnish.sh: port du serveur d'application attendu" >&2; return 1; }
  sed -e "s/BACKEND_PORT/$backend_port/" -e "s|TLS_TERMINATORS|$terminators|" \
    -e "s/REQUEST_BODY_MAX_BYTES/$body_max/" "$HERE/varnish.vcl"
}

if [[ "$ACTION" == vcl ]]; then
  render "$PORT"
  exit 0
fi
if [[ "$ACTION" == stop ]]; then
  stop
  exit 0
fi

BACKEND_PORT="${3:?backend port}"
VARNISHD="$(command -v varnishd || echo /usr/sbin/varnishd)"
if [[ ! -x "$VARNISHD" ]]; then
  echo "varnish.sh: varnishd introuvable (apt-get install varnish)" >&2
  exit 1
fi
stop
mkdir -p "$BASE"
render "$BACKEND_PORT" >"$BASE/default.vcl"
# -n: a private working directory, so several instances (CI, make serve) live side by side.
"$VARNISHD" -a "127.0.0.1:$PORT" -f "$BASE/default.vcl" -n "$BASE/work" -P "$PIDFILE" \
  -s "malloc,${VARNISH_MEMORY:-256m}" -p default_ttl=0 -p feature=+http2 >"$BASE/varnishd.log" 2>&1
for ((i = 0; i < 40; i++)); do
  if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null \
    && (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "http://127.0.0.1:$PORT"
    exit 0
  fi
  sleep 0.25
done
echo "varnish.sh: Varnish ne répond pas sur le port $PORT (voir $BASE/varnishd.log)" >&2
exit 1
