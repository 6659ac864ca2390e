#!/usr/bin/env bash
# Start a throw-away single-node OpenSearch 2.19 on 127.0.0.1:PORT (default 9201).
#
# OpenSearch is assembled from Maven Central jars (see pom.xml / README.md) because this
# environment has no Docker and cannot download the opensearch.org tarball.
#
#   tools/opensearch/start.sh [PORT]     -> prints http://127.0.0.1:PORT on success
#   tools/opensearch/stop.sh  [PORT]
#
# State lives in ${TMPDIR:-/tmp}/anct-opensearch-PORT/ (wiped on every fresh start):
#   home/ (path.home + data), opensearch.log, opensearch.pid
# Environment overrides: JAVA (default: java), OPENSEARCH_HEAP (default "-Xms512m -Xmx1g"),
# OPENSEARCH_START_TIMEOUT (seconds, default 120).
# If a node started by this script is already running on PORT it is reused (exit 0).
set -euo pipefail

PORT="${1:-9201}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BASE="${TMPDIR:-/tmp}/anct-opensearch-$PORT"
PIDFILE="$BASE/opensearch.pid"
LOG="$BASE/opensearch.log"
URL="http://127.0.0.1:$PORT"
JAVA="${JAVA:-java}"
HEAP="${OPENSEARCH_HEAP:--Xms512m -Xmx1g}"
TIMEOUT="${OPENSEARCH_START_TIMEOUT:-120}"

# Serialise concurrent start/stop for the same port (e.g. several pytest-xdist workers).
exec 9>"${TMPDIR:-/tmp}/anct-opensearch-$PORT.lock"
flock 9

healthy() {
  curl -fsS --max-time 5 "$URL/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null \
    | grep -Eq '"status" *: *"(green|yellow)"'
}
our_pid_alive() {
  [[ -f "$PIDFILE" ]] || return 1
  local pid; pid="$(cat "$PIDFILE")"
  [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'org.anct.opensearch.Launcher'
}
# While starting, the process just forked: until it has exec'd java its command line is
# this script's, so only its existence counts (a stricter check read a node still being
# launched as one that had exited, with an empty log).
launched_pid_alive() {
  local st; st="$(ps -o stat= -p "$(cat "$PIDFILE")" 2>/dev/null || true)"
  [[ -n "$st" && "$st" != Z* ]]
}

if our_pid_alive && healthy; then
  echo "$URL"
  exit 0
fi
if our_pid_alive; then
  "$HERE/stop.sh" "$PORT" --nolock >&2
fi
if curl -s --max-time 2 -o /dev/null "$URL/"; then
  echo "start.sh: port $PORT is already in use by another process" >&2
  exit 1
fi

# Build (or rebuild when pom.xml / sources changed).
STAMP="$HERE/target/.built"
if [[ ! -f "$STAMP" || -n "$(find "$HERE/pom.xml" "$HERE/src" -newer "$STAMP" -print -quit)" ]]; then
  echo "start.sh: building OpenSearch launcher with Maven..." >&2
  mvn -q -B -Dstyle.color=never -f "$HERE/pom.xml" package -DskipTests >&2
  touch "$STAMP"
fi

rm -rf "$BASE"
mkdir -p "$BASE/home"

JVM_OPTS=(-Dfile.encoding=UTF-8 -Djava.awt.headless=true
  -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true -Dlog4j2.formatMsgNoLookups=true
  -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0
  -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow)
# Same locale data as the 2.19 distribution; the COMPAT provider no longer exists on Java 23+.
JAVA_MAJOR="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p')"
if [[ -n "$JAVA_MAJOR" && "$JAVA_MAJOR" -lt 23 ]]; then
  JVM_OPTS+=(-Djava.locale.providers=SPI,COMPAT)
fi

# shellcheck disable=SC2086
setsid "$JAVA" $HEAP "${JVM_OPTS[@]}" -cp "$HERE/target/classes:$HERE/target/lib/*" \
  org.anct.opensearch.Launcher "$BASE/home" "$PORT" >"$LOG" 2>&1 </dev/null 9>&- &
echo $! >"$PIDFILE"

for ((i = 0; i < TIMEOUT * 4; i++)); do
  if ! launched_pid_alive; then
    echo "start.sh: OpenSearch exited during startup; last log lines ($LOG):" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
  if healthy; then
    echo "$URL"
    exit 0
  fi
  sleep 0.25
done
echo "start.sh: OpenSearch not healthy after ${TIMEOUT}s; last log lines ($LOG):" >&2
tail -n 40 "$LOG" >&2
"$HERE/stop.sh" "$PORT" --nolock >&2 || true
exit 1
