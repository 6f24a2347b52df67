#!/usr/bin/env bash
# Smoke test of the real binary, as a user would drive it: init, serve on a free port, a token
# from the CLI, create/list/patch/history of assets with curl, backup and restore, ledger verify,
# then tamper with the SQLite file directly and expect `isms ledger verify` to fail.
# Usage: scripts/smoke-test.sh path/to/isms
set -euo pipefail
isms=$(realpath "$1")
source "$(dirname "$0")/server-lib.sh"
fail() { echo "smoke: FAIL: $*" >&2; [ -f "$work/server.log" ] && tail -20 "$work/server.log" >&2; exit 1; }
expect() {  # expect <description> <expected> <actual>
  [ "$2" = "$3" ] || fail "$1: expected '$2', got '$3'"
  echo "smoke: ok - $1"
}

data="$work/data"
echo 'correct horse battery staple' > "$work/pw"
"$isms" init --data "$data" --org "Acme Ltd" --admin-email admin@acme.test --admin-password-file "$work/pw" >/dev/null
token=$("$isms" token create --data "$data" --email admin@acme.test --name smoke)
case "$token" in isms_*) echo "smoke: ok - token created" ;; *) fail "token: $token" ;; esac

"$isms" serve --data "$data" --listen "127.0.0.1:0" >"$work/server.log" 2>&1 &
server_pid=$!
wait_for_server http "$work/server.log" || fail "server did not start"
expect "healthz" '{"status":"ok"}' "$(curl -fsS "$base/healthz")"

auth=(-H "Authorization: Bearer $token")
json=(-H "Content-Type: application/json")
created=$(curl -fsS "${auth[@]}" "${json[@]}" -d '{"name":"Payroll database","kind":"primary","confidentiality":5}' "$base/api/v1/assets")
id=$(echo "$created" | jq -r .id)
expect "create returns the ref" "AST-1" "$(echo "$created" | jq -r .ref)"
expect "list finds it" "1" "$(curl -fsS "${auth[@]}" "$base/api/v1/assets?kind=primary" | jq -r .total)"
patched=$(curl -fsS -X PATCH "${auth[@]}" "${json[@]}" -H 'If-Match: "1"' -d '{"location":"Frankfurt"}' "$base/api/v1/assets/$id")
expect "patch bumps the version" "2" "$(echo "$patched" | jq -r .version)"
stale=$(curl -s -o /dev/null -w '%{http_code}' -X PATCH "${auth[@]}" "${json[@]}" -H 'If-Match: "1"' -d '{"location":"Paris"}' "$base/api/v1/assets/$id")
expect "stale If-Match is refused" "412" "$stale"
expect "history has two events" "created updated" "$(curl -fsS "${auth[@]}" "$base/api/v1/assets/$id/history" | jq -r '[.items[].action] | join(" ")')"
expect "anonymous is refused" "401" "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/assets")"
big=$(head -c 2000000 /dev/zero | tr '\0' 'a')
expect "oversized body is refused" "413" "$(printf '{"name":"%s"}' "$big" | curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "${json[@]}" --data-binary @- "$base/api/v1/assets")"

"$isms" backup --data "$data" --out "$work/backup.db" >/dev/null
"$isms" ledger verify --data "$data" >/dev/null || fail "ledger verify on an intact store"
echo "smoke: ok - ledger verifies while serving"

stop_server

sqlite3 "$data/isms.db" "UPDATE r_assets SET location = 'Nowhere' WHERE id = $id"
if "$isms" ledger verify --data "$data" >"$work/verify.out"; then fail "verify passed after a direct edit of a state row"; fi
grep -q "differs from its last ledger event" "$work/verify.out" || fail "verify output: $(cat "$work/verify.out")"
echo "smoke: ok - a state row edited in SQLite is caught"

"$isms" restore --data "$data" --from "$work/backup.db" --force >/dev/null || fail "restore"
"$isms" ledger verify --data "$data" >/dev/null || fail "verify after restore"
echo "smoke: ok - restore brings back a verifying store"

sqlite3 "$data/isms.db" "UPDATE ledger SET actor = 'mallory' WHERE seq = 2"
if "$isms" ledger verify --data "$data" >"$work/verify.out"; then fail "verify passed after a ledger edit"; fi
grep -q "event 2" "$work/verify.out" || fail "verify must name event 2: $(cat "$work/verify.out")"
echo "smoke: ok - a ledger row edited in SQLite is caught"
echo "smoke: all passed"
