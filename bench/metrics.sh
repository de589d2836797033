#!/usr/bin/env bash
# The metric layer at floor scale on both stores in one run (issue 14): bench/metrics_bench on a fresh SQLite store
# and on a throwaway PostgreSQL server (scripts/pg-throwaway.sh --durable), the same generated month each.
#   bench/metrics.sh [CALLS=10000000] [AGENTS=1000]
set -euo pipefail
calls=${1:-10000000}
agents=${2:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/out/metrics"
bench="$root/build/bench/metrics_bench"
[ -x "$bench" ] || "$root/scripts/build.sh" -DWAIHU_BUILD_BENCHMARKS=ON
rm -rf "$out"
mkdir -p "$out"
chmod 755 "$out"

echo "== SQLite"
"$bench" "$out/sqlite" "" "$calls" "$agents"

pg_url=$("$root/scripts/pg-throwaway.sh" start "$out/pg" --durable)
trap '"$root/scripts/pg-throwaway.sh" stop "$out/pg" fast >/dev/null 2>&1 || true' EXIT
psql -q "$pg_url" -c "CREATE DATABASE waihu"
echo "== PostgreSQL"
"$bench" "$out/pg-data" "${pg_url%/postgres}/waihu" "$calls" "$agents"
