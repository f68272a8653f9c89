#!/usr/bin/env bash
# `make run`: set up what is missing, build, start the database, migrate, load the demo data, serve.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh run
scripts/build.sh release

if [ -z "${DATABASE_URL:-}" ]; then
  DATABASE_URL=$(scripts/db.sh start)
  echo "run: using the project-local database in .data/pg ($DATABASE_URL)" >&2
else
  echo "run: using DATABASE_URL from the environment" >&2
fi
export DATABASE_URL

bin=target/release/mandate-tracker
"$bin" migrate >/dev/null
# Bodies and sessions with their real dates; existing rows (and staff edits) are kept.
"$bin" calendar data/calendar.json
# Idempotent: an unchanged text is recognised by its hash and left alone.
"$bin" import data/E-2019-30.txt --symbol E/2019/30
# The 22 real texts of the development corpus (data/corpus/corpus.json), each under its symbol
# with its adoption date, which deadlines such as "within 90 days" count from, and for the
# Security Council drafts the symbol they were adopted under. An unchanged text is left alone.
"$bin" demo corpus data/corpus/corpus.json >&2
# Illustrative progress (reports in preparation, issued, deferred to sessions ahead), so the
# demo shows every urgency; each page says it shows demo data (`serve --demo`).
"$bin" demo progress data/demo-progress.json
# Demo accounts, created once: an administrator (edits the calendar) and a staff member
# (records progress). Their password is MT_DEMO_PASSWORD, else one generated on the first run
# and kept in .data/demo-password (readable by you only). Never used outside a demo.
password_file=.data/demo-password
if [ -n "${MT_DEMO_PASSWORD:-}" ]; then
  demo_password=$MT_DEMO_PASSWORD
else
  if [ ! -s "$password_file" ]; then
    mkdir -p .data
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$password_file")
  fi
  demo_password=$(cat "$password_file")
fi
MT_PASSWORD=$demo_password "$bin" user add --if-missing --role admin \
  --email admin@example.org --name "Demo administrator"
MT_PASSWORD=$demo_password "$bin" user add --if-missing --role editor \
  --email staff@example.org --name "Demo staff member"
MT_PASSWORD=$demo_password "$bin" user add --if-missing --role viewer \
  --email viewer@example.org --name "Demo viewer"
echo "run: log in as admin@example.org, staff@example.org or viewer@example.org with the password in $password_file" \
  "(or MT_DEMO_PASSWORD)" >&2

# Ctrl-C stops the server; the database keeps running (`make stop`) and keeps its data.
exec "$bin" serve --demo --addr "${MT_ADDR:-127.0.0.1:3000}" --site-root target/site
