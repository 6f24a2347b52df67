#include "schema/register_spec.hpp"

#include <array>
#include <utility>

namespace isms::schema {

namespace {

constexpr std::array<std::pair<FieldType, const char*>, 12> kTypeNames = {{
    {FieldType::kText, "text"},
    {FieldType::kMarkdown, "markdown"},
    {FieldType::kEnum, "enum"},
    {FieldType::kInt, "int"},
    {FieldType::kDecimal, "decimal"},
    {FieldType::kBool, "bool"},
    {FieldType::kDate, "date"},
    {FieldType::kDateTime, "datetime"},
    {FieldType::kReference, "reference"},
    {FieldType::kReferenceList, "reference_list"},
    {FieldType::kUser, "user"},
    {FieldType::kTextList, "text_list"},
}};

FieldSpec Make(std::string name, FieldType type) {
    FieldSpec f;
    f.label = name;
    f.name = std::move(name);
    f.type = type;
    return f;
}

}  // namespace

const char* FieldTypeName(FieldType t) {
    for (const auto& [type, name] : kTypeNames) {
        if (type == t) {
            return name;
        }
    }
    return "text";
}

bool ParseFieldType(std::string_view text, FieldType& out) {
    for (const auto& [type, name] : kTypeNames) {
        if (text == name) {
            out = type;
            return true;
        }
    }
    return false;
}

FieldSpec& FieldSpec::Required() {
    required = true;
    return *this;
}

FieldSpec& FieldSpec::Searchable() {
    searchable = true;
    return *this;
}

FieldSpec& FieldSpec::Label(std::string text) {
    label = std::move(text);
    return *this;
}

FieldSpec& FieldSpec::Describe(std::string text) {
    description = std::move(text);
    return *this;
}

FieldSpec& FieldSpec::Range(double lo, double hi) {
    min = lo;
    max = hi;
    return *this;
}

FieldSpec& FieldSpec::MaxLength(std::size_t n) {
    max_length = n;
    return *this;
}

FieldSpec& FieldSpec::Pattern(std::string regex) {
    matcher = std::make_shared<const std::regex>(regex, std::regex::ECMAScript);
    pattern = std::move(regex);
    return *this;
}

FieldSpec& FieldSpec::Computed() {
    computed = true;
    return *this;
}

FieldSpec& FieldSpec::Reminds(std::string what) {
    reminds = std::move(what);
    return *this;
}

FieldSpec& FieldSpec::RemindsUser(std::string user_field) {
    reminds_user = std::move(user_field);
    return *this;
}

FieldSpec& FieldSpec::SettledWhen(std::string field, std::vector<std::string> done_values) {
    settled_field = std::move(field);
    settled_values = std::move(done_values);
    return *this;
}

std::size_t FieldSpec::LengthLimit() const {
    if (max_length) {
        return *max_length;
    }
    return type == FieldType::kMarkdown ? 100'000 : 1'000;
}

FieldSpec Text(std::string name) {
    return Make(std::move(name), FieldType::kText);
}
FieldSpec Markdown(std::string name) {
    return Make(std::move(name), FieldType::kMarkdown);
}
FieldSpec Int(std::string name) {
    return Make(std::move(name), FieldType::kInt);
}
FieldSpec Decimal(std::string name) {
    return Make(std::move(name), FieldType::kDecimal);
}
FieldSpec Bool(std::string name) {
    return Make(std::move(name), FieldType::kBool);
}
FieldSpec DateField(std::string name) {
    return Make(std::move(name), FieldType::kDate);
}
FieldSpec DateTimeField(std::string name) {
    return Make(std::move(name), FieldType::kDateTime);
}
FieldSpec User(std::string name) {
    return Make(std::move(name), FieldType::kUser);
}
FieldSpec TextList(std::string name) {
    return Make(std::move(name), FieldType::kTextList);
}

FieldSpec Enum(std::string name, std::vector<std::string> values) {
    FieldSpec f = Make(std::move(name), FieldType::kEnum);
    f.values = std::move(values);
    return f;
}

FieldSpec Reference(std::string name, std::string target) {
    FieldSpec f = Make(std::move(name), FieldType::kReference);
    f.target = std::move(target);
    return f;
}

FieldSpec ReferenceList(std::string name, std::string target) {
    FieldSpec f = Make(std::move(name), FieldType::kReferenceList);
    f.target = std::move(target);
    return f;
}

const FieldSpec* RegisterSpec::Field(std::string_view field_name) const {
    for (const auto& f : fields) {
        if (f.name == field_name) {
            return &f;
        }
    }
    return nullptr;
}

}  // namespace isms::schema
