#include "assurance/nonconformity_service.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "assurance/audit_records.hpp"
#include "assurance/nonconformity_similarity.hpp"
#include "iam/permission.hpp"
#include "store/records.hpp"

namespace isms::assurance {

namespace {

std::set<std::string> WordsOf(const schema::Record& nc) {
    return SimilarityWords(
        TextOf(nc.fields, "title") + " " + TextOf(nc.fields, "description") + " "
        + TextOf(nc.fields, "root_cause")
    );
}

bool SameValue(const schema::Record& a, const schema::Record& b, std::string_view key) {
    const json::value* x = a.fields.if_contains(key);
    const json::value* y = b.fields.if_contains(key);
    return x != nullptr && y != nullptr && !x->is_null() && *x == *y;
}

struct Match {
    const schema::Record* record;
    json::array reasons;
    double similarity;
};

}  // namespace

Result<json::object> NonconformityService::Similar(const iam::Principal& who, RecordId id) {
    const schema::RegisterSpec& spec = deps_.registry.Get("nonconformities");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(schema::Record nc, store::GetRecord(session, spec, id));
    ISMS_TRY_ASSIGN(auto all, store::ListAllRecords(session, spec));
    const std::set<std::string> words = WordsOf(nc);
    std::vector<Match> matches;
    for (const schema::Record& other : all) {
        if (other.id.value == nc.id.value) {
            continue;
        }
        Match m{&other, {}, std::round(Jaccard(words, WordsOf(other)) * 100) / 100};
        if (SameValue(nc, other, "root_cause_category")) {
            m.reasons.push_back(
                json::value("same root cause category: " + TextOf(nc.fields, "root_cause_category"))
            );
        }
        if (SameValue(nc, other, "applied_control")) {
            m.reasons.push_back(json::value("same applied control"));
        }
        if (SameValue(nc, other, "requirement")) {
            m.reasons.push_back(json::value("same requirement: " + TextOf(nc.fields, "requirement"))
            );
        }
        if (m.similarity >= kSimilarText) {
            m.reasons.push_back(json::value(fmt::format("similar text ({:.2f})", m.similarity)));
        }
        if (!m.reasons.empty()) {
            matches.push_back(std::move(m));
        }
    }
    std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        if (a.reasons.size() != b.reasons.size()) {
            return a.reasons.size() > b.reasons.size();
        }
        return a.similarity > b.similarity;
    });
    json::array items;
    for (Match& m : matches) {
        const json::value* closed = m.record->fields.if_contains("closed_on");
        items.push_back(json::object{
            {"id", m.record->id.value},
            {"ref", m.record->ref},
            {"title", m.record->fields.at("title")},
            {"status", TextOf(m.record->fields, "status")},
            {"closed_on", closed != nullptr ? *closed : json::value(nullptr)},
            {"reasons", std::move(m.reasons)},
            {"similarity", m.similarity}});
    }
    return json::object{
        {"nonconformity", json::object{{"id", nc.id.value}, {"ref", nc.ref}}},
        {"items", std::move(items)}};
}

}  // namespace isms::assurance
