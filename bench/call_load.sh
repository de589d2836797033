#!/usr/bin/env bash
# Call-logging load test: a fresh demo database, `waihu serve` on a free port, the 30 demo agents logged in, and
# `call_load` with CLIENTS keep-alive clients POSTing /api/v1/calls for SECONDS. Stops the server at the end.
# STORE postgresql runs it on a throwaway PostgreSQL server (scripts/pg-throwaway.sh --durable) on this machine.
#   bench/call_load.sh [CLIENTS=200] [SECONDS=10] [WORKERS=4] [STORE=sqlite|postgresql]
set -euo pipefail
clients=${1:-200}
seconds=${2:-10}
workers=${3:-4}
store=${4:-sqlite}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/out"
mkdir -p "$out"
[ -x "$root/build/waihu" ] && [ -x "$root/build/bench/call_load" ] || "$root/scripts/build.sh" -DWAIHU_BUILD_BENCHMARKS=ON
data="$out/load-data"
rm -rf "$data" "$out/load-pg"
db=()
count_calls() { sqlite3 "$data/waihu.db" "SELECT COUNT(*) FROM calls"; }
cleanup() { :; }
if [ "$store" = postgresql ]; then
  mkdir -p "$out/load-pg" && chmod 755 "$out/load-pg"
  pg_url=$("$root/scripts/pg-throwaway.sh" start "$out/load-pg" --durable)
  cleanup() { "$root/scripts/pg-throwaway.sh" stop "$out/load-pg" fast >/dev/null 2>&1 || true; }
  psql -q "$pg_url" -c "CREATE DATABASE waihu"
  db=(--db "${pg_url%/postgres}/waihu")
  count_calls() { psql -qAt "${pg_url%/postgres}/waihu" -c "SELECT COUNT(*) FROM calls"; }
fi
"$root/build/waihu" --data "$data" "${db[@]}" init --demo --admin-password bench-admin >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$root/build/waihu" --data "$data" "${db[@]}" serve --host 127.0.0.1 --port "$port" --workers "$workers" 2>"$out/load-server.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; cleanup' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
: > "$out/tokens.txt"
for i in $(seq -w 1 30); do
  curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H "Content-Type: application/json" -d "{\"username\":\"agent$i\",\"password\":\"demo1234\"}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])' >> "$out/tokens.txt"
done
before=$(count_calls)
"$root/build/bench/call_load" "$port" "$out/tokens.txt" "$clients" "$seconds"
after=$(count_calls)
echo "calls stored during the run: $((after - before))"
