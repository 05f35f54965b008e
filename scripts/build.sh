#!/usr/bin/env bash
# Configures and builds Knooppunt. Usage: scripts/build.sh BUILD_DIR [extra cmake arguments]
set -euo pipefail
dir=${1:-build}
shift || true
cmake -S "$(dirname "$0")/.." -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
