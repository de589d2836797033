#!/usr/bin/env bash
# README command 2: install what is missing, build, and run every test: unit tests (ctest), the API tests (the
# real binary on a free port, real HTTP) and the browser tests (Debian's chromium driven by playwright-core) — the
# API and browser suites once on SQLite and once on a throwaway PostgreSQL server started here and stopped at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DWAIHU_BUILD_TESTS=ON -DWAIHU_BUILD_BENCHMARKS=ON
echo "== web app"
scripts/build-web.sh
npm ci --no-audit --no-fund --loglevel=error  # the browser-test tooling (package.json at the root)
echo "== format check (clang-format)"
scripts/check-format.sh
echo "== unit tests"
(cd build && ctest --output-on-failure -j"$(nproc)")
export WAIHU_BIN="$PWD/build/waihu"
echo "== API tests (SQLite)"
node --test --test-concurrency=1 tests/api/
echo "== browser tests (SQLite)"
node --test --test-concurrency=1 tests/e2e/

pg_dir="$(mktemp -d)"
trap 'scripts/pg-throwaway.sh stop "$pg_dir" immediate 2>/dev/null || true; rm -rf "$pg_dir"' EXIT
WAIHU_TEST_PG="$(scripts/pg-throwaway.sh start "$pg_dir")"
export WAIHU_TEST_PG
echo "== store tests (PostgreSQL at $WAIHU_TEST_PG)"
build/src/db_postgres_test
echo "== API tests (PostgreSQL)"
node --test --test-concurrency=1 tests/api/
echo "== server restart test (a PostgreSQL server of its own, killed mid-burst)"
node --test --test-concurrency=1 tests/pg/
echo "== browser tests (PostgreSQL)"
node --test --test-concurrency=1 tests/e2e/
