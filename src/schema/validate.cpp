#include "schema/validate.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/clock.hpp"
#include "core/regex_bounds.hpp"

namespace isms::schema {

namespace {

constexpr std::size_t kMaxTags = 32;
constexpr std::size_t kMaxTagLength = 64;
constexpr std::size_t kMaxReferences = 1000;

const char* Article(FieldType t) {
    switch (t) {
        case FieldType::kText:
        case FieldType::kMarkdown:
        case FieldType::kEnum:
        case FieldType::kDate:
        case FieldType::kDateTime:
            return "a string";
        case FieldType::kInt:
        case FieldType::kReference:
        case FieldType::kUser:
            return "an integer";
        case FieldType::kDecimal:
            return "a number";
        case FieldType::kBool:
            return "true or false";
        case FieldType::kReferenceList:
            return "an array of integers";
        case FieldType::kTextList:
            return "an array of strings";
    }
    return "a value";
}

bool IsBlank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    });
}

std::optional<std::int64_t> AsInt(const json::value& v) {
    if (v.is_int64()) {
        return v.get_int64();
    }
    if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
        return static_cast<std::int64_t>(v.get_uint64());
    }
    return std::nullopt;
}

std::string FormatNumber(double d) {
    if (d == std::floor(d) && std::fabs(d) < 1e15) {
        return std::to_string(static_cast<std::int64_t>(d));
    }
    return std::to_string(d);
}

bool InRange(
    const FieldSpec& f, double v, const std::string& path, std::vector<FieldError>& errors
) {
    if ((f.min && v < *f.min) || (f.max && v > *f.max)) {
        std::string msg = "must be";
        if (f.min) {
            msg += " at least " + FormatNumber(*f.min);
        }
        if (f.min && f.max) {
            msg += " and";
        }
        if (f.max) {
            msg += " at most " + FormatNumber(*f.max);
        }
        errors.push_back({path, msg});
        return false;
    }
    return true;
}

std::optional<json::value> ValidateString(
    const FieldSpec& f,
    const json::string& s,
    const std::string& path,
    std::vector<FieldError>& errors
) {
    // Length in code points, so a limit means the same for every script.
    std::size_t length = 0;
    for (char ch : s) {
        length += (static_cast<unsigned char>(ch) & 0xC0U) != 0x80U ? 1 : 0;
    }
    if (length > f.LengthLimit()) {
        errors.push_back(
            {path, "must be at most " + std::to_string(f.LengthLimit()) + " characters"}
        );
        return std::nullopt;
    }
    if (f.required && IsBlank(s)) {
        errors.push_back({path, "must not be blank"});
        return std::nullopt;
    }
    if (f.matcher && !std::regex_match(s.begin(), s.end(), *f.matcher)) {
        errors.push_back({path, "must match the pattern " + f.pattern});
        return std::nullopt;
    }
    return json::value(s);
}

}  // namespace

std::optional<json::value> ValidateValue(
    const FieldSpec& f,
    const json::value& v,
    const std::string& path,
    std::vector<FieldError>& errors
) {
    auto wrong_type = [&]() -> std::optional<json::value> {
        errors.push_back({path, std::string("must be ") + Article(f.type)});
        return std::nullopt;
    };
    switch (f.type) {
        case FieldType::kText:
        case FieldType::kMarkdown:
            if (!v.is_string()) {
                return wrong_type();
            }
            return ValidateString(f, v.get_string(), path, errors);
        case FieldType::kEnum: {
            if (!v.is_string()) {
                return wrong_type();
            }
            const json::string& s = v.get_string();
            if (std::find(f.values.begin(), f.values.end(), std::string_view(s))
                == f.values.end()) {
                std::string allowed;
                for (const auto& value : f.values) {
                    allowed += (allowed.empty() ? "" : ", ") + value;
                }
                errors.push_back({path, "must be one of: " + allowed});
                return std::nullopt;
            }
            return v;
        }
        case FieldType::kInt: {
            auto i = AsInt(v);
            if (!i) {
                return wrong_type();
            }
            if (!InRange(f, static_cast<double>(*i), path, errors)) {
                return std::nullopt;
            }
            return json::value(*i);
        }
        case FieldType::kDecimal: {
            if (!v.is_number()) {
                return wrong_type();
            }
            const double d = v.to_number<double>();
            if (!std::isfinite(d) || !InRange(f, d, path, errors)) {
                if (!std::isfinite(d)) {
                    errors.push_back({path, "must be a finite number"});
                }
                return std::nullopt;
            }
            return json::value(d);
        }
        case FieldType::kBool:
            if (!v.is_bool()) {
                return wrong_type();
            }
            return v;
        case FieldType::kDate:
            if (!v.is_string()) {
                return wrong_type();
            }
            if (!ParseDate(v.get_string())) {
                errors.push_back({path, "must be a date YYYY-MM-DD"});
                return std::nullopt;
            }
            return v;
        case FieldType::kDateTime: {
            if (!v.is_string()) {
                return wrong_type();
            }
            auto t = ParseTimestamp(v.get_string());
            if (!t) {
                errors.push_back(
                    {path, "must be an RFC 3339 date-time such as 2026-03-01T09:00:00Z"}
                );
                return std::nullopt;
            }
            return json::value(FormatTimestamp(*t));
        }
        case FieldType::kReference:
        case FieldType::kUser: {
            auto i = AsInt(v);
            if (!i) {
                return wrong_type();
            }
            if (*i <= 0) {
                errors.push_back({path, "must be a positive id"});
                return std::nullopt;
            }
            return json::value(*i);
        }
        case FieldType::kReferenceList: {
            if (!v.is_array()) {
                return wrong_type();
            }
            const json::array& a = v.get_array();
            if (a.size() > kMaxReferences) {
                errors.push_back(
                    {path, "must list at most " + std::to_string(kMaxReferences) + " ids"}
                );
                return std::nullopt;
            }
            std::set<std::int64_t> seen;
            json::array out;
            bool ok = true;
            for (std::size_t i = 0; i < a.size(); ++i) {
                auto id = AsInt(a[i]);
                const std::string item = path + "[" + std::to_string(i) + "]";
                if (!id || *id <= 0) {
                    errors.push_back({item, "must be a positive id"});
                    ok = false;
                } else if (!seen.insert(*id).second) {
                    errors.push_back({item, "duplicate id " + std::to_string(*id)});
                    ok = false;
                } else {
                    out.push_back(*id);
                }
            }
            if (!ok) {
                return std::nullopt;
            }
            return json::value(std::move(out));
        }
        case FieldType::kTextList: {
            if (!v.is_array()) {
                return wrong_type();
            }
            const json::array& a = v.get_array();
            if (a.size() > kMaxReferences) {
                errors.push_back(
                    {path, "must list at most " + std::to_string(kMaxReferences) + " items"}
                );
                return std::nullopt;
            }
            json::array out;
            bool ok = true;
            for (std::size_t i = 0; i < a.size(); ++i) {
                const std::string item = path + "[" + std::to_string(i) + "]";
                if (!a[i].is_string() || IsBlank(a[i].get_string())) {
                    errors.push_back({item, "must be a non-blank string"});
                    ok = false;
                } else if (std::find(out.begin(), out.end(), a[i]) != out.end()) {
                    errors.push_back({item, "duplicate '" + std::string(a[i].get_string()) + "'"});
                    ok = false;
                } else if (auto s = ValidateString(f, a[i].get_string(), item, errors)) {
                    out.push_back(std::move(*s));
                } else {
                    ok = false;
                }
            }
            if (!ok) {
                return std::nullopt;
            }
            return json::value(std::move(out));
        }
    }
    return wrong_type();
}

Result<Draft> ValidateInput(
    const RegisterSpec& spec,
    const std::vector<FieldSpec>& extension,
    const json::object& body,
    InputMode mode
) {
    Draft draft;
    std::vector<FieldError> errors;
    for (const auto& [key, value] : body) {
        const std::string name(key);
        if (name == "owner") {
            if (value.is_null()) {
                draft.owner = std::optional<UserId>{};
            } else if (auto id = AsInt(value); id && *id > 0) {
                draft.owner = UserId{*id};
            } else {
                errors.push_back({name, "must be a user id or null"});
            }
        } else if (name == "tags") {
            if (!value.is_array()) {
                errors.push_back({name, "must be an array of strings"});
                continue;
            }
            const json::array& tags = value.get_array();
            if (tags.size() > kMaxTags) {
                errors.push_back({name, "must have at most " + std::to_string(kMaxTags) + " tags"});
                continue;
            }
            json::array clean;
            for (std::size_t i = 0; i < tags.size(); ++i) {
                const std::string item = "tags[" + std::to_string(i) + "]";
                if (!tags[i].is_string() || tags[i].get_string().empty()
                    || tags[i].get_string().size() > kMaxTagLength) {
                    errors.push_back(
                        {item,
                         "must be a non-empty string of at most " + std::to_string(kMaxTagLength)
                             + " bytes"}
                    );
                } else if (std::find(clean.begin(), clean.end(), tags[i]) == clean.end()) {
                    clean.push_back(tags[i]);
                }
            }
            draft.tags = std::move(clean);
        } else if (name == "extra") {
            if (!value.is_object()) {
                errors.push_back({name, "must be an object"});
                continue;
            }
            json::object extra;
            for (const auto& [ekey, evalue] : value.get_object()) {
                const std::string path = "extra." + std::string(ekey);
                // Captured by name: clang 14 (make fuzz) cannot capture a binding implicitly.
                auto it = std::find_if(
                    extension.begin(),
                    extension.end(),
                    [&ekey = ekey](const FieldSpec& f) { return f.name == ekey; }
                );
                if (it == extension.end()) {
                    errors.push_back({path, "unknown custom field"});
                } else if (!evalue.is_null()) {
                    if (auto v = ValidateValue(*it, evalue, path, errors)) {
                        extra[ekey] = std::move(*v);
                    }
                }
            }
            for (const FieldSpec& f : extension) {
                const json::value* given = value.get_object().if_contains(f.name);
                if (f.required && (given == nullptr || given->is_null())) {
                    errors.push_back({"extra." + f.name, "is required"});
                }
            }
            draft.extra = std::move(extra);
        } else if (std::find(std::begin(kCommonFields), std::end(kCommonFields), name) != std::end(kCommonFields)) {
            errors.push_back({name, "is read-only"});
        } else if (const FieldSpec* f = spec.Field(name)) {
            if (f->computed) {
                errors.push_back({name, "is computed by isms and cannot be set"});
            } else if (value.is_null()) {
                if (f->required) {
                    errors.push_back({name, "is required"});
                } else if (mode == InputMode::kPatch) {
                    draft.fields[key] = nullptr;
                }
            } else if (auto v = ValidateValue(*f, value, name, errors)) {
                draft.fields[key] = std::move(*v);
            }
        } else {
            errors.push_back({name, "unknown field"});
        }
    }
    if (mode == InputMode::kCreate) {
        for (const FieldSpec& f : spec.fields) {
            if (f.required && !body.contains(f.name)) {
                errors.push_back({f.name, "is required"});
            }
        }
        if (!draft.extra) {
            for (const FieldSpec& f : extension) {
                if (f.required) {
                    errors.push_back({"extra." + f.name, "is required"});
                }
            }
        }
    }
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    return draft;
}

Result<FieldSpec> FieldFromJson(const json::value& value, const std::string& path) {
    if (!value.is_object()) {
        return Error::Invalid(path, "must be an object");
    }
    const json::object& o = value.get_object();
    std::vector<FieldError> errors;
    FieldSpec f;
    static const std::set<std::string, std::less<>> kMembers = {
        "name",
        "type",
        "label",
        "description",
        "required",
        "min",
        "max",
        "max_length",
        "pattern",
        "values",
        "target",
        "searchable"};
    for (const auto& [key, member] : o) {
        if (!kMembers.contains(key)) {
            errors.push_back({path + "." + std::string(key), "unknown member"});
        }
    }
    f.name = StringOr(o, "name");
    f.label = StringOr(o, "label", f.name);
    f.description = StringOr(o, "description");
    if (f.name.empty()) {
        errors.push_back({path + ".name", "is required"});
    }
    if (!ParseFieldType(StringOr(o, "type"), f.type)) {
        errors.push_back(
            {path + ".type",
             "must be one of: text, markdown, enum, int, decimal, bool, "
             "date, datetime, reference, reference_list, user"}
        );
    }
    if (const auto* r = o.if_contains("required")) {
        f.required = r->is_bool() && r->get_bool();
    }
    if (const auto* v = o.if_contains("min"); v != nullptr && v->is_number()) {
        f.min = v->to_number<double>();
    }
    if (const auto* v = o.if_contains("max"); v != nullptr && v->is_number()) {
        f.max = v->to_number<double>();
    }
    if (const auto* v = o.if_contains("max_length"); v != nullptr) {
        auto n = AsInt(*v);
        if (!n || *n < 1 || *n > 100'000) {
            errors.push_back({path + ".max_length", "must be an integer from 1 to 100000"});
        } else {
            f.max_length = static_cast<std::size_t>(*n);
        }
    }
    if (const auto* v = o.if_contains("values")) {
        if (!v->is_array()) {
            errors.push_back({path + ".values", "must be an array of strings"});
        } else {
            for (const auto& item : v->get_array()) {
                if (item.is_string()) {
                    f.values.emplace_back(item.get_string());
                }
            }
        }
    }
    if (f.type == FieldType::kEnum && f.values.empty()) {
        errors.push_back({path + ".values", "an enum needs at least one value"});
    }
    if (auto p = StringOr(o, "pattern"); !p.empty()) {
        if (auto bounded = CheckRegexBounds(p); !bounded) {
            errors.push_back({path + ".pattern", bounded.error().fields.front().message});
        } else {
            try {
                f.Pattern(std::string(p));
            } catch (const std::regex_error&) {
                errors.push_back({path + ".pattern", "is not a valid regular expression"});
            }
        }
    }
    f.target = StringOr(o, "target");
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    return f;
}

json::object FieldToJson(const FieldSpec& f) {
    json::object o;
    o["name"] = f.name;
    o["type"] = FieldTypeName(f.type);
    o["label"] = f.label;
    if (!f.description.empty()) {
        o["description"] = f.description;
    }
    o["required"] = f.required;
    if (f.computed) {
        o["computed"] = true;
    }
    if (f.searchable) {
        o["searchable"] = true;
    }
    if (f.min) {
        o["min"] = *f.min;
    }
    if (f.max) {
        o["max"] = *f.max;
    }
    if (f.type == FieldType::kText || f.type == FieldType::kMarkdown
        || f.type == FieldType::kTextList) {
        o["max_length"] = f.LengthLimit();
    }
    if (!f.pattern.empty()) {
        o["pattern"] = f.pattern;
    }
    if (!f.values.empty()) {
        json::array values;
        for (const auto& v : f.values) {
            values.emplace_back(v);
        }
        o["values"] = std::move(values);
    }
    if (!f.target.empty()) {
        o["target"] = f.target;
    }
    if (!f.reminds.empty()) {
        o["reminds"] = f.reminds;
        o["reminds_user"] = f.reminds_user.empty() ? "owner" : f.reminds_user;
    }
    return o;
}

}  // namespace isms::schema
