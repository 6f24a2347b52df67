// One writer of the crash load: a thread that sends writes to `isms serve` one after another —
// assets created, patched with If-Match and archived, evidence with uploaded files, risks with
// their treatment actions, SoA decisions — and journals each acknowledged one. A writer owns
// what it creates and its share of the Annex A controls, so what it expects of them depends on
// its own writes only. It runs until told to stop or until an answer is lost (the kill).
#pragma once

#include <atomic>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "crash/journal.hpp"
#include "http/client.hpp"

namespace isms::crash {

struct WriteCounts {
    std::int64_t acknowledged = 0;
    std::int64_t refused = 0;  // 503 (busy): a definite "not written"
    std::int64_t lost = 0;     // no answer: the server was killed while the write ran
};

class Writer {
public:
    /// `controls`: the Annex A controls (ref_ids) this writer decides in the SoA; `all_controls`
    /// are what treatment actions may name.
    Writer(
        int index,
        std::uint64_t seed,
        std::vector<std::string> controls,
        std::vector<std::string> all_controls,
        std::size_t max_file_bytes
    );

    /// Writes to the server at 127.0.0.1:`port` until `stop` or a lost answer. An answer the
    /// load cannot cause (4xx, 5xx other than 503) is an error.
    [[nodiscard]] Status Run(unsigned short port, const std::atomic<bool>& stop);

    [[nodiscard]] Journal& journal() { return journal_; }
    [[nodiscard]] const WriteCounts& counts() const { return counts_; }

private:
    enum class Sent { kAcknowledged, kRefused, kLost };
    struct Answer {
        Sent sent = Sent::kLost;
        json::object body;
    };
    struct Owned {
        std::size_t item;  // index in the journal
        std::string path;
    };

    [[nodiscard]] Result<Answer> Write(http::Client& client, http::Request request);
    /// PATCH with If-Match of an owned record, journaled.
    [[nodiscard]] Result<Sent> Patch(
        http::Client& client, const Owned& record, json::object changes
    );
    [[nodiscard]] Result<Sent> CreateAsset(http::Client& client);
    [[nodiscard]] Result<Sent> PatchAsset(http::Client& client);
    [[nodiscard]] Result<Sent> ArchiveAsset(http::Client& client);
    [[nodiscard]] Result<Sent> CreateEvidence(http::Client& client);
    [[nodiscard]] Result<Sent> UploadFile(http::Client& client, const Owned& evidence);
    [[nodiscard]] Result<Sent> CreateRiskWithTreatment(http::Client& client);
    [[nodiscard]] Result<Sent> PatchRisk(http::Client& client);
    [[nodiscard]] Result<Sent> DecideControl(http::Client& client);

    /// Records an acknowledged create (version 1 and the members sent), or a lost one.
    [[nodiscard]] Result<Sent> JournalCreate(
        const std::string& register_name,
        const std::string& key_member,
        json::object members,
        const Answer& answer,
        std::vector<Owned>* owned
    );
    /// Records a write to an owned item that makes `next` of it: acknowledged with the version
    /// the server answered, or unsure when the answer was lost.
    void JournalChange(std::size_t item, ItemState next, const Answer& answer);

    std::string Unique(std::string_view what);
    int Between(int low, int high);
    const Owned* Pick(const std::vector<Owned>& from);

    int index_;
    std::mt19937_64 random_;
    std::vector<std::string> controls_;
    std::vector<std::string> all_controls_;
    std::size_t max_file_bytes_;
    std::uint64_t seed_;
    std::int64_t next_ = 0;
    Journal journal_;
    std::vector<std::size_t> control_items_;  // journal index of each of controls_
    std::vector<Owned> live_assets_;
    std::vector<Owned> evidence_;
    std::vector<Owned> live_risks_;
    WriteCounts counts_;
};

}  // namespace isms::crash
