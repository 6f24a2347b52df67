#!/usr/bin/env bash
# Runs the benchmarks of bench/README.md against a release build and prints the figures for
# bench/RESULTS.md. Usage: bench/run.sh build/release [assets] [seconds] [risks] [controls]
set -euo pipefail
build=$(realpath "$1")
assets=${2:-10000}
seconds=${3:-10}
risks=${4:-10000}
controls=${5:-10000}
isms="$build/src/cli/isms"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== generate: 1 organization, $assets assets, $risks risks with loss models, $controls applied controls, a framework of 1,000 requirements mapped to ISO 27001:2022"
/usr/bin/time -f "generate: %e s, max RSS %M KB" "$isms" bench gen --data "$work/data" --tenants 1 --assets "$assets" --risks "$risks" --controls "$controls" --format json >"$work/gen.json"
token=$(jq -r '.tokens[0].token' "$work/gen.json")

start_server() {
  local t0 t1
  t0=$(date +%s%N)
  "$isms" serve --data "$work/data" --listen 127.0.0.1:0 >"$work/serve.log" 2>&1 &
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
run_wrk "POST create (durable, ledger-backed)" create.lua
timed_get() {  # label path
  curl -fsS -o /dev/null -w "$1: %{time_total} s\n" -H "Authorization: Bearer $token" "$base$2"
}
echo "== risk endpoints, one request each (curl)"
timed_get "register CSV export" "/api/v1/risks/register/export?format=csv"
timed_get "register XLSX export" "/api/v1/risks/register/export?format=xlsx"
timed_get "one risk simulation, 100,000 trials, before and after" "/api/v1/risks/1/simulation?trials=100000"
timed_get "register simulation, $risks risks x 100,000 trials, before and after" "/api/v1/risks/simulation?trials=100000"
echo "RSS after load: $(grep VmRSS /proc/$pid/status | awk '{print $2}') KB"
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

echo "== isms ledger verify (whole store)"
/usr/bin/time -f "verify: %e s" "$isms" ledger verify --data "$work/data"
echo "== micro-benchmarks"
"$build/bench/ledger_benchmark" --benchmark_min_time=1 2>/dev/null
"$build/bench/catalog_benchmark" --benchmark_min_time=1 2>/dev/null
"$build/bench/loss_simulation_benchmark" 2>/dev/null
