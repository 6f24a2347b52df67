// RAII handles for libpq: a PGconn closes with PQfinish, a PGresult is freed with PQclear.
// Every libpq object in the store lives in one of these, so no path leaks a connection or a
// result (STYLE Rule 9).
#pragma once

#include <memory>

#include <libpq-fe.h>

namespace isms::store {

struct PgConnDeleter {
    void operator()(PGconn* c) const noexcept { PQfinish(c); }
};
using PgConnPtr = std::unique_ptr<PGconn, PgConnDeleter>;

struct PgResultDeleter {
    void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using PgResultPtr = std::unique_ptr<PGresult, PgResultDeleter>;

}  // namespace isms::store
