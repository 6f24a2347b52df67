#include "cli/record_lookup.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "schema/list_query.hpp"

namespace isms::cli {

Result<json::array> AllRecords(
    app::App& app,
    const iam::Principal& who,
    std::string_view register_name,
    records::QueryParams params
) {
    params.emplace_back("limit", std::to_string(schema::kMaxPageSize));
    params.emplace_back("offset", "0");
    json::array all;
    for (std::int64_t offset = 0;; offset += schema::kMaxPageSize) {
        params.back().second = std::to_string(offset);
        ISMS_TRY_ASSIGN(json::object page, app.records().List(who, register_name, params));
        json::array& items = page.at("items").as_array();
        if (items.empty()) {
            return all;
        }
        for (auto& item : items) {
            all.push_back(std::move(item));
        }
    }
}

Result<RecordId> FindRecordId(
    app::App& app,
    const iam::Principal& who,
    std::string_view register_name,
    const std::string& text,
    const std::string& argument
) {
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec == std::errc{} && end == text.data() + text.size() && id > 0) {
        return RecordId{id};
    }
    const std::string prefix = app.registry().Get(register_name).ref_prefix + "-";
    std::string ref = text;
    std::transform(ref.begin(), ref.end(), ref.begin(), [](unsigned char c) {
        return static_cast<char>(std::toupper(c));
    });
    if (!ref.starts_with(prefix) || ref.size() == prefix.size()) {
        return Error::Invalid(
            argument, "'" + text + "' is neither an id nor a ref like " + prefix + "1"
        );
    }
    ISMS_TRY_ASSIGN(
        json::object page, app.records().List(who, register_name, {{"ref", ref}, {"limit", "1"}})
    );
    const json::array& items = page.at("items").as_array();
    if (items.empty()) {
        return Error::NotFound("no " + argument + " " + ref);
    }
    return RecordId{items.front().at("id").as_int64()};
}

std::string FieldText(const json::object& record, std::string_view field) {
    const json::value* v = record.if_contains(field);
    if (v == nullptr || v->is_null()) {
        return "-";
    }
    return v->is_string() ? std::string(v->get_string()) : json::serialize(*v);
}

std::optional<std::string> UserEmail(
    const json::object& record, std::string_view field, const Emails& emails
) {
    const json::value* v = record.if_contains(field);
    if (v == nullptr || !v->is_int64()) {
        return std::nullopt;
    }
    const auto found = emails.find(v->as_int64());
    return found == emails.end() ? fmt::format("user {}", v->as_int64()) : found->second;
}

std::string UserText(const json::object& record, std::string_view field, const Emails& emails) {
    return UserEmail(record, field, emails).value_or("-");
}

json::object WithEmails(
    json::object record, std::initializer_list<std::string_view> fields, const Emails& emails
) {
    for (const std::string_view field : fields) {
        const auto email = UserEmail(record, field, emails);
        record[std::string(field) + "_email"] = email ? json::value(*email) : json::value(nullptr);
    }
    return record;
}

}  // namespace isms::cli
