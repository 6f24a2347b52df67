#include "evidence/evidence_service.hpp"

#include <utility>

#include <fmt/format.h>

#include "evidence/citations.hpp"
#include "evidence/upload_check.hpp"
#include "iam/permission.hpp"
#include "schema/record.hpp"
#include "store/records.hpp"
#include "store/records_past_date.hpp"
#include "store/session.hpp"

namespace isms::evidence {

namespace {

json::object ParseDocument(const std::string& text) {
    auto doc = ParseJson(text);
    ISMS_CHECK(doc && doc->is_object(), "an evidence revision is the JSON its service wrote");
    return std::move(doc->as_object());
}

std::int64_t CurrentRevision(const schema::Record& record) {
    const json::value* r = record.fields.if_contains("revision");
    return r != nullptr && r->is_int64() ? r->get_int64() : 0;
}

/// The stored revision documents of one evidence record, oldest first.
Result<std::vector<json::object>> LoadRevisions(store::TenantScope& scope, RecordId id) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT document FROM evidence_revisions WHERE tenant_id = ? AND evidence_id = ? "
            "ORDER BY revision",
            {scope.tenant().value, id.value}
        )
    );
    std::vector<json::object> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        out.push_back(ParseDocument(r.Text(0)));
    }
    return out;
}

}  // namespace

Result<UploadOutcome> EvidenceService::Upload(
    const iam::Principal& who, RecordId id, const UploadInput& input
) {
    const schema::RegisterSpec& spec = deps_.registry.Get("evidence");
    if (std::cmp_greater(input.content.size(), deps_.max_bytes)) {
        return Error{
            ErrorCode::kTooLarge,
            fmt::format(
                "the file is over the limit of {} bytes (max_evidence_bytes)", deps_.max_bytes
            ),
            {}};
    }
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(schema::Record current, store::GetRecord(tx, spec, id));
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kUpdate, current.owner));
    ISMS_TRY_ASSIGN(
        CheckedUpload checked, CheckUpload(input.file_name, input.content_type, input.content)
    );
    if (current.archived_at) {
        return Error::Conflict(current.ref + " is deleted; it takes no uploads");
    }
    const json::value* kind = current.fields.if_contains("kind");
    if (kind == nullptr || !kind->is_string() || kind->get_string() != "file") {
        return Error::Invalid("kind", current.ref + " is a link; only file evidence takes uploads");
    }
    if (input.expected_version && *input.expected_version != current.version) {
        return Error::Stale(fmt::format(
            "{} is at version {}, not {}", current.ref, current.version, *input.expected_version
        ));
    }
    // Stored before the transaction commits: a blob nobody cites is harmless, a cited blob that
    // is missing is not.
    ISMS_TRY_ASSIGN(StoredBlob blob, deps_.blobs.Put(input.content));
    const json::value* stored_hash = current.fields.if_contains("sha256");
    if (stored_hash != nullptr && stored_hash->is_string()
        && stored_hash->get_string() == blob.sha256) {
        ISMS_TRY_ASSIGN(auto revisions, LoadRevisions(tx, id));
        return UploadOutcome{
            json::object{
                {"evidence", schema::RecordToJson(spec, current)},
                {"revision", revisions.back()},
                {"deduplicated", true}},
            false};
    }
    const std::int64_t revision = CurrentRevision(current) + 1;
    const auto size = static_cast<std::int64_t>(input.content.size());
    const json::object document{
        {"evidence", id.value},
        {"revision", revision},
        {"sha256", blob.sha256},
        {"file_name", checked.file_name},
        {"content_type", checked.content_type},
        {"size_bytes", size},
        {"uploaded_at", FormatTimestamp(tx.now())},
        {"uploaded_by", who.user.value}};
    const std::string text = ToJsonText(document);
    ISMS_TRY_ASSIGN(
        const std::int64_t row_id,
        tx.sql().QueryInt(
            "INSERT INTO evidence_revisions (tenant_id, evidence_id, revision, sha256, document) "
            "VALUES (?, ?, ?, ?, ?) RETURNING id",
            {who.tenant.value, id.value, revision, blob.sha256, text}
        )
    );
    ISMS_TRY(tx.Append("uploaded", "evidence_revisions", row_id, std::nullopt, text));
    schema::Draft draft;
    draft.fields = json::object{
        {"file_name", checked.file_name},
        {"content_type", checked.content_type},
        {"size_bytes", size},
        {"sha256", blob.sha256},
        {"revision", revision}};
    ISMS_TRY_ASSIGN(schema::Record updated, store::UpdateRecord(tx, spec, id, std::nullopt, draft));
    ISMS_TRY(tx.Commit());
    return UploadOutcome{
        json::object{
            {"evidence", schema::RecordToJson(spec, updated)},
            {"revision", document},
            {"deduplicated", blob.existed}},
        true};
}

Result<EvidenceFile> EvidenceService::File(
    const iam::Principal& who, RecordId id, std::optional<std::int64_t> revision
) {
    const schema::RegisterSpec& spec = deps_.registry.Get("evidence");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(schema::Record record, store::GetRecord(session, spec, id));
    const std::int64_t wanted = revision.value_or(CurrentRevision(record));
    ISMS_TRY_ASSIGN(
        auto rows,
        session.sql().Query(
            "SELECT document FROM evidence_revisions WHERE tenant_id = ? AND evidence_id = ? "
            "AND revision = ?",
            {who.tenant.value, id.value, wanted}
        )
    );
    if (rows.empty()) {
        return Error::NotFound(
            revision ? fmt::format("{} has no revision {}", record.ref, *revision)
                     : record.ref + " has no uploaded file"
        );
    }
    const json::object doc = ParseDocument(rows[0].Text(0));
    const std::string sha256(doc.at("sha256").as_string());
    auto content = deps_.blobs.Get(sha256);
    if (!content) {
        return Error::Conflict(
            fmt::format("{} revision {}: {}", record.ref, wanted, content.error().message)
        );
    }
    return EvidenceFile{
        std::string(doc.at("file_name").as_string()),
        std::string(doc.at("content_type").as_string()),
        sha256,
        std::move(*content)};
}

Result<json::object> EvidenceService::Revisions(const iam::Principal& who, RecordId id) {
    const schema::RegisterSpec& spec = deps_.registry.Get("evidence");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY(store::GetRecord(session, spec, id));
    ISMS_TRY_ASSIGN(auto revisions, LoadRevisions(session, id));
    json::array items;
    for (auto& r : revisions) {
        items.emplace_back(std::move(r));
    }
    return json::object{{"items", std::move(items)}};
}

Result<json::object> EvidenceService::Verify(const iam::Principal& who, RecordId id) {
    const schema::RegisterSpec& spec = deps_.registry.Get("evidence");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(schema::Record record, store::GetRecord(session, spec, id));
    ISMS_TRY_ASSIGN(auto revisions, LoadRevisions(session, id));
    bool valid = true;
    json::array items;
    for (const json::object& r : revisions) {
        auto content = deps_.blobs.Get(r.at("sha256").as_string());
        valid = valid && content.has_value();
        items.push_back(json::object{
            {"revision", r.at("revision")},
            {"sha256", r.at("sha256")},
            {"valid", content.has_value()},
            {"problem", content ? json::value(nullptr) : json::value(content.error().message)}});
    }
    return json::object{
        {"evidence", record.ref}, {"valid", valid}, {"revisions", std::move(items)}};
}

Result<json::object> EvidenceService::Citations(const iam::Principal& who, RecordId id) {
    const schema::RegisterSpec& spec = deps_.registry.Get("evidence");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY(store::GetRecord(session, spec, id));
    ISMS_TRY_ASSIGN(auto citations, CitationsOf(session, id.value));
    json::array items;
    for (const Citation& c : citations) {
        items.push_back(json::object{{"source", c.source}, {"label", c.label}});
    }
    return json::object{{"items", std::move(items)}};
}

Result<json::object> EvidenceService::Stale(const iam::Principal& who) {
    const schema::RegisterSpec& spec = deps_.registry.Get("evidence");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    const Date today = Today(deps_.clock);
    ISMS_TRY_ASSIGN(auto stale, store::RecordsPastDate(session, spec, "valid_until", today));
    json::array items;
    for (const auto& [r, days] : stale) {
        items.push_back(json::object{
            {"id", r.id.value},
            {"ref", r.ref},
            {"name", StringOr(r.fields, "name")},
            {"valid_until", StringOr(r.fields, "valid_until")},
            {"days_stale", days}});
    }
    return json::object{{"as_of", FormatDate(today)}, {"items", std::move(items)}};
}

}  // namespace isms::evidence
