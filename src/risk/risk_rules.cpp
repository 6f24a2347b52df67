#include "risk/risk_rules.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "catalog/builtin.hpp"
#include "catalog/text.hpp"
#include "risk/method_store.hpp"
#include "risk/risk_scoring.hpp"
#include "schema/record.hpp"
#include "store/migrate.hpp"

namespace isms::risk {

namespace {

bool IsSet(const json::object& fields, std::string_view name) {
    const json::value* v = fields.if_contains(name);
    return v != nullptr && !v->is_null();
}

}  // namespace

Status RiskRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    const json::object after = records::FieldsAfter(current, draft);
    std::vector<FieldError> problems;
    const json::value* assets = after.if_contains("assets");
    if (after.at("approach") == "asset_based"
        && (assets == nullptr || !assets->is_array() || assets->get_array().empty())) {
        problems.push_back({"assets", "an asset-based risk names at least one asset"});
    }
    ISMS_TRY_ASSIGN(RiskMethod method, EnsureMethod(tx));
    auto scored = ScoreRisk(method, after);
    if (!scored) {
        for (auto& f : scored.error().fields) {
            problems.push_back(std::move(f));
        }
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    for (auto& [key, value] : *scored) {
        draft.fields[key] = std::move(value);
    }
    return {};
}

Status AssetRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& spec,
    const schema::Record* current,
    schema::Draft& draft
) {
    std::vector<FieldError> problems;
    const json::object after = records::FieldsAfter(current, draft);
    bool extra_set = false;
    for (const char* property : {"authenticity", "non_repudiation"}) {
        extra_set = extra_set || (draft.fields.contains(property) && IsSet(after, property));
    }
    if (extra_set) {
        ISMS_TRY_ASSIGN(RiskMethod method, CurrentMethod(tx));
        for (const char* property : {"authenticity", "non_repudiation"}) {
            const auto& enabled = method.extra_asset_properties;
            if (draft.fields.contains(property) && IsSet(after, property)
                && std::find(enabled.begin(), enabled.end(), property) == enabled.end()) {
                problems.push_back(
                    {property,
                     "not assessed by this organization: enable it in the risk method's "
                     "extra_asset_properties first"}
                );
            }
        }
    }
    if (current != nullptr && draft.fields.contains("depends_on")) {
        // A cycle needs the asset itself among what its new dependencies reach.
        ISMS_TRY_ASSIGN(
            auto rows,
            tx.sql().Query(
                "SELECT id, ref, depends_on FROM " + store::RegisterTable(spec)
                    + " WHERE tenant_id = ? AND archived_at IS NULL",
                {tx.tenant().value}
            )
        );
        std::map<std::int64_t, std::vector<std::int64_t>> edges;
        std::map<std::int64_t, std::string> refs;
        for (const auto& row : rows) {
            refs[row.Int(0)] = row.Text(1);
            if (!row.IsNull(2)) {
                ISMS_TRY_ASSIGN(json::value list, ParseJson(row.Text(2)));
                edges[row.Int(0)] = schema::ReferenceIds(&list);
            }
        }
        const std::int64_t self = current->id.value;
        edges[self] = schema::ReferenceIds(after.if_contains("depends_on"));
        // Breadth-first from self, remembering the way back to print the cycle.
        std::map<std::int64_t, std::int64_t> came_from;
        std::vector<std::int64_t> queue = {self};
        for (std::size_t i = 0; i < queue.size(); ++i) {
            for (std::int64_t next : edges[queue[i]]) {
                if (next == self) {
                    std::vector<std::string> path = {refs[self]};
                    for (std::int64_t at = queue[i]; at != self; at = came_from[at]) {
                        path.insert(path.begin() + 1, refs[at]);
                    }
                    path.push_back(refs[self]);
                    problems.push_back(
                        {"depends_on",
                         fmt::format("would make a cycle: {}", fmt::join(path, " → "))}
                    );
                    queue.clear();
                    break;
                }
                if (!came_from.contains(next)) {
                    came_from[next] = queue[i];
                    queue.push_back(next);
                }
            }
        }
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return {};
}

Status TreatmentActionRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    std::vector<FieldError> problems;
    const json::object after = records::FieldsAfter(current, draft);
    if (schema::ReferenceIds(after.if_contains("risks")).empty()) {
        problems.push_back({"risks", "a treatment action treats at least one risk"});
    }
    if (const json::value* controls = draft.fields.if_contains("annex_a_controls");
        controls != nullptr && controls->is_array()) {
        ISMS_TRY_ASSIGN(auto view, catalog_.View(tx.tenant()));
        json::array normalized;
        const auto& list = controls->get_array();
        for (std::size_t i = 0; i < list.size(); ++i) {
            std::string ref(list[i].get_string());
            if (ref[0] != 'A' && ref[0] != 'a') {
                ref = "A." + ref;  // "5.15" means A.5.15
            }
            ref[0] = 'A';  // values are non-blank (declared validation ran first)
            const auto* node = view->FindNode(
                std::string(catalog::kIso27001_2022) + ":" + catalog::AsciiLowercase(ref)
            );
            if (node == nullptr || !node->node->assessable) {
                problems.push_back(
                    {fmt::format("annex_a_controls[{}]", i),
                     fmt::format(
                         "'{}' is not an ISO/IEC 27001:2022 Annex A control", list[i].get_string()
                     )}
                );
            } else if (std::find(normalized.begin(), normalized.end(), json::value(ref))
                       == normalized.end()) {
                normalized.emplace_back(json::string(ref));
            }
        }
        draft.fields["annex_a_controls"] = std::move(normalized);
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return {};
}

}  // namespace isms::risk
