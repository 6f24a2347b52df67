// ScopeService: the organization's ISMS scope statement (ISO/IEC 27001:2022 4.3), one current
// version per organization. Every change stores a whole new version in `scope_versions` and
// appends its ledger event ("created" for the first, "changed" with the version before), in one
// transaction; older versions stay readable. Every member reads; admins and ISMS managers
// change it, naming the version they changed (If-Match) once one exists. Top management (the
// `admin` role) approves the current version once: the approval is stored in `scope_approvals`,
// signed with the instance key (scope_approval.hpp) and appended as an "approved" event. A new
// version starts unapproved.
#pragma once

#include <cstdint>
#include <optional>

#include "context/context_deps.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"

namespace isms::context {

class ScopeService {
public:
    explicit ScopeService(const ContextDeps& deps) : deps_(deps) {}

    /// The current version: the scope content (scope_document.hpp) with "version",
    /// "created_at", "created_by" and "approval" ({"by", "at", "comment"} or null). kNotFound
    /// before the first.
    [[nodiscard]] Result<json::object> Current(const iam::Principal& who);
    /// Stores `body` as the next version. `expected_version` (If-Match) is required once a
    /// version exists and must be the current one (kStaleVersion otherwise); a body that says
    /// what the current version says is refused (kConflict). Returns the new version.
    [[nodiscard]] Result<json::object> Change(
        const iam::Principal& who,
        const json::object& body,
        std::optional<std::int64_t> expected_version
    );
    /// Top management (admin) approves `version` with an optional {"comment"}; only the current
    /// version, once (kConflict otherwise); kNotFound when it does not exist. Returns the version.
    [[nodiscard]] Result<json::object> Approve(
        const iam::Principal& who, std::int64_t version, const json::object& body
    );
    /// {"items": [{"version", "created_at", "created_by", "comment", "approval"}…]}, oldest
    /// first.
    [[nodiscard]] Result<json::object> Versions(const iam::Principal& who);
    /// One version, as Current returns it; kNotFound when it does not exist.
    [[nodiscard]] Result<json::object> Version(const iam::Principal& who, std::int64_t version);

private:
    ContextDeps deps_;
};

}  // namespace isms::context
