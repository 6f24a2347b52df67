// Permission checks per register × action, with owner rights on own records. Services call
// Authorize before they read or write; it never names HTTP (STYLE rule 7).
#pragma once

#include <optional>

#include "core/error.hpp"
#include "iam/principal.hpp"
#include "schema/register_spec.hpp"

namespace isms::iam {

enum class Action { kRead, kCreate, kUpdate, kArchive };

/// Allows or refuses `action` on a record of `spec` whose owner is `record_owner`.
///  - every member may read; a read-only token may only read;
///  - the register's editor roles (and admin) may create, update and archive;
///  - risk and control owners may update records they own;
///  - auditors and readers never write.
[[nodiscard]] Status Authorize(
    const Principal& who,
    const schema::RegisterSpec& spec,
    Action action,
    std::optional<UserId> record_owner = std::nullopt
);

/// Any change: refused to a `read` token ("this API token is read-only"); sessions and other
/// tokens pass (what they may change is for the other checks).
[[nodiscard]] Status RequireWrite(const Principal& who);

/// Administration of the organization itself: members, custom fields, settings (admin only).
[[nodiscard]] Status RequireAdmin(const Principal& who);

/// Programme-wide changes that are not records, such as importing catalogs: admins and ISMS
/// managers, with a token that may write.
[[nodiscard]] Status RequireManager(const Principal& who);

}  // namespace isms::iam
