#!/usr/bin/env bash
# Rewrites .sqlx/ (the query metadata that lets `cargo build` check SQL without a database)
# from a scratch database migrated to the current schema.
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(scripts/db.sh start test-pg)
scratch=${base%/*}/sqlx_prepare
psql "${base%/*}/postgres" -qc "drop database if exists sqlx_prepare" -c "create database sqlx_prepare"
for f in migrations/*.sql; do psql "$scratch" -q -v ON_ERROR_STOP=1 -f "$f"; done
rm -rf .sqlx && mkdir .sqlx
touch app/src/lib.rs server/src/lib.rs
SQLX_OFFLINE=false SQLX_OFFLINE_DIR=$PWD/.sqlx DATABASE_URL=$scratch \
  cargo check -p server --all-targets --quiet
echo "sqlx-prepare: $(ls .sqlx | wc -l) queries in .sqlx/"
