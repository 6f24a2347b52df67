// One record of a register as the store holds it, and its JSON form. The JSON form is
// deterministic (common members first, then declared fields in declaration order), because
// the ledger hashes it and `isms ledger verify` compares it with the stored rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/json.hpp"
#include "schema/register_spec.hpp"

namespace isms::schema {

struct Record {
    RecordId id;
    std::string ref;  // "AST-12"
    std::int64_t version = 1;
    Timestamp created_at;
    UserId created_by;
    Timestamp updated_at;
    UserId updated_by;
    std::optional<UserId> owner;
    json::array tags;     // strings
    json::object extra;   // tenant custom fields
    json::object fields;  // declared fields that have a value; absent means null
    std::optional<Timestamp> archived_at;
};

[[nodiscard]] json::object RecordToJson(const RegisterSpec& spec, const Record& record);

/// The ids of a reference_list value ([3, 7]); empty when `list` is null, absent or not a list.
[[nodiscard]] std::vector<std::int64_t> ReferenceIds(const json::value* list);

}  // namespace isms::schema
