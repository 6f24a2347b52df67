// What the crash harness knows the server acknowledged. Every write answered 2xx is recorded
// with what it wrote (the members it set and the record's version); a write whose answer never
// came (the server was killed while it ran) is recorded as "unsure": after the restart the item
// must be either as before it or as after it, never anything else. One journal per writer: only
// that writer's thread changes it, so it needs no lock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/json.hpp"
#include "http/client.hpp"

namespace isms::crash {

/// The state an item must have: the members that must be equal and, for register records,
/// the version.
struct ItemState {
    std::optional<std::int64_t> version;  // none for SoA decisions, which have no version
    json::object members;
};

/// A register record (path "/api/v1/<register>/<id>") or the decision on one Annex A control
/// in the Statement of Applicability (path "/api/v1/soa/controls/<ref_id>").
struct Item {
    std::string path;
    ItemState acknowledged;
    std::optional<ItemState> unsure;
};

/// A create whose answer never came: the record is either absent or whole. It is found by a
/// member only it has (its unique name or title).
struct LostCreate {
    std::string register_name;
    std::string key_member;
    ItemState state;  // version 1
};

struct CheckCounts {
    std::int64_t items = 0;
    std::int64_t files = 0;           // evidence files downloaded and re-hashed
    std::int64_t unsure_applied = 0;  // answers lost at the kill whose write is in the store
    std::int64_t unsure_absent = 0;   // … whose write is not
};

class Journal {
public:
    /// Records an acknowledged create or the first state of a decision; returns its index.
    std::size_t Add(std::string path, ItemState state);
    [[nodiscard]] Item& At(std::size_t index) { return items_.at(index); }
    void AddLostCreate(LostCreate lost) { lost_creates_.push_back(std::move(lost)); }
    [[nodiscard]] std::size_t size() const { return items_.size(); }

    /// Reads every item back through `client` and compares it with what was acknowledged (or,
    /// for an unsure item, with either state, which then becomes the known one). Evidence with a
    /// file is downloaded and the content re-hashed. A lost create found in the store becomes an
    /// item. The first difference is an error naming the item, what was expected and what is.
    [[nodiscard]] Status Check(http::Client& client, const json::object& soa, CheckCounts& counts);

private:
    std::vector<Item> items_;
    std::vector<LostCreate> lost_creates_;
};

/// How a SoA control's entry is compared: its `decision` with `"decided": true` added, or
/// `{"decided": false}` while the control has no manual decision.
[[nodiscard]] json::object DecisionState(const json::object& soa_entry);

}  // namespace isms::crash
