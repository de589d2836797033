#!/usr/bin/env bash
# Customer import benchmark: ROWS generated customers (phones from PREFIXES 号段) imported from CSV into a fresh
# SQLite database by `waihu import customers` — rows/s and peak memory — and, in the same run, sqlite3's own
# `.import` of the same file into a plain table as the baseline.
#   bench/import_customers.sh [ROWS=1000000] [PREFIXES=50000]
set -euo pipefail
rows=${1:-1000000}
prefixes=${2:-50000}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/out"
mkdir -p "$out"
[ -x "$root/build/waihu" ] && [ -x "$root/build/bench/gen_customers" ] || "$root/scripts/build.sh" -DWAIHU_BUILD_BENCHMARKS=ON
csv="$out/customers-$rows-$prefixes.csv"
[ -f "$csv" ] || "$root/build/bench/gen_customers" "$rows" "$prefixes" > "$csv"

rm -rf "$out/data" "$out/baseline.db"
"$root/build/waihu" --data "$out/data" init --admin-password bench-admin >/dev/null
/usr/bin/time -f "%e %M" -o "$out/waihu.time" \
  "$root/build/waihu" --data "$out/data" import customers "$csv" --pool --json > "$out/report.json"
read -r w_secs w_kb < "$out/waihu.time"
created=$(grep -o '"created":[0-9]*' "$out/report.json" | cut -d: -f2)

sqlite3 "$out/baseline.db" "PRAGMA journal_mode=WAL;" >/dev/null
/usr/bin/time -f "%e %M" -o "$out/sqlite.time" sqlite3 "$out/baseline.db" -cmd ".mode csv" ".import '$csv' customers"
read -r s_secs s_kb < "$out/sqlite.time"

awk -v r="$rows" -v c="$created" -v ws="$w_secs" -v wk="$w_kb" -v ss="$s_secs" -v sk="$s_kb" -v p="$prefixes" 'BEGIN {
  printf "rows %d (%d 号段), created %d\n", r, p, c
  printf "waihu import:   %6.2f s  %8.0f rows/s  peak %4.0f MB\n", ws, r / ws, wk / 1024
  printf "sqlite3 .import: %6.2f s  %8.0f rows/s  peak %4.0f MB\n", ss, r / ss, sk / 1024
  printf "ratio waihu/sqlite3 time: %.1f\n", ws / ss
}'
