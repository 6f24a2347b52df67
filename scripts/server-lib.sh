# Shared by the scripts that drive a real `isms serve` (smoke, TLS, security scan); sourced.
# Gives `$work` (a temporary directory removed on exit), `stop_server` (stops the server
# started as `$server_pid`, also run on exit) and `wait_for_server SCHEME FILE [curl options…]`,
# which waits until FILE names SCHEME://127.0.0.1:PORT and /healthz answers there, then sets
# `$base`; it returns 1 when the server does not come up within 30 s.
work=$(mktemp -d)
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap 'stop_server; rm -rf "$work"' EXIT
wait_for_server() {
  local scheme=$1 file=$2; shift 2
  base=""
  for _ in $(seq 1 300); do
    base=$(grep -o "$scheme://127.0.0.1:[0-9]*" "$file" | head -1 || true)
    [ -n "$base" ] && curl -fsS "$@" "$base/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}
