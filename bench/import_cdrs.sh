#!/usr/bin/env bash
# CDR import benchmark: a store with CUSTOMERS customers (imported by `waihu import customers`) and AGENTS agents
# on extensions 8000…, then ROWS Asterisk Master.csv records (`gen_cdrs`) imported by `waihu import calls
# --format asterisk --strip-prefix 9` — rows/s and peak memory — and, in the same run, sqlite3's own `.import`
# of the same file into a plain table as the baseline.
#   bench/import_cdrs.sh [ROWS=2000000] [CUSTOMERS=1000000] [AGENTS=1000]
set -euo pipefail
rows=${1:-2000000}
customers=${2:-1000000}
agents=${3:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/out"
mkdir -p "$out"
[ -x "$root/build/waihu" ] && [ -x "$root/build/bench/gen_cdrs" ] || "$root/scripts/build.sh" -DWAIHU_BUILD_BENCHMARKS=ON
customers_csv="$out/customers-$customers-50000.csv"
[ -f "$customers_csv" ] || "$root/build/bench/gen_customers" "$customers" 50000 > "$customers_csv"

data="$out/cdr-data"
store="$out/cdr-store-$customers-$agents.db"
if [ ! -f "$store" ]; then
  rm -rf "$data"
  "$root/build/waihu" --data "$data" init --admin-password bench-admin >/dev/null
  "$root/build/waihu" --data "$data" team add 电销部 >/dev/null
  # Agents straight into the table: a password hash per agent would only time argon2id.
  sqlite3 "$data/waihu.db" "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $agents)
    INSERT INTO users (username, display_name, role, team_id, password_hash, extension, created_at, updated_at)
    SELECT 'agent' || i, '坐席' || i, 'agent', (SELECT id FROM teams WHERE name = '电销部'), '!', CAST(8000 + i AS TEXT), 0, 0 FROM n;"
  "$root/build/waihu" --data "$data" import customers "$customers_csv" --pool --json >/dev/null
  cp "$data/waihu.db" "$store"
fi
cdrs="$out/Master-$rows-$customers.csv"
if [ ! -f "$cdrs" ]; then
  sqlite3 "$store" "SELECT substr(e164, 4) FROM customer_phones" > "$out/phones.txt"
  "$root/build/bench/gen_cdrs" "$rows" "$agents" "$out/phones.txt" > "$cdrs"
fi

rm -rf "$data" "$out/cdr-baseline.db"
mkdir -p "$data"
cp "$store" "$data/waihu.db"
/usr/bin/time -f "%e %M" -o "$out/cdr-waihu.time" \
  "$root/build/waihu" --data "$data" import calls "$cdrs" --format asterisk --strip-prefix 9 --json > "$out/cdr-report.json" || true
read -r w_secs w_kb < "$out/cdr-waihu.time"
report=$(head -c 300 "$out/cdr-report.json")

sqlite3 "$out/cdr-baseline.db" "PRAGMA journal_mode=WAL;" >/dev/null
/usr/bin/time -f "%e %M" -o "$out/cdr-sqlite.time" sqlite3 "$out/cdr-baseline.db" -cmd ".mode csv" \
  "CREATE TABLE cdr (accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, \"end\", duration, billsec, disposition, amaflags, uniqueid, userfield);" \
  ".import '$cdrs' cdr"
read -r s_secs s_kb < "$out/cdr-sqlite.time"

echo "report: $report"
awk -v r="$rows" -v c="$customers" -v a="$agents" -v ws="$w_secs" -v wk="$w_kb" -v ss="$s_secs" -v sk="$s_kb" 'BEGIN {
  printf "CDR rows %d against %d customers, %d agents\n", r, c, a
  printf "waihu import calls: %6.2f s  %8.0f rows/s  peak %4.0f MB\n", ws, r / ws, wk / 1024
  printf "sqlite3 .import:    %6.2f s  %8.0f rows/s  peak %4.0f MB\n", ss, r / ss, sk / 1024
  printf "ratio waihu/sqlite3 time: %.1f\n", ws / ss
}'
