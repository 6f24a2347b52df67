// Counting an organization's live records of one register, for the views that summarise the
// ISMS from its registers (the readiness checklist, the guided start).
#pragma once

#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "schema/register_spec.hpp"
#include "store/session.hpp"
#include "store/sql.hpp"

namespace isms::compliance {

class RegisterCounter {
public:
    explicit RegisterCounter(store::TenantScope& scope) : scope_(scope) {}

    /// Live (not archived) records of `spec` in the scope's organization that match `where`
    /// (SQL over its columns, may be empty; `extra` binds its placeholders).
    [[nodiscard]] Result<std::int64_t> Count(
        const schema::RegisterSpec& spec,
        const std::string& where,
        const store::SqlParams& extra = {}
    );

private:
    store::TenantScope& scope_;
};

}  // namespace isms::compliance
