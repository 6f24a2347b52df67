#!/usr/bin/env bash
# Encrypted backups of the real binary: `isms backup --encrypt-key-file` writes no plaintext,
# `isms restore --decrypt-key-file` brings the data back; a missing, wrong or loose key, a
# damaged or cut-off file, and a key given for a plain backup are refused and change nothing.
# Usage: scripts/backup-encryption-test.sh path/to/isms
set -euo pipefail
isms=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "backup: FAIL: $*" >&2; exit 1; }
ok() { echo "backup: ok - $*"; }

data="$work/data"
echo 'correct horse battery staple' > "$work/pw"
"$isms" init --data "$data" --org "Acme Ltd" --admin-email admin@acme.test --admin-password-file "$work/pw" >/dev/null
"$isms" key generate --out "$work/backup.key" >/dev/null
[ "$(stat -c %a "$work/backup.key")" = 600 ] || fail "key mode $(stat -c %a "$work/backup.key")"
[ "$(stat -c %s "$work/backup.key")" = 32 ] || fail "key size"
ok "key generate writes 32 bytes, mode 0600"
"$isms" key generate --out "$work/other.key" >/dev/null

"$isms" backup --data "$data" --out "$work/backup.enc" --encrypt-key-file "$work/backup.key" --format json >"$work/out.json"
[ "$(jq -r .encrypted "$work/out.json")" = true ] || fail "backup output: $(cat "$work/out.json")"
[ "$(head -c 8 "$work/backup.enc")" = ISMSENC1 ] || fail "not in the sealed format"
grep -q "SQLite format 3" "$work/backup.enc" && fail "the backup holds plaintext SQLite"
grep -q "acme.test" "$work/backup.enc" && fail "the backup holds plaintext data"
[ "$(stat -c %a "$work/backup.enc")" = 600 ] || fail "backup mode $(stat -c %a "$work/backup.enc")"
ls "$data" | grep -q '^backup-' && fail "a plaintext copy stayed in the data directory"
ok "the backup is encrypted, mode 0600, no plaintext left behind"
"$isms" backup --data "$data" --out "$work/plain.db" >/dev/null

# Data written after the backup must go again when it is restored.
"$isms" user add --data "$data" --email late@acme.test --role reader --password-file "$work/pw" >/dev/null
before=$(sha256sum "$data/isms.db")

# refused <description> <exit> <message> restore-arguments…: nothing may change.
refused() {
  local what=$1 code=$2 message=$3; shift 3
  set +e
  "$isms" restore --data "$data" --force "$@" >"$work/refused.out" 2>&1
  local got=$?
  set -e
  [ "$got" = "$code" ] || fail "$what: exit $got, expected $code: $(cat "$work/refused.out")"
  grep -qF -- "$message" "$work/refused.out" || fail "$what: message: $(cat "$work/refused.out")"
  [ "$(sha256sum "$data/isms.db")" = "$before" ] || fail "$what: the database changed"
  ls "$data" | grep -q 'restoring' && fail "$what: a staged copy stayed behind"
  ok "$what: exit $code, '$message', nothing changed"
}
refused "encrypted backup without a key" 3 "is encrypted: name its key with --decrypt-key-file" --from "$work/backup.enc"
refused "plain backup with a key" 3 "is not encrypted: leave out --decrypt-key-file" \
  --from "$work/plain.db" --decrypt-key-file "$work/backup.key"
refused "wrong key" 5 "encrypted with another key" --from "$work/backup.enc" --decrypt-key-file "$work/other.key"
cp "$work/backup.key" "$work/loose.key" && chmod 644 "$work/loose.key"
refused "group-readable key" 6 "readable by group or others" --from "$work/backup.enc" --decrypt-key-file "$work/loose.key"
refused "missing key" 3 "cannot read $work/absent.key" --from "$work/backup.enc" --decrypt-key-file "$work/absent.key"
cp "$work/backup.enc" "$work/damaged.enc"
size=$(stat -c %s "$work/damaged.enc")
printf '\x55' | dd of="$work/damaged.enc" bs=1 seek=$((size / 2)) conv=notrunc status=none
refused "a changed byte" 5 "does not authenticate" --from "$work/damaged.enc" --decrypt-key-file "$work/backup.key"
head -c $((size - 100)) "$work/backup.enc" > "$work/cut.enc"
refused "a cut-off file" 5 "cannot decrypt $work/cut.enc" --from "$work/cut.enc" --decrypt-key-file "$work/backup.key"

"$isms" restore --data "$data" --force --from "$work/backup.enc" --decrypt-key-file "$work/backup.key" >"$work/restored.out" \
  || fail "restore: $(cat "$work/restored.out")"
grep -q "ledger events verified" "$work/restored.out" || fail "restore output: $(cat "$work/restored.out")"
"$isms" ledger verify --data "$data" >/dev/null || fail "verify after restore"
if "$isms" token create --data "$data" --email late@acme.test --name t >/dev/null 2>&1; then
  fail "the user added after the backup survived the restore"
fi
"$isms" token create --data "$data" --email admin@acme.test --name t >/dev/null || fail "the admin is gone"
ok "restore of the encrypted backup brings back a verifying store as it was"
echo "backup: all passed"
