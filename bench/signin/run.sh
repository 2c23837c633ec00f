#!/usr/bin/env bash
# Page latency under a sign-in flood: wrk loads /healthz and an information
# page with a few connections, first alone and then while a second wrk sends
# wrong sign-ins from ever new addresses (each one an argon2id check). Run it
# for the binary before and after a change and compare the latencies.
# Usage: bench/signin/run.sh [seconds] [flood-connections] [threads]
#        CAIRN_BIN=/path/to/cairn bench/signin/run.sh   (default build/cairn)
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_=${1:-10}
FLOOD=${2:-16}
THREADS=${3:-2}
BIN=${CAIRN_BIN:-build/cairn}
PAGE=/about-cancer/leptomeningeal-metastases/treatment

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make deps)" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "bench: $BIN not built (make build)" >&2; exit 1; }

work=$(mktemp -d)
cleanup() {
  [ -n "${cairn_pid:-}" ] && kill "$cairn_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"$BIN" serve --data "$work/data" --content content --web web --threads "$THREADS" \
  --trust-proxy on --listen "127.0.0.1:$port" >/dev/null 2>"$work/cairn.err" &
cairn_pid=$!
for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

# One visitor's cookie and CSRF token, shared by every flood request.
curl -sf -c "$work/jar" "$base/account/sign-in" -o "$work/sign-in.html"
csrf=$(sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' "$work/sign-in.html" | head -1)
cookie=$(sed 's/^#HttpOnly_//' "$work/jar" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }')

latency() {  # path -> "median p99 requests/s"
  wrk -t1 -c4 -d"${SECONDS_}s" --latency "$base$1" |
    awk '/^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /^Requests\/sec/ {rps=$2} END {print p50, p99, rps}'
}

printf '%-28s %-10s %-10s %s\n' "load" "median" "p99" "req/s"
for path in /healthz "$PAGE"; do
  read -r p50 p99 rps < <(latency "$path")
  printf '%-28s %-10s %-10s %s\n' "${path##*/} alone" "$p50" "$p99" "$rps"
done

CAIRN_COOKIE="$cookie" CAIRN_CSRF="$csrf" wrk -t1 -c"$FLOOD" -d"$((SECONDS_ * 2 + 4))s" \
  -s bench/signin/flood.lua "$base" >"$work/flood.txt" &
flood_pid=$!
sleep 2
for path in /healthz "$PAGE"; do
  read -r p50 p99 rps < <(latency "$path")
  printf '%-28s %-10s %-10s %s\n' "${path##*/} under flood" "$p50" "$p99" "$rps"
done
wait "$flood_pid"
signins=$(awk '/^Requests\/sec/ {print $2}' "$work/flood.txt")
other=$(awk "/Non-2xx/ {print \$5}" "$work/flood.txt")
echo "sign-in flood: $signins requests/s over $FLOOD connections, ${other:-0} answered other than 2xx/3xx ($BIN)"
