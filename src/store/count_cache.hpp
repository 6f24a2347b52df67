// Cached list totals. Counting every matching row for `total` dominated list requests; a total
// is reused while the register's version (register_versions, bumped in the same transaction as
// every record write) is unchanged. The version lives in the database, so several servers on
// one database stay correct: each validates its own cache against it.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace isms::store {

class CountCache {
public:
    /// The total cached for `key` at `version`, if any.
    [[nodiscard]] std::optional<std::int64_t> Find(const std::string& key, std::int64_t version)
        const;
    void Store(const std::string& key, std::int64_t version, std::int64_t total);

private:
    static constexpr std::size_t kMaxEntries = 10'000;  // then start afresh: a cache, not a store
    mutable std::mutex mutex_;
    std::unordered_map<std::string, std::pair<std::int64_t, std::int64_t>>
        entries_;  // version, total
};

}  // namespace isms::store
