#!/usr/bin/env bash
# Installs what building and testing Waihu needs, from Debian 12's packages only. Safe to run again: installs
# only what is missing. Needs root (or sudo) the first time.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ccache git
  libboost-dev libboost-system-dev nlohmann-json3-dev
  libsoci-dev libsqlite3-dev libpq-dev sqlite3
  postgresql
  libphonenumber-dev libicu-dev libprotobuf-dev
  libhowardhinnant-date-dev libtomlplusplus-dev libcli11-dev libspdlog-dev libfmt-dev
  libsodium-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nodejs time curl clang-format
  chromium fonts-wqy-zenhei
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Some nodejs builds carry npm, Debian's does not: add Debian's npm only when the command is missing.
if ! command -v npm >/dev/null; then
  echo "installing: npm"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends npm
fi
