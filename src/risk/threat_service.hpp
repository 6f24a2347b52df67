// ThreatService: threat libraries — the built-in starter catalog and libraries imported through
// the catalog — loaded into the organization's threats register (ISO/IEC 27001:2022 6.1.2 c,
// ISO/IEC 27005 threat identification). Loading is idempotent: a library threat already in the
// register (live or archived, matched by `source_urn`) is not loaded twice.
#pragma once

#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"
#include "risk/risk_deps.hpp"

namespace isms::risk {

/// The URN of the built-in starter threat catalog (src/catalog/data/threats-starter.json).
inline constexpr const char* kStarterThreatLibrary = "urn:isms:library:threats-starter";

class ThreatService {
public:
    explicit ThreatService(const RiskDeps& deps) : deps_(deps) {}

    /// {"items": [{"urn", "version", "name", "description", "threats", "loaded"}]}: every
    /// library of the organization's catalog that holds threats (newest version), with how
    /// many of its threats are already in the register.
    [[nodiscard]] Result<json::object> Libraries(const iam::Principal& who);

    /// Loads the threats of one library, `body` {"library": urn}, into the register in one
    /// transaction: {"library", "version", "created": n, "already_loaded": n, "items": [{"id",
    /// "ref", "name", "source_urn"}]} — the records created. Library categories outside the
    /// register's and origins other than deliberate, accidental, environmental are left out.
    [[nodiscard]] Result<json::object> Load(const iam::Principal& who, const json::object& body);

private:
    RiskDeps deps_;
};

}  // namespace isms::risk
