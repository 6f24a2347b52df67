#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL cluster: installs Debian's postgresql when missing,
# creates a cluster under build/postgres (initdb) owned by a non-root user (the system user
# isms-test, created when run as root), listening only on 127.0.0.1 on a free port with a
# random password, exports ISMS_TEST_POSTGRES=postgresql://isms:…@127.0.0.1:PORT/postgres to
# the command, and stops and removes the cluster afterwards. The command's exit status is ours.
# Usage: scripts/with-postgres.sh COMMAND [ARG…]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

if ! command -v pg_config >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  "$root/scripts/install-deps.sh" test
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

cluster="$root/build/postgres"
run_as=()
if [ "$(id -u)" -eq 0 ]; then  # PostgreSQL refuses to run as root
  id isms-test >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin isms-test
  run_as=(runuser -u isms-test --)
fi
if [ -f "$cluster/data/postmaster.pid" ]; then  # left running by an interrupted run
  "${run_as[@]}" "$bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
fi
rm -rf "$cluster"
mkdir -p "$cluster"
[ ${#run_as[@]} -eq 0 ] || chown isms-test "$cluster"
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
echo "$password" >"$cluster/pwfile"
[ ${#run_as[@]} -eq 0 ] || chown isms-test "$cluster/pwfile"
"${run_as[@]}" "$bin/initdb" -D "$cluster/data" -U isms --pwfile="$cluster/pwfile" \
  --auth=scram-sha-256 --encoding=UTF8 --locale=C >"$cluster/initdb.log" 2>&1 \
  || { cat "$cluster/initdb.log" >&2; exit 1; }
rm -f "$cluster/pwfile"

stop() {
  "${run_as[@]}" "$bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$cluster"
}
trap stop EXIT

# A throw-away cluster: no durability needed, so no fsync; ports are tried until one is free.
started=""
for _ in $(seq 1 20); do
  port=$((20000 + RANDOM % 40000))
  if "${run_as[@]}" "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 30 \
       -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories= \
           -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
       start >/dev/null 2>&1; then
    started=yes
    break
  fi
done
[ -n "$started" ] || { echo "with-postgres: the cluster did not start" >&2; tail -20 "$cluster/server.log" >&2; exit 1; }

export ISMS_TEST_POSTGRES="postgresql://isms:$password@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
set +e
"$@"
status=$?
set -e
exit $status
