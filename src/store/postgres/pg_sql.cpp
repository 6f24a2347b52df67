#include "store/postgres/pg_sql.hpp"

namespace isms::store {

std::string RewritePlaceholders(std::string_view sql, int& count) {
    std::string out;
    out.reserve(sql.size() + 16);
    count = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {  // a literal or identifier; doubled quotes stay inside
            const std::size_t end = sql.find(c, i + 1);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
            out.append(sql.substr(i, stop - i));
            i = stop - 1;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            const std::size_t end = sql.find('\n', i);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
            out.append(sql.substr(i, stop - i));
            i = stop - 1;
        } else if (c == '?') {
            out += '$';
            out += std::to_string(++count);
        } else {
            out += c;
        }
    }
    return out;
}

ErrorCode ErrorCodeForSqlState(std::string_view sqlstate) {
    if (sqlstate.starts_with("23")) {  // integrity constraint violation
        return ErrorCode::kConflict;
    }
    if (sqlstate.starts_with("40")         // serialization failure, deadlock
        || sqlstate.starts_with("08")      // connection exception
        || sqlstate == "55P03"             // lock not available (lock_timeout)
        || sqlstate == "57014"             // query canceled (statement_timeout)
        || sqlstate.starts_with("57P")) {  // server shutting down, cannot connect now
        return ErrorCode::kUnavailable;
    }
    return ErrorCode::kInternal;
}

std::string SafeErrorText(std::string_view sqlstate, std::string_view primary) {
    if (sqlstate.starts_with("22")) {
        return "invalid value for a column (SQLSTATE " + std::string(sqlstate) + ")";
    }
    return std::string(primary) + " (SQLSTATE " + std::string(sqlstate) + ")";
}

}  // namespace isms::store
