#include "crash/journal.hpp"

#include <map>

#include "core/crypto.hpp"
#include "crash/api.hpp"

namespace isms::crash {

namespace {

constexpr std::string_view kSoaPrefix = "/api/v1/soa/controls/";

bool Matches(const ItemState& want, const json::object& actual) {
    if (want.version) {
        const json::value* version = actual.if_contains("version");
        if (version == nullptr || !version->is_int64() || version->get_int64() != *want.version) {
            return false;
        }
    }
    for (const auto& [key, value] : want.members) {
        const json::value* found = actual.if_contains(key);
        if (found == nullptr || *found != value) {
            return false;
        }
    }
    return true;
}

json::object Shown(const ItemState& state) {
    json::object shown = state.members;
    if (state.version) {
        shown["version"] = *state.version;
    }
    return shown;
}

/// The members of `actual` that `want` names, for a failure message.
json::object Found(const ItemState& want, const json::object& actual) {
    json::object found;
    for (const auto& [key, value] : Shown(want)) {
        const json::value* member = actual.if_contains(key);
        found[key] = member != nullptr ? *member : json::value("<absent>");
    }
    return found;
}

using SoaByControl = std::map<std::string, json::object, std::less<>>;

SoaByControl IndexSoa(const json::object& soa) {
    SoaByControl by_control;
    if (const json::value* controls = soa.if_contains("controls"); controls != nullptr) {
        for (const json::value& entry : controls->as_array()) {
            const json::object& e = entry.as_object();
            by_control.emplace(std::string(StringOr(e, "ref_id")), e);
        }
    }
    return by_control;
}

Result<json::object> ReadState(
    http::Client& client, const SoaByControl& soa, const std::string& path
) {
    if (path.starts_with(kSoaPrefix)) {
        const auto it = soa.find(std::string_view(path).substr(kSoaPrefix.size()));
        if (it == soa.end()) {
            return Error::Internal(path + ": the control is missing from GET /api/v1/soa");
        }
        return DecisionState(it->second);
    }
    return GetJson(client, path);
}

/// The evidence file downloads, and its content still has the SHA-256 the upload answered.
Status CheckFile(http::Client& client, const std::string& path, std::string_view sha256) {
    const std::string target = path + "/file";
    ISMS_TRY_ASSIGN(http::Response response, client.Send(MakeRequest("GET", target)));
    if (response.status != 200) {
        return Error::Internal(
            "GET " + target + " answered " + std::to_string(response.status) + ": "
            + response.body.substr(0, 300)
        );
    }
    const std::string content_sha = crypto::HexEncode(crypto::Sha256(response.body));
    if (content_sha != sha256 || response.Header("X-Content-SHA256") != sha256) {
        return Error::Internal(
            "GET " + target + ": expected the file with SHA-256 " + std::string(sha256)
            + ", got content hashing to " + content_sha + " (header "
            + std::string(response.Header("X-Content-SHA256")) + ")"
        );
    }
    return {};
}

}  // namespace

json::object DecisionState(const json::object& soa_entry) {
    const json::value* decision = soa_entry.if_contains("decision");
    if (decision == nullptr || !decision->is_object()) {
        return json::object{{"decided", false}};
    }
    json::object state = decision->get_object();
    state["decided"] = true;
    return state;
}

std::size_t Journal::Add(std::string path, ItemState state) {
    items_.push_back(Item{std::move(path), std::move(state), std::nullopt});
    return items_.size() - 1;
}

Status Journal::Check(http::Client& client, const json::object& soa, CheckCounts& counts) {
    for (LostCreate& lost : lost_creates_) {
        const std::string value(lost.state.members.at(lost.key_member).as_string());
        const std::string target =
            "/api/v1/" + lost.register_name + "?" + lost.key_member + "=" + value + "&archived=any";
        ISMS_TRY_ASSIGN(json::object found, GetJson(client, target));
        const json::array& records = found.at("items").as_array();
        if (records.empty()) {
            ++counts.unsure_absent;
            continue;
        }
        const json::object& record = records.front().as_object();
        if (records.size() > 1 || !Matches(lost.state, record)) {
            return Error::Internal(
                "GET " + target + ": a create whose answer was lost at the kill must be absent "
                "or whole; expected " + ToJsonText(Shown(lost.state)) + ", found "
                + std::to_string(records.size()) + " record(s), the first "
                + ToJsonText(Found(lost.state, record))
            );
        }
        ++counts.unsure_applied;
        Add("/api/v1/" + lost.register_name + "/" + std::to_string(record.at("id").as_int64()),
            lost.state);
    }
    lost_creates_.clear();
    const SoaByControl soa_by_control = IndexSoa(soa);
    for (Item& item : items_) {
        ISMS_TRY_ASSIGN(json::object actual, ReadState(client, soa_by_control, item.path));
        if (Matches(item.acknowledged, actual)) {
            counts.unsure_absent += item.unsure ? 1 : 0;
        } else if (item.unsure && Matches(*item.unsure, actual)) {
            item.acknowledged = std::move(*item.unsure);
            ++counts.unsure_applied;
        } else {
            std::string expected = ToJsonText(Shown(item.acknowledged));
            if (item.unsure) {
                expected += " (or, had the write lost at the kill been applied, "
                            + ToJsonText(Shown(*item.unsure)) + ")";
            }
            return Error::Internal(
                item.path + ": acknowledged " + expected + ", found "
                + ToJsonText(Found(item.acknowledged, actual))
            );
        }
        item.unsure.reset();
        ++counts.items;
        const json::value* sha256 = item.acknowledged.members.if_contains("sha256");
        if (sha256 != nullptr && sha256->is_string()) {
            ISMS_TRY(CheckFile(client, item.path, sha256->get_string()));
            ++counts.files;
        }
    }
    return {};
}

}  // namespace isms::crash
