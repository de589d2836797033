#!/usr/bin/env bash
# README command 2: install what is missing, build, and run every test: unit tests (ctest), the API tests (the
# real binary on a free port, real HTTP) and the browser tests (Debian's chromium driven by playwright-core).
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
echo "== API tests"
WAIHU_BIN="$PWD/build/waihu" node --test --test-concurrency=1 tests/api/
echo "== browser tests"
WAIHU_BIN="$PWD/build/waihu" node --test --test-concurrency=1 tests/e2e/
