#include "store/sqlite/sqlite_database.hpp"

#include <string_view>
#include <unordered_map>

#include <sqlite3.h>
#include <sys/stat.h>

namespace isms::store {

namespace {

struct DbDeleter {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, DbDeleter>;

struct StmtDeleter {
    void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

Error SqliteError(sqlite3* db, int rc, std::string_view what) {
    const std::string message = std::string(what) + ": " + sqlite3_errmsg(db);
    const int primary = rc & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        return Error{ErrorCode::kUnavailable, "database busy: " + message, {}};
    }
    if (primary == SQLITE_CONSTRAINT) {
        return Error::Conflict(message);
    }
    return Error::Internal(message);
}

class SqliteConnection final : public Connection {
public:
    explicit SqliteConnection(DbPtr db) : db_(std::move(db)) {}
    ~SqliteConnection() override { cache_.clear(); }  // finalize statements before closing

    Result<std::vector<SqlRow>> Query(std::string_view sql, const SqlParams& params) override {
        ISMS_TRY_ASSIGN(sqlite3_stmt * stmt, Prepare(sql));
        ISMS_TRY(Bind(stmt, params));
        std::vector<SqlRow> rows;
        const int columns = sqlite3_column_count(stmt);
        while (true) {
            const int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE) {
                break;
            }
            if (rc != SQLITE_ROW) {
                Error e = SqliteError(db_.get(), rc, sql);
                sqlite3_reset(stmt);
                return e;
            }
            SqlRow row;
            row.values.reserve(static_cast<std::size_t>(columns));
            for (int i = 0; i < columns; ++i) {
                switch (sqlite3_column_type(stmt, i)) {
                    case SQLITE_INTEGER:
                        row.values.emplace_back(sqlite3_column_int64(stmt, i));
                        break;
                    case SQLITE_FLOAT:
                        row.values.emplace_back(sqlite3_column_double(stmt, i));
                        break;
                    case SQLITE_NULL:
                        row.values.emplace_back(std::monostate{});
                        break;
                    default: {
                        const auto* text =
                            reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
                        row.values.emplace_back(std::string(
                            text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i))
                        ));
                    }
                }
            }
            rows.push_back(std::move(row));
        }
        sqlite3_reset(stmt);
        return rows;
    }

    Result<std::int64_t> Exec(std::string_view sql, const SqlParams& params) override {
        ISMS_TRY_ASSIGN(sqlite3_stmt * stmt, Prepare(sql));
        ISMS_TRY(Bind(stmt, params));
        int rc = sqlite3_step(stmt);
        while (rc == SQLITE_ROW) {
            rc = sqlite3_step(stmt);
        }
        sqlite3_reset(stmt);
        if (rc != SQLITE_DONE) {
            return SqliteError(db_.get(), rc, sql);
        }
        return static_cast<std::int64_t>(sqlite3_changes64(db_.get()));
    }

    Status ExecScript(std::string_view sql) override {
        const std::string text(sql);
        char* message = nullptr;
        const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
        if (rc != SQLITE_OK) {
            std::string why = message != nullptr ? message : "unknown error";
            sqlite3_free(message);
            if ((rc & 0xff) == SQLITE_BUSY) {
                return Error{ErrorCode::kUnavailable, "database busy: " + why, {}};
            }
            return Error::Internal("sql script failed: " + why);
        }
        return {};
    }

    Result<std::vector<std::string>> Columns(std::string_view table) override {
        ISMS_TRY_ASSIGN(
            auto rows, Query("SELECT name FROM pragma_table_info(?)", {std::string(table)})
        );
        std::vector<std::string> names;
        for (const auto& row : rows) {
            names.push_back(row.Text(0));
        }
        return names;
    }

    Dialect dialect() const override { return Dialect::kSqlite; }

    sqlite3* handle() const { return db_.get(); }

private:
    Result<sqlite3_stmt*> Prepare(std::string_view sql) {
        auto it = cache_.find(sql);
        if (it != cache_.end()) {
            return it->second.get();
        }
        sqlite3_stmt* raw = nullptr;
        const int rc = sqlite3_prepare_v3(
            db_.get(),
            sql.data(),
            static_cast<int>(sql.size()),
            SQLITE_PREPARE_PERSISTENT,
            &raw,
            nullptr
        );
        if (rc != SQLITE_OK) {
            return SqliteError(db_.get(), rc, sql);
        }
        StmtPtr stmt(raw);
        auto [pos, inserted] = cache_.emplace(std::string(sql), std::move(stmt));
        return pos->second.get();
    }

    Status Bind(sqlite3_stmt* stmt, const SqlParams& params) {
        sqlite3_clear_bindings(stmt);
        if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
            return Error::Internal("sql parameter count mismatch");
        }
        for (std::size_t i = 0; i < params.size(); ++i) {
            const int index = static_cast<int>(i) + 1;
            int rc = SQLITE_OK;
            if (const auto* v = std::get_if<std::int64_t>(&params[i])) {
                rc = sqlite3_bind_int64(stmt, index, *v);
            } else if (const auto* d = std::get_if<double>(&params[i])) {
                rc = sqlite3_bind_double(stmt, index, *d);
            } else if (const auto* s = std::get_if<std::string>(&params[i])) {
                rc = sqlite3_bind_text64(
                    stmt, index, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8
                );
            } else {
                rc = sqlite3_bind_null(stmt, index);
            }
            if (rc != SQLITE_OK) {
                return SqliteError(db_.get(), rc, "bind");
            }
        }
        return {};
    }

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    DbPtr db_;
    std::unordered_map<std::string, StmtPtr, Hash, std::equal_to<>> cache_;
};

}  // namespace

SqliteDatabase::SqliteDatabase(SqliteOptions options)
    : options_(std::move(options)),
      readers_(static_cast<std::size_t>(options_.readers), [this] { return Connect(false); }) {}

SqliteDatabase::~SqliteDatabase() = default;

Result<std::unique_ptr<Connection>> SqliteDatabase::Connect(bool writer) const {
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(options_.path.c_str(), &raw, flags, nullptr);
    DbPtr db(raw);
    if (rc != SQLITE_OK) {
        return Error::Internal(
            "cannot open " + options_.path + ": "
            + (raw != nullptr ? sqlite3_errmsg(raw) : "out of memory")
        );
    }
    sqlite3_busy_timeout(db.get(), options_.busy_timeout_ms);
    sqlite3_extended_result_codes(db.get(), 1);
    auto conn = std::make_unique<SqliteConnection>(std::move(db));
    std::string pragmas = "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;";
    if (writer) {
        pragmas += "PRAGMA journal_mode=WAL; PRAGMA synchronous=";
        pragmas += options_.synchronous_full ? "FULL;" : "NORMAL;";
    } else {
        pragmas += "PRAGMA query_only=ON;";
    }
    ISMS_TRY(conn->ExecScript(pragmas));
    return std::unique_ptr<Connection>(std::move(conn));
}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::Open(const SqliteOptions& options) {
    std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(options));
    ISMS_TRY_ASSIGN(db->writer_, db->Connect(true));
    return db;
}

Result<ConnectionLease> SqliteDatabase::Writer() {
    std::unique_lock lock(writer_mutex_);
    ISMS_TRY(writer_->ExecScript("BEGIN IMMEDIATE"));
    lock.release();  // the lease holds the mutex until it ends
    return ConnectionLease(writer_.get(), [this](Connection*) { writer_mutex_.unlock(); });
}

Result<ConnectionLease> SqliteDatabase::Reader() {
    return readers_.Acquire();
}

Status SqliteDatabase::Backup(const std::string& path) {
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
        != SQLITE_OK) {
        DbPtr guard(raw);
        return Error::Internal("cannot create backup file " + path);
    }
    DbPtr dest(raw);
    ::chmod(path.c_str(), 0600);  // holds password hashes and session data: owner only
    // Take the writer so no transaction commits half-way through the copy.
    const std::lock_guard lock(writer_mutex_);
    auto* source = static_cast<SqliteConnection*>(writer_.get())->handle();
    sqlite3_backup* backup = sqlite3_backup_init(dest.get(), "main", source, "main");
    if (backup == nullptr) {
        return Error::Internal(std::string("backup failed: ") + sqlite3_errmsg(dest.get()));
    }
    const int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        return Error::Internal(std::string("backup failed: ") + sqlite3_errstr(rc));
    }
    return {};
}

}  // namespace isms::store
