#!/usr/bin/env bash
# Installs what building and testing Waihu needs, from Debian 12's packages only. Safe to run again: installs
# only what is missing. Needs root (or sudo) the first time.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ccache git
  libboost-dev libboost-system-dev nlohmann-json3-dev
  libsoci-dev libsqlite3-dev libpq-dev sqlite3
  libphonenumber-dev libicu-dev libprotobuf-dev
  libhowardhinnant-date-dev libtomlplusplus-dev libcli11-dev libspdlog-dev libfmt-dev
  libsodium-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nodejs time curl clang-format
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
