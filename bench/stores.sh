#!/usr/bin/env bash
# SQLite beside PostgreSQL in one run: the customer import and the CDR import of the same files into each store,
# with each database's own bulk loader of the same files into plain tables as the baselines (sqlite3 .import,
# psql \copy). PostgreSQL is a throwaway server (scripts/pg-throwaway.sh --durable: fsync on, as in production)
# on this machine, so both stores share its two cores and disk.
#   bench/stores.sh [CUSTOMERS=100000] [CDRS=200000] [AGENTS=100]
set -euo pipefail
customers=${1:-100000}
cdrs_rows=${2:-200000}
agents=${3:-100}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/out/stores"
waihu="$root/build/waihu"
rm -rf "$out"
mkdir -p "$out"
chmod 755 "$out"
[ -x "$waihu" ] && [ -x "$root/build/bench/gen_cdrs" ] || "$root/scripts/build.sh" -DWAIHU_BUILD_BENCHMARKS=ON

pg_url=$("$root/scripts/pg-throwaway.sh" start "$out/pg" --durable)
trap '"$root/scripts/pg-throwaway.sh" stop "$out/pg" fast >/dev/null 2>&1 || true' EXIT
psql -q "$pg_url" -c "CREATE DATABASE waihu" -c "CREATE DATABASE baseline"
pg_db="${pg_url%/postgres}/waihu"
pg_baseline="${pg_url%/postgres}/baseline"

csv="$out/customers.csv"
"$root/build/bench/gen_customers" "$customers" 20000 > "$csv"

timed() { # timed NAME command… → "seconds peak_kb" in $out/NAME.time
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$out/$name.time" "$@" > "$out/$name.out"
}

setup_store() { # setup_store DATA DB_ARGS…
  local data=$1
  shift
  "$waihu" --data "$data" "$@" init --admin-password bench-admin >/dev/null
  "$waihu" --data "$data" "$@" team add 电销部 >/dev/null
}
agents_sql="INSERT INTO users (username, display_name, role, team_id, password_hash, extension, created_at, updated_at)
  SELECT 'agent' || i, '坐席' || i, 'agent', (SELECT id FROM teams WHERE name = '电销部'), '!', CAST(8000 + i AS TEXT), 0, 0"

# SQLite
setup_store "$out/sqlite"
sqlite3 "$out/sqlite/waihu.db" "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $agents) $agents_sql FROM n;"
timed sqlite-customers "$waihu" --data "$out/sqlite" import customers "$csv" --pool --json
sqlite3 "$out/sqlite/waihu.db" "SELECT substr(e164, 4) FROM customer_phones" > "$out/phones.txt"
cdrs="$out/Master.csv"
"$root/build/bench/gen_cdrs" "$cdrs_rows" "$agents" "$out/phones.txt" > "$cdrs"
timed sqlite-cdrs "$waihu" --data "$out/sqlite" import calls "$cdrs" --format asterisk --strip-prefix 9 --json || true

# PostgreSQL
setup_store "$out/pgdata" --db "$pg_db"
psql -q "$pg_db" -c "$agents_sql FROM generate_series(0, $agents - 1) AS i"
timed pg-customers "$waihu" --data "$out/pgdata" --db "$pg_db" import customers "$csv" --pool --json
timed pg-cdrs "$waihu" --data "$out/pgdata" --db "$pg_db" import calls "$cdrs" --format asterisk --strip-prefix 9 --json || true

# Baselines: the same files into plain tables of text columns.
columns=$(head -1 "$csv" | tr -d '\r' | awk -F, '{for (i = 1; i <= NF; i++) printf "%sc%d TEXT", (i > 1 ? ", " : ""), i}')
cdr_columns="accountcode TEXT, src TEXT, dst TEXT, dcontext TEXT, clid TEXT, channel TEXT, dstchannel TEXT, lastapp TEXT,
  lastdata TEXT, start TEXT, answer TEXT, ended TEXT, duration TEXT, billsec TEXT, disposition TEXT, amaflags TEXT,
  uniqueid TEXT, userfield TEXT"
sqlite3 "$out/baseline.db" "PRAGMA journal_mode=WAL;" >/dev/null
timed sqlite-import-customers sqlite3 "$out/baseline.db" -cmd ".mode csv" ".import '$csv' customers"
timed sqlite-import-cdrs sqlite3 "$out/baseline.db" -cmd ".mode csv" "CREATE TABLE cdr ($cdr_columns);" ".import '$cdrs' cdr"
psql -q "$pg_baseline" -c "CREATE TABLE customers ($columns)" -c "CREATE TABLE cdr ($cdr_columns)"
timed psql-copy-customers psql -q "$pg_baseline" -c "\\copy customers FROM '$csv' WITH (FORMAT csv, HEADER true)"
timed psql-copy-cdrs psql -q "$pg_baseline" -c "\\copy cdr FROM '$cdrs' WITH (FORMAT csv)"

echo "customers report (sqlite): $(head -c 160 "$out/sqlite-customers.out")"
echo "customers report (pg):     $(head -c 160 "$out/pg-customers.out")"
echo "cdr report (sqlite): $(head -c 160 "$out/sqlite-cdrs.out")"
echo "cdr report (pg):     $(head -c 160 "$out/pg-cdrs.out")"
line() { # line LABEL NAME ROWS
  read -r secs kb < "$out/$2.time"
  awk -v l="$1" -v s="$secs" -v k="$kb" -v r="$3" 'BEGIN { printf "%-34s %7.2f s %9.0f rows/s  peak %5.0f MB\n", l, s, r / s, k / 1024 }'
}
echo "customers: $customers rows"
line "waihu import customers (SQLite)" sqlite-customers "$customers"
line "waihu import customers (PostgreSQL)" pg-customers "$customers"
line "sqlite3 .import" sqlite-import-customers "$customers"
line "psql \\copy" psql-copy-customers "$customers"
echo "CDRs: $cdrs_rows rows against $customers customers, $agents agents"
line "waihu import calls (SQLite)" sqlite-cdrs "$cdrs_rows"
line "waihu import calls (PostgreSQL)" pg-cdrs "$cdrs_rows"
line "sqlite3 .import" sqlite-import-cdrs "$cdrs_rows"
line "psql \\copy" psql-copy-cdrs "$cdrs_rows"
