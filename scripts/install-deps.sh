#!/usr/bin/env bash
# Installs the Debian packages Knooppunt needs to build, run and test, when any is missing.
# Usage: scripts/install-deps.sh [run|test|bench]
#   every mode needs Node.js (for the CSS/JS bundle); test adds GoogleTest, PostgreSQL and
#   Chromium with fonts for every script; bench adds nginx, wrk and curl.
set -euo pipefail

packages=(
  cmake g++ make pkg-config ca-certificates
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsoci-dev libsqlite3-dev libpq-dev libspdlog-dev libsodium-dev libssl-dev zlib1g-dev
  libcurl4-openssl-dev libqrencode-dev
  libxapian-dev libctemplate-dev libboost-locale1.81-dev gettext liblemon-dev
  sqlite3
)
# Node.js builds the CSS/JS bundle from npm packages (package-lock.json) for every mode.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if [ "${1:-run}" = test ]; then
  packages+=(libgtest-dev postgresql chromium fonts-noto-core python3-aiosmtpd)
fi
if [ "${1:-run}" = bench ]; then
  packages+=(nginx wrk curl)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-deps: missing packages: ${missing[*]}; run as root or install them" >&2
    exit 1
  fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
