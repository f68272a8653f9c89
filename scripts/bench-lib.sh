# Sourced by the benchmarks (scripts/bench-*.sh): the release binary, the benchmark's own local
# PostgreSQL cluster (bench-pg, migrated), and a cleanup on exit that stops it and whatever the
# benchmark started (the pids in server_pid and sink_pid).
#
#   bench_start         # keep the data of an earlier run
#   bench_start fresh   # start from an empty cluster
bench_start() {
  [ -x target/release/mandate-tracker ] || scripts/build.sh release
  bin=target/release/mandate-tracker
  if [ "${1:-}" = fresh ]; then scripts/db.sh drop bench-pg >/dev/null 2>&1 || true; fi
  DATABASE_URL=$(scripts/db.sh start bench-pg)
  export DATABASE_URL
  server_pid=""
  sink_pid=""
  trap bench_cleanup EXIT
  "$bin" migrate >/dev/null
}

bench_cleanup() {
  for pid in $server_pid $sink_pid; do kill "$pid" 2>/dev/null || true; done
  scripts/db.sh stop bench-pg >/dev/null || true
}

# The address a server started with `--addr 127.0.0.1:0` prints in LOG (sets base; exits with
# the log when the server does not start within 10 s, or as soon as process PID, if given, has
# ended). Also used by scripts/test.sh for the browser tests' servers.
#
#   bench_address LOG [PID]
bench_address() {
  base=""
  for _ in $(seq 1 100); do
    base=$(grep -o 'http://127.0.0.1:[0-9]*' "$1" | head -n 1 || true)
    [ -n "$base" ] && return 0
    if [ -n "${2:-}" ] && ! kill -0 "$2" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "the server did not start; its log, $1:" >&2
  cat "$1" >&2
  exit 1
}
