#include "compliance/soa_service.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "catalog/builtin.hpp"
#include "catalog/catalog.hpp"
#include "catalog/text.hpp"
#include "compliance/soa.hpp"
#include "core/crypto.hpp"
#include "evidence/citations.hpp"
#include "iam/permission.hpp"
#include "schema/record.hpp"
#include "store/migrate.hpp"
#include "store/records.hpp"
#include "store/session.hpp"

namespace isms::compliance {

namespace {

constexpr std::size_t kMaxJustification = 4000;
constexpr std::size_t kMaxComment = 2000;
constexpr std::size_t kListedInErrors = 10;
/// The version name of the manual decisions (store::BumpRegisterVersion).
constexpr std::string_view kDecisions = "soa_decisions";

/// A reference_list column as stored: JSON text of ids.
std::vector<std::int64_t> IdArray(const std::string& text) {
    auto doc = ParseJson(text);
    return schema::ReferenceIds(doc ? &*doc : nullptr);
}

std::vector<std::string> TextArray(const std::string& text) {
    std::vector<std::string> out;
    auto doc = ParseJson(text);
    if (doc && doc->is_array()) {
        for (const auto& v : doc->get_array()) {
            if (v.is_string()) {
                out.emplace_back(v.get_string());
            }
        }
    }
    return out;
}

/// Annex A of the built-in ISO/IEC 27001:2022, in catalog order, with each control's theme.
Result<std::vector<SoaControl>> AnnexA(catalog::CatalogService& catalog, TenantId tenant) {
    ISMS_TRY_ASSIGN(auto view, catalog.View(tenant));
    const catalog::FrameworkEntry* iso = view->FindFramework(catalog::kIso27001_2022);
    ISMS_CHECK(iso != nullptr, "ISO/IEC 27001:2022 is built in");
    std::map<std::string, std::string, std::less<>> names;
    std::vector<SoaControl> out;
    for (const catalog::Node& n : iso->framework->nodes) {
        names[n.urn] = n.name;
        if (n.assessable && n.ref_id.starts_with("A.")) {
            const auto theme = names.find(n.parent_urn);
            out.push_back({n.urn, n.ref_id, n.name, theme != names.end() ? theme->second : ""});
        }
    }
    return out;
}

SoaDecision ParseDecision(const store::SqlRow& row) {
    SoaDecision d;
    auto doc = ParseJson(row.Text(1));
    ISMS_CHECK(doc && doc->is_object(), "a stored SoA decision is the JSON its service wrote");
    const json::object& o = doc->as_object();
    d.applicable = o.at("applicable").as_bool();
    for (const auto& r : o.at("reasons").as_array()) {
        d.reasons.emplace_back(r.as_string());
    }
    d.justification = std::string(o.at("justification").as_string());
    d.updated_at = row.Text(2);
    d.updated_by = row.Int(3);
    return d;
}

/// Everything the derivation needs, read through one tenant-scoped session.
Result<SoaInputs> LoadInputs(const ComplianceDeps& deps, store::TenantScope& scope) {
    SoaInputs in;
    ISMS_TRY_ASSIGN(in.controls, AnnexA(deps.catalog, scope.tenant()));
    const std::int64_t tenant = scope.tenant().value;
    const std::string live = " WHERE tenant_id = ? AND archived_at IS NULL";
    ISMS_TRY_ASSIGN(
        auto risks,
        scope.sql().Query(
            "SELECT id, ref, title, status FROM " + store::RegisterTable(deps.registry.Get("risks"))
                + live + " AND (status IS NULL OR status <> 'closed')",
            {tenant}
        )
    );
    for (const auto& r : risks) {
        in.risks[r.Int(0)] = LinkedRecord{r.Int(0), r.Text(1), r.Text(2), r.Text(3)};
    }
    ISMS_TRY_ASSIGN(
        auto actions,
        scope.sql().Query(
            "SELECT id, ref, title, status, risks, annex_a_controls, applied_controls FROM "
                + store::RegisterTable(deps.registry.Get("treatment_actions")) + live
                + " AND (status IS NULL OR status <> 'cancelled') ORDER BY id",
            {tenant}
        )
    );
    for (const auto& a : actions) {
        in.actions.push_back(
            {LinkedRecord{a.Int(0), a.Text(1), a.Text(2), a.Text(3)},
             IdArray(a.Text(4)),
             TextArray(a.Text(5)),
             IdArray(a.Text(6))}
        );
    }
    ISMS_TRY_ASSIGN(
        auto controls,
        scope.sql().Query(
            "SELECT id, ref, name, status, requirements FROM "
                + store::RegisterTable(deps.registry.Get("applied_controls")) + live
                + " ORDER BY id",
            {tenant}
        )
    );
    for (const auto& c : controls) {
        in.applied_controls.emplace_back(
            LinkedRecord{c.Int(0), c.Text(1), c.Text(2), c.Text(3)}, TextArray(c.Text(4))
        );
    }
    ISMS_TRY_ASSIGN(
        auto evidence,
        scope.sql().Query(
            "SELECT id, ref, name, valid_until, applied_controls FROM "
                + store::RegisterTable(deps.registry.Get("evidence")) + live + " ORDER BY id",
            {tenant}
        )
    );
    const std::string today = FormatDate(Today(deps.clock));
    for (const auto& e : evidence) {
        const bool stale = !e.IsNull(3) && e.Text(3) < today;
        in.evidence.emplace_back(
            LinkedRecord{e.Int(0), e.Text(1), e.Text(2), stale ? "stale" : "current"},
            IdArray(e.Text(4))
        );
    }
    ISMS_TRY_ASSIGN(
        auto decisions,
        scope.sql().Query(
            "SELECT control_urn, document, updated_at, updated_by FROM soa_decisions "
            "WHERE tenant_id = ?",
            {tenant}
        )
    );
    for (const auto& d : decisions) {
        in.decisions[d.Text(0)] = ParseDecision(d);
    }
    return in;
}

json::array EntriesToJson(const std::vector<SoaEntry>& entries) {
    json::array out;
    out.reserve(entries.size());
    for (const SoaEntry& e : entries) {
        out.emplace_back(SoaEntryToJson(e));
    }
    return out;
}

Result<json::value> LatestIssued(store::TenantScope& scope) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT MAX(version) FROM soa_versions WHERE tenant_id = ?", {scope.tenant().value}
        )
    );
    if (rows.empty() || rows[0].IsNull(0)) {
        return json::value(nullptr);
    }
    return json::value(rows[0].Int(0));
}

/// Finds a control by ref ("A.8.24", "8.24") or URN.
const SoaControl* FindControl(const std::vector<SoaControl>& controls, std::string_view key) {
    std::string ref(key);
    if (!ref.empty() && (ref[0] == 'a' || ref[0] == 'A') && ref.size() > 1 && ref[1] == '.') {
        ref[0] = 'A';
    } else if (!ref.empty() && std::isdigit(static_cast<unsigned char>(ref[0])) != 0) {
        ref = "A." + ref;
    }
    const std::string urn = catalog::AsciiLowercase(key);
    for (const SoaControl& c : controls) {
        if (c.ref_id == ref || c.urn == urn) {
            return &c;
        }
    }
    return nullptr;
}

/// One decision read from the request, every problem located under `at`.
struct DecisionInput {
    const SoaControl* control = nullptr;
    std::optional<bool> applicable;
    std::vector<std::string> reasons;
    std::string justification;
};

DecisionInput ReadDecision(
    const json::value& item,
    const std::string& at,
    const std::vector<SoaControl>& controls,
    std::vector<FieldError>& errors
) {
    DecisionInput d;
    if (!item.is_object()) {
        errors.push_back({at, "must be an object {control, applicable, reasons, justification}"});
        return d;
    }
    const json::object& o = item.get_object();
    for (const auto& m : o) {
        if (m.key() != "control" && m.key() != "applicable" && m.key() != "reasons"
            && m.key() != "justification") {
            errors.push_back(
                {at + "." + std::string(m.key()),
                 "unknown field; expected control, applicable, reasons, justification"}
            );
        }
    }
    const json::value* control = o.if_contains("control");
    if (control == nullptr || !control->is_string()) {
        errors.push_back({at + ".control", "required: an Annex A control, e.g. A.8.24"});
    } else {
        d.control = FindControl(controls, control->get_string());
        if (d.control == nullptr) {
            errors.push_back(
                {at + ".control",
                 fmt::format(
                     "'{}' is not an ISO/IEC 27001:2022 Annex A control", control->get_string()
                 )}
            );
        }
    }
    const json::value* applicable = o.if_contains("applicable");
    if (applicable == nullptr) {
        errors.push_back(
            {at + ".applicable", "required: true, false, or null to use the derivation"}
        );
    } else if (applicable->is_bool()) {
        d.applicable = applicable->get_bool();
    } else if (!applicable->is_null()) {
        errors.push_back({at + ".applicable", "must be true, false or null"});
    }
    if (const json::value* reasons = o.if_contains("reasons"); reasons != nullptr) {
        if (!reasons->is_array()) {
            errors.push_back({at + ".reasons", "must be a list"});
        } else {
            for (std::size_t i = 0; i < reasons->get_array().size(); ++i) {
                const json::value& r = reasons->get_array()[i];
                const auto* known = std::find_if(
                    std::begin(kManualReasons),
                    std::end(kManualReasons),
                    [&](const char* k) { return r.is_string() && r.get_string() == k; }
                );
                if (known == std::end(kManualReasons)) {
                    errors.push_back(
                        {fmt::format("{}.reasons[{}]", at, i),
                         "must be legal_regulatory, contractual or business_need (risk_treatment "
                         "is derived from the treatment plan)"}
                    );
                } else if (std::find(d.reasons.begin(), d.reasons.end(), *known) == d.reasons.end()) {
                    d.reasons.emplace_back(*known);
                }
            }
        }
    }
    if (const json::value* j = o.if_contains("justification"); j != nullptr && !j->is_null()) {
        if (!j->is_string()) {
            errors.push_back({at + ".justification", "must be text"});
        } else if (j->get_string().size() > kMaxJustification) {
            errors.push_back(
                {at + ".justification", fmt::format("at most {} characters", kMaxJustification)}
            );
        } else {
            d.justification = std::string(j->get_string());
            if (d.justification.find_first_not_of(" \t\r\n") == std::string::npos) {
                d.justification.clear();  // blank is no justification
            }
        }
    }
    return d;
}

struct IssuedRow {
    std::int64_t version = 0;
    std::string document;
    std::string sha256;
    std::string signature;
    std::string key_id;
    std::string issued_at;
    std::int64_t issued_by = 0;
    std::string comment;
};

Result<IssuedRow> FindIssued(store::TenantScope& scope, std::int64_t version) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT version, document, sha256, signature, key_id, issued_at, issued_by, comment "
            "FROM soa_versions WHERE tenant_id = ? AND version = ?",
            {scope.tenant().value, version}
        )
    );
    if (rows.empty()) {
        return Error::NotFound(fmt::format("no issued SoA version {}", version));
    }
    const auto& r = rows[0];
    return IssuedRow{
        r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Int(6), r.Text(7)};
}

std::string SoaMessage(TenantId tenant, std::int64_t version, const std::string& sha256) {
    return fmt::format("isms-soa/1\n{}\n{}\n{}", tenant.value, version, sha256);
}

/// The controls of a SoA document by ref_id.
std::map<std::string, json::object, std::less<>> ByRef(const json::object& soa) {
    std::map<std::string, json::object, std::less<>> out;
    for (const auto& c : soa.at("controls").as_array()) {
        out[std::string(c.at("ref_id").as_string())] = c.as_object();
    }
    return out;
}

}  // namespace

Result<json::object> SoaService::Live(store::TenantScope& scope) {
    ISMS_TRY_ASSIGN(auto view, deps_.catalog.View(scope.tenant()));
    ISMS_TRY_ASSIGN(
        std::string stamp,
        store::RegisterVersionStamp(
            scope, {"risks", "treatment_actions", "applied_controls", "evidence", kDecisions}
        )
    );
    stamp += FormatDate(Today(deps_.clock));
    CatalogStamp stamped{std::move(stamp), std::move(view)};
    std::shared_ptr<const Derived> derived =
        derived_.Find(scope.tenant().value, stamped).value_or(nullptr);
    if (derived == nullptr) {
        ISMS_TRY_ASSIGN(SoaInputs inputs, LoadInputs(deps_, scope));
        const std::vector<SoaEntry> entries = DeriveSoa(inputs);
        derived =
            std::make_shared<const Derived>(Derived{SoaSummary(entries), EntriesToJson(entries)});
        derived_.Store(scope.tenant().value, std::move(stamped), derived);
    }
    ISMS_TRY_ASSIGN(json::value latest, LatestIssued(scope));
    return json::object{
        {"framework", catalog::kIso27001_2022},
        {"summary", derived->summary},
        {"controls", derived->controls},
        {"latest_issued", std::move(latest)}};
}

Result<json::object> SoaService::Get(const iam::Principal& who) {
    ISMS_TRY(iam::Authorize(who, deps_.registry.Get("applied_controls"), iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    return Live(session);
}

Result<json::object> SoaService::Decide(const iam::Principal& who, const json::object& body) {
    ISMS_TRY(iam::RequireManager(who));
    ISMS_TRY_ASSIGN(std::vector<SoaControl> controls, AnnexA(deps_.catalog, who.tenant));
    std::vector<FieldError> errors;
    for (const auto& m : body) {
        if (m.key() != "decisions") {
            errors.push_back({std::string(m.key()), "unknown field; expected decisions"});
        }
    }
    const json::value* list = body.if_contains("decisions");
    if (list == nullptr || !list->is_array() || list->get_array().empty()) {
        errors.push_back({"decisions", "required: a non-empty list of decisions"});
        return Error::Invalid(std::move(errors));
    }
    std::vector<DecisionInput> inputs;
    std::set<const SoaControl*> seen;
    for (std::size_t i = 0; i < list->get_array().size(); ++i) {
        const std::string at = fmt::format("decisions[{}]", i);
        DecisionInput d = ReadDecision(list->get_array()[i], at, controls, errors);
        if (d.control != nullptr && !seen.insert(d.control).second) {
            errors.push_back({at + ".control", d.control->ref_id + " is decided twice"});
        }
        inputs.push_back(std::move(d));
    }
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(SoaInputs before, LoadInputs(deps_, tx));
    const std::vector<SoaEntry> derived = DeriveSoa(before);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const DecisionInput& d = inputs[i];
        if (d.control == nullptr || !d.applicable) {
            continue;
        }
        const std::string at = fmt::format("decisions[{}]", i);
        const auto entry = std::find_if(derived.begin(), derived.end(), [&](const SoaEntry& e) {
            return e.control->urn == d.control->urn;
        });
        const bool selected = entry != derived.end() && entry->derived_applicable.value_or(false);
        if (!*d.applicable && d.justification.empty()) {
            errors.push_back(
                {at + ".justification",
                 fmt::format("required: say why {} is excluded", d.control->ref_id)}
            );
        }
        if (!*d.applicable && !d.reasons.empty()) {
            errors.push_back({at + ".reasons", "an excluded control has no reasons for inclusion"});
        }
        if (*d.applicable && d.reasons.empty() && !selected) {
            errors.push_back(
                {at + ".reasons",
                 fmt::format(
                     "required: no risk treatment selects {}; give legal_regulatory, contractual "
                     "or business_need",
                     d.control->ref_id
                 )}
            );
        }
    }
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    const std::string now = FormatTimestamp(tx.now());
    std::int64_t changed = 0;
    for (const DecisionInput& d : inputs) {
        ISMS_TRY_ASSIGN(
            auto rows,
            tx.sql().Query(
                "SELECT id, document FROM soa_decisions WHERE tenant_id = ? AND control_urn = ?",
                {who.tenant.value, d.control->urn}
            )
        );
        const bool exists = !rows.empty();
        std::int64_t row_id = exists ? rows[0].Int(0) : 0;
        const std::optional<std::string> old =
            exists ? std::optional(rows[0].Text(1)) : std::nullopt;
        if (!d.applicable) {
            if (!exists) {
                continue;  // already derived
            }
            ISMS_TRY(tx.sql().Exec(
                "DELETE FROM soa_decisions WHERE tenant_id = ? AND id = ?",
                {who.tenant.value, row_id}
            ));
            ISMS_TRY(tx.Append("cleared", "soa_decisions", row_id, old, std::nullopt));
            ++changed;
            continue;
        }
        json::array reasons;
        for (const std::string& r : d.reasons) {
            reasons.emplace_back(json::string(r));
        }
        const std::string document = ToJsonText(json::object{
            {"control", d.control->urn},
            {"applicable", *d.applicable},
            {"reasons", std::move(reasons)},
            {"justification", d.justification}});
        if (old == document) {
            continue;
        }
        if (exists) {
            ISMS_TRY(tx.sql().Exec(
                "UPDATE soa_decisions SET document = ?, updated_at = ?, updated_by = ? "
                "WHERE tenant_id = ? AND id = ?",
                {document, now, who.user.value, who.tenant.value, row_id}
            ));
        } else {
            ISMS_TRY_ASSIGN(
                row_id,
                tx.sql().QueryInt(
                    "INSERT INTO soa_decisions (tenant_id, control_urn, document, updated_at, "
                    "updated_by) VALUES (?, ?, ?, ?, ?) RETURNING id",
                    {who.tenant.value, d.control->urn, document, now, who.user.value}
                )
            );
        }
        ISMS_TRY(tx.Append("decided", "soa_decisions", row_id, old, document));
        ++changed;
    }
    if (changed > 0) {
        ISMS_TRY(store::BumpRegisterVersion(tx, kDecisions));
    }
    ISMS_TRY_ASSIGN(SoaInputs after, LoadInputs(deps_, tx));
    ISMS_TRY(tx.Commit());
    std::set<std::string, std::less<>> decided_urns;
    for (const DecisionInput& d : inputs) {
        decided_urns.insert(d.control->urn);
    }
    json::array decided;
    for (const SoaEntry& e : DeriveSoa(after)) {
        if (decided_urns.contains(e.control->urn)) {
            decided.emplace_back(SoaEntryToJson(e));
        }
    }
    return json::object{{"changed", changed}, {"controls", std::move(decided)}};
}

Result<json::object> SoaService::Issue(const iam::Principal& who, const json::object& body) {
    ISMS_TRY(iam::RequireManager(who));
    std::vector<FieldError> errors;
    std::string comment;
    for (const auto& m : body) {
        if (m.key() != "comment") {
            errors.push_back({std::string(m.key()), "unknown field; expected comment"});
        }
    }
    if (const json::value* c = body.if_contains("comment"); c != nullptr && !c->is_null()) {
        if (!c->is_string() || c->get_string().size() > kMaxComment) {
            errors.push_back(
                {"comment", fmt::format("must be text of at most {} characters", kMaxComment)}
            );
        } else {
            comment = std::string(c->get_string());
        }
    }
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(SoaInputs inputs, LoadInputs(deps_, tx));
    const std::vector<SoaEntry> entries = DeriveSoa(inputs);
    std::vector<std::string> undecided;
    std::vector<std::string> conflicts;
    for (const SoaEntry& e : entries) {
        if (!e.applicable) {
            undecided.push_back(e.control->ref_id);
        } else if (!e.conflict.empty()) {
            conflicts.push_back(e.control->ref_id + " (" + e.conflict + ")");
        }
    }
    auto listed = [](const std::vector<std::string>& refs) {
        const std::size_t n = std::min(refs.size(), kListedInErrors);
        std::string text = fmt::format(
            "{}", fmt::join(refs.begin(), refs.begin() + static_cast<std::ptrdiff_t>(n), ", ")
        );
        return refs.size() > n ? fmt::format("{} and {} more", text, refs.size() - n) : text;
    };
    if (!undecided.empty()) {
        errors.push_back(
            {"controls",
             fmt::format(
                 "{} control(s) have no decision yet: {}", undecided.size(), listed(undecided)
             )}
        );
    }
    if (!conflicts.empty()) {
        errors.push_back(
            {"controls",
             fmt::format(
                 "{} exclusion(s) contradict risk treatment: {}",
                 conflicts.size(),
                 listed(conflicts)
             )}
        );
    }
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    ISMS_TRY_ASSIGN(json::value latest, LatestIssued(tx));
    const std::int64_t version = latest.is_null() ? 1 : latest.get_int64() + 1;
    const std::string issued_at = FormatTimestamp(tx.now());
    const std::string document = ToJsonText(json::object{
        {"version", version},
        {"framework", catalog::kIso27001_2022},
        {"issued_at", issued_at},
        {"issued_by", who.user.value},
        {"comment", comment},
        {"summary", SoaSummary(entries)},
        {"controls", EntriesToJson(entries)}});
    const std::string sha256 = crypto::HexEncode(crypto::Sha256(document));
    const std::string signature =
        crypto::HexEncode(crypto::Sign(deps_.key.key, SoaMessage(who.tenant, version, sha256)));
    ISMS_TRY(tx.sql().Exec(
        "INSERT INTO soa_versions (tenant_id, version, document, sha256, signature, key_id, "
        "issued_at, issued_by, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {who.tenant.value,
         version,
         document,
         sha256,
         signature,
         deps_.key.key_id,
         issued_at,
         who.user.value,
         comment}
    ));
    ISMS_TRY(tx.Append("issued", "soa_versions", version, std::nullopt, document));
    std::vector<std::int64_t> cited;
    for (const SoaEntry& e : entries) {
        for (const LinkedRecord* r : e.evidence) {
            cited.push_back(r->id);
        }
    }
    ISMS_TRY(evidence::ReplaceCitations(
        tx, fmt::format("soa:{}", version), fmt::format("issued SoA version {}", version), cited
    ));
    ISMS_TRY(tx.Commit());
    return json::object{
        {"version", version},
        {"issued_at", issued_at},
        {"issued_by", who.user.value},
        {"comment", comment},
        {"sha256", sha256},
        {"signature", signature},
        {"key_id", deps_.key.key_id},
        {"summary", SoaSummary(entries)}};
}

Result<std::optional<std::int64_t>> SoaService::LatestVersion(const iam::Principal& who) {
    ISMS_TRY(iam::Authorize(who, deps_.registry.Get("applied_controls"), iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(json::value latest, LatestIssued(session));
    return latest.is_null() ? std::nullopt : std::optional(latest.get_int64());
}

Result<json::object> SoaService::Versions(const iam::Principal& who) {
    ISMS_TRY(iam::Authorize(who, deps_.registry.Get("applied_controls"), iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(
        auto rows,
        session.sql().Query(
            "SELECT version, issued_at, issued_by, comment, sha256, document FROM soa_versions "
            "WHERE tenant_id = ? ORDER BY version",
            {who.tenant.value}
        )
    );
    json::array items;
    for (const auto& r : rows) {
        auto doc = ParseJson(r.Text(5));
        ISMS_CHECK(doc && doc->is_object(), "an issued SoA is the JSON its service wrote");
        items.push_back(json::object{
            {"version", r.Int(0)},
            {"issued_at", r.Text(1)},
            {"issued_by", r.Int(2)},
            {"comment", r.Text(3)},
            {"sha256", r.Text(4)},
            {"summary", doc->as_object().at("summary")}});
    }
    return json::object{{"items", std::move(items)}};
}

Result<json::object> SoaService::Version(const iam::Principal& who, std::int64_t version) {
    ISMS_TRY(iam::Authorize(who, deps_.registry.Get("applied_controls"), iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(IssuedRow row, FindIssued(session, version));
    auto doc = ParseJson(row.document);
    ISMS_CHECK(doc && doc->is_object(), "an issued SoA is the JSON its service wrote");
    json::object out = doc->as_object();
    out["sha256"] = row.sha256;
    out["signature"] = row.signature;
    out["key_id"] = row.key_id;
    return out;
}

Result<json::object> SoaService::Diff(
    const iam::Principal& who, std::int64_t from, std::optional<std::int64_t> to
) {
    ISMS_TRY_ASSIGN(json::object old_soa, Version(who, from));
    json::object new_soa;
    if (to) {
        ISMS_TRY_ASSIGN(new_soa, Version(who, *to));
    } else {
        ISMS_TRY_ASSIGN(new_soa, Get(who));
    }
    const auto before = ByRef(old_soa);
    const auto after = ByRef(new_soa);
    json::array changes;
    for (const auto& [ref, now] : after) {
        const auto it = before.find(ref);
        if (it == before.end()) {
            changes.push_back(json::object{
                {"ref_id", ref}, {"field", "control"}, {"from", nullptr}, {"to", "added"}});
            continue;
        }
        for (const char* field : {"applicable", "reasons", "justification", "implementation"}) {
            const json::value& a = it->second.at(field);
            const json::value& b = now.at(field);
            if (a != b) {
                changes.push_back(json::object{
                    {"ref_id", ref}, {"field", field}, {"from", a}, {"to", b}});
            }
        }
    }
    return json::object{
        {"from", from},
        {"to", to ? json::value(*to) : json::value("live")},
        {"changes", std::move(changes)}};
}

Result<json::object> SoaService::Verify(const iam::Principal& who, std::int64_t version) {
    ISMS_TRY(iam::Authorize(who, deps_.registry.Get("applied_controls"), iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(IssuedRow row, FindIssued(session, version));
    const std::string sha256 = crypto::HexEncode(crypto::Sha256(row.document));
    auto signature = crypto::HexDecode(row.signature);
    const bool valid =
        sha256 == row.sha256 && signature
        && crypto::VerifySignature(
            deps_.key.key.public_key, SoaMessage(who.tenant, version, sha256), *signature
        );
    return json::object{
        {"version", version}, {"valid", valid}, {"sha256", sha256}, {"key_id", row.key_id}};
}

}  // namespace isms::compliance
