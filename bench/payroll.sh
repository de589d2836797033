#!/usr/bin/env bash
# A month's payroll at floor scale on both stores in one run (issue 16): bench/payroll_bench on a fresh SQLite store
# and on a throwaway PostgreSQL server (scripts/pg-throwaway.sh --durable), the same generated month each.
#   bench/payroll.sh [CALLS=10000000] [DEALS=50000]
set -euo pipefail
calls=${1:-10000000}
deals=${2:-50000}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/out/payroll"
bench="$root/build/bench/payroll_bench"
[ -x "$bench" ] || "$root/scripts/build.sh" -DWAIHU_BUILD_BENCHMARKS=ON
rm -rf "$out"
mkdir -p "$out"
chmod 755 "$out"

echo "== SQLite"
"$bench" "$out/sqlite" "" "$calls" "$deals"

pg_url=$("$root/scripts/pg-throwaway.sh" start "$out/pg" --durable)
trap '"$root/scripts/pg-throwaway.sh" stop "$out/pg" fast >/dev/null 2>&1 || true' EXIT
psql -q "$pg_url" -c "CREATE DATABASE waihu"
echo "== PostgreSQL"
"$bench" "$out/pg-data" "${pg_url%/postgres}/waihu" "$calls" "$deals"
