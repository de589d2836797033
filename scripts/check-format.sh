#!/usr/bin/env bash
# Fails when a C++ file is not clang-formatted (.clang-format at the root). Skipped when clang-format is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null; then
  echo "clang-format not installed: format check skipped"
  exit 0
fi
bad=$(git ls-files '*.cpp' '*.hpp' | while read -r f; do clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || echo "$f"; done)
if [ -n "$bad" ]; then
  echo "not clang-formatted (run: clang-format -i FILE):"
  echo "$bad"
  exit 1
fi
