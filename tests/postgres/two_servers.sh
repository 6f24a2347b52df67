#!/usr/bin/env bash
# Two `isms serve` processes on one PostgreSQL database, as behind a load balancer: concurrent
# writers of two organizations through both (bounded count and time; two organizations, so
# that no shared row lock — their reference counters — orders the writes by accident), then
# every write answered 2xx must be there,
# the ledger must be one linear chain (seq without gaps, each event chaining from the one
# before, signed head) that `isms ledger verify` accepts, and optimistic concurrency must hold
# across servers (concurrent PATCHes with the same If-Match through both: exactly one 2xx).
# Needs ISMS_TEST_POSTGRES (scripts/with-postgres.sh); exits 77 (skipped) without it.
# Usage: tests/postgres/two_servers.sh path/to/isms
set -euo pipefail
source "$(dirname "$0")/database.sh"
require_postgres two_servers
isms=$(realpath "$1")
writers=${WRITERS:-4}         # concurrent writers per server
writes=${WRITES:-15}          # creates per writer
patchers=${PATCHERS:-8}       # concurrent PATCHes with the same If-Match

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  drop_database
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "two_servers: FAIL: $*" >&2; tail -5 "$work"/server-*.log >&2 2>/dev/null || true; exit 1; }
ok() { echo "two_servers: ok - $*"; }
sql() { psql -qAt "$url" -c "$1"; }

create_database isms_two_servers
data="$work/data"  # both servers use its keys/ (a deployment copies keys/ to every server)
echo 'correct horse battery staple' >"$work/pw"
cli() { "$isms" "$@" --data "$data" --database "$url" 2>>"$work/cli.log"; }
cli migrate >/dev/null || fail "isms migrate: $(tail -3 "$work/cli.log")"
tokens=()
for org in acme beta; do
  cli init --org "$org" --admin-email "admin@$org.test" --admin-password-file "$work/pw" >/dev/null \
    || fail "isms init $org: $(tail -3 "$work/cli.log")"
  tokens+=("$(cli token create --email "admin@$org.test" --org "$org" --name two)")
done

password=$(echo "$ISMS_TEST_POSTGRES" | sed -n 's|^[^:]*://[^:/@]*:\([^@]*\)@.*|\1|p')
bases=()
for n in a b; do
  "$isms" serve --data "$data" --database "$url" --listen 127.0.0.1:0 >"$work/server-$n.log" 2>&1 &
  pids+=($!)
done
for n in a b; do
  base=""
  for _ in $(seq 1 200); do
    base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/server-$n.log" | head -1 || true)
    [ -n "$base" ] && curl -fsS "$base/healthz" >/dev/null 2>&1 && break
    base=""
    sleep 0.1
  done
  [ -n "$base" ] || fail "server $n did not start"
  if [ -n "$password" ] && grep -qF "$password" "$work/server-$n.log"; then
    fail "server $n printed the database password"
  fi
  bases+=("$base")
done
ok "two servers on one database: ${bases[*]}"

json=(-H "Content-Type: application/json")
auth() { echo "Authorization: Bearer ${tokens[$1]}"; }
# Writer w writes for organization w % 2 and alternates between the servers; one line per
# write: status id name organization.
writer() {
  local w=$1 org=$(($1 % 2)) i status body
  for i in $(seq 1 "$writes"); do
    local base=${bases[$(((w / 2 + i) % 2))]}
    body=$(curl -sS -m 30 -o - -w '\n%{http_code}' -H "$(auth $org)" "${json[@]}" \
      -d "{\"name\":\"w$w-$i\",\"kind\":\"primary\"}" "$base/api/v1/assets" || echo $'\n000')
    status=$(echo "$body" | tail -1)
    echo "$status $(echo "$body" | head -1 | jq -r '.id // "-"' 2>/dev/null || echo -) w$w-$i $org"
  done >"$work/writer-$w.out"
}
started=$(date +%s)
wpids=()
for w in $(seq 1 $((writers * 2))); do writer "$w" & wpids+=($!); done
for pid in "${wpids[@]}"; do wait "$pid"; done
ok "$((writers * 2)) writers x $writes creates in $(($(date +%s) - started)) s"

cat "$work"/writer-*.out >"$work/writes"
created=$(grep -c '^2' "$work/writes" || true)
others=$(grep -v '^2' "$work/writes" | awk '{print $1}' | sort | uniq -c | tr '\n' ' ' || true)
[ "$created" -gt 0 ] || fail "no write succeeded: $others"
grep -v '^2' "$work/writes" | grep -qv '^503' && fail "writes failed other than 503: $others"
ok "$created writes answered 2xx${others:+, others: $others}"

# Every acknowledged write is there, readable through either server, and nothing else is.
while read -r status id name org; do
  [ "${status:0:1}" = 2 ] || continue
  for base in "${bases[@]}"; do
    got=$(curl -fsS -H "$(auth "$org")" "$base/api/v1/assets/$id" | jq -r .name) || fail "asset $id missing on $base"
    [ "$got" = "$name" ] || fail "asset $id is '$got', expected '$name'"
  done
done <"$work/writes"
total=0
for org in 0 1; do
  total=$((total + $(curl -fsS -H "$(auth $org)" "${bases[$org]}/api/v1/assets?limit=1" | jq -r .total)))
done
[ "$total" = "$created" ] || fail "list totals $total, expected $created"
refs=$(sql "SELECT COUNT(DISTINCT (tenant_id, ref)) FROM r_assets")
[ "$refs" = "$created" ] || fail "$refs distinct refs for $created assets"
ok "every acknowledged write is present on both servers, refs unique"

# Optimistic concurrency across servers: one record, the same If-Match from everyone.
id=$(curl -fsS -H "$(auth 0)" "${json[@]}" -d '{"name":"contended","kind":"primary"}' "${bases[0]}/api/v1/assets" | jq -r .id)
ppids=()
for p in $(seq 1 "$patchers"); do
  curl -sS -o /dev/null -w '%{http_code}\n' -X PATCH -H "$(auth 0)" "${json[@]}" -H 'If-Match: "1"' \
    -d "{\"location\":\"site-$p\"}" "${bases[$((p % 2))]}/api/v1/assets/$id" >"$work/patch-$p.out" &
  ppids+=($!)
done
for pid in "${ppids[@]}"; do wait "$pid"; done
statuses=$(cat "$work"/patch-*.out | sort | uniq -c | tr '\n' ' ')
winners=$(cat "$work"/patch-*.out | grep -c '^2' || true)
[ "$winners" = 1 ] || fail "expected exactly one 2xx PATCH, got: $statuses"
cat "$work"/patch-*.out | grep -v '^2' | grep -Eqv '^(409|412)$' && fail "losers must get 409/412: $statuses"
version=$(curl -fsS -H "$(auth 0)" "${bases[1]}/api/v1/assets/$id" | jq -r .version)
[ "$version" = 2 ] || fail "version $version after one successful PATCH"
ok "optimistic concurrency across servers: $statuses"

for pid in "${pids[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null || true; done
pids=()

# One linear chain: seq 1..n without gaps, each event's prev_hash the hash of the one before.
read -r count low high <<<"$(sql "SELECT COUNT(*), MIN(seq), MAX(seq) FROM ledger" | tr '|' ' ')"
[ "$low" = 1 ] && [ "$high" = "$count" ] || fail "ledger seq $low..$high for $count events"
forks=$(sql "SELECT COUNT(*) FROM ledger l JOIN ledger p ON p.seq = l.seq - 1 WHERE l.prev_hash <> p.hash")
[ "$forks" = 0 ] || fail "$forks events do not chain from the event before"
events=$(sql "SELECT COUNT(*) FROM ledger WHERE subject = 'assets'")
[ "$events" = $((created + 2)) ] || fail "$events asset events, expected $((created + 2))"
cli ledger verify >"$work/verify.out" || fail "ledger verify: $(cat "$work/verify.out")"
ok "one linear chain of $count events; $(cat "$work/verify.out")"
# Every server needs this database's keys/: without a key, or with another, isms refuses.
mkdir -p "$work/keyless" "$work/other"
"$isms" migrate --data "$work/keyless" --database "$url" >/dev/null 2>"$work/keyless.err" && fail "started without keys/"
grep -q "missing but the database holds a ledger" "$work/keyless.err" || fail "keyless: $(cat "$work/keyless.err")"
"$isms" migrate --data "$work/other" >/dev/null 2>&1 || fail "a SQLite instance for its keys"
"$isms" migrate --data "$work/other" --database "$url" >/dev/null 2>"$work/other.err" && fail "started with another key"
grep -q "every server of this database needs the same keys/" "$work/other.err" || fail "other key: $(cat "$work/other.err")"
ok "a server without the keys or with other keys refuses to start"
echo "two_servers: all passed"
