#include "assurance/audit_rules.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "assurance/audit_scope.hpp"
#include "store/records.hpp"

namespace isms::assurance {

namespace {

/// Stores each entry of `key` as the catalog spells its ref id; unknown ones are named.
void NormalizeScope(
    const catalog::Framework& framework,
    ScopeGroup group,
    const char* key,
    schema::Draft& draft,
    std::vector<FieldError>& problems
) {
    const json::value* list = draft.fields.if_contains(key);
    if (list == nullptr || !list->is_array()) {
        return;
    }
    json::array canonical;
    const auto& items = list->get_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string ref(items[i].get_string());
        const catalog::Node* node = FindScopeNode(framework, group, ref);
        if (node == nullptr) {
            problems.push_back(
                {fmt::format("{}[{}]", key, i),
                 group == ScopeGroup::kClauses
                     ? fmt::format("'{}' is not a clause of ISO/IEC 27001:2022 (4 … 10.2)", ref)
                     : fmt::format(
                         "'{}' is not an Annex A control or theme of ISO/IEC 27001:2022 (e.g. "
                         "A.8.24 or A.5)",
                         ref
                     )}
            );
            continue;
        }
        const json::value found(json::string(node->ref_id));
        if (std::find(canonical.begin(), canonical.end(), found) == canonical.end()) {
            canonical.push_back(found);
        }
    }
    draft.fields[key] = std::move(canonical);
}

std::optional<std::int64_t> UserIdOf(std::string_view text) {
    std::int64_t id = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, id);
    if (ec != std::errc{} || ptr != end || id <= 0) {
        return std::nullopt;
    }
    return id;
}

/// A record an auditor owns inside the audit's scope, and why it is in scope.
struct OwnArea {
    std::int64_t owner = 0;
    std::string reason;
};

}  // namespace

Status AuditRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    ISMS_TRY_ASSIGN(auto view, deps_.catalog.View(tx.tenant()));
    ISMS_TRY_ASSIGN(const catalog::Framework* framework, AuditFramework(*view));
    std::vector<FieldError> problems;
    NormalizeScope(*framework, ScopeGroup::kClauses, "scope_clauses", draft, problems);
    NormalizeScope(*framework, ScopeGroup::kAnnexA, "scope_controls", draft, problems);
    const json::object after = records::FieldsAfter(current, draft);

    std::vector<std::pair<std::string, std::int64_t>> auditors;  // (field, user id)
    const json::value* lead = after.if_contains("lead_auditor");
    if (lead != nullptr && lead->is_int64()) {
        auditors.emplace_back("lead_auditor", lead->as_int64());
    }
    const std::vector<std::string> team = StringList(after, "team");
    for (std::size_t i = 0; i < team.size(); ++i) {
        const std::string field = fmt::format("team[{}]", i);
        const auto id = UserIdOf(team[i]);
        if (!id) {
            problems.push_back({field, fmt::format("'{}' is not a user id", team[i])});
            continue;
        }
        ISMS_TRY_ASSIGN(
            auto rows,
            tx.sql().Query(
                "SELECT 1 FROM memberships WHERE tenant_id = ? AND user_id = ?",
                {tx.tenant().value, *id}
            )
        );
        if (rows.empty()) {
            problems.push_back(
                {field, fmt::format("user {} is not a member of this organization", *id)}
            );
            continue;
        }
        if (!auditors.empty() && auditors.front().first == "lead_auditor"
            && auditors.front().second == *id) {
            problems.push_back({field, "the lead auditor is already on the audit"});
            continue;
        }
        auditors.emplace_back(field, *id);
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    const json::value* status = after.if_contains("status");
    const bool finished =
        status != nullptr && status->is_string()
        && (status->get_string() == "closed" || status->get_string() == "cancelled");
    if (auditors.empty() || finished) {
        return {};
    }

    std::vector<OwnArea> areas;
    const auto& asset_spec = deps_.registry.Get("assets");
    for (const auto& v : after.contains("scope_assets") && after.at("scope_assets").is_array()
                             ? after.at("scope_assets").get_array()
                             : json::array{}) {
        ISMS_TRY_ASSIGN(
            auto asset, store::GetRecord(tx, asset_spec, RecordId{v.to_number<std::int64_t>()})
        );
        if (asset.owner) {
            areas.push_back(
                {asset.owner->value,
                 fmt::format(
                     "owns asset {} ({}), which is in scope_assets",
                     asset.ref,
                     asset.fields.at("name").as_string().c_str()
                 )}
            );
        }
    }
    std::vector<std::string> refs = StringList(after, "scope_clauses");
    const std::vector<std::string> controls = StringList(after, "scope_controls");
    refs.insert(refs.end(), controls.begin(), controls.end());
    std::map<std::string, std::string, std::less<>> in_scope;  // requirement URN → ref id
    for (const catalog::Node* node : RequirementsInScope(*framework, refs)) {
        in_scope.emplace(node->urn, node->ref_id);
    }
    std::set<std::int64_t> listed;
    for (const auto& v :
         after.contains("scope_applied_controls") && after.at("scope_applied_controls").is_array()
             ? after.at("scope_applied_controls").get_array()
             : json::array{}) {
        listed.insert(v.to_number<std::int64_t>());
    }
    const auto& control_spec = deps_.registry.Get("applied_controls");
    ISMS_TRY_ASSIGN(auto applied, store::ListAllRecords(tx, control_spec));
    for (const schema::Record& control : applied) {
        if (!control.owner) {
            continue;
        }
        const std::string name(control.fields.at("name").as_string());
        if (listed.contains(control.id.value)) {
            areas.push_back(
                {control.owner->value,
                 fmt::format(
                     "owns applied control {} ({}), which is in scope_applied_controls",
                     control.ref,
                     name
                 )}
            );
            continue;
        }
        for (const std::string& urn : StringList(control.fields, "requirements")) {
            if (const auto it = in_scope.find(urn); it != in_scope.end()) {
                areas.push_back(
                    {control.owner->value,
                     fmt::format(
                         "owns applied control {} ({}), which implements {} in this audit's "
                         "scope",
                         control.ref,
                         name,
                         it->second
                     )}
                );
                break;
            }
        }
    }
    for (const auto& [field, user] : auditors) {
        for (const OwnArea& area : areas) {
            if (area.owner == user) {
                problems.push_back(
                    {field,
                     fmt::format("user {} may not audit their own area: {}", user, area.reason)}
                );
                break;
            }
        }
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return {};
}

}  // namespace isms::assurance
