#include "store/postgres/pg_connection.hpp"

#include <charconv>
#include <cstdlib>

#include "store/database_url.hpp"
#include "store/postgres/pg_sql.hpp"

namespace isms::store {

namespace {

// Type OIDs from PostgreSQL's pg_type.dat; stable across versions.
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

void IgnoreNotice(void* /*arg*/, const char* /*message*/) {}

Result<PgConnPtr> Connect(const std::string& url) {
    // expand_dbname: `dbname` holds the whole URL; the fallbacks apply when the URL says nothing.
    const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
    const char* values[] = {url.c_str(), "5", "isms", nullptr};
    PgConnPtr conn(PQconnectdbParams(keys, values, 1));
    if (conn == nullptr) {
        return Error{ErrorCode::kUnavailable, "cannot connect to PostgreSQL: out of memory", {}};
    }
    if (PQstatus(conn.get()) != CONNECTION_OK) {
        std::string why = PQerrorMessage(conn.get());
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) {
            why.pop_back();
        }
        return Error{
            ErrorCode::kUnavailable,
            "cannot connect to " + RedactDatabaseUrl(url) + ": " + RedactPasswordIn(why, url),
            {}};
    }
    PQsetNoticeProcessor(conn.get(), IgnoreNotice, nullptr);
    return conn;
}

SqlValue ColumnValue(const PGresult* result, int row, int column) {
    if (PQgetisnull(result, row, column) != 0) {
        return std::monostate{};
    }
    const char* text = PQgetvalue(result, row, column);
    const auto length = static_cast<std::size_t>(PQgetlength(result, row, column));
    switch (PQftype(result, column)) {
        case kBoolOid:
            return std::int64_t{text[0] == 't' ? 1 : 0};
        case kInt2Oid:
        case kInt4Oid:
        case kInt8Oid:
        case kOidOid: {
            std::int64_t v = 0;
            std::from_chars(text, text + length, v);
            return v;
        }
        case kFloat4Oid:
        case kFloat8Oid:
        case kNumericOid:
            return std::strtod(text, nullptr);  // also reads NaN and Infinity
        default:
            return std::string(text, length);
    }
}

}  // namespace

PgConnection::PgConnection(PgConnPtr conn, std::string url, std::string setup)
    : conn_(std::move(conn)), url_(std::move(url)), setup_(std::move(setup)) {}

Result<std::unique_ptr<PgConnection>> PgConnection::Open(
    const std::string& url, std::string setup
) {
    ISMS_TRY_ASSIGN(PgConnPtr conn, Connect(url));
    std::unique_ptr<PgConnection> connection(
        new PgConnection(std::move(conn), url, std::move(setup))
    );
    ISMS_TRY(connection->Setup());
    return connection;
}

Status PgConnection::Setup() {
    if (setup_.empty()) {
        return {};
    }
    PgResultPtr result(PQexec(conn_.get(), setup_.c_str()));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK
        && PQresultStatus(result.get()) != PGRES_TUPLES_OK) {
        return ResultError(result.get(), setup_);
    }
    return {};
}

Status PgConnection::EnsureConnected() {
    if (PQstatus(conn_.get()) == CONNECTION_OK) {
        return {};
    }
    PQreset(conn_.get());
    if (PQstatus(conn_.get()) != CONNECTION_OK) {
        return Error{
            ErrorCode::kUnavailable, "lost the connection to " + RedactDatabaseUrl(url_), {}};
    }
    PQsetNoticeProcessor(conn_.get(), IgnoreNotice, nullptr);
    return Setup();
}

void PgConnection::EndTransaction() {
    lost_transaction_ = false;  // the server rolled it back when the connection dropped
    if (PQstatus(conn_.get()) == CONNECTION_OK
        && PQtransactionStatus(conn_.get()) != PQTRANS_IDLE) {
        PgResultPtr ignored(PQexec(conn_.get(), "ROLLBACK"));
    }
}

Error PgConnection::ResultError(const PGresult* result, std::string_view sql) const {
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary =
        result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    if (state == nullptr || PQstatus(conn_.get()) != CONNECTION_OK) {  // no server answer
        return Error{
            ErrorCode::kUnavailable,
            "lost the connection to " + RedactDatabaseUrl(url_) + " during: " + std::string(sql),
            {}};
    }
    const ErrorCode code = ErrorCodeForSqlState(state);
    std::string message =
        std::string(sql) + ": " + SafeErrorText(state, primary != nullptr ? primary : "error");
    if (code == ErrorCode::kUnavailable) {
        return Error{code, "database busy: " + message, {}};
    }
    if (code == ErrorCode::kConflict) {
        return Error::Conflict(message);
    }
    return Error::Internal(message);
}

Result<PgResultPtr> PgConnection::Run(std::string_view sql, const SqlParams* params) {
    int count = 0;
    const std::string text = params != nullptr ? RewritePlaceholders(sql, count) : std::string(sql);
    if (params != nullptr && static_cast<std::size_t>(count) != params->size()) {
        return Error::Internal("sql parameter count mismatch");
    }
    std::vector<std::string> storage(static_cast<std::size_t>(count));
    std::vector<const char*> values(static_cast<std::size_t>(count), nullptr);
    std::vector<Oid> types(static_cast<std::size_t>(count), 0);
    for (std::size_t i = 0; i < storage.size(); ++i) {
        const SqlValue& p = (*params)[i];
        if (const auto* v = std::get_if<std::int64_t>(&p)) {
            storage[i] = std::to_string(*v);
            types[i] = kInt8Oid;
        } else if (const auto* d = std::get_if<double>(&p)) {
            char buffer[32];
            const auto end = std::to_chars(buffer, buffer + sizeof buffer, *d).ptr;
            storage[i].assign(buffer, end);
            types[i] = kFloat8Oid;
        } else if (const auto* s = std::get_if<std::string>(&p)) {
            storage[i] = *s;
        } else {
            continue;  // NULL
        }
        values[i] = storage[i].c_str();
    }
    if (lost_transaction_) {
        // The rest of a transaction must not run, let alone autocommit, on a new connection.
        if (sql != "ROLLBACK") {
            return Error{
                ErrorCode::kUnavailable,
                "the connection to the database was lost during the transaction, which the "
                "server rolled back",
                {}};
        }
        lost_transaction_ = false;
    }
    // A statement that starts outside a transaction may be retried once on a fresh connection:
    // nothing of it can have taken effect, as every write of ours runs inside a transaction.
    for (int attempt = 0;; ++attempt) {
        ISMS_TRY(EnsureConnected());
        const bool idle = PQtransactionStatus(conn_.get()) == PQTRANS_IDLE;
        PgResultPtr result(
            params != nullptr ? PQexecParams(
                conn_.get(), text.c_str(), count, types.data(), values.data(), nullptr, nullptr, 0
            )
                              : PQexec(conn_.get(), text.c_str())
        );
        const ExecStatusType status = PQresultStatus(result.get());
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
            return result;
        }
        if (PQstatus(conn_.get()) != CONNECTION_OK) {
            if (idle && attempt == 0) {
                continue;
            }
            lost_transaction_ = !idle;
        }
        return ResultError(result.get(), sql);
    }
}

Result<std::vector<SqlRow>> PgConnection::Query(std::string_view sql, const SqlParams& params) {
    ISMS_TRY_ASSIGN(PgResultPtr result, Run(sql, &params));
    const int rows = PQntuples(result.get());
    const int columns = PQnfields(result.get());
    std::vector<SqlRow> out;
    out.reserve(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
        SqlRow row;
        row.values.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            row.values.push_back(ColumnValue(result.get(), r, c));
        }
        out.push_back(std::move(row));
    }
    return out;
}

Result<std::int64_t> PgConnection::Exec(std::string_view sql, const SqlParams& params) {
    ISMS_TRY_ASSIGN(PgResultPtr result, Run(sql, &params));
    const char* changed = PQcmdTuples(result.get());
    std::int64_t n = 0;
    std::from_chars(changed, changed + std::char_traits<char>::length(changed), n);
    return n;
}

Status PgConnection::ExecScript(std::string_view sql) {
    ISMS_TRY_ASSIGN(PgResultPtr result, Run(sql, nullptr));
    // COMMIT of a transaction that an error aborted answers "ROLLBACK": nothing was written.
    if (sql == "COMMIT" && std::string_view(PQcmdStatus(result.get())) == "ROLLBACK") {
        return Error::Internal("COMMIT: the transaction had failed and was rolled back");
    }
    return {};
}

Result<std::vector<std::string>> PgConnection::Columns(std::string_view table) {
    ISMS_TRY_ASSIGN(
        auto rows,
        Query(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND table_name = ? ORDER BY ordinal_position",
            {std::string(table)}
        )
    );
    std::vector<std::string> names;
    names.reserve(rows.size());
    for (const auto& row : rows) {
        names.push_back(row.Text(0));
    }
    return names;
}

}  // namespace isms::store
