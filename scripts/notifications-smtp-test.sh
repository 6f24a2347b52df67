#!/usr/bin/env bash
# Reminders delivered by e-mail, end to end with the real binary and a real SMTP server
# (scripts/smtp-sink.py on a free port): `isms notifications digest` previews, `--send` delivers
# one message per member with reminders to the right recipient with the right content, and
# never twice a day; an unreachable server fails the run and records nothing; a password in
# the URL is refused and never echoed; `isms serve` with
# --smtp-url sends the day's digest by itself.
# Usage: scripts/notifications-smtp-test.sh path/to/isms
set -euo pipefail
isms=$(realpath "$1")
here=$(dirname "$(realpath "$0")")
source "$here/server-lib.sh"
fail() { echo "smtp: FAIL: $*" >&2; [ -f "$work/server.log" ] && tail -20 "$work/server.log" >&2; exit 1; }
ok() { echo "smtp: ok - $*"; }
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || { echo "smtp: skipped: python3-aiosmtpd is not installed"; exit 77; }

sink_pid=""
mkdir -p "$work/mail"
/usr/bin/python3 "$here/smtp-sink.py" "$work/smtp.port" "$work/mail" 2>"$work/sink.log" &
sink_pid=$!
trap 'stop_server; [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do [ -s "$work/smtp.port" ] && break; sleep 0.1; done
[ -s "$work/smtp.port" ] || fail "the SMTP sink did not start: $(cat "$work/sink.log")"
smtp="smtp://127.0.0.1:$(cat "$work/smtp.port")"
mails() { find "$work/mail" -name '*.eml' | wc -l; }

yesterday=$(date -u -d yesterday +%F)
soon=$(date -u -d '+5 days' +%F)
later=$(date -u -d '+60 days' +%F)
echo 'correct horse battery staple' > "$work/pw"

# setup <data dir>: an organization, its admin and a risk owner, each owning a dated asset
setup() {
  local data=$1
  "$isms" init --data "$data" --org "Acme Ltd" --slug acme --admin-email admin@acme.test \
    --admin-password-file "$work/pw" >/dev/null
  local owner_id token admin_id
  owner_id=$("$isms" user add --data "$data" --org acme --email owner@acme.test --role risk_owner \
    --password-file "$work/pw" --format json | jq .id)
  token=$("$isms" token create --data "$data" --email admin@acme.test --name setup)
  "$isms" serve --data "$data" --listen 127.0.0.1:0 >"$work/server.log" 2>&1 &
  server_pid=$!
  wait_for_server http "$work/server.log" || fail "server did not start"
  admin_id=$(curl -fsS -H "Authorization: Bearer $token" "$base/api/v1/auth/me" | jq .user.id)
  post() {
    curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "$1" "$base/api/v1/assets" >/dev/null || fail "POST asset $1"
  }
  post "{\"name\": \"Payroll database\", \"kind\": \"primary\", \"review_date\": \"$yesterday\", \"owner\": $admin_id}"
  post "{\"name\": \"Web shop\", \"kind\": \"supporting\", \"review_date\": \"$soon\", \"owner\": $owner_id}"
  post "{\"name\": \"Tape archive\", \"kind\": \"supporting\", \"review_date\": \"$later\", \"owner\": $owner_id}"
  stop_server
}
data="$work/data"
setup "$data"

# preview: nothing sent
out=$("$isms" notifications digest --data "$data" --format json)
[ "$(jq '.digests | length' <<<"$out")" = 2 ] || fail "preview: $out"
[ "$(jq -r '.digests[0].status' <<<"$out")" = preview ] || fail "preview status: $out"
jq -r '.digests[0].text' <<<"$out" | grep -q "AST-1 Payroll database: asset review due on $yesterday (1 day(s) overdue)" \
  || fail "preview text: $out"
[ "$(mails)" = 0 ] || fail "a preview sent mail"
ok "preview lists 2 digests and sends nothing"

# refusals: --send without a server, a password in the URL (not echoed)
set +e
out=$("$isms" notifications digest --data "$data" --send 2>&1); code=$?
[ $code = 3 ] && grep -q "smtp_url" <<<"$out" || fail "--send without SMTP: $code $out"
out=$("$isms" notifications digest --data "$data" --send --smtp-url "smtp://u:hunter2@127.0.0.1:25" --smtp-from isms@acme.test 2>&1); code=$?
set -e
[ $code = 3 ] && grep -q "must not hold a user or password" <<<"$out" || fail "password in URL: $code $out"
grep -q hunter2 <<<"$out" && fail "the password was echoed: $out"
ok "--send without a server and a password in the URL are refused"

# an unreachable server: exit 1, every digest failed, nothing recorded
closed=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
set +e
out=$("$isms" notifications digest --data "$data" --send --smtp-url "smtp://127.0.0.1:$closed" --smtp-from isms@acme.test --format json); code=$?
set -e
[ $code = 1 ] && [ "$(jq .failed <<<"$out")" = 2 ] && [ "$(jq .sent <<<"$out")" = 0 ] || fail "unreachable: $code $out"
ok "an unreachable SMTP server fails the run"

# delivery: one message per member, right recipient and content; never twice a day
out=$("$isms" notifications digest --data "$data" --send --smtp-url "$smtp" --smtp-from isms@acme.test --format json)
[ "$(jq .sent <<<"$out")" = 2 ] || fail "send: $out"
for _ in $(seq 1 50); do [ "$(mails)" = 2 ] && break; sleep 0.1; done
[ "$(mails)" = 2 ] || fail "expected 2 messages, got $(mails)"
admin_mail=$(grep -l "^X-Envelope-To: admin@acme.test" "$work"/mail/*.eml) || fail "no message to admin@acme.test"
owner_mail=$(grep -l "^X-Envelope-To: owner@acme.test" "$work"/mail/*.eml) || fail "no message to owner@acme.test"
grep -q "^X-Envelope-From: isms@acme.test" "$admin_mail" || fail "sender: $(head -3 "$admin_mail")"
grep -q "^To: <admin@acme.test>" "$admin_mail" || fail "To header: $(cat "$admin_mail")"
grep -q "^Subject: isms reminders for Acme Ltd: 1 overdue, 0 due within 14 days" "$admin_mail" \
  || fail "admin subject: $(cat "$admin_mail")"
grep -q "AST-1 Payroll database: asset review due on $yesterday" "$admin_mail" || fail "admin body: $(cat "$admin_mail")"
grep -q "Web shop" "$admin_mail" && fail "the admin got the risk owner's reminder"
grep -q "AST-2 Web shop: asset review due on $soon (in 5 day(s))" "$owner_mail" || fail "owner body: $(cat "$owner_mail")"
grep -q "Tape archive" "$owner_mail" && fail "a reminder beyond 14 days was sent"
ok "2 digests delivered to their recipients with their reminders"

out=$("$isms" notifications digest --data "$data" --send --smtp-url "$smtp" --smtp-from isms@acme.test --format json)
[ "$(jq .sent <<<"$out")" = 0 ] && [ "$(jq .already_sent <<<"$out")" = 2 ] || fail "second run: $out"
sleep 0.5
[ "$(mails)" = 2 ] || fail "a digest was sent twice"
"$isms" ledger verify --data "$data" >/dev/null || fail "ledger verify"
ok "a second run the same day sends nothing; the ledger verifies"

# the server sends the day's digest by itself when SMTP is configured
data2="$work/data2"
setup "$data2"
ISMS_DIGEST_HOUR=0 "$isms" serve --data "$data2" --listen 127.0.0.1:0 --smtp-url "$smtp" \
  --smtp-from isms@acme.test >"$work/server.log" 2>&1 &
server_pid=$!
wait_for_server http "$work/server.log" || fail "server with SMTP did not start"
for _ in $(seq 1 100); do [ "$(mails)" = 4 ] && break; sleep 0.2; done
[ "$(mails)" = 4 ] || fail "the server sent $(( $(mails) - 2 )) digests, expected 2"
grep -q '"digest.sent"' "$work/server.log" || grep -q 'digest.sent' "$work/server.log" || fail "no digest.sent log line"
stop_server
ok "isms serve --smtp-url sends the daily digest"
