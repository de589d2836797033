#!/usr/bin/env bash
# README command 2: install what is missing, build, and run every test: unit tests (ctest) and the API tests,
# which start the real binary on a free port and talk HTTP to it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DWAIHU_BUILD_TESTS=ON -DWAIHU_BUILD_BENCHMARKS=ON
echo "== format check (clang-format)"
scripts/check-format.sh
echo "== unit tests"
(cd build && ctest --output-on-failure -j"$(nproc)")
echo "== API tests"
WAIHU_BIN="$PWD/build/waihu" node --test --test-concurrency=1 tests/api/
