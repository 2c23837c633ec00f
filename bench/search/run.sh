#!/usr/bin/env bash
# Search benchmark: build/bench/search/search_bench (indexing 10,000 generated pages and the
# relevance queries in-process), then the search page and the search API of `cairn serve`
# loaded by wrk on loopback, next to a cached page as the peer figure.
# Builds nothing: run `make build` first.
# Usage: bench/search/run.sh [connections] [seconds] [threads]
# Environment: CAIRN_BIN (build/cairn), SEARCH_BENCH (build/bench/search/search_bench),
# SEARCH_BENCH_ARGS (e.g. "--pages 2000 --rounds 5"), SKIP_INPROCESS=1 for the HTTP part only,
# SKIP_HTTP=1 for the in-process part only.
# The in-process part ends with the target (p99 < 5 ms, disk index, 1 thread) and PASS/FAIL,
# in wall-clock time and in CPU time, with the load average while it measured.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONNECTIONS=${1:-64}
SECONDS_=${2:-10}
THREADS=${3:-2}
BIN=${CAIRN_BIN:-build/cairn}
BENCH=${SEARCH_BENCH:-build/bench/search/search_bench}
PAGE=/about-cancer/leptomeningeal-metastases/treatment
SEARCH_PAGE="/search?q=intrathecal+chemotherapy"
SEARCH_API="/api/v1/search?q=csf"

if [ "${SKIP_HTTP:-0}" != 1 ]; then
  for tool in wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make deps)" >&2; exit 1; }
  done
  [ -x "$BIN" ] || { echo "bench: $BIN not built (make build)" >&2; exit 1; }
fi

echo "== load: $(uptime)"
if [ "${SKIP_INPROCESS:-0}" != 1 ]; then
  [ -x "$BENCH" ] || { echo "bench: $BENCH not built (make build)" >&2; exit 1; }
  echo "== in-process: $BENCH ${SEARCH_BENCH_ARGS:-}"
  # shellcheck disable=SC2086 # the arguments are meant to be split
  "$BENCH" ${SEARCH_BENCH_ARGS:-}
  echo
fi
if [ "${SKIP_HTTP:-0}" = 1 ]; then
  echo "== load: $(uptime)"
  exit 0
fi

work=$(mktemp -d)
cleanup() {
  if [ -n "${cairn_pid:-}" ]; then
    kill "$cairn_pid" 2>/dev/null || true
    wait "$cairn_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
base="http://127.0.0.1:$port"

"$BIN" serve --data "$work/data" --content content --web web --threads "$THREADS" \
  --listen "127.0.0.1:$port" >/dev/null 2>"$work/cairn.err" &
cairn_pid=$!
for _ in $(seq 300); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done
curl -sf "$base/healthz" >/dev/null || { echo "bench: cairn serve did not start:" >&2; cat "$work/cairn.err" >&2; exit 1; }
for path in "$PAGE" "$SEARCH_PAGE" "$SEARCH_API"; do
  curl -sf "$base$path" -o /dev/null || { echo "bench: GET $path failed" >&2; exit 1; }
done
results=$(curl -sf "$base$SEARCH_API" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')

# A search can queue behind many others: a 10 s timeout (wrk's default is 2 s) keeps the slow
# ones in the latency figures instead of dropping them as timeouts.
run_wrk() {
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --timeout 10s --latency "$1" > "$work/wrk.out"
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
    *us) awk -v v="${1%us}" 'BEGIN{printf "%.3f", v/1000}' ;;
    *ms) echo "${1%ms}" ;;
    *s) awk -v v="${1%s}" 'BEGIN{printf "%.3f", v*1000}' ;;
  esac
}

# Warm up, then measure each address with the same settings.
for path in "$PAGE" "$SEARCH_PAGE" "$SEARCH_API"; do
  wrk -t1 -c8 -d2s "$base$path" >/dev/null
done
read -r page_rps page_p50 page_p99 page_err <<<"$(run_wrk "$base$PAGE")"
read -r search_rps search_p50 search_p99 search_err <<<"$(run_wrk "$base$SEARCH_PAGE")"
read -r api_rps api_p50 api_p99 api_err <<<"$(run_wrk "$base$SEARCH_API")"

echo "== HTTP: cairn serve on the real content ($(grep -o '[0-9]* documents' "$work/cairn.err" | head -1 || echo '? documents') indexed; /api/v1/search?q=csf: $results results)"
printf 'wrk -t2 -c%s -d%ss --timeout 10s, %s server threads\n' "$CONNECTIONS" "$SECONDS_" "$THREADS"
printf '%-58s %10s req/s   p50 %8s ms   p99 %8s ms   errors: %s\n' "cached page $PAGE" "$page_rps" "$(to_ms "$page_p50")" "$(to_ms "$page_p99")" "$page_err"
printf '%-58s %10s req/s   p50 %8s ms   p99 %8s ms   errors: %s\n' "search page $SEARCH_PAGE" "$search_rps" "$(to_ms "$search_p50")" "$(to_ms "$search_p99")" "$search_err"
printf '%-58s %10s req/s   p50 %8s ms   p99 %8s ms   errors: %s\n' "search API $SEARCH_API" "$api_rps" "$(to_ms "$api_p50")" "$(to_ms "$api_p99")" "$api_err"
awk -v p="$page_rps" -v s="$search_rps" -v a="$api_rps" \
  'BEGIN{printf "search page costs %.1fx a cached page; search API %.1fx\n", p/s, p/a}'
echo "== load: $(uptime)"
