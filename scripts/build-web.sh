#!/usr/bin/env bash
# Builds the web app (web/ → web/dist, served by `waihu serve`): exact dependencies from the lock file, then the
# type check, the Vite build and the precompressed .br/.gz files.
set -euo pipefail
cd "$(dirname "$0")/../web"
npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
