#!/usr/bin/env bash
# `make serve`: the production stack on loopback, in the foreground; Ctrl-C stops it all.
#
#   Varnish 127.0.0.1:PORT  ->  gunicorn 127.0.0.1:APP_PORT (production settings, WhiteNoise)
#   Redis 127.0.0.1:REDIS_PORT (shared cache), manage.py db_worker (tasks: mail, purges)
#
# PORT (8000), APP_PORT (PORT+100), REDIS_PORT (PORT-1700), WEB_WORKERS (2). SECRET_KEY and
# ALLOWED_HOSTS are used when given; otherwise a throw-away key and the loopback names.
# Expects `make setup` to have run (the Makefile does it first).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
PORT=${PORT:-8000}
APP_PORT=${APP_PORT:-$((PORT + 100))}
REDIS_PORT=${REDIS_PORT:-$((PORT - 1700))}
WEB_WORKERS=${WEB_WORKERS:-2}

export DJANGO_SETTINGS_MODULE=config.settings.production
if [[ -z "${SECRET_KEY:-}" ]]; then
  SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')
  echo "  SECRET_KEY absent : clé jetable générée (les sessions ne survivent pas à l'arrêt)."
fi
export SECRET_KEY
if [[ -z "${ALLOWED_HOSTS:-}" ]]; then
  export ALLOWED_HOSTS=127.0.0.1,localhost
  echo "  ALLOWED_HOSTS absent : 127.0.0.1,localhost."
fi
# Plain HTTP on loopback: no redirect to HTTPS, cookies without the Secure flag.
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-0} SECURE_COOKIES=${SECURE_COOKIES:-0}
export CSRF_TRUSTED_ORIGINS=${CSRF_TRUSTED_ORIGINS:-http://127.0.0.1:$PORT,http://localhost:$PORT}
export FRONTEND_CACHE_URL=http://127.0.0.1:$PORT
# The address served, source of every absolute link (e-mails, canonical, sitemap, API).
export SITE_BASE_URL=${SITE_BASE_URL:-http://127.0.0.1:$PORT}
# Varnish on loopback is the proxy whose X-Forwarded-For the site believes.
export TRUSTED_PROXIES=${TRUSTED_PROXIES:-127.0.0.1,::1}
echo "  HTTP simple sur la boucle locale : SECURE_SSL_REDIRECT=$SECURE_SSL_REDIRECT, SECURE_COOKIES=$SECURE_COOKIES."

declare -A PIDS=()
stop_all() {
  trap - INT TERM EXIT
  echo ""
  echo "Arrêt de la pile…"
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  tools/serve/varnish.sh stop "$PORT" || true
  tools/serve/redis.sh stop "$REDIS_PORT" || true
}
# Ctrl-C or TERM: stop everything and leave (the loop below would otherwise restart it all).
trap 'stop_all; exit 130' INT TERM
trap stop_all EXIT

CACHE_URL=$(tools/serve/redis.sh start "$REDIS_PORT")
export CACHE_URL
echo "== collectstatic (noms hachés, gzip et brotli)"
$PY manage.py collectstatic --noinput -v 0

start_gunicorn() {
  $PY -m gunicorn config.wsgi:application --bind "127.0.0.1:$APP_PORT" --workers "$WEB_WORKERS" \
    --worker-tmp-dir /dev/shm --max-requests 5000 --max-requests-jitter 500 --log-level warning &
  PIDS[gunicorn]=$!
}
start_worker() {
  $PY manage.py db_worker &
  PIDS[worker]=$!
}
start_redis() { tools/serve/redis.sh start "$REDIS_PORT" >/dev/null; }
start_varnish() { tools/serve/varnish.sh start "$PORT" "$APP_PORT" >/dev/null; }
alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }
start_gunicorn
start_worker
for ((i = 0; i < 120; i++)); do
  (exec 3<>"/dev/tcp/127.0.0.1/$APP_PORT") 2>/dev/null && break
  sleep 0.25
done
start_varnish

echo ""
echo "  Site (cache HTTP Varnish) : http://127.0.0.1:$PORT/"
echo "  Serveur d'application (gunicorn, $WEB_WORKERS processus) : http://127.0.0.1:$APP_PORT/"
echo "  Cache partagé : $CACHE_URL ; tâches : manage.py db_worker"
echo "  Administration : http://127.0.0.1:$PORT/admin/ — Ctrl-C arrête tout."
echo "  Un processus qui s'arrête est relancé (la ligne « relancé » le dit)."
echo ""
# Keep the stack up: a process that dies is started again, and says so; only Ctrl-C
# (or TERM) stops everything. Without Redis the site still answers (core/cache_fallback.py)
# until Redis is back.
TMP_BASE="${TMPDIR:-/tmp}"
while true; do
  sleep 2
  for name in gunicorn worker; do
    if ! kill -0 "${PIDS[$name]}" 2>/dev/null; then
      code=0
      wait "${PIDS[$name]}" 2>/dev/null || code=$?
      echo "  $name arrêté (code $code) : relancé."
      "start_$name"
    fi
  done
  if ! alive "$TMP_BASE/anct-redis-$REDIS_PORT/redis.pid"; then
    echo "  Redis arrêté : relancé."
    start_redis || echo "  Redis ne redémarre pas : le site continue sans cache partagé."
  fi
  if ! alive "$TMP_BASE/anct-varnish-$PORT/varnishd.pid"; then
    echo "  Varnish arrêté : relancé."
    start_varnish || echo "  Varnish ne redémarre pas (voir $TMP_BASE/anct-varnish-$PORT/varnishd.log)."
  fi
done
