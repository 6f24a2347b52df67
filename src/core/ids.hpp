// Strong identifier types: a tenant id cannot be passed where a record id is expected.
// Ids are positive 64-bit integers assigned by the store; 0 means "none".
#pragma once

#include <compare>
#include <cstdint>

namespace isms {

struct TenantId {
    std::int64_t value = 0;
    auto operator<=>(const TenantId&) const = default;
};

struct UserId {
    std::int64_t value = 0;
    auto operator<=>(const UserId&) const = default;
};

struct RecordId {
    std::int64_t value = 0;
    auto operator<=>(const RecordId&) const = default;
};

}  // namespace isms
