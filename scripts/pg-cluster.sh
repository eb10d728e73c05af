#!/usr/bin/env bash
# A throwaway PostgreSQL cluster in a folder, for tests and trying DEPLOY.md on one machine:
#   scripts/pg-cluster.sh start [DIR]   initdb (locale C, UTF-8) + pg_ctl start; prints the URL
#   scripts/pg-cluster.sh stop [DIR]    stops it and removes the folder
# As root it runs PostgreSQL as the unprivileged `postgres` user (PostgreSQL refuses root).
# Port: PGPORT (default 55432). Local connections are trusted: never expose this cluster.
set -euo pipefail
cmd=${1:-start}
dir=${2:-/tmp/toteuma-pg}
port=${PGPORT:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case $cmd in
  start)
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" --locale=C -E UTF8 -U toteuma --auth=trust >"$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U toteuma toteuma
    echo "postgresql://toteuma@127.0.0.1:$port/toteuma"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop [DIR]" >&2; exit 2 ;;
esac
