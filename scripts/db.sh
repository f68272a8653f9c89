#!/usr/bin/env bash
# A project-local PostgreSQL cluster, never the system one.
#
#   scripts/db.sh start [NAME]   initdb on first use, start if stopped, print DATABASE_URL
#   scripts/db.sh stop  [NAME]   stop it (the data stays)
#   scripts/db.sh url   [NAME]   print DATABASE_URL of a running cluster
#   scripts/db.sh drop  NAME     stop one cluster and delete its data (make test's throwaway)
#   scripts/db.sh wipe           stop every local cluster and delete them and .data/
#
# NAME (default "pg") is a folder under .data/: `make run` uses .data/pg, `make test` a
# throwaway .data/test-pg. Each cluster keeps its port in .data/NAME.port, picked once among
# free ports, and listens on 127.0.0.1 and on a socket inside its own folder.
#
# PostgreSQL refuses to run as root. A normal user runs the commands directly; when run as
# root (CI, containers) the cluster folder is given to the `postgres` system user, which the
# Debian package creates, and the server runs as that user.
set -euo pipefail
cd "$(dirname "$0")/.."

action=${1:-start}
name=${2:-pg}
root=$PWD/.data
dir=$root/$name
portfile=$root/$name.port
log=$root/$name.log
dbname=mandate_tracker
outside=/var/tmp/mandate-tracker-$(printf %s "$PWD" | sha256sum | cut -c1-12)

# As root, the cluster runs as `postgres`, which must be able to reach .data/. When the project
# sits where that user cannot (e.g. under /root, mode 700), the cluster lives in a folder of
# its own under /var/tmp, named after the project's path, and .data/NAME points there.
if [ "$(id -u)" = 0 ] && [ "$action" != wipe ]; then
  mkdir -p "$root"
  chmod 755 "$root"
  if ! runuser -u postgres -- test -x "$root" 2>/dev/null; then
    mkdir -p "$outside"
    chmod 755 "$outside"
    dir=$outside/$name
    log=$outside/$name.log
    ln -sfn "$dir" "$root/$name"
  fi
fi

pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$found" ] || [ ! -x "$found/initdb" ]; then
    echo "error: PostgreSQL server binaries not found; run scripts/setup.sh first" >&2
    exit 1
  fi
  echo "$found"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    # From /, which `postgres` can always enter (all paths here are absolute).
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pick_port() {
  local port
  for port in $(seq 54330 54399); do
    if port_free "$port"; then
      echo "$port"
      return
    fi
  done
  echo "error: no free port between 54330 and 54399" >&2
  exit 1
}

running() {
  [ -f "$dir/postmaster.pid" ] && as_owner "$(pg_bin)/pg_ctl" -D "$dir" status >/dev/null 2>&1
}

url() {
  echo "postgres://app@127.0.0.1:$(cat "$portfile")/$dbname"
}

start() {
  local bin
  bin=$(pg_bin)
  mkdir -p "$root"
  chmod 755 "$root"
  if [ ! -f "$dir/PG_VERSION" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then
      chown postgres:postgres "$dir"
    fi
    chmod 700 "$dir"
    # trust on a loopback-only, project-local cluster: no password to leak or to configure.
    as_owner "$bin/initdb" -D "$dir" -A trust -U app -E UTF8 --locale=C.UTF-8 >"$log.init" 2>&1 ||
      { cat "$log.init" >&2; echo "error: initdb failed (see above)" >&2; exit 1; }
  fi
  if ! running; then
    local port
    port=$(pick_port)
    echo "$port" >"$portfile"
    touch "$log"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$log"
    as_owner "$bin/pg_ctl" -D "$dir" -l "$log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-on}" start >/dev/null ||
      { tail -n 20 "$log" >&2; echo "error: PostgreSQL did not start (log: $log)" >&2; exit 1; }
  fi
  local port
  port=$(cat "$portfile")
  if ! as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U app -d postgres -tAc \
    "select 1 from pg_database where datname = '$dbname'" | grep -q 1; then
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U app "$dbname"
  fi
  url
}

stop() {
  if running; then
    as_owner "$(pg_bin)/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    echo "stopped the local database ($dir)" >&2
  fi
}

wipe() {
  local cluster
  for cluster in "$root"/*.port; do
    [ -e "$cluster" ] || continue
    "$0" stop "$(basename "$cluster" .port)"
  done
  rm -rf "$outside" "$root"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  wipe) wipe ;;
  drop) stop; rm -rf "$dir" "$root/$name" "$portfile" ;;
  url) running && url ;;
  *) echo "usage: $0 start|stop|url|drop|wipe [NAME]" >&2; exit 2 ;;
esac
