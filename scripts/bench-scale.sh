#!/usr/bin/env bash
# The scale benchmark (issue 8): a fresh database with the real calendar and OBLIGATIONS
# (default 100,000) generated obligations, the release server, and wrk at 64 connections on each
# page the issue names. Prints one line per page: requests/s and latency percentiles; then the
# CSV of a large filter and the server's memory; then readers spread over 1,200 filters; then the
# pages again with the server's page store off (every answer rendered). Takes about eight
# minutes; not part of make test.
#
#   scripts/bench-scale.sh            # OBLIGATIONS=100000 DURATION=15s CONNECTIONS=64
set -euo pipefail
cd "$(dirname "$0")/.."
n=${OBLIGATIONS:-100000}
duration=${DURATION:-15s}
connections=${CONNECTIONS:-64}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
. scripts/bench-lib.sh
bench_start fresh
"$bin" calendar data/calendar.json >/dev/null
/usr/bin/time -f "bench: generated in %e s" "$bin" demo generate --obligations "$n"
psql "$DATABASE_URL" -qc "vacuum analyze"

log=.data/bench-server.log
# Starts the release server with the flags given (after stopping one already running).
serve() {
  [ -n "$server_pid" ] && { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; }
  RUST_LOG=warn "$bin" serve --addr 127.0.0.1:0 --site-root target/site "$@" >"$log" 2>&1 &
  server_pid=$!
  bench_address "$log"
  sleep 1 # until it listens for data changes, before which it keeps no page
}
serve

id=$(psql "$DATABASE_URL" -Atc "select id from obligation order by id offset $((n / 2)) limit 1")
rss() { ps -o rss= -p "$server_pid" | awk '{printf "%.0f MB", $1 / 1024}'; }
echo "bench: server at $base, memory at start $(rss)"
run() {
  local name=$1 path=$2
  shift 2
  curl -sf -o /dev/null "$base$path" || { echo "bench: $name: $path does not answer 200" >&2; exit 1; }
  wrk -t2 -c"$connections" -d"$duration" --timeout 10s --latency "$@" "$base$path" |
    awk -v name="$name" -v path="$path" '
      /Requests\/sec/ { rps = $2 }
      /^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
      /Non-2xx/ { bad = $5 } /Socket errors/ { errors = $0 }
      END { printf "%-28s %-58s %10s req/s  p50 %8s  p90 %8s  p99 %8s%s\n", name, path, rps, p50, p90, p99, (bad ? "  non-2xx " bad : "") (errors ? "  " errors : "") }'
}
run "finder, filtered page" "/obligations?body=gen03&status=pending&sort=deadline"
run "finder, page 20" "/obligations?body=gen03&page=20"
run "obligation page" "/obligations/$id"
run "session page" "/sessions/gen03/12"
run "calendar" "/calendar"
run "home (every resolution)" "/"
seconds=$(curl -s "$base/obligations.csv?body=gen03" -o .data/bench.csv -w '%{time_total}')
echo "bench: /obligations.csv?body=gen03: $(($(wc -l <.data/bench.csv) - 1)) rows, $(wc -c <.data/bench.csv) bytes in ${seconds} s; memory $(rss)"
run "finder, full-text search" "/obligations?q=cybercrime+cooperation"
# Readers spread over many filters: most answers are rendered, few are sent again.
run "finder, 1,200 filters" "/obligations" -s scripts/bench-mixed.lua
echo "bench: memory after the runs $(rss)"

# The same pages rendered for every request: the server without its page store.
serve --page-cache-mb 0
echo "bench: without the page store (--page-cache-mb 0)"
run "finder, filtered page" "/obligations?body=gen03&status=pending&sort=deadline"
run "obligation page" "/obligations/$id"
run "session page" "/sessions/gen03/12"
run "calendar" "/calendar"
run "finder, full-text search" "/obligations?q=cybercrime+cooperation"
echo "bench: memory after the runs $(rss)"
