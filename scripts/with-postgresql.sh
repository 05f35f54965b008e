#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: initdb in a temporary folder as the
# unprivileged `postgres` user, listening on 127.0.0.1 at a free port, removed afterwards.
# The command sees KNOOPPUNT_TEST_POSTGRESQL=postgresql://knooppunt@127.0.0.1:PORT/postgres.
# Usage: scripts/with-postgresql.sh COMMAND [ARGS...]
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "with-postgresql: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 1
fi
run_as=postgres
if [ "$(id -u)" != 0 ]; then run_as=""; fi

dir=$(mktemp -d /tmp/knooppunt-pg-XXXXXX)
[ -n "$run_as" ] && chown "$run_as" "$dir"
as_pg() { if [ -n "$run_as" ]; then runuser -u "$run_as" -- "$@"; else "$@"; fi; }

port=""
for candidate in $(seq 55432 55532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "with-postgresql: no free port" >&2; exit 1; }

cleanup() {
  as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

as_pg "$bin/initdb" -D "$dir/data" -U knooppunt --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }

export KNOOPPUNT_TEST_POSTGRESQL="postgresql://knooppunt@127.0.0.1:$port/postgres"
"$@"
