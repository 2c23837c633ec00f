#!/usr/bin/env bash
# Page-serving benchmark: `cairn serve` against nginx serving the same HTML as a
# static file, both loaded by wrk on loopback with the same connections and
# duration. Prints throughput, p99 latency and the ratio.
# Usage: bench/pages/run.sh [connections] [seconds] [threads]
# Environment: WRK_THREADS (wrk's threads, default 2), PAGES_BENCH_ROUNDS (3).
set -euo pipefail
cd "$(dirname "$0")/../.."
CONNECTIONS=${1:-64}
SECONDS_=${2:-10}
THREADS=${3:-2}
BIN=${CAIRN_BIN:-build/cairn}
PAGE=/about-cancer/leptomeningeal-metastases/treatment

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make deps)" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "bench: $BIN not built (make build)" >&2; exit 1; }

work=$(mktemp -d)
cleanup() {
  [ -n "${cairn_pid:-}" ] && kill "$cairn_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cairn_port=$(free_port)
nginx_port=$(free_port)

"$BIN" serve --data "$work/data" --content content --web web --threads "$THREADS" \
  --listen "127.0.0.1:$cairn_port" >/dev/null 2>"$work/cairn.err" &
cairn_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$cairn_port/healthz" >/dev/null && break; sleep 0.1; done

mkdir -p "$work/html${PAGE%/*}"
curl -sf "http://127.0.0.1:$cairn_port$PAGE" -o "$work/html$PAGE.html"
cat > "$work/nginx.conf" <<CONF
worker_processes $THREADS;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 100000;
  default_type text/html;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/html;
    location / { try_files \$uri \$uri.html =404; }
  }
}
CONF
nginx -c "$work/nginx.conf"
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port$PAGE" >/dev/null && break; sleep 0.1; done

run_wrk() {
  wrk -t"${WRK_THREADS:-2}" -c"$CONNECTIONS" -d"${SECONDS_}s" --latency "$1" > "$work/wrk.out"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.out")
  echo "$rps $p99"
}
to_ms() {
  case "$1" in
    *us) awk -v v="${1%us}" 'BEGIN{printf "%.3f", v/1000}' ;;
    *ms) echo "${1%ms}" ;;
    *s) awk -v v="${1%s}" 'BEGIN{printf "%.3f", v*1000}' ;;
  esac
}

# Warm both, then measure.
wrk -t1 -c8 -d2s "http://127.0.0.1:$cairn_port$PAGE" >/dev/null
wrk -t1 -c8 -d2s "http://127.0.0.1:$nginx_port$PAGE" >/dev/null
# Rounds alternate cairn and nginx, so a neighbour's load on this machine falls on both;
# the medians are compared.
ROUNDS=${PAGES_BENCH_ROUNDS:-3}
size=$(wc -c < "$work/html$PAGE.html")
printf 'page %s (%s bytes), %s connections, %ss x %s rounds, %s server threads/workers\n' \
  "$PAGE" "$size" "$CONNECTIONS" "$SECONDS_" "$ROUNDS" "$THREADS"
: > "$work/cairn.rounds"
: > "$work/nginx.rounds"
for round in $(seq "$ROUNDS"); do
  read -r rps p99 <<<"$(run_wrk "http://127.0.0.1:$cairn_port$PAGE")"
  echo "$rps $(to_ms "$p99")" >> "$work/cairn.rounds"
  read -r nrps np99 <<<"$(run_wrk "http://127.0.0.1:$nginx_port$PAGE")"
  echo "$nrps $(to_ms "$np99")" >> "$work/nginx.rounds"
  printf 'round %s: cairn %10s req/s p99 %7s ms | nginx %10s req/s p99 %7s ms\n' \
    "$round" "$rps" "$(to_ms "$p99")" "$nrps" "$(to_ms "$np99")"
done
median() { sort -g -k"$2" "$1" | awk -v k="$2" '{v[NR]=$k} END{print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
cairn_rps=$(median "$work/cairn.rounds" 1)
cairn_p99=$(median "$work/cairn.rounds" 2)
nginx_rps=$(median "$work/nginx.rounds" 1)
nginx_p99=$(median "$work/nginx.rounds" 2)
echo "medians (load: $(cut -d' ' -f1-3 /proc/loadavg)):"
printf '%-6s %12s req/s   p99 %8s ms\n' cairn "$cairn_rps" "$cairn_p99"
printf '%-6s %12s req/s   p99 %8s ms\n' nginx "$nginx_rps" "$nginx_p99"
awk -v a="$cairn_rps" -v b="$nginx_rps" 'BEGIN{printf "ratio  cairn/nginx throughput = %.2f (target >= 0.90)\n", a/b}'
awk -v a="$cairn_p99" -v b="$nginx_p99" 'BEGIN{printf "ratio  cairn/nginx p99        = %.2f (target <= 2.00)\n", a/b}'
