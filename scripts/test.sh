#!/usr/bin/env bash
# The test command: installs what is missing, builds (normally and under AddressSanitizer +
# UBSan) and runs every test — unit, store (SQLite and a throwaway PostgreSQL), integration
# over real HTTP, the HSDS conformance check and browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh test
npm ci --no-audit --no-fund --loglevel=error
node scripts/build-assets.mjs
scripts/build.sh build
# The sanitizer build is for the tests only: no benchmarks.
scripts/build.sh build-asan -DKNOOPPUNT_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DKNOOPPUNT_BENCH=OFF

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

echo "== tests (release build, SQLite and PostgreSQL)"
scripts/with-postgresql.sh ctest --test-dir build --output-on-failure -j 2
echo "== tests (AddressSanitizer + UBSan build)"
scripts/with-postgresql.sh ctest --test-dir build-asan --output-on-failure -j 2
echo "== integration tests over real HTTP (SQLite and PostgreSQL) and HSDS conformance"
scripts/with-postgresql.sh node --test --test-concurrency=1 tests/integration/
echo "== browser tests in Debian's Chromium (journeys, axe-core, no JavaScript)"
node --test --test-concurrency=1 tests/browser/
