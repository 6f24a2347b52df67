#!/usr/bin/env bash
# `make security-scan`: SQL injection scan of the API with Debian's sqlmap. Builds the release
# binary (or uses ISMS_BIN), serves the demo organization on 127.0.0.1:<free port>, issues a
# bearer token, and runs sqlmap non-interactively (bounded level, risk and time) against a
# representative set of endpoints: list filters, sort, q search, paging, path ids, JSON bodies
# of create and patch, and the log-on form. Fails on any finding; the server is always stopped.
# Usage: scripts/security-scan.sh            (SCAN_LEVEL=2 SCAN_RISK=1 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
level=${SCAN_LEVEL:-2}
risk=${SCAN_RISK:-1}

if ! command -v sqlmap >/dev/null; then
  echo "security-scan: installing sqlmap"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends sqlmap \
    || { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends sqlmap; }
fi
if [ -z "${ISMS_BIN:-}" ]; then
  make release >/dev/null
  ISMS_BIN=build/release/src/cli/isms
fi
isms=$(realpath "$ISMS_BIN")
source scripts/server-lib.sh
fail() { echo "security-scan: FAIL: $*" >&2; exit 1; }

"$isms" serve --data "$work/data" --listen 127.0.0.1:0 --demo >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
wait_for_server http "$work/server.out" || fail "server did not start: $(cat "$work/server.log")"
email=$(sed -n 's/^ *admin e-mail: *//p' "$work/server.out")
token=$("$isms" token create --data "$work/data" --email "$email" --name security-scan)
auth="Authorization: Bearer $token"
asset=$(curl -fsS -H "$auth" "$base/api/v1/assets?limit=1" | jq -r '.items[0].id')
risk_id=$(curl -fsS -H "$auth" "$base/api/v1/risks?limit=1" | jq -r '.items[0].id')
echo "security-scan: $isms serving $base (sqlmap level $level, risk $risk)"

# scan <label> <sqlmap arguments…>: one target; its findings end the scan with a failure.
findings=0
scan() {
  local label=$1; shift
  local started=$SECONDS
  # A target must be valid as given, so that sqlmap compares against a real answer.
  if [ "$1" = -u ] && [ "$#" -eq 2 ]; then
    curl -fsS -o /dev/null -H "$auth" "${2//\*/}" || fail "$label: $2 does not answer 2xx"
  fi
  sqlmap --batch --level="$level" --risk="$risk" --time-sec=2 --timeout=10 --retries=1 \
    --threads=2 --technique=BEUST --ignore-code=400,404,409,412,422 --flush-session \
    --output-dir="$work/sqlmap" --disable-coloring -H "$auth" "$@" >"$work/scan.out" 2>&1 || true
  if grep -qiE "identified the following injection point|is vulnerable" "$work/scan.out"; then
    echo "security-scan: FINDING in $label" >&2
    grep -iE "Parameter:|Type:|Title:|Payload:" "$work/scan.out" >&2 || true
    findings=$((findings + 1))
  elif grep -qi "all tested parameters do not appear to be injectable" "$work/scan.out" \
    && [ "$(grep -c "\[INFO\] testing '" "$work/scan.out")" -gt 0 ]; then
    echo "security-scan: clean $label ($(grep -c "\[INFO\] testing '" "$work/scan.out") techniques tried," \
      "$(grep -c "\[INFO\] testing if .* parameter" "$work/scan.out") parameters, $((SECONDS - started)) s)"
  else
    echo "security-scan: sqlmap did not finish $label:" >&2
    tail -20 "$work/scan.out" >&2
    findings=$((findings + 1))
  fi
}

scan "GET /api/v1/assets (filters, sort, q, paging)" \
  -u "$base/api/v1/assets?kind=primary&confidentiality.gte=3&sort=-updated_at&q=payroll&limit=20&offset=0"
scan "GET /api/v1/risks (enum and tag filters, sort)" \
  -u "$base/api/v1/risks?treatment=modify&tag=gdpr&sort=title&q=ransom"
scan "GET /api/v1/applied_controls (in filter, archived)" \
  -u "$base/api/v1/applied_controls?status.in=operating,planned&archived=any&sort=name"
scan "GET /api/v1/evidence (null filter, search)" \
  -u "$base/api/v1/evidence?valid_until.null=false&q=review"
scan "GET /api/v1/frameworks/{urn}/requirements (group, q)" \
  -u "$base/api/v1/frameworks/urn:isms:framework:iso27001-2022/requirements?group=annex-a&q=backup"
scan "GET /api/v1/assets/{id} (path id)" -u "$base/api/v1/assets/${asset}*"
scan "GET /api/v1/risks/{id}/history (path id)" -u "$base/api/v1/risks/${risk_id}*/history"
scan "POST /api/v1/assets (JSON body)" -u "$base/api/v1/assets" \
  --data '{"name":"Scan target","kind":"primary","description":"x","confidentiality":3}' \
  -H "Content-Type: application/json"
scan "PATCH /api/v1/assets/{id} (JSON body)" -u "$base/api/v1/assets/$asset" --method PATCH \
  --data '{"location":"Frankfurt","description":"y"}' -H "Content-Type: application/json"
# Wrong credentials answer 401, and after a few tries the throttle answers 429: both are the
# baseline sqlmap compares against, not errors.
scan "POST /api/v1/auth/login (JSON body, unauthenticated route)" -u "$base/api/v1/auth/login" \
  --ignore-code=400,401,422,429 \
  --data '{"email":"nobody@example.com","password":"wrong password 123","organization":"demo"}' \
  -H "Content-Type: application/json"

stop_server
[ "$findings" -eq 0 ] || fail "$findings target(s) with findings or unfinished scans"
echo "security-scan: no injection found in 10 targets ($SECONDS s)"
