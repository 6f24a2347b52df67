// The portable SQL layer: a Connection runs parameterized statements and returns rows of
// SqlValue. SQL is written once with `?` placeholders and standard SQL; the Dialect answers the
// few things engines spell differently (auto-increment keys, JSON list containment, ILIKE,
// how a read snapshot begins). SQLite implements it in store/sqlite/, PostgreSQL (libpq, `?`
// rewritten to `$n`) in store/postgres/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace isms::store {

using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;
using SqlParams = std::vector<SqlValue>;

struct SqlRow {
    std::vector<SqlValue> values;

    [[nodiscard]] bool IsNull(std::size_t i) const;
    [[nodiscard]] std::int64_t Int(std::size_t i) const;         // 0 when NULL
    [[nodiscard]] double Real(std::size_t i) const;              // 0 when NULL
    [[nodiscard]] const std::string& Text(std::size_t i) const;  // "" when NULL
};

enum class Dialect { kSqlite, kPostgres };

class Connection {
public:
    virtual ~Connection() = default;

    /// Runs one statement and returns all rows it produced.
    [[nodiscard]] virtual Result<std::vector<SqlRow>> Query(
        std::string_view sql, const SqlParams& params
    ) = 0;
    /// Runs one statement that returns no rows; returns the number of rows changed.
    [[nodiscard]] virtual Result<std::int64_t> Exec(
        std::string_view sql, const SqlParams& params
    ) = 0;
    /// Runs a script of several statements without parameters (migrations).
    [[nodiscard]] virtual Status ExecScript(std::string_view sql) = 0;
    /// Column names of a table, empty when the table does not exist.
    [[nodiscard]] virtual Result<std::vector<std::string>> Columns(std::string_view table) = 0;
    [[nodiscard]] virtual Dialect dialect() const = 0;

    /// Convenience: the first column of the first row as an integer, or nullopt-like error
    /// kNotFound when there is no row.
    [[nodiscard]] Result<std::int64_t> QueryInt(std::string_view sql, const SqlParams& params);
};

/// SQL type of an auto-increment 64-bit primary key column.
[[nodiscard]] const char* AutoIdColumn(Dialect d);
/// A predicate that is true when the JSON array in `column` contains the bound value.
[[nodiscard]] std::string JsonArrayContains(Dialect d, std::string_view column, bool text_items);
/// The text of member `key` of the JSON object in `column` (NULL when absent or null), so a
/// query reads one member without the caller parsing the document. `key` is a plain name.
[[nodiscard]] std::string JsonMemberText(Dialect d, std::string_view column, std::string_view key);
/// Case-insensitive LIKE operator.
[[nodiscard]] const char* CaseInsensitiveLike(Dialect d);
/// The statement that begins a read-only transaction seeing one consistent snapshot.
[[nodiscard]] const char* BeginReadSnapshot(Dialect d);

}  // namespace isms::store
