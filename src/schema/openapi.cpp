#include "schema/openapi.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "schema/list_query.hpp"

namespace isms::schema {

namespace {

// Limits the validator enforces (validate.cpp); repeated here so the document states them.
constexpr std::int64_t kMaxTags = 32;
constexpr std::int64_t kMaxTagLength = 64;
constexpr std::int64_t kMaxReferences = 1000;

// OpenAPI method keys in the order they appear inside one path item.
constexpr std::array<std::string_view, 8> kMethods = {
    "get", "put", "post", "patch", "delete", "head", "options", "trace"};

std::string PascalCase(std::string_view text) {
    std::string out;
    bool upper = true;
    for (const char c : text) {
        const bool alnum =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            upper = true;
            continue;
        }
        out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return out;
}

std::string Lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

json::object Ref(std::string_view section, std::string_view name) {
    return {{"$ref", "#/components/" + std::string(section) + "/" + std::string(name)}};
}

json::object SchemaRef(std::string_view name) {
    return Ref("schemas", name);
}

/// `type` alone, or `[type, "null"]` (JSON Schema 2020-12, which OpenAPI 3.1 uses).
json::value Type(std::string_view type, bool nullable) {
    if (!nullable) {
        return json::value(json::string(type));
    }
    return json::array{json::string(type), "null"};
}

json::object Simple(std::string_view type, bool nullable = false) {
    return {{"type", Type(type, nullable)}};
}

json::object DateTime(bool nullable = false) {
    json::object s = Simple("string", nullable);
    s["format"] = "date-time";
    return s;
}

json::object ReadOnly(json::object schema) {
    schema["readOnly"] = true;
    return schema;
}

/// A declared bound as JSON: integral bounds of integer fields stay integers.
json::value Bound(double d, bool integer) {
    if (integer && d == std::floor(d) && std::fabs(d) < 9e15) {
        return json::value(static_cast<std::int64_t>(d));
    }
    return json::value(d);
}

json::object IdSchema(bool nullable = false) {
    json::object s = Simple("integer", nullable);
    s["minimum"] = 1;
    return s;
}

json::object TagsSchema() {
    json::object item = Simple("string");
    item["minLength"] = 1;
    item["maxLength"] = kMaxTagLength;
    json::object s = Simple("array");
    s["items"] = std::move(item);
    s["maxItems"] = kMaxTags;
    s["uniqueItems"] = true;
    return s;
}

json::object ExtraSchema() {
    json::object s = Simple("object");
    s["description"] =
        "Custom fields this organization declared for the register (GET /api/v1/schema).";
    return s;
}

/// The JSON Schema of one declared field's value. `nullable` when the value may be null
/// (output of an optional field, or input that clears it).
json::object FieldSchema(const FieldSpec& f, bool nullable) {
    json::object s;
    std::string description = f.description;
    auto append = [&description](std::string_view sentence) {
        description += description.empty() ? "" : " ";
        description += sentence;
    };
    switch (f.type) {
        case FieldType::kText:
        case FieldType::kMarkdown:
            s["type"] = Type("string", nullable);
            if (f.required) {
                s["minLength"] = 1;
            }
            s["maxLength"] = f.LengthLimit();
            if (f.type == FieldType::kMarkdown) {
                s["contentMediaType"] = "text/markdown";
            }
            break;
        case FieldType::kEnum: {
            s["type"] = Type("string", nullable);
            json::array values;
            for (const std::string& v : f.values) {
                values.emplace_back(v);
            }
            if (nullable) {
                values.emplace_back(nullptr);  // `enum` restricts null as well as strings
            }
            s["enum"] = std::move(values);
            break;
        }
        case FieldType::kInt:
        case FieldType::kDecimal: {
            const bool integer = f.type == FieldType::kInt;
            s["type"] = Type(integer ? "integer" : "number", nullable);
            if (f.min) {
                s["minimum"] = Bound(*f.min, integer);
            }
            if (f.max) {
                s["maximum"] = Bound(*f.max, integer);
            }
            break;
        }
        case FieldType::kBool:
            s["type"] = Type("boolean", nullable);
            break;
        case FieldType::kDate:
            s["type"] = Type("string", nullable);
            s["format"] = "date";
            break;
        case FieldType::kDateTime:
            s["type"] = Type("string", nullable);
            s["format"] = "date-time";
            break;
        case FieldType::kReference:
            s = IdSchema(nullable);
            append("Id of a record in register `" + f.target + "`.");
            break;
        case FieldType::kUser:
            s = IdSchema(nullable);
            append("Id of a member of the organization.");
            break;
        case FieldType::kReferenceList:
            s["type"] = Type("array", nullable);
            s["items"] = IdSchema();
            s["uniqueItems"] = true;
            s["maxItems"] = kMaxReferences;
            append("Ids of records in register `" + f.target + "`.");
            break;
        case FieldType::kTextList: {
            json::object item{{"type", "string"}, {"minLength", 1}, {"maxLength", f.LengthLimit()}};
            if (!f.pattern.empty()) {
                item["pattern"] = "^(?:" + f.pattern + ")$";
            }
            s["type"] = Type("array", nullable);
            s["items"] = std::move(item);
            s["uniqueItems"] = true;
            s["maxItems"] = kMaxReferences;
            break;
        }
    }
    if (f.computed) {
        s["readOnly"] = true;
        append("Computed by isms; not accepted as input.");
    }
    if (!f.pattern.empty() && f.type != FieldType::kTextList) {
        // The validator matches the whole value (std::regex_match); a JSON Schema pattern
        // matches anywhere, so it is anchored here to mean the same.
        s["pattern"] = "^(?:" + f.pattern + ")$";
    }
    if (!f.label.empty()) {
        s["title"] = f.label;
    }
    if (!description.empty()) {
        s["description"] = description;
    }
    return s;
}

/// The record as RecordToJson writes it: every member is always present.
json::object RecordSchema(const RegisterSpec& spec) {
    json::object props;
    props["id"] = ReadOnly(IdSchema());
    props["ref"] = ReadOnly(Simple("string"));
    props["version"] = ReadOnly(IdSchema());
    props["created_at"] = ReadOnly(DateTime());
    props["created_by"] = ReadOnly(IdSchema());
    props["updated_at"] = ReadOnly(DateTime());
    props["updated_by"] = ReadOnly(IdSchema());
    props["owner"] = IdSchema(true);
    props["tags"] = TagsSchema();
    props["archived"] = ReadOnly(Simple("boolean"));
    props["archived_at"] = ReadOnly(DateTime(true));
    for (const FieldSpec& f : spec.fields) {
        props[f.name] = FieldSchema(f, !f.required);
    }
    props["extra"] = ExtraSchema();
    json::array required;
    for (const auto& [key, value] : props) {
        required.emplace_back(key);
    }
    json::object s = Simple("object");
    s["title"] = spec.title;
    if (!spec.description.empty()) {
        s["description"] = spec.description;
    }
    s["properties"] = std::move(props);
    s["required"] = std::move(required);
    return s;
}

/// What POST (`for_create`) or PATCH accepts. Optional fields are nullable: null clears them
/// in a patch and is ignored on create.
json::object InputSchema(const RegisterSpec& spec, bool for_create) {
    json::object props;
    json::array required;
    for (const FieldSpec& f : spec.fields) {
        if (f.computed) {
            continue;  // the validator refuses computed fields as input
        }
        props[f.name] = FieldSchema(f, !f.required);
        if (f.required && for_create) {
            required.emplace_back(f.name);
        }
    }
    props["owner"] = IdSchema(true);
    props["tags"] = TagsSchema();
    props["extra"] = ExtraSchema();
    json::object s = Simple("object");
    s["properties"] = std::move(props);
    if (!required.empty()) {
        s["required"] = std::move(required);
    }
    s["additionalProperties"] = false;
    return s;
}

json::object PageSchema(std::string_view record_schema) {
    json::object items = Simple("array");
    items["items"] = SchemaRef(record_schema);
    json::object limit = Simple("integer");
    limit["minimum"] = 1;
    limit["maximum"] = kMaxPageSize;
    json::object offset = Simple("integer");
    offset["minimum"] = 0;
    json::object total = Simple("integer");
    total["minimum"] = 0;
    json::object s = Simple("object");
    s["properties"] = json::object{
        {"items", std::move(items)},
        {"total", std::move(total)},
        {"limit", std::move(limit)},
        {"offset", std::move(offset)}};
    s["required"] = json::array{"items", "total", "limit", "offset"};
    return s;
}

json::object ProblemSchema() {
    json::object type = Simple("string");
    type["format"] = "uri";
    json::object errors = Simple("array");
    errors["items"] = SchemaRef("FieldError");
    json::object s = Simple("object");
    s["description"] = "RFC 9457 problem details.";
    s["properties"] = json::object{
        {"type", std::move(type)},
        {"title", Simple("string")},
        {"status", Simple("integer")},
        {"detail", Simple("string")},
        {"request_id", Simple("string")},
        {"errors", std::move(errors)}};
    s["required"] = json::array{"type", "title", "status"};
    return s;
}

json::object FieldErrorSchema() {
    json::object field = Simple("string");
    field["description"] =
        "Dotted path of the input member: \"name\", \"extra.cost\", \"tags[2]\".";
    json::object s = Simple("object");
    s["properties"] = json::object{{"field", std::move(field)}, {"message", Simple("string")}};
    s["required"] = json::array{"field", "message"};
    return s;
}

json::object HistorySchema() {
    json::object actor = Simple("object");
    actor["properties"] = json::object{{"id", Simple("integer")}, {"name", Simple("string")}};
    json::object event = Simple("object");
    event["properties"] = json::object{
        {"seq", IdSchema()},
        {"at", DateTime()},
        {"actor", std::move(actor)},
        {"action", Simple("string")},
        {"before", Simple("object", true)},
        {"after", Simple("object", true)},
        {"hash", Simple("string")}};
    event["required"] = json::array{"seq", "at", "actor", "action", "before", "after", "hash"};
    json::object items = Simple("array");
    items["items"] = std::move(event);
    json::object s = Simple("object");
    s["properties"] = json::object{{"items", std::move(items)}};
    s["required"] = json::array{"items"};
    return s;
}

json::object SecuritySchemes() {
    return json::object{
        {"bearerAuth",
         json::object{
             {"type", "http"},
             {"scheme", "bearer"},
             {"description", "An API token (POST /api/v1/tokens)."}}},
        {"cookieAuth",
         json::object{
             {"type", "apiKey"},
             {"in", "cookie"},
             {"name", "isms_session"},
             {"description", "The session cookie set by POST /api/v1/auth/login."}}},
        {"csrfToken",
         json::object{
             {"type", "apiKey"},
             {"in", "header"},
             {"name", "X-CSRF-Token"},
             {"description", "Required with the session cookie on unsafe methods."}}}};
}

/// Who may call: nobody needs credentials, or a bearer token, or the session cookie (plus the
/// CSRF header when the method changes state).
json::array Security(bool authenticated, bool unsafe) {
    if (!authenticated) {
        return {};
    }
    json::object cookie{{"cookieAuth", json::array{}}};
    if (unsafe) {
        cookie["csrfToken"] = json::array{};
    }
    return json::array{json::object{{"bearerAuth", json::array{}}}, std::move(cookie)};
}

json::object ProblemResponse(std::string_view description) {
    return json::object{
        {"description", description},
        {"content",
         json::object{
             {"application/problem+json", json::object{{"schema", SchemaRef("Problem")}}}}}};
}

json::object SharedResponses() {
    return json::object{
        {"Malformed", ProblemResponse("The body or a header cannot be parsed.")},
        {"Unauthenticated", ProblemResponse("No or invalid credentials.")},
        {"Forbidden", ProblemResponse("The caller's role does not allow this.")},
        {"NotFound", ProblemResponse("No such record in the caller's organization.")},
        {"Stale", ProblemResponse("If-Match names an older version than the record's.")},
        {"Invalid", ProblemResponse("Input violates a rule; `errors` names each field.")},
        {"Error", ProblemResponse("Any other error.")}};
}

json::object Parameter(
    std::string_view name,
    std::string_view in,
    json::object schema,
    std::string_view description,
    bool required = false
) {
    json::object p{{"name", name}, {"in", in}};
    if (!description.empty()) {
        p["description"] = description;
    }
    if (required || in == "path") {
        p["required"] = true;
    }
    p["schema"] = std::move(schema);
    return p;
}

json::object SharedParameters() {
    json::object limit = Simple("integer");
    limit["minimum"] = 1;
    limit["maximum"] = kMaxPageSize;
    limit["default"] = 50;
    json::object offset = Simple("integer");
    offset["minimum"] = 0;
    offset["default"] = 0;
    json::object q = Simple("string");
    q["maxLength"] = 200;
    json::object archived = Simple("string");
    archived["enum"] = json::array{"false", "true", "any"};
    archived["default"] = "false";
    json::object if_match = Simple("string");
    if_match["pattern"] = "^(W/)?\"?[1-9][0-9]*\"?$";
    return json::object{
        {"q",
         Parameter(
             "q", "query", std::move(q), "Case-insensitive text search over searchable fields."
         )},
        {"limit", Parameter("limit", "query", std::move(limit), "Page size.")},
        {"offset", Parameter("offset", "query", std::move(offset), "Records to skip.")},
        {"archived",
         Parameter(
             "archived", "query", std::move(archived), "Archived records: exclude, only, or any."
         )},
        {"tag", Parameter("tag", "query", Simple("string"), "Records carrying this tag.")},
        {"id", Parameter("id", "path", IdSchema(), "The record's id.")},
        {"IfMatch",
         Parameter(
             "If-Match",
             "header",
             std::move(if_match),
             "The version the change is based on, e.g. \"3\"; a stale version gives 412."
         )}};
}

/// Columns `sort` accepts (list_query.cpp FindColumn), each ascending or with "-" descending.
json::object SortParameter(const RegisterSpec& spec) {
    std::vector<std::string> columns = {
        "id", "ref", "version", "owner", "created_at", "created_by", "updated_at", "updated_by"};
    for (const FieldSpec& f : spec.fields) {
        if (f.type != FieldType::kMarkdown && f.type != FieldType::kReferenceList
            && f.type != FieldType::kTextList) {
            columns.push_back(f.name);
        }
    }
    json::array values;
    for (const std::string& c : columns) {
        values.emplace_back(c);
        values.emplace_back("-" + c);
    }
    json::object schema = Simple("string");
    schema["enum"] = std::move(values);
    schema["default"] = "id";
    return Parameter(
        "sort", "query", std::move(schema), "Sort column; a leading '-' sorts descending."
    );
}

/// One query parameter per filterable declared field (markdown is not filterable).
std::vector<json::object> FilterParameters(const RegisterSpec& spec) {
    std::vector<json::object> out;
    for (const FieldSpec& f : spec.fields) {
        std::string description;
        json::object schema;
        switch (f.type) {
            case FieldType::kMarkdown:
                continue;
            case FieldType::kReferenceList:
                schema = IdSchema();
                description = "Records whose list contains this id.";
                break;
            case FieldType::kTextList:
                schema = Simple("string");
                description = "Records whose list contains this text.";
                break;
            case FieldType::kEnum:
            case FieldType::kBool:
                schema = FieldSchema(f, false);
                description = "Equals. Also `" + f.name + ".ne`, `" + f.name
                              + ".in` (comma separated) and `" + f.name + ".null=true|false`.";
                break;
            case FieldType::kText:
            case FieldType::kInt:
            case FieldType::kDecimal:
            case FieldType::kDate:
            case FieldType::kDateTime:
            case FieldType::kReference:
            case FieldType::kUser:
                schema = FieldSchema(f, false);
                description = "Equals. Also `" + f.name + ".ne`, `.in` (comma separated), `.gt`, "
                              + "`.gte`, `.lt`, `.lte` and `.null=true|false`.";
                break;
        }
        // A filter value need not satisfy the input rules (a prefix of a pattern, say).
        schema.erase("pattern");
        schema.erase("minLength");
        schema.erase("title");
        schema.erase("description");
        out.push_back(Parameter(f.name, "query", std::move(schema), description));
    }
    return out;
}

json::object JsonContent(json::object schema) {
    return json::object{{"application/json", json::object{{"schema", std::move(schema)}}}};
}

json::object Success(std::string_view description, json::object content) {
    return json::object{{"description", description}, {"content", std::move(content)}};
}

/// Responses: the success entry first, then the named shared problem responses, then default.
json::object Responses(
    std::string_view status,
    json::object success,
    std::initializer_list<std::pair<const char*, const char*>> problems
) {
    json::object r;
    r[status] = std::move(success);
    for (const auto& [code, name] : problems) {
        r[code] = Ref("responses", name);
    }
    r["default"] = Ref("responses", "Error");
    return r;
}

json::object Operation(
    std::string_view operation_id,
    std::string_view summary,
    std::string_view tag,
    bool authenticated,
    bool unsafe
) {
    json::object op;
    op["operationId"] = operation_id;
    op["summary"] = summary;
    if (!tag.empty()) {
        op["tags"] = json::array{json::string(tag)};
    }
    op["security"] = Security(authenticated, unsafe);
    return op;
}

void AddRegisterPaths(const RegisterSpec& spec, json::object& paths, std::set<std::string>& ids) {
    const std::string name = PascalCase(spec.name);
    const std::string base = "/api/v1/" + spec.name;
    const std::vector<json::object> filters = FilterParameters(spec);
    auto query_parameters = [&](bool paged) {
        json::array params{Ref("parameters", "q"), SortParameter(spec)};
        if (paged) {
            params.push_back(Ref("parameters", "limit"));
            params.push_back(Ref("parameters", "offset"));
        }
        params.push_back(Ref("parameters", "archived"));
        params.push_back(Ref("parameters", "tag"));
        for (const json::object& f : filters) {
            params.emplace_back(f);
        }
        return params;
    };
    auto remember = [&ids](json::object op) {
        ids.insert(std::string(op.at("operationId").as_string()));
        return op;
    };

    json::object list = Operation("list" + name, "List " + spec.title, spec.name, true, false);
    list["parameters"] = query_parameters(true);
    list["responses"] = Responses(
        "200",
        Success("One page of records.", JsonContent(SchemaRef(name + "Page"))),
        {{"401", "Unauthenticated"}, {"422", "Invalid"}}
    );
    json::object create = Operation("create" + name, "Create a record", spec.name, true, true);
    create["requestBody"] =
        json::object{{"required", true}, {"content", JsonContent(SchemaRef(name + "Input"))}};
    json::object created = Success("The created record.", JsonContent(SchemaRef(name)));
    created["headers"] = json::object{
        {"Location",
         json::object{{"description", "URL of the record."}, {"schema", Simple("string")}}}};
    create["responses"] = Responses(
        "201",
        std::move(created),
        {{"400", "Malformed"}, {"401", "Unauthenticated"}, {"403", "Forbidden"}, {"422", "Invalid"}}
    );
    paths[base] =
        json::object{{"get", remember(std::move(list))}, {"post", remember(std::move(create))}};

    json::object csv =
        Operation("export" + name + "Csv", "Export records as CSV", spec.name, true, false);
    csv["description"] =
        "All records matching the filters (limit and offset do not apply), RFC 4180 with CRLF "
        "line ends; text cells a spreadsheet would run as a formula start with an apostrophe.";
    csv["parameters"] = query_parameters(false);
    json::object csv_schema = Simple("string");
    csv["responses"] = Responses(
        "200",
        Success(
            "CSV with a header row.",
            json::object{{"text/csv", json::object{{"schema", std::move(csv_schema)}}}}
        ),
        {{"401", "Unauthenticated"}, {"422", "Invalid"}}
    );
    paths[base + "/export.csv"] = json::object{{"get", remember(std::move(csv))}};

    json::object get = Operation("get" + name, "Read a record", spec.name, true, false);
    get["responses"] = Responses(
        "200",
        Success("The record.", JsonContent(SchemaRef(name))),
        {{"401", "Unauthenticated"}, {"404", "NotFound"}, {"422", "Invalid"}}
    );
    json::object patch = Operation("update" + name, "Change a record", spec.name, true, true);
    patch["parameters"] = json::array{Ref("parameters", "IfMatch")};
    patch["requestBody"] =
        json::object{{"required", true}, {"content", JsonContent(SchemaRef(name + "Patch"))}};
    patch["responses"] = Responses(
        "200",
        Success("The changed record.", JsonContent(SchemaRef(name))),
        {{"400", "Malformed"},
         {"401", "Unauthenticated"},
         {"403", "Forbidden"},
         {"404", "NotFound"},
         {"412", "Stale"},
         {"422", "Invalid"}}
    );
    json::object archive = Operation("archive" + name, "Archive a record", spec.name, true, true);
    archive["description"] = "The record stays readable and keeps its history.";
    archive["parameters"] = json::array{Ref("parameters", "IfMatch")};
    archive["responses"] = Responses(
        "200",
        Success("The archived record.", JsonContent(SchemaRef(name))),
        {{"401", "Unauthenticated"},
         {"403", "Forbidden"},
         {"404", "NotFound"},
         {"412", "Stale"},
         {"422", "Invalid"}}
    );
    paths[base + "/{id}"] = json::object{
        {"parameters", json::array{Ref("parameters", "id")}},
        {"get", remember(std::move(get))},
        {"patch", remember(std::move(patch))},
        {"delete", remember(std::move(archive))}};

    json::object history =
        Operation("history" + name, "The record's ledger events", spec.name, true, false);
    history["responses"] = Responses(
        "200",
        Success("Events, oldest first.", JsonContent(SchemaRef("History"))),
        {{"401", "Unauthenticated"}, {"404", "NotFound"}, {"422", "Invalid"}}
    );
    paths[base + "/{id}/history"] = json::object{
        {"parameters", json::array{Ref("parameters", "id")}},
        {"get", remember(std::move(history))}};
}

/// "{id}" segments of a router pattern, in order.
std::vector<std::string> PathParameterNames(std::string_view path) {
    std::vector<std::string> names;
    std::size_t pos = 0;
    while ((pos = path.find('{', pos)) != std::string_view::npos) {
        const std::size_t end = path.find('}', pos);
        if (end == std::string_view::npos) {
            break;
        }
        names.emplace_back(path.substr(pos + 1, end - pos - 1));
        pos = end + 1;
    }
    return names;
}

/// "getTokensById" from GET /api/v1/tokens/{id}; a number is appended if the name is taken.
std::string ExtraOperationId(
    const std::string& method, std::string_view path, std::set<std::string>& ids
) {
    constexpr std::string_view kPrefix = "/api/v1";
    if (path.starts_with(kPrefix)) {
        path.remove_prefix(kPrefix.size());
    }
    std::string id = method;
    std::size_t start = 0;
    while (start < path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) {
            slash = path.size();
        }
        const std::string_view segment = path.substr(start, slash - start);
        if (segment.size() >= 2 && segment.front() == '{' && segment.back() == '}') {
            id += "By" + PascalCase(segment.substr(1, segment.size() - 2));
        } else {
            id += PascalCase(segment);
        }
        start = slash + 1;
    }
    std::string unique = id;
    for (int n = 2; ids.contains(unique); ++n) {
        unique = id + std::to_string(n);
    }
    ids.insert(unique);
    return unique;
}

std::size_t MethodRank(std::string_view method) {
    const auto* it = std::find(kMethods.begin(), kMethods.end(), method);
    return static_cast<std::size_t>(it - kMethods.begin());
}

void AddExtraPaths(
    const std::vector<ExtraOperation>& extra, json::object& paths, std::set<std::string>& ids
) {
    // Sorted by path, then method, then input order (stable): the document does not depend on
    // the order the router registered its routes in.
    std::vector<const ExtraOperation*> ops;
    for (const ExtraOperation& op : extra) {
        if (MethodRank(Lower(op.method)) < kMethods.size()) {
            ops.push_back(&op);
        }
    }
    std::stable_sort(ops.begin(), ops.end(), [](const ExtraOperation* a, const ExtraOperation* b) {
        if (a->path != b->path) {
            return a->path < b->path;
        }
        return MethodRank(Lower(a->method)) < MethodRank(Lower(b->method));
    });
    for (const ExtraOperation* op : ops) {
        const std::string method = Lower(op->method);
        json::value& slot = paths[op->path];
        if (!slot.is_object()) {
            slot.emplace_object();
        }
        json::object& item = slot.get_object();
        if (item.contains(method)) {
            continue;  // a register operation or an earlier duplicate already describes it
        }
        if (!item.contains("parameters")) {
            json::array params;
            for (const std::string& name : PathParameterNames(op->path)) {
                json::object schema = name == "id" ? IdSchema() : Simple("string");
                params.push_back(Parameter(name, "path", std::move(schema), ""));
            }
            if (!params.empty()) {
                item["parameters"] = std::move(params);
            }
        }
        const bool unsafe = method != "get" && method != "head" && method != "options";
        json::object operation = Operation(
            ExtraOperationId(method, op->path, ids), op->summary, op->tag, op->authenticated, unsafe
        );
        json::object responses;
        responses["2XX"] = json::object{{"description", "Success."}};
        responses["default"] = Ref("responses", "Error");
        operation["responses"] = std::move(responses);
        item[method] = std::move(operation);
    }
}

json::array Tags(const Registry& registry, const std::vector<ExtraOperation>& extra) {
    json::array tags;
    for (const RegisterSpec& spec : registry.All()) {
        std::string description = spec.title;
        if (!spec.clause.empty()) {
            description += " (ISO/IEC 27001:2022 " + spec.clause + ")";
        }
        if (!spec.description.empty()) {
            description += ". " + spec.description;
        }
        tags.push_back(json::object{{"name", spec.name}, {"description", description}});
    }
    std::set<std::string> extra_tags;
    for (const ExtraOperation& op : extra) {
        if (!op.tag.empty() && registry.Find(op.tag) == nullptr) {
            extra_tags.insert(op.tag);
        }
    }
    for (const std::string& tag : extra_tags) {
        tags.push_back(json::object{{"name", tag}});
    }
    return tags;
}

}  // namespace

json::object BuildOpenApi(
    const Registry& registry, const std::vector<ExtraOperation>& extra, std::string_view version
) {
    json::object doc;
    doc["openapi"] = "3.1.0";
    doc["info"] = json::object{
        {"title", "isms API"},
        {"version", version},
        {"description",
         "Registers of an ISO/IEC 27001 information security management system. Errors are "
         "RFC 9457 problem details (application/problem+json)."}};
    doc["servers"] = json::array{json::object{{"url", "/"}}};
    doc["tags"] = Tags(registry, extra);

    json::object paths;
    std::set<std::string> operation_ids;
    for (const RegisterSpec& spec : registry.All()) {
        AddRegisterPaths(spec, paths, operation_ids);
    }
    AddExtraPaths(extra, paths, operation_ids);
    doc["paths"] = std::move(paths);

    json::object schemas;
    schemas["Problem"] = ProblemSchema();
    schemas["FieldError"] = FieldErrorSchema();
    schemas["History"] = HistorySchema();
    for (const RegisterSpec& spec : registry.All()) {
        const std::string name = PascalCase(spec.name);
        schemas[name] = RecordSchema(spec);
        schemas[name + "Input"] = InputSchema(spec, true);
        schemas[name + "Patch"] = InputSchema(spec, false);
        schemas[name + "Page"] = PageSchema(name);
    }
    doc["components"] = json::object{
        {"securitySchemes", SecuritySchemes()},
        {"parameters", SharedParameters()},
        {"responses", SharedResponses()},
        {"schemas", std::move(schemas)}};
    return doc;
}

}  // namespace isms::schema
