#!/usr/bin/env bash
# Trial finder speed and scale: generates N synthetic study records (default 500,000) from the
# real ones, times `cairn import-trials` (records/s, peak RSS), loads the finder in-process and
# times a mixed filter set (trials_bench query), then loads `cairn serve`'s /trials and
# /api/v1/trials with wrk on loopback. Ends with the figures against their targets.
# Builds nothing: run `make build` first. Needs about 15 GB of disk at 500,000 records.
# Usage: bench/trials/run.sh [connections] [seconds] [threads]
# Environment: TRIALS_BENCH_COUNT (500000), TRIALS_BENCH_ROUNDS (40 rounds of the query mix),
# TRIALS_BENCH_FILE (an NDJSON file to import instead of generating one), TRIALS_BENCH_TMP
# (where the temporary folder goes, default $TMPDIR or /tmp), TRIALS_BENCH_KEEP=1 (keep it),
# CAIRN_BIN (build/cairn), TRIALS_BENCH (build/bench/trials/trials_bench),
# TRIALS_BENCH_SITE_INDEX=1 (let `cairn serve` put every trial in the site search index at
# start-up, as it does on a fresh data folder; at 500,000 trials that took over 19 minutes and
# 1.8 GB, so by default the bench marks the site index as up to date and says so),
# TRIALS_BENCH_SERVE_TIMEOUT (seconds to wait for `cairn serve`, default 600).
set -euo pipefail
cd "$(dirname "$0")/../.."
CONNECTIONS=${1:-32}
SECONDS_=${2:-10}
THREADS=${3:-2}
COUNT=${TRIALS_BENCH_COUNT:-500000}
ROUNDS=${TRIALS_BENCH_ROUNDS:-40}
BIN=${CAIRN_BIN:-build/cairn}
BENCH=${TRIALS_BENCH:-build/bench/trials/trials_bench}
HERE=bench/trials

# Targets (issue: speed and scale).
TARGET_IMPORT_RATE=5000  # records/s, at least
TARGET_P99_MS=20         # finder p99, under
TARGET_MEMORY_MB=1000    # any process, under (1 GB = 1000 MB)

for tool in wrk curl python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make deps)" >&2; exit 1; }
done
for exe in "$BIN" "$BENCH"; do
  [ -x "$exe" ] || { echo "bench: $exe not built (make build)" >&2; exit 1; }
done

work=$(mktemp -d "${TRIALS_BENCH_TMP:-${TMPDIR:-/tmp}}/cairn-trials-bench.XXXXXX")
cleanup() {
  if [ -n "${cairn_pid:-}" ]; then
    kill "$cairn_pid" 2>/dev/null || true
    wait "$cairn_pid" 2>/dev/null || true
  fi
  if [ "${TRIALS_BENCH_KEEP:-0}" = 1 ]; then
    echo "bench: kept $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# KiB (as /usr/bin/time and /proc report them) to MB.
mb() { awk -v k="$1" 'BEGIN{printf "%.0f", k*1024/1e6}'; }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN{ok = op=="<" ? v<t : v>=t; print ok ? "PASS" : "FAIL"}'; }

echo "== load: $(uptime)"

# 1. The records.
if [ -n "${TRIALS_BENCH_FILE:-}" ]; then
  records=$TRIALS_BENCH_FILE
  COUNT=$(wc -l < "$records")
  echo "== records: $records ($COUNT lines)"
else
  records=$work/trials.ndjson
  echo "== generate: $COUNT records"
  "$BENCH" generate --count "$COUNT" --out "$records"
fi
records_mb=$(du -sm "$records" | cut -f1)

# 2. Import, into a data folder that already has the site's pages and their search index (both
# quick to make), as a running site's would.
for step in import-content reindex; do
  "$BIN" "$step" --data "$work/data" --content content >"$work/$step.log" 2>&1 ||
    { echo "bench: cairn $step failed:" >&2; tail -5 "$work/$step.log" >&2; exit 1; }
done
echo "== import: cairn import-trials --data DIR $(basename "$records") ($records_mb MiB)"
/usr/bin/time -v "$BIN" import-trials --data "$work/data" "$records" >"$work/import.out" 2>"$work/import.err" ||
  { echo "bench: import failed:" >&2; tail -20 "$work/import.err" >&2; exit 1; }
cat "$work/import.out"
import_s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/import.err")
import_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/import.err")
import_rate=$(awk -v n="$COUNT" -v s="$import_s" 'BEGIN{printf "%.0f", n/s}')
db_mb=$(du -sm "$work/data" | cut -f1)
echo "$COUNT records in ${import_s} s = $import_rate records/s; peak RSS $(mb "$import_kb") MB; data folder $db_mb MiB"
if [ -z "${TRIALS_BENCH_FILE:-}" ]; then
  rm -f "$records"  # several GB at 500,000; not needed past the import
fi

# 3. The finder in-process.
echo
echo "== finder in-process: trials_bench query --rounds $ROUNDS"
"$BENCH" query --data "$work/data" --rounds "$ROUNDS" | tee "$work/query.out"
figures=$(grep '^FIGURES ' "$work/query.out")
field() { tr ' ' '\n' <<<"$figures" | awk -F= -v k="$1" '$1==k {print $2}'; }
finder_load_s=$(field load_s)
finder_rss=$(field rss_mib)
finder_p50=$(field p50_ms)
finder_p99=$(field p99_ms)

# 4. HTTP.
site_index_note="trials put in the site search index at start-up"
if [ "${TRIALS_BENCH_SITE_INDEX:-0}" != 1 ]; then
  # `cairn serve` indexes for site search every trial changed since its marker; an up-to-date
  # marker stands for a site that took the trials in as they came (see the note printed).
  python3 - "$work/data" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1] + "/cairn.sqlite")
seq = db.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0]
open(sys.argv[1] + "/search/indexed.seq", "w").write(f"{seq}\n")
PY
  site_index_note="site search index marked up to date: trials NOT indexed for site search (TRIALS_BENCH_SITE_INDEX=1 to include)"
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
base="http://127.0.0.1:$port"
echo
echo "== HTTP: cairn serve --threads $THREADS over the same data folder"
start=$(date +%s.%N)
"$BIN" serve --data "$work/data" --content content --web web --threads "$THREADS" \
  --listen "127.0.0.1:$port" >/dev/null 2>"$work/cairn.err" &
cairn_pid=$!
deadline=$(($(date +%s) + ${TRIALS_BENCH_SERVE_TIMEOUT:-600}))
while [ "$(date +%s)" -lt "$deadline" ]; do
  curl -sf "$base/healthz" >/dev/null && break
  kill -0 "$cairn_pid" 2>/dev/null || break
  sleep 0.2
done
curl -sf "$base/healthz" >/dev/null || {
  echo "bench: cairn serve did not answer within ${TRIALS_BENCH_SERVE_TIMEOUT:-600} s:" >&2
  tail -5 "$work/cairn.err" >&2
  exit 1
}
startup_s=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}')
start_rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$cairn_pid/status")
echo "serving after $startup_s s, RSS $(mb "$start_rss") MB; $site_index_note"
# The finder loads in the background: /api/v1/trials says 503 until it has.
while [ "$(date +%s)" -lt "$deadline" ]; do
  curl -sf "$base/api/v1/trials?status=any&country=any&page=1" -o /dev/null && break
  kill -0 "$cairn_pid" 2>/dev/null || break
  sleep 0.2
done
finder_s=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}')
echo "trial finder ready after $finder_s s ($(grep -o 'trial finder loaded[^)]*)' "$work/cairn.err" || true))"

URLS=(
  "/trials"
  "/trials?q=lung+cancer&near=Manchester&distance=50&sort=distance"
  "/api/v1/trials?condition=breast+cancer&phase=2&status=any&country=any"
)
for path in "${URLS[@]}"; do
  curl -sf "$base$path" -o /dev/null || { echo "bench: GET $path failed" >&2; exit 1; }
done
total=$(curl -sf "$base/api/v1/trials?status=any&country=any" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "/api/v1/trials?status=any&country=any: $total trials"

run_wrk() {  # URL [lua script]
  local script=()
  [ -n "${2:-}" ] && script=(-s "$2")
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --timeout 10s --latency "${script[@]}" "$1" >"$work/wrk.out"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
  p50=$(awk '$1=="50%" {print $2}' "$work/wrk.out")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.out")
  # wrk prints "Non-2xx or 3xx responses: N" and "Socket errors: ..." only when there are some.
  errors=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$work/wrk.out")
  echo "$rps $p50 $p99 ${errors:-none}"
}
to_ms() {
  case "$1" in
    *us) awk -v v="${1%us}" 'BEGIN{printf "%.2f", v/1000}' ;;
    *ms) echo "${1%ms}" ;;
    *s) awk -v v="${1%s}" 'BEGIN{printf "%.0f", v*1000}' ;;
  esac
}

printf 'wrk -t2 -c%s -d%ss --timeout 10s, %s server threads\n' "$CONNECTIONS" "$SECONDS_" "$THREADS"
wrk -t1 -c4 -d2s "$base/trials" >/dev/null  # warm up
http_rows=()
for path in "${URLS[@]}"; do
  read -r rps p50 p99 errors <<<"$(run_wrk "$base$path")"
  http_rows+=("$(printf '%-70s %9s req/s  p50 %8s ms  p99 %8s ms  errors: %s' "$path" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "$errors")")
  echo "${http_rows[-1]}"
done
# Every request a different query (words, place, distance, page), so the result cache
# rarely answers: the finder's own cost under load.
read -r mixed_rps mixed_p50 mixed_p99 mixed_errors <<<"$(run_wrk "$base" "$HERE/mixed.lua")"
http_rows+=("$(printf '%-70s %9s req/s  p50 %8s ms  p99 %8s ms  errors: %s' "/api/v1/trials, mixed filters (mixed.lua)" "$mixed_rps" "$(to_ms "$mixed_p50")" "$(to_ms "$mixed_p99")" "$mixed_errors")")
echo "${http_rows[-1]}"

serve_hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$cairn_pid/status")
serve_rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$cairn_pid/status")
echo "cairn serve: RSS $(mb "$serve_rss") MB, peak $(mb "$serve_hwm") MB"
kill "$cairn_pid"
wait "$cairn_pid" 2>/dev/null || true
cairn_pid=

# 5. Figures.
echo
echo "== figures at $COUNT records ($(nproc) cores; load: $(uptime | sed 's/.*load average: //'))"
row() { printf '%-44s %14s   %-14s %s\n' "$@"; }
row "figure" "value" "target" "result"
row "import rate (records/s)" "$import_rate" ">= $TARGET_IMPORT_RATE" "$(verdict "$import_rate" "$TARGET_IMPORT_RATE" ">=")"
row "import peak RSS (MB)" "$(mb "$import_kb")" "< $TARGET_MEMORY_MB" "$(verdict "$(mb "$import_kb")" "$TARGET_MEMORY_MB" "<")"
row "finder p50 (ms, in-process, cache misses)" "$finder_p50" "" ""
row "finder p99 (ms, in-process, cache misses)" "$finder_p99" "< $TARGET_P99_MS" "$(verdict "$finder_p99" "$TARGET_P99_MS" "<")"
finder_rss_mb=$(mb "$(awk -v m="$finder_rss" 'BEGIN{print m*1024}')")  # MiB to KiB
row "finder load (s) / RSS after load (MB)" "$finder_load_s / $finder_rss_mb" "< $TARGET_MEMORY_MB" "$(verdict "$finder_rss_mb" "$TARGET_MEMORY_MB" "<")"
row "cairn serve peak RSS (MB)" "$(mb "$serve_hwm")" "< $TARGET_MEMORY_MB" "$(verdict "$(mb "$serve_hwm")" "$TARGET_MEMORY_MB" "<")"
row "cairn serve first response (s)" "$startup_s" "< 10" "$(verdict "$startup_s" 10 "<")"
row "cairn serve trial finder ready (s)" "$finder_s" "" ""
row "HTTP mixed filters (req/s, p99 ms)" "$mixed_rps, $(to_ms "$mixed_p99")" "" ""
echo "== load: $(uptime)"
