#!/usr/bin/env bash
# TLS of the real binary: a throw-away self-signed certificate, `isms serve` with TLS on a free
# port, then curl and openssl s_client: HTTPS works with HSTS and Secure cookies, TLS 1.0/1.1,
# plain HTTP, weak cipher suites and renegotiation are refused, compression is off; bad certificate and key files (and bad blob key
# files) stop `serve` with a clear error before it listens.
# Usage: scripts/tls-test.sh path/to/isms
set -euo pipefail
isms=$(realpath "$1")
source "$(dirname "$0")/server-lib.sh"
fail() { echo "tls: FAIL: $*" >&2; [ -f "$work/server.log" ] && tail -20 "$work/server.log" >&2; exit 1; }
ok() { echo "tls: ok - $*"; }

# A certificate for 127.0.0.1, valid for one day, and a second key that does not belong to it.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/other.pem" 2>/dev/null
chmod 600 "$work/key.pem" "$work/other.pem"

data="$work/data"
echo 'correct horse battery staple' > "$work/pw"
"$isms" init --data "$data" --org "Acme Ltd" --admin-email admin@acme.test --admin-password-file "$work/pw" >/dev/null

# refused <description> <expected exit> <expected message> serve-arguments…
refused() {
  local what=$1 code=$2 message=$3; shift 3
  set +e
  timeout 20 "$isms" serve --data "$data" --listen 127.0.0.1:0 "$@" </dev/null >"$work/refused.out" 2>&1
  local got=$?
  set -e
  [ "$got" = "$code" ] || fail "$what: exit $got, expected $code: $(cat "$work/refused.out")"
  grep -qF -- "$message" "$work/refused.out" || fail "$what: message: $(cat "$work/refused.out")"
  grep -q "serving" "$work/refused.out" && fail "$what: the server started"
  ok "$what: exit $code, '$message'"
}
echo "not a certificate" > "$work/garbage.pem"
cp "$work/garbage.pem" "$work/garbage.key" && chmod 600 "$work/garbage.key"
cp "$work/key.pem" "$work/open.pem" && chmod 640 "$work/open.pem"
refused "certificate without key" 3 "HTTPS needs both tls_cert" --tls-cert "$work/cert.pem"
refused "key without certificate" 3 "HTTPS needs both tls_cert" --tls-key "$work/key.pem"
refused "missing certificate" 3 "cannot read the certificate file $work/absent.pem" \
  --tls-cert "$work/absent.pem" --tls-key "$work/key.pem"
refused "missing key" 3 "cannot read $work/absent.key" --tls-cert "$work/cert.pem" --tls-key "$work/absent.key"
refused "group-readable key" 6 "readable by group or others (chmod 600 it)" \
  --tls-cert "$work/cert.pem" --tls-key "$work/open.pem"
refused "certificate not PEM" 3 "cannot load the certificate chain $work/garbage.pem" \
  --tls-cert "$work/garbage.pem" --tls-key "$work/key.pem"
refused "key not PEM" 3 "cannot load the private key $work/garbage.key" \
  --tls-cert "$work/cert.pem" --tls-key "$work/garbage.key"
refused "key of another certificate" 3 "does not belong to the certificate" \
  --tls-cert "$work/cert.pem" --tls-key "$work/other.pem"
openssl pkey -in "$work/key.pem" -aes256 -passout pass:a-passphrase -out "$work/encrypted.pem"
chmod 600 "$work/encrypted.pem"
refused "passphrase-protected key (never prompts)" 3 "cannot load the private key $work/encrypted.pem" \
  --tls-cert "$work/cert.pem" --tls-key "$work/encrypted.pem"
head -c 32 /dev/urandom > "$work/blob.key"
chmod 644 "$work/blob.key"
refused "group-readable blob key" 6 "refusing $work/blob.key: readable by group or others" --blob-key-file "$work/blob.key"
chmod 600 "$work/blob.key"
head -c 31 /dev/urandom > "$work/short.key" && chmod 600 "$work/short.key"
refused "blob key of 31 bytes" 3 "blob_key_file: $work/short.key: a key file must hold exactly 32 bytes" \
  --blob-key-file "$work/short.key"

# The settings also come from the environment.
ISMS_TLS_CERT="$work/cert.pem" ISMS_TLS_KEY="$work/key.pem" \
  "$isms" serve --data "$data" --listen 127.0.0.1:0 --blob-key-file "$work/blob.key" >"$work/server.log" 2>&1 &
server_pid=$!
wait_for_server https "$work/server.log" --cacert "$work/cert.pem" || fail "server did not start"
port=${base##*:}
ok "serving $base"

tls=(--cacert "$work/cert.pem")
[ "$(curl -fsS "${tls[@]}" "$base/healthz")" = '{"status":"ok"}' ] || fail "healthz over HTTPS"
ok "HTTPS answers, the certificate verifies"
curl -fsS "${tls[@]}" -D "$work/headers" -o /dev/null "$base/healthz"
grep -qi '^strict-transport-security: max-age=31536000; includeSubDomains' "$work/headers" || fail "HSTS: $(cat "$work/headers")"
grep -qi "^content-security-policy: .*frame-ancestors 'none'" "$work/headers" || fail "CSP: $(cat "$work/headers")"
grep -qi '^x-content-type-options: nosniff' "$work/headers" || fail "nosniff"
grep -qi '^referrer-policy: no-referrer' "$work/headers" || fail "Referrer-Policy"
grep -qi '^access-control-allow-origin' "$work/headers" && fail "CORS must stay closed"
ok "HSTS, CSP with frame-ancestors 'none', nosniff, Referrer-Policy; no CORS"

curl -fsS "${tls[@]}" -D "$work/login" -o /dev/null -H 'Content-Type: application/json' \
  -d '{"email":"admin@acme.test","password":"correct horse battery staple"}' "$base/api/v1/auth/login"
grep -i '^set-cookie: isms_session=' "$work/login" | grep -qi '; Secure' || fail "session cookie not Secure: $(cat "$work/login")"
ok "the session cookie is Secure"

set +e
plain=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$port/healthz")
set -e
[ "$plain" = "000" ] || fail "plain HTTP on the TLS port answered $plain"
ok "plain HTTP on the TLS port gets no answer"

# handshake <openssl s_client options…>: prints the negotiated protocol and cipher, or fails.
handshake() {
  timeout 20 openssl s_client -connect "127.0.0.1:$port" -servername 127.0.0.1 -CAfile "$work/cert.pem" \
    "$@" </dev/null >"$work/s_client.out" 2>&1
}
# Security level 0 lets the client offer what the server must refuse.
old=(-cipher 'DEFAULT:@SECLEVEL=0')
handshake -tls1_2 "${old[@]}" || fail "TLS 1.2 with the same client options: $(tail -5 "$work/s_client.out")"
grep -q "Protocol *: TLSv1.2" "$work/s_client.out" || fail "TLS 1.2 protocol line: $(grep -i protocol "$work/s_client.out")"
grep -q "Compression: NONE" "$work/s_client.out" || fail "compression: $(grep -i compression "$work/s_client.out")"
ok "TLS 1.2 is accepted, without compression"
for version in -tls1_1 -tls1; do
  if handshake "$version" "${old[@]}"; then fail "$version accepted"; fi
  grep -qi "alert protocol version" "$work/s_client.out" \
    || fail "$version: refused for the wrong reason: $(tail -5 "$work/s_client.out")"
  ok "$version is refused (protocol version)"
done
# A client-initiated renegotiation (s_client's R command, TLS 1.2) is refused.
(sleep 2; echo R; sleep 2) | timeout 20 openssl s_client -connect "127.0.0.1:$port" -tls1_2 \
  -CAfile "$work/cert.pem" >"$work/s_client.out" 2>&1 || true
grep -q "RENEGOTIATING" "$work/s_client.out" || fail "renegotiation was not attempted: $(tail -5 "$work/s_client.out")"
grep -q "no renegotiation" "$work/s_client.out" || fail "renegotiation: $(tail -5 "$work/s_client.out")"
ok "renegotiation is refused"
handshake -tls1_3 || fail "TLS 1.3: $(tail -5 "$work/s_client.out")"
grep -q "Protocol *: TLSv1.3" "$work/s_client.out" || grep -q "New, TLSv1.3" "$work/s_client.out" || fail "TLS 1.3 protocol"
ok "TLS 1.3 is accepted"
for cipher in ECDHE-RSA-AES128-GCM-SHA256 ECDHE-RSA-AES256-GCM-SHA384 ECDHE-RSA-CHACHA20-POLY1305; do
  handshake -tls1_2 -cipher "$cipher" || fail "$cipher refused: $(tail -5 "$work/s_client.out")"
  grep -q "Cipher is $cipher" "$work/s_client.out" || fail "$cipher not negotiated"
  ok "TLS 1.2 $cipher is accepted"
done
# Offered by the client, refused by the server: no forward secrecy, CBC, or DHE.
for cipher in AES128-SHA AES256-GCM-SHA384 ECDHE-RSA-AES128-SHA ECDHE-RSA-AES256-SHA384 DHE-RSA-AES128-GCM-SHA256; do
  if handshake -tls1_2 -cipher "$cipher:@SECLEVEL=0"; then fail "weak cipher $cipher accepted"; fi
  grep -qi "alert handshake failure" "$work/s_client.out" \
    || fail "$cipher: refused for the wrong reason: $(tail -5 "$work/s_client.out")"
  ok "TLS 1.2 $cipher is refused"
done

stop_server
grep -q '"event":"http.listening".*"scheme":"https"' "$work/server.log" || fail "listening log line"
ok "the server stops"
echo "tls: all passed"
