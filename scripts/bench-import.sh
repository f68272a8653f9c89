#!/usr/bin/env bash
# The import benchmark: a ~100-page report (PDF with a text layer) imported in the browser's
# flow, over HTTP, against the release server. Target: ≤ 5 s from the start of the upload to
# the end of the import. Not part of make test.
#
# The PDF is the seed report data/E-2019-30.txt (the CCPCJ's report on its 28th session, many
# resolutions) written as HTML paragraphs on A4 pages and printed by headless Chromium, the
# font size adjusted until it has PAGES (default 100) pages, give or take 3; it and its HTML
# are kept under target/bench-import/ and made again only when the text or this script change.
# Then a fresh database `bench_import` on the benchmarks' cluster (bench-pg, whose own database
# is left alone), migrated, with the real calendar and one editor; the release server on a free
# port; and RUNS (default 5) imports under distinct symbols (E/2019/30/B1, ...), each:
#   1. POST /import (multipart: symbol, adopted_on, file, empty text)  -> 303 /import/drafts/ID
#   2. GET /import/drafts/ID (the draft page with the server's preview, compressed as a browser
#      asks for it)
#   3. POST /api/save_draft (the textarea's text, HTML-unescaped, form-encoded as a browser
#      does, intent=import) -> 302 /review/DOC
# each with a browser's headers, timed by curl (%{time_total}), printed per run and as
# min / median / max per step and in all (the sum of the three; the client's own work between
# them, reading the page and encoding the form, is left out).
# Where the time goes: the server's own time per request (tower-http's latency), PostgreSQL's
# time per step (the database logs every statement's duration), and the extractor alone on the
# draft's text (`mandate-tracker extract`); what is left of step 1 is reading the PDF.
#
#   scripts/bench-import.sh            # RUNS=5 PAGES=100
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
pages=${PAGES:-100}
out=target/bench-import
source_text=data/E-2019-30.txt
pdf=$out/E-2019-30.pdf
mkdir -p "$out"

command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

# --- 1. the PDF ---
if [ ! -s "$pdf" ] || [ "$pdf" -ot "$source_text" ] || [ "$pdf" -ot "$0" ]; then
  python3 - "$source_text" "$out/E-2019-30" "$pages" <<'EOF'
import html, os, re, subprocess, sys

source, stem, target = sys.argv[1], sys.argv[2], int(sys.argv[3])
paragraphs = [line.strip() for line in open(source, encoding="utf-8").read().split("\n")]
body = "\n".join(
    "<p>%s</p>" % html.escape(re.sub(r"\s+", " ", p)) for p in paragraphs if p
)

def page_count(data):
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))

size = 11.0 * (target / 57) ** 0.5  # 11 pt gives 57 pages
for attempt in range(6):
    with open(stem + ".html", "w", encoding="utf-8") as f:
        f.write(f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>E/2019/30</title>
<style>
@page {{ size: A4; margin: 2cm }}
body {{ font-family: serif; font-size: {size:.2f}pt; line-height: 1.3 }}
p {{ margin: 0 0 0.45em }}
</style></head><body>
{body}
</body></html>
""")
    subprocess.run(
        ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         "--print-to-pdf=" + stem + ".pdf", "file://" + os.path.abspath(stem + ".html")],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    n = page_count(open(stem + ".pdf", "rb").read())
    print(f"bench: {size:.2f} pt gives {n} pages", file=sys.stderr)
    if 0.95 * target <= n <= 1.10 * target and abs(n - target) <= 3:
        break
    size *= (target / n) ** 0.5
else:
    sys.exit(f"bench: no font size gives {target} pages")
EOF
fi
page_count=$(python3 -c 'import re,sys; print(len(re.findall(rb"/Type\s*/Page\b(?!s)", open(sys.argv[1],"rb").read())))' "$pdf")
pdf_bytes=$(wc -c <"$pdf")
echo "bench: $pdf: $page_count pages, $pdf_bytes bytes (from $source_text, $(wc -c <"$source_text") bytes)"

# --- 2. database, editor, server ---
. scripts/bench-lib.sh
bench_start # the bench-pg cluster (stopped on exit) and the release binary
cluster_url=${DATABASE_URL%/*}
psql "$cluster_url/postgres" -q -c "drop database if exists bench_import" -c "create database bench_import"
DATABASE_URL=$cluster_url/bench_import
# Every statement's duration in the cluster's log, for this database only (parameters left out:
# the text is one of them).
psql "$DATABASE_URL" -q -c "alter database bench_import set log_min_duration_statement = 0" \
  -c "alter database bench_import set log_parameter_max_length = 0"
"$bin" migrate >/dev/null
"$bin" calendar data/calendar.json >/dev/null
email=bench-editor@example.org
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
MT_PASSWORD=$password "$bin" user add --role editor --email "$email" --name "Benchmark editor" >/dev/null
pg_log=$(dirname "$(readlink -f .data/bench-pg)")/bench-pg.log

log=$out/server.log
"$bin" serve --addr 127.0.0.1:0 --site-root target/site \
  --log "warn,server=info,tower_http=debug" >"$log" 2>&1 &
server_pid=$!
bench_address "$log"

jar=$out/cookies
rm -f "$jar"
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -H 'Accept: application/json' \
  -H "Origin: $base" --data-urlencode "email=$email" --data-urlencode "password=$password" \
  "$base/api/log_in")
[ "$status" = 200 ] || { echo "bench: log-in answered $status" >&2; exit 1; }
# The commit, and whether the tree built differs from it.
revision=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain -- app server migrations Cargo.toml Cargo.lock 2>/dev/null)" ] || revision="$revision + uncommitted changes"
echo "bench: server at $base (release build of $revision), logged in as an editor"

# --- 3. the runs ---
# PostgreSQL's time in ms between bytes $1 and $2 of the cluster's log (logged durations summed).
sql_ms() { tail -c +"$(($1 + 1))" "$pg_log" | head -c "$(($2 - $1))" |
  awk '/duration: [0-9.]+ ms/ { for (i = 1; i < NF; i++) if ($i == "duration:") s += $(i + 1) } END { printf "%.0f", s }'; }
log_at() { wc -c <"$pg_log"; }
# The server's own time for its latest answer to $1: tower-http's latency (until the answer's
# head) plus, for a streamed page, the time it took to send the body.
server_ms() { sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -F "$1" |
  awk '/finished processing request/ { head = $0; eos = "" } /end of stream/ { eos = $0 }
       function ms(line, key,   v) { if (!match(line, key "=[0-9.]+ [mµu]*s")) return 0
         split(substr(line, RSTART + length(key) + 1, RLENGTH - length(key) - 1), v, " ")
         return v[2] == "s" ? v[1] * 1000 : (v[2] == "ms" ? v[1] : v[1] / 1000) }
       END { printf "%.1f", ms(head, "latency") + ms(eos, "stream_duration") }'; }

# What a browser sends with a page's request and with a plain form's post.
accept='text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
times=$out/times.tsv
: >"$times"
adopted_on=2019-05-24
for run in $(seq 1 "$runs"); do
  symbol=E/2019/30/B$run
  at0=$(log_at)
  read -r code1 t1 to < <(curl -s -o "$out/step1.html" -b "$jar" -c "$jar" -H "Accept: $accept" \
    -H "Origin: $base" -H "Referer: $base/import" \
    -F "symbol=$symbol" -F "adopted_on=$adopted_on" -F "file=@$pdf;type=application/pdf" -F "text=" \
    -w '%{http_code} %{time_total} %{redirect_url}\n' "$base/import")
  at1=$(log_at)
  [ "$code1" = 303 ] && [[ "$to" == */import/drafts/* ]] ||
    { echo "bench: run $run: upload answered $code1 ($to)" >&2; head -c 2000 "$out/step1.html" >&2; exit 1; }
  draft=${to##*/}

  read -r code2 t2 < <(curl -s --compressed -o "$out/draft.html" -b "$jar" -c "$jar" \
    -H "Accept: $accept" -H "Referer: $base/import" \
    -w '%{http_code} %{time_total}\n' "$base/import/drafts/$draft")
  at2=$(log_at)
  [ "$code2" = 200 ] || { echo "bench: run $run: draft page answered $code2" >&2; exit 1; }
  # The form as a browser posts it: the textarea's text (the parser drops one newline after the
  # tag; submission writes line ends as CRLF), application/x-www-form-urlencoded as the HTML
  # standard says (space as +, all but letters, digits and *-._ percent-encoded).
  python3 - "$out/draft.html" "$out/text.txt" "$out/save.body" "$draft" "$symbol" "$adopted_on" <<'EOF'
import html, re, sys
page_file, text_file, body_file, draft, symbol, adopted_on = sys.argv[1:]
page = open(page_file, encoding="utf-8").read()
found = re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', page, re.S)
if not found:
    sys.exit("bench: no <textarea id=\"text\"> in the draft page")
text = html.unescape(found.group(1))
text = text[1:] if text.startswith("\n") else text
open(text_file, "w", encoding="utf-8").write(text)
def encoded(value):
    out = []
    for byte in value.encode("utf-8"):
        c = chr(byte)
        if c.isascii() and (c.isalnum() or c in "*-._"):
            out.append(c)
        elif c == " ":
            out.append("+")
        else:
            out.append("%%%02X" % byte)
    return "".join(out)
fields = [("draft_id", draft), ("symbol", symbol), ("adopted_on", adopted_on),
          ("text", text.replace("\r\n", "\n").replace("\n", "\r\n")), ("intent", "import")]
open(body_file, "w").write("&".join(k + "=" + encoded(v) for k, v in fields))
EOF
  counts=$(python3 -c 'import re,sys,html; m=re.search(r"<p id=\"preview-counts\"[^>]*>(.*?)</p>", open(sys.argv[1]).read(), re.S); print(html.unescape(re.sub(r"<[^>]*>", "", m.group(1))) if m else "?")' "$out/draft.html")

  read -r code3 t3 to3 < <(curl -s -o "$out/step3.html" -b "$jar" -c "$jar" -H "Accept: $accept" \
    -H "Origin: $base" -H "Referer: $base/import/drafts/$draft" \
    -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$out/save.body" -w '%{http_code} %{time_total} %{redirect_url}\n' \
    "$base/api/save_draft")
  at3=$(log_at)
  [[ "$code3" == 30[23] ]] && [[ "$to3" == */review/* ]] ||
    { echo "bench: run $run: save_draft answered $code3 ($to3) to a form of $(wc -c <"$out/save.body") B" \
        "$([ "$code3" = 413 ] && echo "(over the 256 KiB body limit of every request but uploads)")" >&2
      head -c 2000 "$out/step3.html" >&2; exit 1; }
  document=${to3##*/}
  mandates=$(psql "$DATABASE_URL" -Atc "select count(*) from mandate m join resolution r on r.id = m.resolution_id where r.document_id = $document")
  resolutions=$(psql "$DATABASE_URL" -Atc "select count(*) from resolution where document_id = $document")

  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$t1" "$t2" "$t3" \
    "$(server_ms 'uri=/import ')" "$(server_ms "uri=/import/drafts/$draft")" "$(server_ms 'uri=/api/save_draft')" \
    "$(sql_ms "$at0" "$at1")" "$(sql_ms "$at1" "$at2")" "$(sql_ms "$at2" "$at3")" "$symbol" >>"$times"
  echo "bench: run $run ($symbol): upload $t1 s, draft page $t2 s ($counts), import $t3 s" \
    "(text $(wc -c <"$out/text.txt") B, form $(wc -c <"$out/save.body") B);" \
    "total $(awk -v a="$t1" -v b="$t2" -v c="$t3" 'BEGIN { printf "%.3f", a + b + c }') s;" \
    "document $document: $resolutions resolutions, $mandates proposed mandates"
done

# --- 4. figures ---
python3 - "$times" <<'EOF'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
def seconds(v):
    return float(v)
def server(v):
    return float(v) if v else float("nan")
steps = [("1. POST /import (upload, PDF text, check)", 1), ("2. GET /import/drafts/ID (preview)", 2),
         ("3. POST /api/save_draft (import)", 3)]
def line(name, values, unit="s"):
    values = sorted(values)
    print(f"{name:<44} min {values[0]:8.3f}  median {statistics.median(values):8.3f}  max {values[-1]:8.3f} {unit}")
print(f"bench: {len(rows)} runs, curl's time_total")
for name, i in steps:
    line(name, [seconds(r[i]) for r in rows])
line("total (1 + 2 + 3)", [sum(seconds(r[i]) for i in (1, 2, 3)) for r in rows])
print("bench: where the time goes, median per step: the server's time / PostgreSQL's (ms)")
for name, i in steps:
    s = statistics.median(server(r[3 + i]) for r in rows)
    q = statistics.median(float(r[6 + i]) for r in rows)
    print(f"{name:<44} server {s:8.1f} ms   SQL {q:8.1f} ms")
EOF
TIMEFORMAT=%R
extract_s=$( { time "$bin" extract "$out/text.txt" >/dev/null 2>&1; } 2>&1 )
echo "bench: the extractor alone on the draft's text ($(wc -c <"$out/text.txt") bytes):" \
  "${extract_s} s (\`mandate-tracker extract\`, process start and JSON output included); it runs once in each step"
echo "bench: server memory after the runs $(ps -o rss= -p "$server_pid" | awk '{printf "%.0f MB", $1 / 1024}')"
