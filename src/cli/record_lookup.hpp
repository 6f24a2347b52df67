// Records as the commands name and print them: by id or by ref ("DOC-3"), whole registers page
// by page, and a field as display text.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "app/app.hpp"
#include "core/json.hpp"

namespace isms::cli {

/// Every record of `register_name` that `params` (the list filters and sort of the API)
/// select, read page by page.
[[nodiscard]] Result<json::array> AllRecords(
    app::App& app,
    const iam::Principal& who,
    std::string_view register_name,
    records::QueryParams params
);

/// The id of the record `text` names in `register_name`: an id ("12") or a ref of the
/// register ("DOC-12", in any case). kInvalidArgument on `argument` for anything else,
/// kNotFound ("no <argument> <ref>") when no record has that ref.
[[nodiscard]] Result<RecordId> FindRecordId(
    app::App& app,
    const iam::Principal& who,
    std::string_view register_name,
    const std::string& text,
    const std::string& argument
);

/// A record's field for a table: text as it is, null or missing as "-", else its JSON.
[[nodiscard]] std::string FieldText(const json::object& record, std::string_view field);

/// User ids and their e-mails (MemberEmails).
using Emails = std::map<std::int64_t, std::string>;

/// The e-mail of the user in `field` ("user N" for a former member); nullopt when unset.
[[nodiscard]] std::optional<std::string> UserEmail(
    const json::object& record, std::string_view field, const Emails& emails
);
/// UserEmail, or "-" when unset.
[[nodiscard]] std::string UserText(
    const json::object& record, std::string_view field, const Emails& emails
);
/// `record` with "<field>_email" beside each user field, for --format json.
[[nodiscard]] json::object WithEmails(
    json::object record, std::initializer_list<std::string_view> fields, const Emails& emails
);

}  // namespace isms::cli
