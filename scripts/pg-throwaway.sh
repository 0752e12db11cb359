#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on a free loopback port and prints its URL.
# Usage: eval "$(scripts/pg-throwaway.sh start)"   -> exports CEAS_TEST_POSTGRES and PGTMP
#        scripts/pg-throwaway.sh stop "$PGTMP"
# PostgreSQL refuses to run as root, so as root the cluster runs as the postgres user.
set -euo pipefail

bindir() {
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
  bin=$(bindir)
  [ -x "$bin/initdb" ] || { echo "pg-throwaway: no PostgreSQL server binaries found" >&2; exit 1; }
  dir=$(mktemp -d /tmp/ceas-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=$(free_port)
  as_owner "$bin/initdb" -D "$dir/data" -U ceas --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || as_owner "$bin/initdb" -D "$dir/data" -U ceas --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null
  echo "export PGTMP=$dir"
  echo "export CEAS_TEST_POSTGRES=postgres://ceas@127.0.0.1:$port/postgres?sslmode=disable"
  ;;
stop)
  dir=${2:?directory}
  as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
