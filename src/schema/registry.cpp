#include "schema/registry.hpp"

#include <algorithm>
#include <regex>

#include "core/assert.hpp"

namespace isms::schema {

namespace {

bool IsIdentifier(std::string_view s) {
    static const std::regex kName("[a-z][a-z0-9_]{0,47}");
    return std::regex_match(s.begin(), s.end(), kName);
}

bool IsCommon(std::string_view name) {
    return std::find(std::begin(kCommonFields), std::end(kCommonFields), name)
           != std::end(kCommonFields);
}

/// A reminder is a day (date or date-time) of a record and goes to the owner or to a declared
/// user field; its settling field is declared too.
Status CheckReminder(const RegisterSpec& spec, const FieldSpec& f) {
    const bool has_reminder = !f.reminds.empty();
    if (!has_reminder && (!f.reminds_user.empty() || !f.settled_field.empty())) {
        return Error::Invalid(spec.name + "." + f.name, "reminder settings without Reminds()");
    }
    if (!has_reminder) {
        return {};
    }
    if (f.type != FieldType::kDate && f.type != FieldType::kDateTime) {
        return Error::Invalid(spec.name + "." + f.name, "only a date field can remind");
    }
    if (!f.reminds_user.empty()) {
        const FieldSpec* user = spec.Field(f.reminds_user);
        if (user == nullptr || user->type != FieldType::kUser) {
            return Error::Invalid(
                spec.name + "." + f.name, "reminds '" + f.reminds_user + "', not a user field"
            );
        }
    }
    if (!f.settled_field.empty() && spec.Field(f.settled_field) == nullptr) {
        return Error::Invalid(
            spec.name + "." + f.name, "settled by unknown field '" + f.settled_field + "'"
        );
    }
    return {};
}

}  // namespace

Status Registry::Add(RegisterSpec spec) {
    if (!IsIdentifier(spec.name)) {
        return Error::Invalid("name", "register name must be snake_case: " + spec.name);
    }
    if (Find(spec.name) != nullptr) {
        return Error::Conflict("register declared twice: " + spec.name);
    }
    if (spec.ref_prefix.empty()) {
        return Error::Invalid("ref_prefix", "register " + spec.name + " has no reference prefix");
    }
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
        const FieldSpec& f = spec.fields[i];
        if (!IsIdentifier(f.name) || IsCommon(f.name)) {
            return Error::Invalid(spec.name + "." + f.name, "field name is invalid or reserved");
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (spec.fields[j].name == f.name) {
                return Error::Invalid(spec.name + "." + f.name, "field declared twice");
            }
        }
        if (f.type == FieldType::kEnum && f.values.empty()) {
            return Error::Invalid(spec.name + "." + f.name, "enum without values");
        }
        ISMS_TRY(CheckReminder(spec, f));
    }
    specs_.push_back(std::move(spec));
    return {};
}

const RegisterSpec& Registry::Get(std::string_view name) const {
    const RegisterSpec* spec = Find(name);
    ISMS_CHECK(spec != nullptr, "a module reads a register that no module declared");
    return *spec;
}

const RegisterSpec* Registry::Find(std::string_view name) const {
    for (const auto& s : specs_) {
        if (s.name == name) {
            return &s;
        }
    }
    return nullptr;
}

}  // namespace isms::schema
