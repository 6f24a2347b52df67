// A bounded cache of values derived from data that a stamp identifies — register versions, a
// catalog view, the day. A value is found only under the stamp it was made with, so once the
// data change (a new stamp) the next reader derives it again. The stamps come from the database
// (register_versions), so several servers on one database stay correct: each checks its own
// entries. When full it starts afresh: a cache, not a store. Thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

namespace isms {

template <class Key, class Stamp, class Value, std::size_t kCapacity>
class StampedCache {
public:
    /// The value stored for `key` under `stamp`, if any.
    [[nodiscard]] std::optional<Value> Find(const Key& key, const Stamp& stamp) const {
        const std::lock_guard lock(mutex_);
        const auto it = entries_.find(key);
        if (it == entries_.end() || !(it->second.first == stamp)) {
            return std::nullopt;
        }
        return it->second.second;
    }

    void Store(const Key& key, Stamp stamp, Value value) {
        const std::lock_guard lock(mutex_);
        if (entries_.size() >= kCapacity) {
            entries_.clear();
        }
        entries_.insert_or_assign(key, std::pair{std::move(stamp), std::move(value)});
    }

private:
    mutable std::mutex mutex_;
    std::map<Key, std::pair<Stamp, Value>> entries_;
};

}  // namespace isms
