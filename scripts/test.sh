#!/usr/bin/env bash
# `make test`: every check and test, against real parts. Fails on the first failure.
#  1. formatting and clippy (-D warnings) for the server (ssr) and browser (hydrate) builds
#  2. unit, database (#[sqlx::test]) and HTTP tests, on a throwaway local PostgreSQL cluster
#  3. browser tests in headless Chromium against the release build, JavaScript on and off
set -euo pipefail
cd "$(dirname "$0")/.."

# A clean clone (CI) gains nothing from incremental caches; they only cost disk.
if [ "${CI:-}" = "true" ]; then export CARGO_INCREMENTAL=0; fi

step() { printf '\n== %s\n' "$*" >&2; }

step "set-up"
scripts/setup.sh test

step "format"
cargo fmt --all -- --check

step "clippy (ssr, hydrate)"
cargo clippy -q -p server --all-targets -- -D warnings
cargo clippy -q -p app --all-targets --features ssr -- -D warnings
cargo clippy -q -p app --lib --features hydrate -- -D warnings
cargo clippy -q -p app --lib --features preview -- -D warnings

step "throwaway database cluster"
scripts/db.sh drop test-pg
# The servers' process ids, for `cleanup` (each server is started in a command substitution).
cleanup() {
  for file in .data/e2e*-server.pid; do [ -f "$file" ] && kill "$(cat "$file")" 2>/dev/null; rm -f "$file"; done
  scripts/db.sh stop test-pg || true
}
trap cleanup EXIT
DATABASE_URL=$(PG_FSYNC=off scripts/db.sh start test-pg)
export DATABASE_URL
echo "DATABASE_URL=$DATABASE_URL" >&2

# Each step has a ceiling, so a test that hangs fails the run with its name printed instead of
# holding CI until its 90 minutes are up (tests also bound each HTTP answer: tests/common).
step "unit, database and HTTP tests"
timeout --signal=INT 40m cargo test --workspace

step "release build"
scripts/build.sh release

step "browser tests"
export E2E_PASSWORD="e2e test password"
. scripts/bench-lib.sh # bench_address
# A database NAME with the calendar, the seed report and the three accounts, and a release
# server on it; prints its address. With --demo as second argument, the whole demo of
# `make run` (corpus and illustrative progress), served with --demo.
e2e_server() {
  local name=$1 demo=${2:-} url=${DATABASE_URL%/*}/$1
  psql "${DATABASE_URL%/*}/postgres" -qc "create database $name"
  DATABASE_URL=$url target/release/mandate-tracker calendar data/calendar.json >&2
  DATABASE_URL=$url target/release/mandate-tracker import data/E-2019-30.txt --symbol E/2019/30 >&2
  if [ "$demo" = --demo ]; then
    DATABASE_URL=$url target/release/mandate-tracker demo corpus data/corpus/corpus.json >&2
    DATABASE_URL=$url target/release/mandate-tracker demo progress data/demo-progress.json >&2
  fi
  for account in admin:admin@example.org editor:staff@example.org viewer:viewer@example.org; do
    DATABASE_URL=$url MT_PASSWORD=$E2E_PASSWORD target/release/mandate-tracker user add \
      --role "${account%%:*}" --email "${account#*:}" --name "E2E ${account%%:*}" >&2
  done
  local log=.data/$name-server.log
  DATABASE_URL=$url target/release/mandate-tracker serve --addr 127.0.0.1:0 --site-root target/site \
    ${demo:+--demo} >"$log" 2>&1 &
  echo $! >".data/$name-server.pid"
  bench_address "$log" "$!"
  echo "$base"
}
base_url=$(e2e_server e2e)
# The import tests add documents: they get a server and database of their own, so the other
# tests see the seed report alone.
import_url=$(e2e_server e2e_import)
# The overview's figures and the demo banner: the data `make run` serves.
demo_url=$(e2e_server e2e_demo --demo)
DEMO_BASE_URL=$demo_url IMPORT_BASE_URL=$import_url BASE_URL=$base_url timeout --signal=INT 20m \
  node --test --test-timeout=180000 --test-reporter=spec end2end/tests/
