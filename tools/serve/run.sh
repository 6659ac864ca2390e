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
echo "  HTTP simple sur la boucle locale : SECURE_SSL_REDIRECT=$SECURE_SSL_REDIRECT, SECURE_COOKIES=$SECURE_COOKIES."

PIDS=()
stop_all() {
  trap - INT TERM EXIT
  echo ""
  echo "Arrêt de la pile…"
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  tools/serve/varnish.sh stop "$PORT" || true
  tools/serve/redis.sh stop "$REDIS_PORT" || true
}
trap stop_all INT TERM EXIT

CACHE_URL=$(tools/serve/redis.sh start "$REDIS_PORT")
export CACHE_URL
echo "== collectstatic (noms hachés, gzip et brotli)"
$PY manage.py collectstatic --noinput -v 0

$PY -m gunicorn config.wsgi:application --bind "127.0.0.1:$APP_PORT" --workers "$WEB_WORKERS" \
  --worker-tmp-dir /dev/shm --max-requests 5000 --max-requests-jitter 500 --log-level warning &
PIDS+=($!)
$PY manage.py db_worker &
PIDS+=($!)
for ((i = 0; i < 120; i++)); do
  (exec 3<>"/dev/tcp/127.0.0.1/$APP_PORT") 2>/dev/null && break
  sleep 0.25
done
tools/serve/varnish.sh start "$PORT" "$APP_PORT" >/dev/null

echo ""
echo "  Site (cache HTTP Varnish) : http://127.0.0.1:$PORT/"
echo "  Serveur d'application (gunicorn, $WEB_WORKERS processus) : http://127.0.0.1:$APP_PORT/"
echo "  Cache partagé : $CACHE_URL ; tâches : manage.py db_worker"
echo "  Administration : http://127.0.0.1:$PORT/admin/ — Ctrl-C arrête tout."
echo ""
wait -n "${PIDS[@]}" || true
