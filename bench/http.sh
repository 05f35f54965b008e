#!/usr/bin/env bash
# The HTTP budget of DESIGN.md "Budgets": requests per second of Knooppunt's search API over a
# synthetic map, next to nginx serving a 1 KB static file on the same machine in the same run
# (wrk, 64 connections, 2 threads). Both listen on 127.0.0.1 only and are stopped on exit.
# Usage: bench/http.sh [--services N] [--duration S]   (defaults 100000 and 20)
# The last line printed is one JSON object: {"search_rps":...,"nginx_rps":...,"ratio":...}.
set -euo pipefail

services=100000
duration=20
while [ $# -gt 0 ]; do
  case "$1" in
    --services) services=${2:?--services needs a number}; shift 2 ;;
    --duration) duration=${2:?--duration needs seconds}; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "http.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ "$services" =~ ^[0-9]+$ && "$duration" =~ ^[0-9]+$ && "$duration" -gt 0 ]] || {
  echo "http.sh: --services and --duration take whole numbers" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d -t knooppunt-http-bench-XXXXXX)
knooppunt_pid=""
nginx_pid=""
cleanup() {
  for pid in $knooppunt_pid $nginx_pid; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $knooppunt_pid $nginx_pid; do
    # Bounded: a server that does not stop within 10 s is killed.
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bash scripts/install-deps.sh bench
if ! bash scripts/build.sh build >"$work/build.log" 2>&1; then
  tail -n 40 "$work/build.log" >&2
  echo "http.sh: the build failed" >&2
  exit 1
fi

# A port nothing listens on yet.
free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "http.sh: no free port found" >&2; exit 1
}

# Waits up to $2 seconds for URL $1 to answer 200.
wait_ready() {
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then echo "http.sh: $1 not ready after $2 s" >&2; return 1; fi
    sleep 0.1
  done
}

# --- Knooppunt with a synthetic map -----------------------------------------------------------
database="sqlite:$work/map.db"
build/knooppunt migrate --database "$database" >/dev/null
start=$SECONDS
build/bench/synthetic_map --services "$services" --database "$database"
echo "http.sh: map written in $((SECONDS - start)) s"
kport=$(free_port)
cat >"$work/knooppunt.conf" <<EOF
database = $database
search_index = $work/map.db.search
listen = 127.0.0.1:$kport
public_url = http://127.0.0.1:$kport
static_dir = $root/static
log_level = warn
threads = 2
EOF
start=$SECONDS
build/knooppunt reindex --config "$work/knooppunt.conf" >/dev/null
echo "http.sh: search index built in $((SECONDS - start)) s"
serve_start=$(date +%s%N)
build/knooppunt serve --config "$work/knooppunt.conf" >"$work/knooppunt.log" 2>&1 &
knooppunt_pid=$!
wait_ready "http://127.0.0.1:$kport/readyz" 120 || { cat "$work/knooppunt.log" >&2; exit 1; }
echo "http.sh: knooppunt ready $((($(date +%s%N) - serve_start) / 1000000)) ms after start" \
  "(with the index already built)"

# --- nginx with one static file ---------------------------------------------------------------
nport=$(free_port)
mkdir -p "$work/nginx/html" "$work/nginx/tmp" "$work/nginx/logs"
# The workers may run as another user (nginx started by root): they must be able to read.
chmod a+rx "$work" "$work/nginx" "$work/nginx/html"
{
  echo "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Knooppunt</title>"
  echo "</head><body><h1>Sociale kaart</h1>"
  for i in $(seq 12); do
    echo "<p>Voedselbank, taalcafé en schuldhulp bij u in de buurt ($i).</p>"
  done
  echo "</body></html>"
} >"$work/nginx/html/index.html"
chmod a+r "$work/nginx/html/index.html"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  server {
    listen 127.0.0.1:$nport;
    root $work/nginx/html;
    default_type text/html;
  }
}
EOF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log" &
nginx_pid=$!
wait_ready "http://127.0.0.1:$nport/index.html" 10 || {
  cat "$work/nginx/logs/error.log" >&2; exit 1; }
echo "http.sh: nginx serves $(stat -c %s "$work/nginx/html/index.html") bytes"

# --- The search URLs, rotated by wrk --------------------------------------------------------
paths=(
  "/api/services?search=voedselbank&per_page=10"
  "/api/services?search=voedselbank&city=Groningen&per_page=10"
  "/api/services?near=53.2194,6.5665&radius_km=10&per_page=10"
  "/api/services?search=taalcaf%C3%A9&language=ar&per_page=10"
  "/api/services?search=schuldhulp&open_now=true&per_page=10"
  "/api/search/suggest?q=kled"
  "/api/search/facets?search=taal"
  "/api/services?search=kledingbank&per_page=10"
  "/api/services?search=huiswerkbegeleiding&age=12&per_page=10"
  "/api/services?search=inloopspreekuur&city=Rotterdam&per_page=10"
  "/api/services?search=food&lang=en&per_page=10"
  "/api/services?search=%D8%A7%D9%84%D8%B7%D8%B9%D8%A7%D9%85&lang=ar&per_page=10"
  "/api/services?near=52.3728,4.8936&radius_km=5&sort=distance&per_page=10"
  "/api/services?search=moskee&near=52.0907,5.1214&radius_km=15&per_page=10"
  "/api/services?kind=mosque&city=Utrecht&per_page=10"
  "/api/services?search=voedelbank&per_page=10"
  "/api/services?search=jongerenwerk&near=51.9225,4.4792&radius_km=10&per_page=10"
  "/api/search/suggest?q=voedselb"
  "/api/services?search=sollicitatietraining&language=pl&per_page=10"
  "/api/service_at_locations?near=52.0705,4.3007&radius_km=8&per_page=50"
  "/api/search/facets?city=Amsterdam"
)
failed=0
for path in "${paths[@]}"; do
  code=$(curl -s -o "$work/answer" -w '%{http_code}' "http://127.0.0.1:$kport$path" || true)
  if [[ "$code" != 2* ]]; then
    echo "http.sh: $code for $path: $(head -c 300 "$work/answer")" >&2
    failed=$((failed + 1))
  fi
done
{
  echo "local paths = {"
  for path in "${paths[@]}"; do echo "  \"$path\","; done
  echo "}"
  cat <<'EOF'
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
EOF
} >"$work/rotate.lua"

# Runs wrk; prints its report and leaves requests/s and error counts in the named variables.
run_wrk() {
  local name=$1 url=$2
  shift 2
  echo "--- wrk $name: $url"
  wrk --latency -c 64 -t 2 -d "${duration}s" "$@" "$url" | tee "$work/wrk-$name.txt"
}
run_wrk nginx "http://127.0.0.1:$nport/index.html"
run_wrk knooppunt "http://127.0.0.1:$kport" -s "$work/rotate.lua"

rps() { awk '/^Requests\/sec:/ {print $2}' "$work/wrk-$1.txt"; }
non2xx() { awk '/Non-2xx or 3xx responses:/ {print $NF}' "$work/wrk-$1.txt"; }
socket_errors() { grep -h 'Socket errors' "$work/wrk-$1.txt" || true; }
search_rps=$(rps knooppunt)
nginx_rps=$(rps nginx)
search_rps=${search_rps:-0}
nginx_rps=${nginx_rps:-0}
for name in knooppunt nginx; do
  bad=$(non2xx "$name")
  if [ -n "$bad" ] && [ "$bad" != 0 ]; then
    echo "http.sh: $name answered $bad requests with a status >= 400" >&2
    failed=$((failed + 1))
  fi
  if [ -n "$(socket_errors "$name")" ]; then echo "http.sh: $name: $(socket_errors "$name")" >&2; fi
done
if [ -s "$work/knooppunt.log" ]; then
  echo "http.sh: knooppunt log (last lines):" >&2
  tail -n 5 "$work/knooppunt.log" >&2
fi
echo "http.sh: $(nproc) cpus, load average $(cut -d' ' -f1-3 /proc/loadavg)"
ratio=$(awk -v s="$search_rps" -v n="$nginx_rps" 'BEGIN { printf "%.3f", (n > 0 ? s / n : 0) }')
printf '{"search_rps":%.0f,"nginx_rps":%.0f,"ratio":%s}\n' "$search_rps" "$nginx_rps" "$ratio"
[ "$failed" -eq 0 ]
