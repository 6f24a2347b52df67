#!/usr/bin/env bash
# The crash harness (tests/tools/crash/, docs/testing.md § Crash consistency) on PostgreSQL: a
# fresh database on the server of ISMS_TEST_POSTGRES, given to every isms command the harness
# runs (init, token create, serve, ledger verify) with --database, dropped afterwards. The
# harness kills `isms serve`, not PostgreSQL. Needs ISMS_TEST_POSTGRES (scripts/with-postgres.sh);
# exits 77 (skipped) without it.
# Usage: tests/postgres/crash.sh path/to/crash_harness path/to/isms [harness option…]
set -euo pipefail
source "$(dirname "$0")/database.sh"
require_postgres crash
harness=$1
isms=$2
shift 2
trap drop_database EXIT
create_database isms_crash
"$harness" --isms "$isms" --isms-arg --database --isms-arg "$url" "$@"
