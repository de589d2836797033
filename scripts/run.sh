#!/usr/bin/env bash
# README command 1: install what is missing, build, create a demo database (first time only) and serve it on
# http://127.0.0.1:8080. Stop with Ctrl-C. WAIHU_DATA picks another data directory (default ./waihu-data).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DWAIHU_BUILD_TESTS=OFF -DWAIHU_BUILD_BENCHMARKS=OFF
scripts/build-web.sh
export WAIHU_DATA="${WAIHU_DATA:-./waihu-data}"
if [ ! -f "$WAIHU_DATA/waihu.db" ]; then
  ./build/waihu init --demo --admin-password "${WAIHU_ADMIN_PASSWORD:-admin1234}"
  echo "log in as admin / ${WAIHU_ADMIN_PASSWORD:-admin1234}, or as agent01 / demo1234 (any demo user: demo1234)"
fi
exec ./build/waihu serve --host 127.0.0.1 --port "${WAIHU_PORT:-8080}"
