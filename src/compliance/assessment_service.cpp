#include "compliance/assessment_service.hpp"

#include <algorithm>
#include <memory>
#include <set>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "catalog/catalog.hpp"
#include "catalog/coverage.hpp"
#include "catalog/text.hpp"
#include "compliance/assessment_score.hpp"
#include "compliance/inference.hpp"
#include "evidence/citations.hpp"
#include "iam/permission.hpp"
#include "schema/record.hpp"
#include "store/migrate.hpp"
#include "store/records.hpp"
#include "store/session.hpp"

namespace isms::compliance {

namespace {

constexpr std::size_t kMaxNotes = 10000;
constexpr std::int64_t kMaxLimit = 2000;

struct StoredResult {
    std::int64_t row_id = 0;
    json::object document;
};

/// One assessment with everything needed to show its results.
struct Assessed {
    schema::Record record;
    std::shared_ptr<const catalog::Catalog> view;
    const catalog::Framework* framework = nullptr;
    std::unordered_map<std::string, const catalog::Node*> section_of;  // requirement → top node
    std::unordered_map<std::string, StoredResult> manual;              // by requirement URN
    std::vector<SourceResult> sources;
    std::unordered_map<std::string, InferredResult> inferred;
};

json::object ParseDocument(const std::string& text) {
    auto doc = ParseJson(text);
    ISMS_CHECK(doc && doc->is_object(), "an assessment result is the JSON its service wrote");
    return std::move(doc->as_object());
}

std::string InList(std::size_t n) {
    std::string marks;
    for (std::size_t i = 0; i < n; ++i) {
        marks += i == 0 ? "?" : ", ?";
    }
    return "(" + marks + ")";
}

/// The results of the assessments `ids` (other than not_assessed), as inference sources.
Result<std::vector<SourceResult>> LoadSources(
    const ComplianceDeps& deps, store::TenantScope& scope, const std::vector<std::int64_t>& ids
) {
    std::vector<SourceResult> out;
    if (ids.empty()) {
        return out;
    }
    store::SqlParams params{scope.tenant().value};
    for (const std::int64_t id : ids) {
        params.emplace_back(id);
    }
    ISMS_TRY_ASSIGN(
        auto assessments,
        scope.sql().Query(
            "SELECT id, ref FROM " + store::RegisterTable(deps.registry.Get("assessments"))
                + " WHERE tenant_id = ? AND archived_at IS NULL AND id IN " + InList(ids.size()),
            params
        )
    );
    std::unordered_map<std::int64_t, std::string> refs;
    for (const auto& a : assessments) {
        refs[a.Int(0)] = a.Text(1);
    }
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT assessment_id, requirement_urn, result FROM assessment_results WHERE "
            "tenant_id = ? AND result <> 'not_assessed' AND assessment_id IN "
                + InList(ids.size()) + " ORDER BY assessment_id, id",
            params
        )
    );
    out.reserve(rows.size());
    for (const auto& r : rows) {
        const auto ref = refs.find(r.Int(0));
        if (ref != refs.end()) {
            out.push_back({r.Int(0), ref->second, r.Text(1), r.Text(2)});
        }
    }
    return out;
}

/// Whether Load projects the results of the assessments named in infer_from.
enum class Inference { kSkip, kInfer };

Result<Assessed> Load(
    const ComplianceDeps& deps, store::TenantScope& scope, RecordId id, Inference inference
) {
    Assessed a;
    ISMS_TRY_ASSIGN(a.record, store::GetRecord(scope, deps.registry.Get("assessments"), id));
    ISMS_TRY_ASSIGN(a.view, deps.catalog.View(scope.tenant()));
    const std::string urn(a.record.fields.at("framework").as_string());
    const catalog::FrameworkEntry* entry = a.view->FindFramework(urn);
    if (entry == nullptr) {
        return Error::Conflict(
            fmt::format("{} assesses {}, which is no longer in the catalog", a.record.ref, urn)
        );
    }
    a.framework = entry->framework;
    for (const catalog::Node& n : a.framework->nodes) {
        const auto parent = a.section_of.find(n.parent_urn);
        a.section_of[n.urn] = parent != a.section_of.end() ? parent->second : &n;
    }
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT id, requirement_urn, document FROM assessment_results WHERE tenant_id = ? "
            "AND assessment_id = ?",
            {scope.tenant().value, id.value}
        )
    );
    for (const auto& r : rows) {
        a.manual[r.Text(1)] = StoredResult{r.Int(0), ParseDocument(r.Text(2))};
    }
    if (inference == Inference::kSkip) {
        return a;
    }
    ISMS_TRY_ASSIGN(
        a.sources,
        LoadSources(deps, scope, schema::ReferenceIds(a.record.fields.if_contains("infer_from")))
    );
    a.inferred = InferResults(*a.view, *a.framework, a.sources);
    return a;
}

json::object NodeJson(const catalog::Catalog& view, const std::string& urn) {
    const catalog::NodeEntry* e = view.FindNode(urn);
    return json::object{{"urn", urn}, {"ref_id", e != nullptr ? e->node->ref_id : ""}};
}

json::object ContributionJson(const catalog::Catalog& view, const Contribution& c) {
    json::array path;
    for (const PathStep& step : c.path) {
        path.emplace_back(catalog::MappingStepToJson(view, step.from_urn, *step.edge));
    }
    return json::object{
        {"assessment",
         json::object{{"id", c.source->assessment_id}, {"ref", c.source->assessment_ref}}},
        {"requirement", NodeJson(view, c.source->requirement_urn)},
        {"source_result", c.source->result},
        {"result", c.result},
        {"effect", PathEffectName(c.effect)},
        {"path", std::move(path)}};
}

/// The result a requirement counts with: the person's, else the inferred one.
struct Effective {
    std::string result = "not_assessed";
    std::string source = "none";  // manual, inferred, none
    std::string audit_result;
};

Effective EffectiveOf(const Assessed& a, const std::string& urn) {
    Effective e;
    if (const auto m = a.manual.find(urn); m != a.manual.end()) {
        e.result = std::string(m->second.document.at("result").as_string());
        e.source = "manual";
        if (const auto& audit = m->second.document.at("audit_result"); audit.is_string()) {
            e.audit_result = std::string(audit.get_string());
        }
        if (e.result != "not_assessed") {
            return e;
        }
    }
    if (const auto i = a.inferred.find(urn); i != a.inferred.end() && !i->second.result.empty()) {
        e.result = i->second.result;
        e.source = "inferred";
    }
    return e;
}

json::object ItemJson(const Assessed& a, const catalog::Node& node) {
    const catalog::Node* section = a.section_of.at(node.urn);
    const Effective effective = EffectiveOf(a, node.urn);
    json::object item{
        {"requirement",
         json::object{
             {"urn", node.urn},
             {"ref_id", node.ref_id},
             {"name", node.name},
             {"section", section->ref_id}}},
        {"result", effective.result},
        {"source", effective.source}};
    static const char* const kManualFields[] = {
        "score",
        "notes",
        "evidence",
        "applied_controls",
        "audit_result",
        "updated_at",
        "updated_by"};
    const auto m = a.manual.find(node.urn);
    for (const char* field : kManualFields) {
        item[field] = m != a.manual.end() ? m->second.document.at(field) : json::value(nullptr);
    }
    if (m != a.manual.end()) {
        item["manual_result"] = m->second.document.at("result");
    }
    json::value inferred(nullptr);
    json::array suggestions;
    if (const auto i = a.inferred.find(node.urn); i != a.inferred.end()) {
        if (!i->second.result.empty()) {
            json::array sources;
            for (const Contribution& c : i->second.sources) {
                sources.emplace_back(ContributionJson(*a.view, c));
            }
            inferred = json::object{{"result", i->second.result}, {"sources", std::move(sources)}};
        }
        for (const Contribution& c : i->second.suggestions) {
            suggestions.emplace_back(ContributionJson(*a.view, c));
        }
    }
    item["inferred"] = std::move(inferred);
    item["suggestions"] = std::move(suggestions);
    return item;
}

bool Assessable(const catalog::Node& n) {
    return n.assessable && !n.withdrawn;
}

/// Summary and per-section counts over every requirement.
std::pair<json::object, json::array> Counts(const Assessed& a) {
    ResultCounts total;
    std::vector<std::pair<const catalog::Node*, ResultCounts>> sections;
    for (const catalog::Node& n : a.framework->nodes) {
        if (n.parent_urn.empty()) {
            sections.emplace_back(&n, ResultCounts{});
        }
        if (!Assessable(n)) {
            continue;
        }
        const Effective e = EffectiveOf(a, n.urn);
        total.Add(e.result, e.source == "inferred", e.audit_result);
        const catalog::Node* section = a.section_of.at(n.urn);
        for (auto& [node, counts] : sections) {
            if (node == section) {
                counts.Add(e.result, e.source == "inferred", e.audit_result);
            }
        }
    }
    json::array out;
    for (const auto& [node, counts] : sections) {
        if (counts.requirements == 0) {
            continue;
        }
        json::object s = CountsToJson(counts);
        s["ref_id"] = node->ref_id;
        s["name"] = node->name;
        out.emplace_back(std::move(s));
    }
    return {CountsToJson(total), std::move(out)};
}

json::object Header(const Assessed& a) {
    return json::object{
        {"assessment",
         json::object{
             {"id", a.record.id.value},
             {"ref", a.record.ref},
             {"name", a.record.fields.at("name")}}},
        {"framework",
         json::object{
             {"urn", a.framework->urn},
             {"ref_id", a.framework->ref_id},
             {"name", a.framework->name}}}};
}

/// A requirement of the assessment's framework by URN (any case) or ref_id.
const catalog::Node* FindRequirement(const Assessed& a, std::string_view key) {
    const std::string urn = catalog::AsciiLowercase(key);
    for (const catalog::Node& n : a.framework->nodes) {
        if (n.urn == urn || n.ref_id == key) {
            return &n;
        }
    }
    return nullptr;
}

/// One result as asked for, every problem named under `at`.
struct ResultInput {
    const catalog::Node* node = nullptr;
    json::object content;  // result, score, notes, evidence, applied_controls, audit_result
};

std::optional<std::vector<std::int64_t>> IdList(
    const json::value& v, const std::string& at, std::vector<FieldError>& errors
) {
    std::vector<std::int64_t> ids;
    if (v.is_null()) {
        return ids;
    }
    if (!v.is_array()) {
        errors.push_back({at, "must be a list of record ids"});
        return std::nullopt;
    }
    for (std::size_t i = 0; i < v.get_array().size(); ++i) {
        const json::value& id = v.get_array()[i];
        if (!id.is_int64() || id.get_int64() <= 0) {
            errors.push_back({fmt::format("{}[{}]", at, i), "must be a record id"});
            return std::nullopt;
        }
        if (std::find(ids.begin(), ids.end(), id.get_int64()) == ids.end()) {
            ids.push_back(id.get_int64());
        }
    }
    return ids;
}

bool OneOf(const json::value& v, const auto& values) {
    return v.is_string() && std::any_of(std::begin(values), std::end(values), [&](const char* k) {
               return v.get_string() == k;
           });
}

ResultInput ReadResult(
    const Assessed& a,
    const json::value& item,
    const std::string& at,
    std::vector<FieldError>& errors
) {
    ResultInput in;
    if (!item.is_object()) {
        errors.push_back({at, "must be an object {requirement, result, …}"});
        return in;
    }
    const json::object& o = item.get_object();
    static const std::set<std::string, std::less<>> kKnown = {
        "requirement", "result", "score", "notes", "evidence", "applied_controls", "audit_result"};
    for (const auto& m : o) {
        if (!kKnown.contains(m.key())) {
            errors.push_back(
                {at + "." + std::string(m.key()),
                 "unknown field; expected requirement, result, score, notes, evidence, "
                 "applied_controls, audit_result"}
            );
        }
    }
    const json::value* requirement = o.if_contains("requirement");
    if (requirement == nullptr || !requirement->is_string()) {
        errors.push_back({at + ".requirement", "required: the requirement's URN or ref_id"});
    } else {
        in.node = FindRequirement(a, requirement->get_string());
        if (in.node == nullptr) {
            errors.push_back(
                {at + ".requirement",
                 fmt::format(
                     "'{}' is not a requirement of {}",
                     std::string_view(requirement->get_string()),
                     a.framework->ref_id
                 )}
            );
        } else if (!Assessable(*in.node)) {
            errors.push_back(
                {at + ".requirement",
                 fmt::format(
                     "{} {}; assess the requirements it holds",
                     in.node->ref_id,
                     in.node->withdrawn ? "is withdrawn" : "groups requirements"
                 )}
            );
        }
    }
    const json::value null;
    const json::value* result = o.if_contains("result");
    if (result == nullptr || !OneOf(*result, kAssessmentResults)) {
        errors.push_back(
            {at + ".result",
             "required: not_assessed, compliant, partially_compliant, non_compliant or "
             "not_applicable"}
        );
    } else {
        in.content["result"] = *result;
    }
    const json::value& score = o.contains("score") ? o.at("score") : null;
    if (!score.is_null()
        && (!score.is_int64() || score.get_int64() < 0 || score.get_int64() > 100)) {
        errors.push_back({at + ".score", "must be a whole number from 0 to 100"});
    }
    in.content["score"] = score;
    const json::value& notes = o.contains("notes") ? o.at("notes") : null;
    if (!notes.is_null() && (!notes.is_string() || notes.get_string().size() > kMaxNotes)) {
        errors.push_back(
            {at + ".notes", fmt::format("must be text of at most {} characters", kMaxNotes)}
        );
    }
    in.content["notes"] = notes.is_string() && notes.get_string().empty() ? null : notes;
    for (const char* list : {"evidence", "applied_controls"}) {
        auto ids = IdList(o.contains(list) ? o.at(list) : null, at + "." + list, errors);
        json::array values;
        for (const std::int64_t id : ids.value_or(std::vector<std::int64_t>{})) {
            values.emplace_back(id);
        }
        in.content[list] = std::move(values);
    }
    const json::value& audit = o.contains("audit_result") ? o.at("audit_result") : null;
    if (!audit.is_null() && !OneOf(audit, kAuditResults)) {
        errors.push_back(
            {at + ".audit_result",
             "must be major_nonconformity, minor_nonconformity, observation or "
             "opportunity_for_improvement"}
        );
    }
    in.content["audit_result"] = audit;
    return in;
}

/// True when a result says nothing beyond "not assessed": it is removed rather than stored.
bool Empty(const json::object& content) {
    return content.at("result") == "not_assessed" && content.at("score").is_null()
           && content.at("notes").is_null() && content.at("evidence").as_array().empty()
           && content.at("applied_controls").as_array().empty()
           && content.at("audit_result").is_null();
}

/// Refuses ids in `field` of the items that name no live record of `register_name`.
Status CheckLinks(
    const ComplianceDeps& deps,
    store::TenantScope& scope,
    const std::vector<ResultInput>& inputs,
    const char* field,
    std::vector<FieldError>& errors
) {
    const schema::RegisterSpec& spec = deps.registry.Get(field);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const std::vector<std::int64_t> ids =
            schema::ReferenceIds(inputs[i].content.if_contains(field));
        ISMS_TRY_ASSIGN(auto missing, store::MissingRecords(scope, spec, ids));
        for (const std::int64_t id : missing) {
            errors.push_back(
                {fmt::format("results[{}].{}", i, field),
                 fmt::format("no live {} record with id {}", spec.name, id)}
            );
        }
    }
    return {};
}

}  // namespace

Result<json::object> AssessmentService::Results(
    const iam::Principal& who, RecordId assessment, const ResultsQuery& query
) {
    ISMS_TRY(iam::Authorize(who, deps_.registry.Get("assessments"), iam::Action::kRead));
    std::vector<FieldError> errors;
    if (!query.result.empty() && !OneOf(json::value(query.result), kAssessmentResults)) {
        errors.push_back({"result", "must be one of the assessment results"});
    }
    if (!query.source.empty() && query.source != "manual" && query.source != "inferred"
        && query.source != "none") {
        errors.push_back({"source", "must be manual, inferred or none"});
    }
    if (query.limit < 1 || query.limit > kMaxLimit) {
        errors.push_back({"limit", fmt::format("must be from 1 to {}", kMaxLimit)});
    }
    if (query.offset < 0) {
        errors.push_back({"offset", "must not be negative"});
    }
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(Assessed a, Load(deps_, session, assessment, Inference::kInfer));
    const std::string section_urn = catalog::AsciiLowercase(query.section);
    if (!query.section.empty()
        && std::none_of(a.framework->nodes.begin(), a.framework->nodes.end(), [&](const auto& n) {
               return n.parent_urn.empty() && (n.ref_id == query.section || n.urn == section_urn);
           })) {
        return Error::Invalid(
            "section",
            fmt::format("'{}' is not a section of {}", query.section, a.framework->ref_id)
        );
    }
    json::array items;
    std::int64_t total = 0;
    for (const catalog::Node& n : a.framework->nodes) {
        if (!Assessable(n)) {
            continue;
        }
        const catalog::Node* section = a.section_of.at(n.urn);
        if (!query.section.empty() && section->ref_id != query.section
            && section->urn != section_urn) {
            continue;
        }
        if (!query.result.empty() || !query.source.empty()) {
            const Effective e = EffectiveOf(a, n.urn);
            if ((!query.result.empty() && e.result != query.result)
                || (!query.source.empty() && e.source != query.source)) {
                continue;
            }
        }
        if (total >= query.offset && total < query.offset + query.limit) {
            items.emplace_back(ItemJson(a, n));
        }
        ++total;
    }
    auto [summary, sections] = Counts(a);
    json::object out = Header(a);
    out["summary"] = std::move(summary);
    out["sections"] = std::move(sections);
    out["total"] = total;
    out["items"] = std::move(items);
    return out;
}

Result<json::object> AssessmentService::ResultOf(
    const iam::Principal& who, RecordId assessment, const std::string& requirement
) {
    ISMS_TRY(iam::Authorize(who, deps_.registry.Get("assessments"), iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(Assessed a, Load(deps_, session, assessment, Inference::kInfer));
    const catalog::Node* node = FindRequirement(a, requirement);
    if (node == nullptr || !Assessable(*node)) {
        return Error::NotFound(fmt::format(
            "'{}' is not an assessable requirement of {}", requirement, a.framework->ref_id
        ));
    }
    return ItemJson(a, *node);
}

Result<json::object> AssessmentService::Summary(const iam::Principal& who, RecordId assessment) {
    ISMS_TRY(iam::Authorize(who, deps_.registry.Get("assessments"), iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(Assessed a, Load(deps_, session, assessment, Inference::kInfer));
    auto [summary, sections] = Counts(a);
    json::object out = Header(a);
    out["summary"] = std::move(summary);
    out["sections"] = std::move(sections);
    return out;
}

Result<json::object> AssessmentService::SetResults(
    const iam::Principal& who, RecordId assessment, const json::object& body
) {
    const schema::RegisterSpec& spec = deps_.registry.Get("assessments");
    std::vector<FieldError> errors;
    for (const auto& m : body) {
        if (m.key() != "results") {
            errors.push_back({std::string(m.key()), "unknown field; expected results"});
        }
    }
    const json::value* list = body.if_contains("results");
    if (list == nullptr || !list->is_array() || list->get_array().empty()) {
        errors.push_back({"results", "required: a non-empty list of results"});
        return Error::Invalid(std::move(errors));
    }
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(Assessed a, Load(deps_, tx, assessment, Inference::kSkip));
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kUpdate, a.record.owner));
    if (a.record.archived_at) {
        return Error::Conflict(a.record.ref + " is deleted; its results are kept as they were");
    }
    if (const json::value* status = a.record.fields.if_contains("status");
        status != nullptr && *status == "done") {
        return Error::Conflict(
            a.record.ref + " is done and its results are frozen; set its status back to "
                           "in_review to change them"
        );
    }
    std::vector<ResultInput> inputs;
    std::set<const catalog::Node*> seen;
    for (std::size_t i = 0; i < list->get_array().size(); ++i) {
        const std::string at = fmt::format("results[{}]", i);
        ResultInput in = ReadResult(a, list->get_array()[i], at, errors);
        if (in.node != nullptr && !seen.insert(in.node).second) {
            errors.push_back({at + ".requirement", in.node->ref_id + " is given twice"});
        }
        inputs.push_back(std::move(in));
    }
    if (errors.empty()) {
        ISMS_TRY(CheckLinks(deps_, tx, inputs, "evidence", errors));
        ISMS_TRY(CheckLinks(deps_, tx, inputs, "applied_controls", errors));
    }
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    const std::string now = FormatTimestamp(tx.now());
    std::int64_t changed = 0;
    for (const ResultInput& in : inputs) {
        const auto old = a.manual.find(in.node->urn);
        const bool exists = old != a.manual.end();
        std::optional<std::string> before;
        if (exists) {
            json::object previous = old->second.document;
            before = ToJsonText(previous);
            previous.erase("updated_at");
            previous.erase("updated_by");
            previous.erase("assessment");
            previous.erase("requirement");
            if (previous == in.content) {
                continue;
            }
        }
        const std::string label = fmt::format("assessment {} ({})", a.record.ref, in.node->ref_id);
        if (Empty(in.content)) {
            if (!exists) {
                continue;
            }
            ISMS_TRY(tx.sql().Exec(
                "DELETE FROM assessment_results WHERE tenant_id = ? AND id = ?",
                {who.tenant.value, old->second.row_id}
            ));
            ISMS_TRY(
                tx.Append("cleared", "assessment_results", old->second.row_id, before, std::nullopt)
            );
            ISMS_TRY(evidence::ReplaceCitations(
                tx, fmt::format("assessment_result:{}", old->second.row_id), label, {}
            ));
            ++changed;
            continue;
        }
        json::object document = in.content;
        document["assessment"] = assessment.value;
        document["requirement"] = in.node->urn;
        document["updated_at"] = now;
        document["updated_by"] = who.user.value;
        const std::string text = ToJsonText(document);
        const std::string result(in.content.at("result").as_string());
        std::int64_t row_id = 0;
        if (exists) {
            row_id = old->second.row_id;
            ISMS_TRY(tx.sql().Exec(
                "UPDATE assessment_results SET result = ?, document = ? WHERE tenant_id = ? AND "
                "id = ?",
                {result, text, who.tenant.value, row_id}
            ));
        } else {
            ISMS_TRY_ASSIGN(
                row_id,
                tx.sql().QueryInt(
                    "INSERT INTO assessment_results (tenant_id, assessment_id, requirement_urn, "
                    "result, document) VALUES (?, ?, ?, ?, ?) RETURNING id",
                    {who.tenant.value, assessment.value, in.node->urn, result, text}
                )
            );
        }
        ISMS_TRY(tx.Append("assessed", "assessment_results", row_id, before, text));
        ISMS_TRY(evidence::ReplaceCitations(
            tx,
            fmt::format("assessment_result:{}", row_id),
            label,
            schema::ReferenceIds(in.content.if_contains("evidence"))
        ));
        ++changed;
    }
    ISMS_TRY_ASSIGN(Assessed after, Load(deps_, tx, assessment, Inference::kInfer));
    ISMS_TRY(tx.Commit());
    json::array items;
    for (const ResultInput& in : inputs) {
        items.emplace_back(ItemJson(after, *in.node));
    }
    return json::object{{"changed", changed}, {"items", std::move(items)}};
}

}  // namespace isms::compliance
