#!/usr/bin/env bash
# Runs the benchmarks of bench/README.md against a release build and prints the figures for
# bench/RESULTS.md. Usage:
#   bench/run.sh build/release [--database postgresql://…] [assets] [seconds] [risks] [controls]
#                [assessments] [results]
# With --database the store is that PostgreSQL database (it must be empty) instead of SQLite
# in a temporary data directory; `make bench-postgres` gives it a throw-away server.
set -euo pipefail
build=$(realpath "$1")
shift
database=()
if [ "${1:-}" = "--database" ]; then
  database=(--database "$2")
  shift 2
fi
assets=${1:-10000}
seconds=${2:-10}
risks=${3:-10000}
controls=${4:-10000}
assessments=${5:-1000}
results=${6:-200000}
isms="$build/src/cli/isms"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
if [ ${#database[@]} -gt 0 ]; then
  echo "== engine: PostgreSQL (same machine)"
else
  echo "== engine: SQLite"
fi
echo "== generate: 1 organization, $assets assets, $risks risks with loss models, $controls applied controls and as much evidence, a framework of 1,000 requirements mapped to ISO 27001:2022, $assessments assessments with $results requirement results"
/usr/bin/time -f "generate: %e s, max RSS %M KB" "$isms" bench gen --data "$work/data" "${database[@]}" --tenants 1 --assets "$assets" --risks "$risks" --controls "$controls" --evidence "$controls" --assessments "$assessments" --results "$results" --format json >"$work/gen.json"
token=$(jq -r '.tokens[0].token' "$work/gen.json")

start_server() {
  local t0 t1
  t0=$(date +%s%N)
  "$isms" serve --data "$work/data" "${database[@]}" --listen 127.0.0.1:0 >"$work/serve.log" 2>&1 &
  pid=$!
  while ! grep -q 'http://' "$work/serve.log" 2>/dev/null; do sleep 0.001; done
  base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1)
  until curl -fsS "$base/healthz" >/dev/null 2>&1; do sleep 0.001; done
  t1=$(date +%s%N)
  echo "cold start to first /healthz: $(( (t1 - t0) / 1000000 )) ms"
}
start_server
sleep 1
echo "idle RSS: $(grep VmRSS /proc/$pid/status | awk '{print $2}') KB"

run_wrk() {  # name script
  echo "== $1 (wrk -t2 -c64 -d${seconds}s --latency)"
  ISMS_TOKEN=$token ISMS_MAX_ID=$assets wrk -t2 -c64 -d"${seconds}s" --latency -s "$here/load/$2" "$base" \
    | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
}
run_wrk "GET one record" get_one.lua
run_wrk "GET 50-row filtered page" list_page.lua
run_wrk "GET 50-row filtered page sorted by name" list_sorted.lua
run_wrk "GET requirements search (50 of the generated framework)" requirements_search.lua
run_wrk "GET coverage of ISO 27001:2022 through a mapping" coverage.lua
run_wrk "GET risk heat map ($risks risks, three stages)" risk_heatmap.lua
run_wrk "GET 50-row risk page filtered by residual level" risk_page.lua
run_wrk "GET the live SoA ($controls applied controls, $risks risks)" soa.lua
get_wrk() {  # name path [max id]: get_path.lua with "{id}" random from 1 (3 for assessments)
  echo "== $1 (wrk -t2 -c64 -d${seconds}s --latency)"
  ISMS_TOKEN=$token ISMS_PATH=$2 ISMS_MIN_ID=${4:-1} ISMS_MAX_ID=${3:-1} \
    wrk -t2 -c64 -d"${seconds}s" --latency -s "$here/load/get_path.lua" "$base" \
    | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
}
get_wrk "GET applied controls, first page" "/api/v1/applied_controls?limit=50"
get_wrk "GET one applied control" "/api/v1/applied_controls/{id}" "$controls"
get_wrk "GET evidence, first page" "/api/v1/evidence?limit=50"
get_wrk "GET one evidence record" "/api/v1/evidence/{id}" "$controls"
get_wrk "GET assessments, first page" "/api/v1/assessments?limit=50"
get_wrk "GET one assessment" "/api/v1/assessments/{id}" "$assessments"
get_wrk "GET first 50 results of an assessment (of 1,000 requirements)" "/api/v1/assessments/{id}/results?limit=50" "$assessments" 3
get_wrk "GET summary inferred from a 1,000-result assessment into ISO 27001:2022" "/api/v1/assessments/2/summary"
get_wrk "GET readiness checklist" "/api/v1/readiness"
run_wrk "POST create (durable, ledger-backed)" create.lua
timed_get() {  # label path
  curl -fsS -o /dev/null -w "$1: %{time_total} s\n" -H "Authorization: Bearer $token" "$base$2"
}
echo "== risk endpoints, one request each (curl)"
timed_get "register CSV export" "/api/v1/risks/register/export?format=csv"
timed_get "register XLSX export" "/api/v1/risks/register/export?format=xlsx"
timed_get "one risk simulation, 100,000 trials, before and after" "/api/v1/risks/1/simulation?trials=100000"
timed_get "register simulation, $risks risks x 100,000 trials, before and after" "/api/v1/risks/simulation?trials=100000"
echo "== compliance endpoints, one request each (curl)"
timed_get "live SoA" "/api/v1/soa"
timed_get "inference of 1,000 results into ISO 27001:2022, all 123 results" "/api/v1/assessments/2/results?limit=2000"
timed_get "all 1,000 results of the full assessment" "/api/v1/assessments/1/results?limit=2000"
echo "RSS after load: $(grep VmRSS /proc/$pid/status | awk '{print $2}') KB"
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

echo "== isms ledger verify (whole store)"
/usr/bin/time -f "verify: %e s" "$isms" ledger verify --data "$work/data" "${database[@]}"
if [ ${#database[@]} -gt 0 ]; then
  exit 0  # the micro-benchmarks below run on their own SQLite files, whatever the engine
fi
echo "== micro-benchmarks"
"$build/bench/ledger_benchmark" --benchmark_min_time=1 2>/dev/null
"$build/bench/catalog_benchmark" --benchmark_min_time=1 2>/dev/null
"$build/bench/loss_simulation_benchmark" 2>/dev/null
