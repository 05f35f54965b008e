#!/usr/bin/env bash
# The run command: installs what is missing, builds the program and the CSS/JS bundle, creates
# data/knooppunt.db with the demo social map on the first run, and serves http://localhost:8080.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh run
npm ci --omit=dev --no-audit --no-fund --loglevel=error
node scripts/build-assets.mjs
scripts/build.sh build

database="sqlite:data/knooppunt.db"
build/knooppunt migrate --database "$database"
if [ ! -f data/.demo-loaded ]; then
  build/knooppunt demo --database "$database"
  touch data/.demo-loaded
fi
exec build/knooppunt serve --database "$database" --listen 127.0.0.1:8080 --config knooppunt.conf
