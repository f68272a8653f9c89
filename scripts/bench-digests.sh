#!/usr/bin/env bash
# The digest benchmark (issue 9): 10,000 confirmed subscribers (SUBSCRIBERS) over 200 distinct
# filters (a generated body and one of its sessions each) on the scale benchmark's database of
# 100,000 generated obligations; `mandate-tracker digest send` composes and enqueues their
# digests, then sends them to a local SMTP sink (aiosmtpd, discarding), and prints both timings.
# Not part of make test; run scripts/bench-scale.sh once before (it generates the database).
#
#   scripts/bench-digests.sh          # SUBSCRIBERS=10000
set -euo pipefail
cd "$(dirname "$0")/.."
n=${SUBSCRIBERS:-10000}
. scripts/bench-lib.sh
bench_start
generated=$(psql "$DATABASE_URL" -Atc "select count(*) from document where symbol like 'GEN/%'")
[ "$generated" -gt 0 ] || { echo "bench: no generated data; run scripts/bench-scale.sh first" >&2; exit 1; }
psql "$DATABASE_URL" -qc "delete from outbox" -c "delete from subscription"
psql "$DATABASE_URL" -qc "
  insert into subscription (email, filter, cadence, horizon_weeks, state, confirmed_at)
  select format('delegate%s@mission%s.example', g, g % 193),
         jsonb_build_object('body', format('gen%s', lpad((1 + g % 10)::text, 2, '0')),
                            'session', (1 + (g / 10) % 20)::text),
         'daily', 8, 'active', now()
    from generate_series(1, $n) g"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Sink &
sink_pid=$!
sleep 1
echo "bench: $n subscribers, $(psql "$DATABASE_URL" -Atc "select count(distinct filter) from subscription") distinct filters"
MT_SMTP_URL="smtp://127.0.0.1:$port" RUST_LOG=warn "$bin" digest send --public-origin https://tracker.example |
  grep -v '^to '
psql "$DATABASE_URL" -Atc "select 'bench: outbox ' || count(*) || ' mails, ' || pg_size_pretty(sum(length(text_body) + coalesce(length(html_body), 0))) || ' of text, ' || count(*) filter (where state = 'sent') || ' sent' from outbox"
