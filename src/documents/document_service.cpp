#include "documents/document_service.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/crypto.hpp"
#include "documents/document_approval.hpp"
#include "documents/document_state.hpp"
#include "documents/document_text.hpp"
#include "documents/markdown_html.hpp"
#include "iam/permission.hpp"
#include "schema/list_query.hpp"
#include "store/records.hpp"
#include "store/session.hpp"

namespace isms::documents {

namespace {

constexpr std::size_t kMaxCommentLength = 2000;
constexpr int kMaxReviewYears = 5;

/// Refuses members outside `known`; reads the optional text member `name` (≤ 2,000 bytes).
Result<std::string> CommentOf(
    const json::object& body, std::initializer_list<std::string_view> known, bool required
) {
    std::vector<FieldError> errors;
    for (const auto& member : body) {
        if (std::find(known.begin(), known.end(), member.key()) == known.end()) {
            errors.push_back({std::string(member.key()), "unknown field"});
        }
    }
    std::string comment;
    const json::value* v = body.if_contains("comment");
    if (v != nullptr && !v->is_null() && !v->is_string()) {
        errors.push_back({"comment", "must be a string"});
    } else if (v != nullptr && v->is_string()) {
        comment = std::string(v->get_string());
        if (comment.size() > kMaxCommentLength) {
            errors.push_back({"comment", fmt::format("must be at most {} bytes", kMaxCommentLength)}
            );
        }
    }
    if (required && comment.find_first_not_of(" \t\r\n") == std::string::npos && errors.empty()) {
        errors.push_back({"comment", "is required: say what must change"});
    }
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    return comment;
}

/// `months` after `day`, on the same day of the month or the month's last day.
Date AddMonths(Date day, std::int64_t months) {
    const std::chrono::year_month_day ymd{day};
    std::chrono::year_month_day moved = ymd + std::chrono::months{months};
    if (!moved.ok()) {
        moved = std::chrono::year_month_day_last{
            moved.year(), std::chrono::month_day_last{moved.month()}};
    }
    return std::chrono::sys_days{moved};
}

Result<std::string> Email(store::TenantScope& scope, std::int64_t user) {
    ISMS_TRY_ASSIGN(auto rows, scope.sql().Query("SELECT email FROM users WHERE id = ?", {user}));
    return rows.empty() ? fmt::format("user {}", user) : rows[0].Text(0);
}

/// A version, its document, and the write transaction they were read in.
struct Loaded {
    store::WriteTx tx;
    schema::Record version;
    schema::Record document;
};

std::string Describe(const schema::Record& version) {
    return fmt::format("{} (version {})", version.ref, FieldInt(version.fields, "number"));
}

Status RequireState(const schema::Record& version, std::string_view wanted, std::string_view step) {
    const std::string_view status = FieldText(version.fields, "status");
    if (status != wanted) {
        return Error::Conflict(fmt::format(
            "{} is {}; only a version that is {} can be {}", Describe(version), status, wanted, step
        ));
    }
    return {};
}

Result<Loaded> Load(const DocumentDeps& deps, const iam::Principal& who, RecordId version_id) {
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps.db, who.tenant, who.AsActor(), deps.clock, deps.key)
    );
    ISMS_TRY_ASSIGN(
        schema::Record version,
        store::GetRecord(tx, deps.registry.Get("document_versions"), version_id)
    );
    ISMS_TRY_ASSIGN(
        schema::Record document,
        store::GetRecord(
            tx, deps.registry.Get("documents"), RecordId{FieldInt(version.fields, "document")}
        )
    );
    return Loaded{std::move(tx), std::move(version), std::move(document)};
}

/// Only the designated approver; a read-only token never.
Status RequireApprover(Loaded& l, const iam::Principal& who, std::string_view step) {
    ISMS_TRY(iam::RequireWrite(who));
    const std::int64_t approver = FieldInt(l.document.fields, "approver");
    if (approver != who.user.value) {
        ISMS_TRY_ASSIGN(std::string email, Email(l.tx, approver));
        return Error::Denied(fmt::format(
            "only the designated approver of {} ({}) may {} its versions",
            l.document.ref,
            email,
            step
        ));
    }
    return {};
}

/// Writes `fields` to the version and refreshes the document; commits; returns the version.
Result<json::object> Move(const DocumentDeps& deps, Loaded& l, schema::Draft draft) {
    const schema::RegisterSpec& spec = deps.registry.Get("document_versions");
    ISMS_TRY_ASSIGN(
        schema::Record after, store::UpdateRecord(l.tx, spec, l.version.id, std::nullopt, draft)
    );
    ISMS_TRY(RefreshDocument(l.tx, deps.registry, l.document.id.value));
    ISMS_TRY(l.tx.Commit());
    return schema::RecordToJson(spec, after);
}

}  // namespace

Result<json::object> DocumentService::Submit(const iam::Principal& who, RecordId version) {
    ISMS_TRY_ASSIGN(Loaded l, Load(deps_, who, version));
    ISMS_TRY(
        iam::Authorize(who, deps_.registry.Get("documents"), iam::Action::kUpdate, l.document.owner)
    );
    ISMS_TRY(RequireState(l.version, "draft", "submitted for approval"));
    schema::Draft draft;
    draft.fields["status"] = "in_review";
    return Move(deps_, l, std::move(draft));
}

Result<json::object> DocumentService::Approve(
    const iam::Principal& who, RecordId version, const json::object& body
) {
    ISMS_TRY_ASSIGN(Loaded l, Load(deps_, who, version));
    ISMS_TRY(RequireApprover(l, who, "approve"));
    ISMS_TRY_ASSIGN(std::string comment, CommentOf(body, {"comment"}, false));
    ISMS_TRY(RequireState(l.version, "in_review", "approved"));
    const std::string approved_at = FormatTimestamp(l.tx.now());
    const ApprovalFacts facts{
        who.tenant,
        l.document.id.value,
        l.version.id.value,
        FieldInt(l.version.fields, "number"),
        std::string(FieldText(l.version.fields, "sha256")),
        who.user.value,
        approved_at};
    schema::Draft draft;
    draft.fields["status"] = "approved";
    draft.fields["approved_by"] = who.user.value;
    draft.fields["approved_at"] = approved_at;
    draft.fields["review_comment"] = comment.empty() ? json::value(nullptr) : json::value(comment);
    draft.fields["signature"] =
        crypto::HexEncode(crypto::Sign(deps_.key.key, ApprovalMessage(facts)));
    draft.fields["key_id"] = deps_.key.key_id;
    return Move(deps_, l, std::move(draft));
}

Result<json::object> DocumentService::Reject(
    const iam::Principal& who, RecordId version, const json::object& body
) {
    ISMS_TRY_ASSIGN(Loaded l, Load(deps_, who, version));
    ISMS_TRY(RequireApprover(l, who, "send back"));
    ISMS_TRY_ASSIGN(std::string comment, CommentOf(body, {"comment"}, true));
    ISMS_TRY(RequireState(l.version, "in_review", "sent back to draft"));
    schema::Draft draft;
    draft.fields["status"] = "draft";
    draft.fields["review_comment"] = comment;
    return Move(deps_, l, std::move(draft));
}

Result<json::object> DocumentService::Publish(const iam::Principal& who, RecordId version) {
    ISMS_TRY_ASSIGN(Loaded l, Load(deps_, who, version));
    const schema::RegisterSpec& documents = deps_.registry.Get("documents");
    ISMS_TRY(iam::Authorize(who, documents, iam::Action::kUpdate, l.document.owner));
    ISMS_TRY(RequireState(l.version, "approved", "published"));
    const schema::RegisterSpec& spec = deps_.registry.Get("document_versions");
    ISMS_TRY_ASSIGN(
        schema::ListQuery query,
        schema::ParseListQuery(
            spec, {{"document", std::to_string(l.document.id.value)}, {"status", "published"}}
        )
    );
    ISMS_TRY_ASSIGN(auto in_force, store::ListAllRecords(l.tx, spec, query));
    for (const schema::Record& old : in_force) {
        schema::Draft retire;
        retire.fields["status"] = "obsolete";
        ISMS_TRY(store::UpdateRecord(l.tx, spec, old.id, std::nullopt, retire));
    }
    const std::int64_t interval = FieldInt(l.document.fields, "review_interval_months");
    if (interval > 0) {
        schema::Draft next;
        next.fields["next_review_on"] = FormatDate(AddMonths(Today(deps_.clock), interval));
        ISMS_TRY(store::UpdateRecord(l.tx, documents, l.document.id, std::nullopt, next));
    }
    schema::Draft draft;
    draft.fields["status"] = "published";
    draft.fields["published_at"] = FormatTimestamp(l.tx.now());
    return Move(deps_, l, std::move(draft));
}

Result<json::object> DocumentService::Withdraw(const iam::Principal& who, RecordId version) {
    ISMS_TRY_ASSIGN(Loaded l, Load(deps_, who, version));
    ISMS_TRY(
        iam::Authorize(who, deps_.registry.Get("documents"), iam::Action::kUpdate, l.document.owner)
    );
    ISMS_TRY(RequireState(l.version, "published", "withdrawn"));
    schema::Draft draft;
    draft.fields["status"] = "obsolete";
    return Move(deps_, l, std::move(draft));
}

Result<json::object> DocumentService::Verify(const iam::Principal& who, RecordId version_id) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(
        schema::Record version,
        store::GetRecord(session, deps_.registry.Get("document_versions"), version_id)
    );
    const std::string signature_hex(FieldText(version.fields, "signature"));
    if (signature_hex.empty()) {
        return Error::Conflict(fmt::format(
            "{} is {} and was never approved: there is no signature to verify",
            Describe(version),
            FieldText(version.fields, "status")
        ));
    }
    const std::string recorded(FieldText(version.fields, "sha256"));
    json::value content_sha = nullptr;
    json::value problem = nullptr;
    const std::string_view body = FieldText(version.fields, "body");
    if (!body.empty()) {
        content_sha = crypto::HexEncode(crypto::Sha256(body));
    } else if (auto content = deps_.blobs.Get(recorded); content) {
        content_sha = crypto::HexEncode(crypto::Sha256(*content));
    } else {
        problem = content.error().message;
    }
    ISMS_TRY_ASSIGN(const std::string approved_at, [&]() -> Result<std::string> {
        const json::value* at = version.fields.if_contains("approved_at");
        if (at == nullptr || !at->is_string()) {
            return Error::Internal("an approved version without approved_at");
        }
        return std::string(at->get_string());
    }());
    const ApprovalFacts facts{
        who.tenant,
        FieldInt(version.fields, "document"),
        version.id.value,
        FieldInt(version.fields, "number"),
        recorded,
        FieldInt(version.fields, "approved_by"),
        approved_at};
    auto signature = crypto::HexDecode(signature_hex);
    const bool signature_valid =
        signature
        && crypto::VerifySignature(deps_.key.key.public_key, ApprovalMessage(facts), *signature);
    const bool content_valid = content_sha.is_string() && content_sha.get_string() == recorded;
    return json::object{
        {"valid", signature_valid && content_valid},
        {"content_sha256", content_sha},
        {"recorded_sha256", recorded},
        {"signature_valid", signature_valid},
        {"key_id", FieldText(version.fields, "key_id")},
        {"problem", problem}};
}

Result<std::string> DocumentService::Html(const iam::Principal& who, RecordId version_id) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(
        schema::Record version,
        store::GetRecord(session, deps_.registry.Get("document_versions"), version_id)
    );
    const std::int64_t file = FieldInt(version.fields, "file");
    if (file != 0) {
        return Error::Conflict(fmt::format(
            "{} is an attached file: download it from /api/v1/evidence/{}/file",
            Describe(version),
            file
        ));
    }
    return RenderMarkdown(FieldText(version.fields, "body"));
}

Result<json::object> DocumentService::Review(
    const iam::Principal& who, RecordId document_id, const json::object& body
) {
    const schema::RegisterSpec& spec = deps_.registry.Get("documents");
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(schema::Record document, store::GetRecord(tx, spec, document_id));
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kUpdate, document.owner));
    std::vector<FieldError> errors;
    for (const auto& member : body) {
        if (member.key() != "next_review_on") {
            errors.push_back({std::string(member.key()), "unknown field"});
        }
    }
    const Date today = Today(deps_.clock);
    std::optional<Date> next;
    const json::value* given = body.if_contains("next_review_on");
    const std::int64_t interval = FieldInt(document.fields, "review_interval_months");
    if (given != nullptr && !given->is_null()) {
        next = given->is_string() ? ParseDate(given->get_string()) : std::nullopt;
        if (!next) {
            errors.push_back({"next_review_on", "must be a date YYYY-MM-DD"});
        } else if (*next <= today) {
            errors.push_back({"next_review_on", "must be after today (" + FormatDate(today) + ")"});
        } else if (*next > AddMonths(today, 12 * kMaxReviewYears)) {
            errors.push_back({"next_review_on", "must be at most five years ahead"});
        }
    } else if (interval > 0) {
        next = AddMonths(today, interval);
    } else {
        errors.push_back(
            {"next_review_on", "is required: the document has no review_interval_months"}
        );
    }
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    if (FieldText(document.fields, "status") != "published") {
        return Error::Conflict(
            fmt::format("{} has no published version to review; publish one first", document.ref)
        );
    }
    schema::Draft draft;
    draft.fields["last_reviewed_on"] = FormatDate(today);
    draft.fields["next_review_on"] = FormatDate(*next);
    ISMS_TRY_ASSIGN(
        schema::Record after, store::UpdateRecord(tx, spec, document_id, std::nullopt, draft)
    );
    ISMS_TRY(tx.Commit());
    return schema::RecordToJson(spec, after);
}

Result<json::object> DocumentService::PendingAcknowledgements(
    const iam::Principal& who, RecordId document_id
) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(
        schema::Record document,
        store::GetRecord(session, deps_.registry.Get("documents"), document_id)
    );
    const json::object head{{"id", document.id.value}, {"ref", document.ref}};
    const std::int64_t number = FieldInt(document.fields, "published_version");
    const json::value* list = document.fields.if_contains("distribution");
    const json::array none;
    const json::array& distribution =
        list != nullptr && list->is_array() ? list->get_array() : none;
    json::object out{
        {"document", head}, {"version", nullptr}, {"distribution", distribution.size()}};
    const schema::RegisterSpec& versions = deps_.registry.Get("document_versions");
    ISMS_TRY_ASSIGN(
        schema::ListQuery query,
        schema::ParseListQuery(
            versions, {{"document", std::to_string(document_id.value)}, {"status", "published"}}
        )
    );
    ISMS_TRY_ASSIGN(auto published, store::ListAllRecords(session, versions, query));
    std::vector<std::int64_t> acknowledged_by;
    if (number != 0 && !published.empty()) {
        const schema::Record& current = published.front();
        out["version"] =
            json::object{{"id", current.id.value}, {"ref", current.ref}, {"number", number}};
        const schema::RegisterSpec& acks = deps_.registry.Get("acknowledgements");
        ISMS_TRY_ASSIGN(
            schema::ListQuery ack_query,
            schema::ParseListQuery(acks, {{"document_version", std::to_string(current.id.value)}})
        );
        ISMS_TRY_ASSIGN(auto given, store::ListAllRecords(session, acks, ack_query));
        for (const schema::Record& a : given) {
            acknowledged_by.push_back(FieldInt(a.fields, "person"));
        }
    }
    const schema::RegisterSpec& people = deps_.registry.Get("people");
    json::array pending;
    std::int64_t acknowledged = 0;
    for (const json::value& id : out["version"].is_null() ? none : distribution) {
        auto person = store::GetRecord(session, people, RecordId{id.as_int64()});
        if (!person && person.error().code == ErrorCode::kNotFound) {
            continue;  // deleted since it was put in the distribution
        }
        ISMS_TRY(person);
        if (FieldText(person->fields, "status") == "left") {
            continue;
        }
        if (std::find(acknowledged_by.begin(), acknowledged_by.end(), person->id.value)
            != acknowledged_by.end()) {
            ++acknowledged;
            continue;
        }
        const json::value* email = person->fields.if_contains("email");
        pending.push_back(json::object{
            {"id", person->id.value},
            {"ref", person->ref},
            {"name", FieldText(person->fields, "name")},
            {"email", email != nullptr ? *email : json::value(nullptr)}});
    }
    out["acknowledged"] = acknowledged;
    out["pending"] = std::move(pending);
    return out;
}

}  // namespace isms::documents
