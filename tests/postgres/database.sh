# Sourced by the PostgreSQL tests: a database of the test's own on the server of
# ISMS_TEST_POSTGRES (scripts/with-postgres.sh), so that tests running at once share nothing.
#   require_postgres NAME    exit 77 (CTest: skipped) when ISMS_TEST_POSTGRES is not set
#   create_database PREFIX   create PREFIX_<pid>_<random>; sets $database and $url (its URL)
#   drop_database            drop it, closing its connections (for the test's EXIT trap)
require_postgres() {
  [ -n "${ISMS_TEST_POSTGRES:-}" ] || { echo "$1: ISMS_TEST_POSTGRES is not set"; exit 77; }
}
create_database() {
  database="$1_$$_$RANDOM"
  url="${ISMS_TEST_POSTGRES%/*}/$database"
  psql -q "$ISMS_TEST_POSTGRES" -c "CREATE DATABASE $database" >/dev/null
}
drop_database() {
  [ -z "${database:-}" ] \
    || psql -q "$ISMS_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 \
    || true
}
