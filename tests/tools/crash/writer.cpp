#include "crash/writer.hpp"

#include <fmt/format.h>

#include "core/crypto.hpp"
#include "crash/api.hpp"

namespace isms::crash {

namespace {

constexpr unsigned kBusy = 503;

std::string IfMatch(std::int64_t version) {
    return "\"" + std::to_string(version) + "\"";
}

/// `state` with `changes` set and the version one higher: what a write that changes the
/// record makes of it.
ItemState Changed(const ItemState& state, const json::object& changes) {
    ItemState next = state;
    for (const auto& [key, value] : changes) {
        next.members[key] = value;
    }
    if (next.version) {
        ++*next.version;
    }
    return next;
}

}  // namespace

Writer::Writer(
    int index,
    std::uint64_t seed,
    std::vector<std::string> controls,
    std::vector<std::string> all_controls,
    std::size_t max_file_bytes
)
    : index_(index),
      random_(seed * 1000003 + static_cast<std::uint64_t>(index)),
      controls_(std::move(controls)),
      all_controls_(std::move(all_controls)),
      max_file_bytes_(max_file_bytes),
      seed_(seed) {
    for (const std::string& control : controls_) {
        // A new instance: no control has a manual decision yet.
        control_items_.push_back(journal_.Add(
            "/api/v1/soa/controls/" + control,
            ItemState{std::nullopt, json::object{{"decided", false}}}
        ));
    }
}

std::string Writer::Unique(std::string_view what) {
    return fmt::format("crash-{}-w{}-{}-{}", seed_, index_, what, next_++);
}

int Writer::Between(int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random_);
}

const Writer::Owned* Writer::Pick(const std::vector<Owned>& from) {
    if (from.empty()) {
        return nullptr;
    }
    return &from[static_cast<std::size_t>(Between(0, static_cast<int>(from.size()) - 1))];
}

Result<Writer::Answer> Writer::Write(http::Client& client, http::Request request) {
    const std::string what = request.method + " " + request.target;
    auto response = client.Send(request);
    if (!response) {
        ++counts_.lost;
        return Answer{Sent::kLost, {}};
    }
    if (response->status / 100 == 2) {
        auto body = ParseJsonObject(response->body);
        if (!body) {
            return Error::Internal(
                what + " answered " + std::to_string(response->status) + " without a JSON object"
            );
        }
        ++counts_.acknowledged;
        return Answer{Sent::kAcknowledged, std::move(*body)};
    }
    if (response->status == kBusy) {
        ++counts_.refused;
        return Answer{Sent::kRefused, {}};
    }
    return Error::Internal(
        what + " answered " + std::to_string(response->status) + ": "
        + response->body.substr(0, 500)
    );
}

Result<Writer::Sent> Writer::JournalCreate(
    const std::string& register_name,
    const std::string& key_member,
    json::object members,
    const Answer& answer,
    std::vector<Owned>* owned
) {
    members["archived"] = false;
    ItemState state{1, std::move(members)};
    if (answer.sent == Sent::kLost) {
        journal_.AddLostCreate(LostCreate{register_name, key_member, std::move(state)});
    } else if (answer.sent == Sent::kAcknowledged) {
        const std::string path =
            "/api/v1/" + register_name + "/" + std::to_string(answer.body.at("id").as_int64());
        const std::size_t item = journal_.Add(path, std::move(state));
        if (owned != nullptr) {
            owned->push_back(Owned{item, path});
        }
    }
    return answer.sent;
}

void Writer::JournalChange(std::size_t item, ItemState next, const Answer& answer) {
    Item& tracked = journal_.At(item);
    if (answer.sent == Sent::kLost) {
        tracked.unsure = std::move(next);
    } else if (answer.sent == Sent::kAcknowledged) {
        if (next.version) {
            next.version = answer.body.at("version").as_int64();
        }
        tracked.acknowledged = std::move(next);
    }
}

Result<Writer::Sent> Writer::Patch(
    http::Client& client, const Owned& record, json::object changes
) {
    const ItemState& now = journal_.At(record.item).acknowledged;
    http::Request request = MakeRequest("PATCH", record.path, ToJsonText(changes));
    request.headers.emplace_back("if-match", IfMatch(*now.version));
    ISMS_TRY_ASSIGN(Answer answer, Write(client, std::move(request)));
    JournalChange(record.item, Changed(now, changes), answer);
    return answer.sent;
}

Result<Writer::Sent> Writer::CreateAsset(http::Client& client) {
    const json::object members{
        {"name", Unique("asset")},
        {"kind", Between(0, 1) == 0 ? "primary" : "supporting"},
        {"confidentiality", Between(1, 5)},
        {"location", Unique("site")}};
    ISMS_TRY_ASSIGN(
        Answer answer, Write(client, MakeRequest("POST", "/api/v1/assets", ToJsonText(members)))
    );
    return JournalCreate("assets", "name", members, answer, &live_assets_);
}

Result<Writer::Sent> Writer::PatchAsset(http::Client& client) {
    const Owned* asset = Pick(live_assets_);
    if (asset == nullptr) {
        return CreateAsset(client);
    }
    return Patch(client, *asset, {{"location", Unique("site")}, {"integrity", Between(1, 5)}});
}

Result<Writer::Sent> Writer::ArchiveAsset(http::Client& client) {
    const Owned* asset = Pick(live_assets_);
    if (asset == nullptr) {
        return CreateAsset(client);
    }
    const Owned archived = *asset;
    const ItemState& now = journal_.At(archived.item).acknowledged;
    http::Request request = MakeRequest("DELETE", archived.path);
    request.headers.emplace_back("if-match", IfMatch(*now.version));
    ISMS_TRY_ASSIGN(Answer answer, Write(client, std::move(request)));
    JournalChange(archived.item, Changed(now, json::object{{"archived", true}}), answer);
    if (answer.sent != Sent::kRefused) {  // archived, or maybe: either way never written again
        std::erase_if(live_assets_, [&](const Owned& o) { return o.item == archived.item; });
    }
    return answer.sent;
}

Result<Writer::Sent> Writer::CreateEvidence(http::Client& client) {
    const json::object members{{"name", Unique("evidence")}, {"kind", "file"}};
    ISMS_TRY_ASSIGN(
        Answer answer, Write(client, MakeRequest("POST", "/api/v1/evidence", ToJsonText(members)))
    );
    ISMS_TRY_ASSIGN(Sent sent, JournalCreate("evidence", "name", members, answer, &evidence_));
    if (sent != Sent::kAcknowledged) {
        return sent;
    }
    return UploadFile(client, evidence_.back());
}

Result<Writer::Sent> Writer::UploadFile(http::Client& client, const Owned& evidence) {
    // Text of a random size, unique so that every upload is a new blob and a new revision.
    std::string content = Unique("file") + "\n";
    const auto size = static_cast<std::size_t>(
        Between(1, static_cast<int>(std::max<std::size_t>(max_file_bytes_, 2)))
    );
    while (content.size() < size) {
        content.push_back(static_cast<char>('a' + Between(0, 25)));
        if (content.size() % 80 == 0) {
            content.push_back('\n');
        }
    }
    const ItemState& now = journal_.At(evidence.item).acknowledged;
    const json::value* revision = now.members.if_contains("revision");
    const std::int64_t next_revision =
        revision != nullptr && revision->is_int64() ? revision->get_int64() + 1 : 1;
    const json::object changes{
        {"sha256", crypto::HexEncode(crypto::Sha256(content))}, {"revision", next_revision}};
    http::Request request = MakeRequest(
        "POST", evidence.path + "/file?filename=crash.txt", std::move(content), "text/plain"
    );
    request.headers.emplace_back("if-match", IfMatch(*now.version));
    ISMS_TRY_ASSIGN(Answer answer, Write(client, std::move(request)));
    if (answer.sent == Sent::kAcknowledged) {
        answer.body = answer.body.at("evidence").as_object();  // the record, with its version
    }
    JournalChange(evidence.item, Changed(now, changes), answer);
    return answer.sent;
}

Result<Writer::Sent> Writer::CreateRiskWithTreatment(http::Client& client) {
    const json::object risk{
        {"title", Unique("risk")},
        {"approach", "event_based"},
        {"inherent_likelihood", Between(1, 5)},
        {"inherent_impact", Between(1, 5)},
        {"treatment", "modify"}};
    ISMS_TRY_ASSIGN(
        Answer answer, Write(client, MakeRequest("POST", "/api/v1/risks", ToJsonText(risk)))
    );
    ISMS_TRY_ASSIGN(Sent sent, JournalCreate("risks", "title", risk, answer, &live_risks_));
    if (sent != Sent::kAcknowledged) {
        return sent;
    }
    const std::string& control = all_controls_[static_cast<std::size_t>(
        Between(0, static_cast<int>(all_controls_.size()) - 1)
    )];
    const json::object action{
        {"title", Unique("treatment")},
        {"risks", json::array{answer.body.at("id")}},
        {"annex_a_controls", json::array{json::value(control)}},
        {"status", "planned"}};
    ISMS_TRY_ASSIGN(
        Answer treated,
        Write(client, MakeRequest("POST", "/api/v1/treatment_actions", ToJsonText(action)))
    );
    return JournalCreate("treatment_actions", "title", action, treated, nullptr);
}

Result<Writer::Sent> Writer::PatchRisk(http::Client& client) {
    const Owned* risk = Pick(live_risks_);
    if (risk == nullptr) {
        return CreateRiskWithTreatment(client);
    }
    return Patch(
        client,
        *risk,
        {{"residual_likelihood", Between(1, 5)},
         {"residual_impact", Between(1, 5)},
         {"description", Unique("reassessed")}}
    );
}

Result<Writer::Sent> Writer::DecideControl(http::Client& client) {
    if (controls_.empty()) {
        return CreateAsset(client);
    }
    const auto pick = static_cast<std::size_t>(Between(0, static_cast<int>(controls_.size()) - 1));
    const bool applicable = Between(0, 1) == 0;
    json::object decision{
        {"applicable", applicable}, {"justification", Unique(applicable ? "needed" : "excluded")}};
    decision["reasons"] = applicable ? json::array{"business_need"} : json::array{};
    ISMS_TRY_ASSIGN(
        Answer answer,
        Write(
            client,
            MakeRequest("PUT", "/api/v1/soa/controls/" + controls_[pick], ToJsonText(decision))
        )
    );
    decision["decided"] = true;
    JournalChange(control_items_[pick], ItemState{std::nullopt, std::move(decision)}, answer);
    return answer.sent;
}

Status Writer::Run(unsigned short port, const std::atomic<bool>& stop) {
    http::Client client("127.0.0.1", port);
    while (!stop.load()) {
        // Weights: assets 45, evidence 20, risks 20, SoA decisions 15 (of 100).
        const int dice = Between(1, 100);
        Result<Sent> sent = Sent::kRefused;
        if (dice <= 20) {
            sent = CreateAsset(client);
        } else if (dice <= 40) {
            sent = PatchAsset(client);
        } else if (dice <= 45) {
            sent = ArchiveAsset(client);
        } else if (dice <= 55) {
            sent = CreateEvidence(client);
        } else if (dice <= 65) {
            const Owned* evidence = Pick(evidence_);
            sent = evidence != nullptr ? UploadFile(client, *evidence) : CreateEvidence(client);
        } else if (dice <= 75) {
            sent = CreateRiskWithTreatment(client);
        } else if (dice <= 85) {
            sent = PatchRisk(client);
        } else {
            sent = DecideControl(client);
        }
        ISMS_TRY(sent);
        if (*sent == Sent::kLost) {
            return {};
        }
    }
    return {};
}

}  // namespace isms::crash
