#!/usr/bin/env bash
# Closing a month at floor scale on both stores in one run (issue 15): bench/close_bench on a fresh SQLite store and
# on a throwaway PostgreSQL server (scripts/pg-throwaway.sh --durable), the same generated month each.
#   bench/close.sh [AGENTS=1000] [CALLS_PER_DAY=20]
set -euo pipefail
agents=${1:-1000}
calls=${2:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/out/close"
bench="$root/build/bench/close_bench"
[ -x "$bench" ] || "$root/scripts/build.sh" -DWAIHU_BUILD_BENCHMARKS=ON
rm -rf "$out"
mkdir -p "$out"
chmod 755 "$out"

echo "== SQLite"
"$bench" "$out/sqlite" "" "$agents" "$calls"

pg_url=$("$root/scripts/pg-throwaway.sh" start "$out/pg" --durable)
trap '"$root/scripts/pg-throwaway.sh" stop "$out/pg" fast >/dev/null 2>&1 || true' EXIT
psql -q "$pg_url" -c "CREATE DATABASE waihu"
echo "== PostgreSQL"
"$bench" "$out/pg-data" "${pg_url%/postgres}/waihu" "$agents" "$calls"
