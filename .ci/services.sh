#!/usr/bin/env bash
# Installs (where missing) and starts the services the test suite talks to, on 127.0.0.1 only:
# PostgreSQL (the shared-archive engine) with Debian's RUM extension for its major version
# (postgresql-NN-rum: measured against GIN for issue 11, see docs/scaling-out.md) and Redis
# (the distributed crawl queue); also Debian's
# chromium, the real browser the web tests drive (a test tool's own browser download cannot work),
# and Thai system fonts for it (fonts-thai-tlwg; the app serves its own, the browser test checks).
# Prints the URLs to export; idempotent, so running it twice is harmless.
set -euo pipefail

PG_PORT="${MINISTRY_NEWS_PG_PORT:-54329}"
REDIS_PORT="${MINISTRY_NEWS_REDIS_PORT:-63799}"
STATE="${MINISTRY_NEWS_SERVICES_DIR:-/tmp/ministry-news-services}"
mkdir -p "$STATE"

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/truetype/tlwg ] || need+=(fonts-thai-tlwg)
if [ "${#need[@]}" -gt 0 ]; then
  echo "services: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${need[@]}" >&2
fi

PG_MAJOR=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if [ ! -f "/usr/lib/postgresql/$PG_MAJOR/lib/rum.so" ]; then
  echo "services: installing postgresql-$PG_MAJOR-rum" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "postgresql-$PG_MAJOR-rum" >&2 || {
    apt-get update -qq >&2 && apt-get install -y -qq "postgresql-$PG_MAJOR-rum" >&2
  } || echo "services: no postgresql-$PG_MAJOR-rum; search uses GIN alone" >&2
fi

# Only now does the postgres user surely exist: the server writes its log into $STATE.
chown postgres:postgres "$STATE"

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGDATA="$STATE/pg"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  rm -rf "$PGDATA"; mkdir -p "$PGDATA"; chown postgres:postgres "$PGDATA" 2>/dev/null || true
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$STATE/pg.log" -w \
    -o "-p $PG_PORT -k $STATE -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
fi
# Installing the extension can upgrade the server's package under a running server, whose new
# backends then fail to load any library (plpgsql included): restart it on the new binaries.
running=$(runuser -u postgres -- "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc \
  "SHOW server_version" | cut -d' ' -f1)
if [ "$running" != "$("$PG_BIN/postgres" --version | awk '{print $3}')" ]; then
  echo "services: restarting PostgreSQL $running on the installed $("$PG_BIN/postgres" --version)" >&2
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$STATE/pg.log" -w -m fast restart >/dev/null
fi
runuser -u postgres -- "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname='ministry_news_test'" | grep -q 1 ||
  runuser -u postgres -- "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres ministry_news_test

if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --logfile "$STATE/redis.log" >/dev/null
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi

echo "export MINISTRY_NEWS_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/ministry_news_test"
echo "export MINISTRY_NEWS_TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0"
