#include "records/record_service.hpp"

#include "iam/permission.hpp"
#include "schema/csv.hpp"
#include "schema/list_query.hpp"
#include "schema/validate.hpp"
#include "store/record_json.hpp"
#include "store/records.hpp"
#include "store/session.hpp"

namespace isms::records {

namespace {

using schema::FieldSpec;
using schema::FieldType;

json::object EventToJson(const store::LedgerEvent& e) {
    auto parse = [](const std::optional<std::string>& s) -> json::value {
        if (!s) {
            return nullptr;
        }
        auto v = ParseJson(*s);
        return v ? std::move(*v) : json::value(nullptr);
    };
    return json::object{
        {"seq", e.seq},
        {"at", FormatTimestamp(e.at)},
        {"actor", json::object{{"id", e.actor.id.value}, {"name", e.actor.name}}},
        {"action", e.action},
        {"before", parse(e.before)},
        {"after", parse(e.after)},
        {"hash", e.hash}};
}

/// Ids named by reference fields of one field, whatever their shape.
std::vector<std::int64_t> ReferencedIds(const FieldSpec& f, const json::value& v) {
    std::vector<std::int64_t> ids;
    if (f.type == FieldType::kReference || f.type == FieldType::kUser) {
        ids.push_back(v.to_number<std::int64_t>());
    } else if (f.type == FieldType::kReferenceList) {
        for (const auto& item : v.as_array()) {
            ids.push_back(item.to_number<std::int64_t>());
        }
    }
    return ids;
}

}  // namespace

RecordService::RecordService(
    store::Database& db,
    const schema::Registry& registry,
    const Clock& clock,
    const store::LedgerKey& key
)
    : db_(db), registry_(registry), clock_(clock), key_(key) {}

Result<const schema::RegisterSpec*> RecordService::Find(std::string_view register_name) const {
    const schema::RegisterSpec* spec = registry_.Find(register_name);
    if (spec == nullptr) {
        return Error::NotFound("no register '" + std::string(register_name) + "'");
    }
    return spec;
}

Status RecordService::CheckReferences(
    store::TenantScope& scope,
    const schema::RegisterSpec& spec,
    const std::vector<FieldSpec>& extension,
    const schema::Draft& draft
) {
    std::vector<FieldError> errors;
    auto check_users = [&](const std::string& path,
                           const std::vector<std::int64_t>& ids) -> Status {
        for (auto id : ids) {
            ISMS_TRY_ASSIGN(
                auto rows,
                scope.sql().Query(
                    "SELECT 1 FROM memberships WHERE tenant_id = ? AND user_id = ?",
                    {scope.tenant().value, id}
                )
            );
            if (rows.empty()) {
                errors.push_back(
                    {path, "user " + std::to_string(id) + " is not a member of this organization"}
                );
            }
        }
        return {};
    };
    auto check_field = [&](const FieldSpec& f, const json::value& v, const std::string& path
                       ) -> Status {
        if (v.is_null()) {
            return {};
        }
        if (f.type == FieldType::kUser) {
            return check_users(path, ReferencedIds(f, v));
        }
        if (f.type != FieldType::kReference && f.type != FieldType::kReferenceList) {
            return {};
        }
        const schema::RegisterSpec* target = registry_.Find(f.target);
        if (target == nullptr) {
            errors.push_back({path, "refers to unknown register '" + f.target + "'"});
            return {};
        }
        ISMS_TRY_ASSIGN(auto missing, store::MissingRecords(scope, *target, ReferencedIds(f, v)));
        for (auto id : missing) {
            errors.push_back({path, "no " + target->name + " record with id " + std::to_string(id)}
            );
        }
        return {};
    };
    for (const auto& [key, value] : draft.fields) {
        if (const FieldSpec* f = spec.Field(key)) {
            ISMS_TRY(check_field(*f, value, std::string(key)));
        }
    }
    if (draft.extra) {
        for (const auto& [key, value] : *draft.extra) {
            for (const auto& f : extension) {
                if (f.name == key) {
                    ISMS_TRY(check_field(f, value, "extra." + std::string(key)));
                }
            }
        }
    }
    if (draft.owner && *draft.owner) {
        ISMS_TRY(check_users("owner", {(*draft.owner)->value}));
    }
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    return {};
}

void RecordService::SetRules(std::string_view register_name, RecordRules& rules) {
    rules_[std::string(register_name)] = &rules;
}

Status RecordService::ApplyRules(
    store::WriteTx& tx,
    const iam::Principal& who,
    const schema::RegisterSpec& spec,
    const schema::Record* current,
    schema::Draft& draft
) {
    auto it = rules_.find(spec.name);
    if (it == rules_.end()) {
        return {};
    }
    return it->second->BeforeWrite(tx, who, spec, current, draft);
}

Result<std::string> RecordService::ListJson(
    const iam::Principal& who, std::string_view register_name, const QueryParams& params
) {
    ISMS_TRY_ASSIGN(const auto* spec, Find(register_name));
    ISMS_TRY(iam::Authorize(who, *spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(schema::ListQuery query, schema::ParseListQuery(*spec, params));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(db_, who.tenant));
    return store::ListRecordsJson(session, *spec, query, &totals_);
}

Result<json::object> RecordService::List(
    const iam::Principal& who, std::string_view register_name, const QueryParams& params
) {
    ISMS_TRY_ASSIGN(std::string text, ListJson(who, register_name, params));
    ISMS_TRY_ASSIGN(json::value page, ParseJson(text));
    return std::move(page.as_object());
}

Result<json::object> RecordService::Get(
    const iam::Principal& who, std::string_view register_name, RecordId id
) {
    ISMS_TRY_ASSIGN(const auto* spec, Find(register_name));
    ISMS_TRY(iam::Authorize(who, *spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(db_, who.tenant));
    ISMS_TRY_ASSIGN(auto record, store::GetRecord(session, *spec, id));
    return schema::RecordToJson(*spec, record);
}

Result<json::object> RecordService::Create(
    const iam::Principal& who, std::string_view register_name, const json::object& body
) {
    ISMS_TRY_ASSIGN(const auto* spec, Find(register_name));
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY_ASSIGN(auto record, CreateIn(tx, who, register_name, body));
    ISMS_TRY(tx.Commit());
    return schema::RecordToJson(*spec, record);
}

Result<schema::Record> RecordService::CreateIn(
    store::WriteTx& tx,
    const iam::Principal& who,
    std::string_view register_name,
    const json::object& body
) {
    ISMS_TRY_ASSIGN(const auto* spec, Find(register_name));
    ISMS_TRY(iam::Authorize(who, *spec, iam::Action::kCreate));
    ISMS_TRY_ASSIGN(auto extension, store::LoadExtension(tx, spec->name));
    ISMS_TRY_ASSIGN(
        schema::Draft draft,
        schema::ValidateInput(*spec, extension, body, schema::InputMode::kCreate)
    );
    ISMS_TRY(CheckReferences(tx, *spec, extension, draft));
    ISMS_TRY(ApplyRules(tx, who, *spec, nullptr, draft));
    return store::InsertRecord(tx, *spec, draft);
}

Result<std::int64_t> RecordService::CreateMany(
    const iam::Principal& who,
    std::string_view register_name,
    const std::vector<json::object>& bodies
) {
    ISMS_TRY_ASSIGN(const auto* spec, Find(register_name));
    ISMS_TRY(iam::Authorize(who, *spec, iam::Action::kCreate));
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY_ASSIGN(auto extension, store::LoadExtension(tx, spec->name));
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        auto draft = schema::ValidateInput(*spec, extension, bodies[i], schema::InputMode::kCreate);
        auto checked =
            draft ? CheckReferences(tx, *spec, extension, *draft) : Status(draft.error());
        if (checked) {
            checked = ApplyRules(tx, who, *spec, nullptr, *draft);
        }
        if (!checked) {
            Error e = checked.error();
            for (auto& f : e.fields) {
                f.field = "items[" + std::to_string(i) + "]." + f.field;
            }
            e.message = "items[" + std::to_string(i) + "]: " + e.message;
            return e;
        }
        ISMS_TRY(store::InsertRecord(tx, *spec, *draft));
    }
    ISMS_TRY(tx.Commit());
    return static_cast<std::int64_t>(bodies.size());
}

Result<json::object> RecordService::Patch(
    const iam::Principal& who,
    std::string_view register_name,
    RecordId id,
    std::optional<std::int64_t> expected_version,
    const json::object& body
) {
    ISMS_TRY_ASSIGN(const auto* spec, Find(register_name));
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY_ASSIGN(auto record, PatchIn(tx, who, register_name, id, expected_version, body));
    ISMS_TRY(tx.Commit());
    return schema::RecordToJson(*spec, record);
}

Result<schema::Record> RecordService::PatchIn(
    store::WriteTx& tx,
    const iam::Principal& who,
    std::string_view register_name,
    RecordId id,
    std::optional<std::int64_t> expected_version,
    const json::object& body
) {
    ISMS_TRY_ASSIGN(const auto* spec, Find(register_name));
    ISMS_TRY_ASSIGN(auto current, store::GetRecord(tx, *spec, id));
    ISMS_TRY(iam::Authorize(who, *spec, iam::Action::kUpdate, current.owner));
    ISMS_TRY_ASSIGN(auto extension, store::LoadExtension(tx, spec->name));
    ISMS_TRY_ASSIGN(
        schema::Draft draft,
        schema::ValidateInput(*spec, extension, body, schema::InputMode::kPatch)
    );
    if (draft.owner && who.role != iam::Role::kAdmin && who.role != iam::Role::kIsmsManager
        && *draft.owner != current.owner) {
        return Error::Denied("only an admin or ISMS manager may hand a record to another owner");
    }
    ISMS_TRY(CheckReferences(tx, *spec, extension, draft));
    ISMS_TRY(ApplyRules(tx, who, *spec, &current, draft));
    return store::UpdateRecord(tx, *spec, id, expected_version, draft);
}

Result<json::object> RecordService::Archive(
    const iam::Principal& who,
    std::string_view register_name,
    RecordId id,
    std::optional<std::int64_t> expected_version
) {
    ISMS_TRY_ASSIGN(const auto* spec, Find(register_name));
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY_ASSIGN(auto current, store::GetRecord(tx, *spec, id));
    ISMS_TRY(iam::Authorize(who, *spec, iam::Action::kArchive, current.owner));
    if (const auto rules = rules_.find(spec->name); rules != rules_.end()) {
        ISMS_TRY(rules->second->BeforeArchive(tx, *spec, current));
    }
    ISMS_TRY_ASSIGN(auto record, store::ArchiveRecord(tx, *spec, id, expected_version));
    ISMS_TRY(tx.Commit());
    return schema::RecordToJson(*spec, record);
}

Result<json::object> RecordService::History(
    const iam::Principal& who, std::string_view register_name, RecordId id
) {
    ISMS_TRY_ASSIGN(const auto* spec, Find(register_name));
    ISMS_TRY(iam::Authorize(who, *spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(db_, who.tenant));
    ISMS_TRY(store::GetRecord(session, *spec, id));  // 404 for ids of other tenants
    ISMS_TRY_ASSIGN(auto events, store::RecordHistory(session, *spec, id));
    json::array items;
    for (const auto& e : events) {
        items.push_back(EventToJson(e));
    }
    return json::object{{"items", std::move(items)}};
}

Result<std::string> RecordService::ExportCsv(
    const iam::Principal& who, std::string_view register_name, const QueryParams& params
) {
    ISMS_TRY_ASSIGN(const auto* spec, Find(register_name));
    ISMS_TRY(iam::Authorize(who, *spec, iam::Action::kRead));
    QueryParams filters;
    for (const auto& p : params) {
        if (p.first != "limit" && p.first != "offset") {
            filters.push_back(p);
        }
    }
    ISMS_TRY_ASSIGN(schema::ListQuery query, schema::ParseListQuery(*spec, filters));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(db_, who.tenant));
    ISMS_TRY_ASSIGN(auto all, store::ListAllRecords(session, *spec, query));
    return schema::RecordsToCsv(*spec, all);
}

Result<json::object> RecordService::Schema(const iam::Principal& who) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(db_, who.tenant));
    json::array registers;
    for (const auto& spec : registry_.All()) {
        json::array fields;
        for (const auto& f : spec.fields) {
            fields.push_back(schema::FieldToJson(f));
        }
        ISMS_TRY_ASSIGN(auto extension, store::LoadExtension(session, spec.name));
        json::array custom;
        for (const auto& f : extension) {
            custom.push_back(schema::FieldToJson(f));
        }
        json::array editors;
        for (const auto& r : spec.editor_roles) {
            editors.emplace_back(r);
        }
        registers.push_back(json::object{
            {"name", spec.name},
            {"title", spec.title},
            {"ref_prefix", spec.ref_prefix},
            {"clause", spec.clause},
            {"description", spec.description},
            {"editor_roles", std::move(editors)},
            {"fields", std::move(fields)},
            {"custom_fields", std::move(custom)}});
    }
    return json::object{{"registers", std::move(registers)}};
}

Result<json::object> RecordService::SetExtension(
    const iam::Principal& who, std::string_view register_name, const json::value& body
) {
    ISMS_TRY_ASSIGN(const auto* spec, Find(register_name));
    ISMS_TRY(iam::RequireAdmin(who));
    const json::value* list = body.is_object() ? body.as_object().if_contains("fields") : nullptr;
    if (list == nullptr || !list->is_array()) {
        return Error::Invalid("fields", "must be an array of field declarations");
    }
    if (body.as_object().size() != 1) {
        return Error::Invalid("fields", "the body has members other than 'fields'");
    }
    std::vector<FieldSpec> fields;
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < list->as_array().size(); ++i) {
        const std::string path = "fields[" + std::to_string(i) + "]";
        auto f = schema::FieldFromJson(list->as_array()[i], path);
        if (!f) {
            for (auto& e : f.error().fields) {
                errors.push_back(std::move(e));
            }
            continue;
        }
        if (spec->Field(f->name) != nullptr) {
            errors.push_back(
                {path + ".name", "'" + f->name + "' is a declared field of " + spec->name}
            );
        }
        for (const auto& earlier : fields) {
            if (earlier.name == f->name) {
                errors.push_back({path + ".name", "declared twice"});
            }
        }
        if ((f->type == FieldType::kReference || f->type == FieldType::kReferenceList)
            && registry_.Find(f->target) == nullptr) {
            errors.push_back({path + ".target", "no register '" + f->target + "'"});
        }
        fields.push_back(std::move(*f));
    }
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY(store::SaveExtension(tx, spec->name, fields));
    ISMS_TRY(tx.Commit());
    json::array out;
    for (const auto& f : fields) {
        out.push_back(schema::FieldToJson(f));
    }
    return json::object{{"register", spec->name}, {"custom_fields", std::move(out)}};
}

}  // namespace isms::records
