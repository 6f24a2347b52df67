// SoaService: the organization's Statement of Applicability over ISO/IEC 27001:2022 Annex A
// (6.1.3 d) — derived from live data (soa.hpp), manual decisions kept apart in `soa_decisions`,
// and issued versions: approved, stored whole, hashed and signed with the instance key, each
// with a ledger event, comparable with each other and with the live SoA.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "compliance/compliance_deps.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"
#include "store/session.hpp"

namespace isms::compliance {

class SoaService {
public:
    explicit SoaService(const ComplianceDeps& deps) : deps_(deps) {}

    /// The live SoA: {"framework", "summary", "controls": [entry…], "latest_issued": version
    /// or null}. Every member may read it.
    [[nodiscard]] Result<json::object> Get(const iam::Principal& who);

    /// Records manual decisions in one transaction (admins and ISMS managers). `body`:
    /// {"decisions": [{"control": "A.8.24" or its URN, "applicable": true|false|null,
    /// "reasons": [legal_regulatory|contractual|business_need…], "justification": text}]};
    /// `applicable` null returns the control to its derivation. An exclusion needs a
    /// justification; an inclusion not selected by risk treatment needs a reason. Returns
    /// {"changed": n, "controls": [the entries decided]}.
    [[nodiscard]] Result<json::object> Decide(const iam::Principal& who, const json::object& body);

    /// Approves and issues the live SoA as the next version (admins and ISMS managers); refused
    /// while a control is undecided or in conflict. `body`: {"comment": text}.
    [[nodiscard]] Result<json::object> Issue(const iam::Principal& who, const json::object& body);

    /// The number of the latest issued version; nullopt before the first.
    [[nodiscard]] Result<std::optional<std::int64_t>> LatestVersion(const iam::Principal& who);
    /// {"items": [{"version", "issued_at", "issued_by", "comment", "sha256", "summary"}]}.
    [[nodiscard]] Result<json::object> Versions(const iam::Principal& who);
    /// One issued version with its whole document.
    [[nodiscard]] Result<json::object> Version(const iam::Principal& who, std::int64_t version);
    /// What changed per control between issued version `from` and `to` (nullopt: the live SoA).
    [[nodiscard]] Result<json::object> Diff(
        const iam::Principal& who, std::int64_t from, std::optional<std::int64_t> to
    );
    /// Recomputes an issued version's hash and checks its signature: {"valid", "sha256",
    /// "key_id"}.
    [[nodiscard]] Result<json::object> Verify(const iam::Principal& who, std::int64_t version);

private:
    /// The derived part of the live SoA ("summary", "controls") of one organization, valid
    /// while the registers it reads, the manual decisions, the day (evidence goes stale) and
    /// the catalog are the same.
    struct Derived {
        json::object summary;
        json::array controls;
    };

    /// The live SoA read through `scope`, derived again only when its inputs changed.
    [[nodiscard]] Result<json::object> Live(store::TenantScope& scope);

    ComplianceDeps deps_;
    // by tenant, stamped with the register versions and the day, and the catalog view
    StampedCache<std::int64_t, CatalogStamp, std::shared_ptr<const Derived>, 1000> derived_;
};

}  // namespace isms::compliance
