#include "store/count_cache.hpp"

namespace isms::store {

std::optional<std::int64_t> CountCache::Find(const std::string& key, std::int64_t version) const {
    const std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.first != version) {
        return std::nullopt;
    }
    return it->second.second;
}

void CountCache::Store(const std::string& key, std::int64_t version, std::int64_t total) {
    const std::lock_guard lock(mutex_);
    if (entries_.size() >= kMaxEntries) {
        entries_.clear();
    }
    entries_[key] = {version, total};
}

}  // namespace isms::store
