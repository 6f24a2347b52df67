// Registers declared once, as data (ARCHITECTURE.md "Registers"). A RegisterSpec names the
// fields of one register (assets, risks, …) with their types and limits; the store derives its
// tables from it, the validator checks input against it, the HTTP layer serves generic
// endpoints and the OpenAPI document from it. Modules declare their specs in
// <module>_registers.cpp.
#pragma once

#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace isms::schema {

enum class FieldType {
    kText,      // one line of text
    kMarkdown,  // long text, rendered as Markdown by the UI
    kEnum,      // one of `values`
    kInt,       // 64-bit integer
    kDecimal,   // floating point number
    kBool,
    kDate,           // "YYYY-MM-DD"
    kDateTime,       // RFC 3339, stored normalized to UTC
    kReference,      // id of a record in register `target`, same tenant
    kReferenceList,  // array of such ids, no duplicates
    kUser,           // id of a user who is a member of the tenant
    kTextList,       // array of distinct one-line strings (codes such as "A.8.5"), each like kText
};

[[nodiscard]] const char* FieldTypeName(FieldType t);
[[nodiscard]] bool ParseFieldType(std::string_view text, FieldType& out);

struct FieldSpec {
    std::string name;
    FieldType type = FieldType::kText;
    std::string label;
    std::string description;
    bool required = false;
    bool searchable = false;  // included in `q=` text search
    std::optional<double> min;
    std::optional<double> max;
    std::optional<std::size_t> max_length;
    std::string pattern;                        // ECMAScript regex the whole value must match
    std::shared_ptr<const std::regex> matcher;  // compiled `pattern`
    std::vector<std::string> values;            // kEnum
    std::string target;                         // kReference, kReferenceList: register name
    bool computed = false;  // set by the register's domain rules, never by input (read-only)
    // Reminders (src/notifications/): a date field with `reminds` set makes every record remind
    // its owner, or the member in user field `reminds_user`, of that day ("review due"), until
    // the record is archived or its field `settled_field` holds one of `settled_values`.
    std::string reminds;
    std::string reminds_user;
    std::string settled_field;
    std::vector<std::string> settled_values;

    // Builder-style modifiers keep declarations short and readable.
    FieldSpec& Required();
    FieldSpec& Searchable();
    FieldSpec& Label(std::string text);
    FieldSpec& Describe(std::string text);
    FieldSpec& Range(double lo, double hi);
    FieldSpec& MaxLength(std::size_t n);
    FieldSpec& Pattern(std::string regex);
    FieldSpec& Computed();
    /// A date field whose day reminds the record's owner of `what` ("review due").
    FieldSpec& Reminds(std::string what);
    /// Reminds the member named in user field `user_field` instead of the owner.
    FieldSpec& RemindsUser(std::string user_field);
    /// No reminder once field `field` holds one of `done_values` (an action done, an incident
    /// closed).
    FieldSpec& SettledWhen(std::string field, std::vector<std::string> done_values);

    /// Effective maximum length for text kinds (a declared limit, or the type's default).
    [[nodiscard]] std::size_t LengthLimit() const;
};

[[nodiscard]] FieldSpec Text(std::string name);
[[nodiscard]] FieldSpec Markdown(std::string name);
[[nodiscard]] FieldSpec Enum(std::string name, std::vector<std::string> values);
[[nodiscard]] FieldSpec Int(std::string name);
[[nodiscard]] FieldSpec Decimal(std::string name);
[[nodiscard]] FieldSpec Bool(std::string name);
[[nodiscard]] FieldSpec DateField(std::string name);
[[nodiscard]] FieldSpec DateTimeField(std::string name);
[[nodiscard]] FieldSpec Reference(std::string name, std::string target);
[[nodiscard]] FieldSpec ReferenceList(std::string name, std::string target);
[[nodiscard]] FieldSpec User(std::string name);
[[nodiscard]] FieldSpec TextList(std::string name);

struct RegisterSpec {
    std::string name;        // URL and table name, plural snake_case: "assets"
    std::string title;       // "Assets"
    std::string ref_prefix;  // human reference prefix: "AST" gives AST-1, AST-2 … per tenant
    std::string clause;      // ISO/IEC 27001:2022 clause or control it serves: "A.5.9"
    std::string description;
    std::vector<FieldSpec> fields;
    /// Roles that may create, change and archive any record; others may change records they
    /// own when their role allows owner edits (iam decides). Every member may read.
    std::vector<std::string> editor_roles = {"admin", "isms_manager"};

    [[nodiscard]] const FieldSpec* Field(std::string_view field_name) const;
};

/// Names every record has besides the declared fields; input may set only owner, tags, extra.
inline constexpr const char* kCommonFields[] = {
    "id",
    "ref",
    "version",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "owner",
    "tags",
    "extra",
    "archived",
    "archived_at"};

}  // namespace isms::schema
