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

enum class ResultSource : std::uint8_t { kNone, kManual, kInferred };

/// One assessable requirement and the result it counts with: the person's, else the inferred.
struct ResultRow {
    const catalog::Node* node = nullptr;
    std::int64_t stored = 0;    // the row id of the result a person stored (perhaps only notes)
    std::uint16_t section = 0;  // index in ResultsState::sections
    std::uint8_t result = 0;    // index in kAssessmentResults
    ResultSource source = ResultSource::kNone;
    std::int8_t audit_result = -1;  // index in kAuditResults, -1 for none

    [[nodiscard]] std::string_view ResultName() const { return kAssessmentResults[result]; }
    [[nodiscard]] std::string_view AuditName() const {
        return audit_result < 0 ? std::string_view() : kAuditResults[audit_result];
    }
};

/// What every read of an assessment's results needs. It is built once per change of the
/// tenant's assessments, results or catalog (AssessmentService caches it), and holds no stored
/// documents: a page reads only the documents it shows.
struct ResultsState {
    std::shared_ptr<const catalog::Catalog> view;
    const catalog::Framework* framework = nullptr;
    // {"assessment":…,"framework":…,"summary":…,"sections":[…] without the closing brace
    std::string head;
    std::vector<const catalog::Node*> sections;  // the top-level nodes
    std::vector<ResultRow> rows;                 // the assessable requirements, in order
    std::vector<SourceResult> sources;
    std::unordered_map<std::string, InferredResult> inferred;  // points into `sources`
};

namespace {

/// Bumped by every change of results: cached states follow it.
constexpr std::string_view kResultsVersion = "assessment_results";
constexpr std::size_t kMaxNotes = 10000;
constexpr std::int64_t kMaxLimit = 2000;

struct StoredResult {
    std::int64_t row_id = 0;
    json::object document;
};

/// An assessment with its stored results, documents parsed: what a write compares against.
struct Assessed {
    schema::Record record;
    std::shared_ptr<const catalog::Catalog> view;
    const catalog::Framework* framework = nullptr;
    std::unordered_map<std::string, StoredResult> manual;  // by requirement URN
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

/// The assessment record and its framework in the tenant's catalog view.
Result<Assessed> LoadRecord(const ComplianceDeps& deps, store::TenantScope& scope, RecordId id) {
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
    return a;
}

/// LoadRecord with every stored result.
Result<Assessed> Load(const ComplianceDeps& deps, store::TenantScope& scope, RecordId id) {
    ISMS_TRY_ASSIGN(Assessed a, LoadRecord(deps, scope, id));
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
    return a;
}

/// Index of `value` in `values`, or -1.
int IndexOf(std::string_view value, const auto& values) {
    for (std::size_t i = 0; i < std::size(values); ++i) {
        if (value == values[i]) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

const char* SourceName(ResultSource s) {
    switch (s) {
        case ResultSource::kManual:
            return "manual";
        case ResultSource::kInferred:
            return "inferred";
        case ResultSource::kNone:
            break;
    }
    return "none";
}

bool Assessable(const catalog::Node& n) {
    return n.assessable && !n.withdrawn;
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

/// The summary and per-section counts over every requirement.
std::pair<json::object, json::array> Counts(const ResultsState& state) {
    ResultCounts total;
    std::vector<ResultCounts> sections(state.sections.size());
    for (const ResultRow& row : state.rows) {
        const bool inferred = row.source == ResultSource::kInferred;
        total.Add(row.ResultName(), inferred, row.AuditName());
        sections[row.section].Add(row.ResultName(), inferred, row.AuditName());
    }
    json::array out;
    for (std::size_t i = 0; i < sections.size(); ++i) {
        if (sections[i].requirements == 0) {
            continue;
        }
        json::object s = CountsToJson(sections[i]);
        s["ref_id"] = state.sections[i]->ref_id;
        s["name"] = state.sections[i]->name;
        out.emplace_back(std::move(s));
    }
    return {CountsToJson(total), std::move(out)};
}

Result<std::shared_ptr<const ResultsState>> BuildState(
    const ComplianceDeps& deps, store::TenantScope& scope, RecordId id
) {
    ISMS_TRY_ASSIGN(Assessed a, LoadRecord(deps, scope, id));
    auto state = std::make_shared<ResultsState>();
    state->view = a.view;
    state->framework = a.framework;
    ISMS_TRY_ASSIGN(
        auto stored,
        scope.sql().Query(
            "SELECT id, requirement_urn, result, "
                + store::JsonMemberText(scope.sql().dialect(), "document", "audit_result")
                + " FROM assessment_results WHERE tenant_id = ? AND assessment_id = ?",
            {scope.tenant().value, id.value}
        )
    );
    std::unordered_map<std::string_view, const store::SqlRow*> stored_by_urn;
    stored_by_urn.reserve(stored.size());
    for (const auto& r : stored) {
        stored_by_urn[r.Text(1)] = &r;
    }
    ISMS_TRY_ASSIGN(
        state->sources,
        LoadSources(deps, scope, schema::ReferenceIds(a.record.fields.if_contains("infer_from")))
    );
    state->inferred = InferResults(*a.view, *a.framework, state->sources);
    std::unordered_map<std::string_view, std::uint16_t> section_of;
    section_of.reserve(a.framework->nodes.size());
    for (const catalog::Node& n : a.framework->nodes) {
        const auto parent = section_of.find(n.parent_urn);
        if (parent == section_of.end()) {
            state->sections.push_back(&n);
        }
        const auto section = parent != section_of.end()
                                 ? parent->second
                                 : static_cast<std::uint16_t>(state->sections.size() - 1);
        section_of[n.urn] = section;
        if (!Assessable(n)) {
            continue;
        }
        ResultRow row{&n, 0, section};
        if (const auto s = stored_by_urn.find(n.urn); s != stored_by_urn.end()) {
            row.stored = s->second->Int(0);
            row.result = static_cast<std::uint8_t>(
                std::max(0, IndexOf(s->second->Text(2), kAssessmentResults))
            );
            row.source = ResultSource::kManual;
            if (!s->second->IsNull(3)) {
                row.audit_result =
                    static_cast<std::int8_t>(IndexOf(s->second->Text(3), kAuditResults));
            }
        }
        if (row.result == 0) {  // not assessed by a person: the inferred result counts
            if (const auto i = state->inferred.find(n.urn);
                i != state->inferred.end() && !i->second.result.empty()) {
                row.result = static_cast<std::uint8_t>(
                    std::max(0, IndexOf(i->second.result, kAssessmentResults))
                );
                row.source = ResultSource::kInferred;
            }
        }
        state->rows.push_back(row);
    }
    json::object head = Header(a);
    auto [summary, sections] = Counts(*state);
    head["summary"] = std::move(summary);
    head["sections"] = std::move(sections);
    state->head = json::serialize(head);
    state->head.pop_back();  // the closing brace: callers add members
    return std::shared_ptr<const ResultsState>(std::move(state));
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

/// One requirement's result; `document` is its stored result, nullptr when none is.
/// Built in `storage` (a page's arena), since a page is mostly these objects.
json::object ItemJson(
    const ResultsState& state,
    const ResultRow& row,
    const json::object* document,
    const json::storage_ptr& storage = {}
) {
    const catalog::Node& node = *row.node;
    json::object item(
        {{"requirement",
          {{"urn", node.urn},
           {"ref_id", node.ref_id},
           {"name", node.name},
           {"section", state.sections[row.section]->ref_id}}},
         {"result", row.ResultName()},
         {"source", SourceName(row.source)}},
        storage
    );
    static const char* const kManualFields[] = {
        "score",
        "notes",
        "evidence",
        "applied_controls",
        "audit_result",
        "updated_at",
        "updated_by"};
    for (const char* field : kManualFields) {
        item[field] = document != nullptr ? document->at(field) : json::value(nullptr);
    }
    if (document != nullptr) {
        item["manual_result"] = document->at("result");
    }
    json::value inferred(nullptr, storage);
    json::array suggestions(storage);
    if (const auto i = state.inferred.find(node.urn); i != state.inferred.end()) {
        if (!i->second.result.empty()) {
            json::array sources;
            for (const Contribution& c : i->second.sources) {
                sources.emplace_back(ContributionJson(*state.view, c));
            }
            inferred = json::object{{"result", i->second.result}, {"sources", std::move(sources)}};
        }
        for (const Contribution& c : i->second.suggestions) {
            suggestions.emplace_back(ContributionJson(*state.view, c));
        }
    }
    item["inferred"] = std::move(inferred);
    item["suggestions"] = std::move(suggestions);
    return item;
}

/// One requirement's result with its stored document, read from the store.
Result<json::object> StoredItem(
    store::TenantScope& scope,
    const ResultsState& state,
    const ResultRow& row,
    const json::storage_ptr& storage = {}
) {
    if (row.stored == 0) {
        return ItemJson(state, row, nullptr, storage);
    }
    ISMS_TRY_ASSIGN(
        auto stored,
        scope.sql().Query(
            "SELECT document FROM assessment_results WHERE tenant_id = ? AND id = ?",
            {scope.tenant().value, row.stored}
        )
    );
    if (stored.empty()) {
        return Error::Internal("assessment result " + std::to_string(row.stored) + " vanished");
    }
    const json::object document = ParseDocument(stored[0].Text(0));
    return ItemJson(state, row, &document, storage);
}

/// A node of `framework` by URN (any case) or ref_id.
const catalog::Node* FindRequirement(const catalog::Framework& framework, std::string_view key) {
    const std::string urn = catalog::AsciiLowercase(key);
    for (const catalog::Node& n : framework.nodes) {
        if (n.urn == urn || n.ref_id == key) {
            return &n;
        }
    }
    return nullptr;
}

/// The row of an assessable requirement, by URN (any case) or ref_id.
const ResultRow* FindRow(const ResultsState& state, std::string_view key) {
    const catalog::Node* node = FindRequirement(*state.framework, key);
    for (const ResultRow& row : state.rows) {
        if (row.node == node) {
            return &row;
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
        in.node = FindRequirement(*a.framework, requirement->get_string());
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

Result<std::shared_ptr<const ResultsState>> AssessmentService::State(
    store::TenantScope& scope, RecordId assessment
) {
    ISMS_TRY_ASSIGN(auto view, deps_.catalog.View(scope.tenant()));
    ISMS_TRY_ASSIGN(
        std::string versions, store::RegisterVersionStamp(scope, {"assessments", kResultsVersion})
    );
    const std::pair key{scope.tenant().value, assessment.value};
    if (auto cached = states_.Find(key, CatalogStamp{versions, std::move(view)})) {
        return *cached;
    }
    ISMS_TRY_ASSIGN(auto state, BuildState(deps_, scope, assessment));
    // Stamped with the view it was built from: a catalog import since is seen by the next read.
    states_.Store(key, CatalogStamp{std::move(versions), state->view}, state);
    return state;
}

Result<std::string> AssessmentService::Results(
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
    ISMS_TRY_ASSIGN(auto state, State(session, assessment));
    const std::string section_urn = catalog::AsciiLowercase(query.section);
    const auto in_section = [&](const catalog::Node& top) {
        return top.ref_id == query.section || top.urn == section_urn;
    };
    if (!query.section.empty()
        && std::none_of(
            state->framework->nodes.begin(),
            state->framework->nodes.end(),
            [&](const auto& n) { return n.parent_urn.empty() && in_section(n); }
        )) {
        return Error::Invalid(
            "section",
            fmt::format("'{}' is not a section of {}", query.section, state->framework->ref_id)
        );
    }
    std::vector<const ResultRow*> page;
    std::int64_t total = 0;
    for (const ResultRow& row : state->rows) {
        if ((!query.section.empty() && !in_section(*state->sections[row.section]))
            || (!query.result.empty() && row.ResultName() != query.result)
            || (!query.source.empty() && SourceName(row.source) != query.source)) {
            continue;
        }
        if (total >= query.offset && total < query.offset + query.limit) {
            page.push_back(&row);
        }
        ++total;
    }
    std::string out = state->head;
    out += ",\"total\":" + std::to_string(total) + ",\"items\":";
    out += '[';
    json::monotonic_resource arena;
    const json::storage_ptr storage(&arena);
    for (const ResultRow* row : page) {
        if (row != page.front()) {
            out += ',';
        }
        ISMS_TRY_ASSIGN(json::object item, StoredItem(session, *state, *row, storage));
        out += json::serialize(item);
    }
    out += "]}";
    return out;
}

Result<json::object> AssessmentService::ResultOf(
    const iam::Principal& who, RecordId assessment, const std::string& requirement
) {
    ISMS_TRY(iam::Authorize(who, deps_.registry.Get("assessments"), iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(auto state, State(session, assessment));
    const ResultRow* row = FindRow(*state, requirement);
    if (row == nullptr) {
        return Error::NotFound(fmt::format(
            "'{}' is not an assessable requirement of {}", requirement, state->framework->ref_id
        ));
    }
    return StoredItem(session, *state, *row);
}

Result<std::string> AssessmentService::Summary(const iam::Principal& who, RecordId assessment) {
    ISMS_TRY(iam::Authorize(who, deps_.registry.Get("assessments"), iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(auto state, State(session, assessment));
    return state->head + '}';
}

Result<json::object> AssessmentService::SetResults(
    const iam::Principal& who, RecordId assessment, const json::object& body
) {
    const schema::RegisterSpec& spec = deps_.registry.Get("assessments");
    // The assessment and the permission come first: another organization's assessment is not
    // found and a refused caller hears 403 whatever the body says.
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(Assessed a, Load(deps_, tx, assessment));
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kUpdate, a.record.owner));
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
    if (changed > 0) {
        ISMS_TRY(store::BumpRegisterVersion(tx, kResultsVersion));
    }
    ISMS_TRY_ASSIGN(auto after, BuildState(deps_, tx, assessment));
    std::unordered_map<const catalog::Node*, const ResultRow*> row_of;
    for (const ResultRow& row : after->rows) {
        row_of[row.node] = &row;
    }
    json::array items;
    for (const ResultInput& in : inputs) {
        ISMS_TRY_ASSIGN(json::object item, StoredItem(tx, *after, *row_of.at(in.node)));
        items.emplace_back(std::move(item));
    }
    ISMS_TRY(tx.Commit());
    return json::object{{"changed", changed}, {"items", std::move(items)}};
}

}  // namespace isms::compliance
