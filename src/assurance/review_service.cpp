#include "assurance/review_service.hpp"

#include <fmt/format.h>

#include "assurance/review_inputs.hpp"
#include "core/crypto.hpp"
#include "iam/permission.hpp"
#include "store/migrate.hpp"
#include "store/records.hpp"
#include "store/session.hpp"

namespace isms::assurance {

namespace {

constexpr std::string_view kSnapshots = "review_snapshots";

/// What the instance key signs: the organization, the review and the snapshot's hash.
std::string SnapshotMessage(TenantId tenant, RecordId review, const std::string& sha256) {
    return fmt::format("isms-review-inputs/1\n{}\n{}\n{}", tenant.value, review.value, sha256);
}

/// The frozen inputs of `review` with their hash and signature checked, or nullopt.
Result<std::optional<json::object>> Frozen(
    const MonitoringDeps& deps, store::TenantScope& scope, RecordId review
) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT document, sha256, signature, key_id, compiled_at, compiled_by FROM "
            "review_snapshots WHERE tenant_id = ? AND review_id = ?",
            {scope.tenant().value, review.value}
        )
    );
    if (rows.empty()) {
        return std::optional<json::object>();
    }
    const auto& r = rows[0];
    ISMS_TRY_ASSIGN(json::object inputs, ParseJsonObject(r.Text(0)));
    const std::string sha256 = crypto::HexEncode(crypto::Sha256(r.Text(0)));
    auto signature = crypto::HexDecode(r.Text(2));
    const bool valid =
        sha256 == r.Text(1) && signature
        && crypto::VerifySignature(
            deps.key.key.public_key, SnapshotMessage(scope.tenant(), review, sha256), *signature
        );
    return std::optional(json::object{
        {"frozen", true},
        {"sha256", r.Text(1)},
        {"signature", r.Text(2)},
        {"key_id", r.Text(3)},
        {"compiled_at", r.Text(4)},
        {"compiled_by", r.Int(5)},
        {"valid", valid},
        {"inputs", std::move(inputs)}});
}

Result<json::object> InputsIn(
    const MonitoringDeps& deps,
    const iam::Principal& who,
    store::TenantScope& scope,
    const schema::Record& review
) {
    ISMS_TRY_ASSIGN(std::optional<json::object> frozen, Frozen(deps, scope, review.id));
    if (frozen) {
        return std::move(*frozen);
    }
    ISMS_TRY_ASSIGN(json::object preview, CompileReviewInputs(deps, who, scope, review));
    return json::object{{"frozen", false}, {"inputs", std::move(preview)}};
}

}  // namespace

Result<json::object> ReviewService::Inputs(const iam::Principal& who, RecordId id) {
    const schema::RegisterSpec& spec = deps_.registry.Get("management_reviews");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(const schema::Record review, store::GetRecord(session, spec, id));
    return InputsIn(deps_, who, session, review);
}

Result<json::object> ReviewService::Compile(const iam::Principal& who, RecordId id) {
    const schema::RegisterSpec& spec = deps_.registry.Get("management_reviews");
    schema::Record review;
    json::object inputs;
    std::optional<RecordId> previous;
    {
        ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
        ISMS_TRY_ASSIGN(review, store::GetRecord(session, spec, id));
        ISMS_TRY(iam::Authorize(who, spec, iam::Action::kUpdate, review.owner));
        ISMS_TRY_ASSIGN(inputs, CompileReviewInputs(deps_, who, session, review));
        const json::value& prev = inputs.at("previous_review");
        if (prev.is_object()) {
            previous = RecordId{prev.as_object().at("id").as_int64()};
        }
    }
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(std::optional<json::object> frozen, Frozen(deps_, tx, id));
    if (frozen) {
        return Error::Conflict(fmt::format(
            "the inputs of {} were compiled at {}; they stay frozen",
            review.ref,
            std::string_view(frozen->at("compiled_at").as_string())
        ));
    }
    const std::string document = ToJsonText(inputs);
    const std::string sha256 = crypto::HexEncode(crypto::Sha256(document));
    const std::string signature =
        crypto::HexEncode(crypto::Sign(deps_.key.key, SnapshotMessage(who.tenant, id, sha256)));
    const std::string compiled_at = FormatTimestamp(tx.now());
    ISMS_TRY(tx.sql().Exec(
        "INSERT INTO review_snapshots (tenant_id, review_id, document, sha256, signature, key_id, "
        "compiled_at, compiled_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {who.tenant.value,
         id.value,
         document,
         sha256,
         signature,
         deps_.key.key_id,
         compiled_at,
         who.user.value}
    ));
    ISMS_TRY(tx.Append("compiled", std::string(kSnapshots), id.value, std::nullopt, document));
    ISMS_TRY(store::BumpRegisterVersion(tx, kSnapshots));
    schema::Draft draft;
    draft.fields = json::object{
        {"inputs_sha256", sha256},
        {"inputs_compiled_at", compiled_at},
        {"previous_review", previous ? json::value(previous->value) : json::value(nullptr)}};
    ISMS_TRY(store::UpdateRecord(tx, spec, id, review.version, draft));
    ISMS_TRY_ASSIGN(std::optional<json::object> result, Frozen(deps_, tx, id));
    ISMS_TRY(tx.Commit());
    return std::move(*result);
}

Result<json::object> ReviewService::Minutes(const iam::Principal& who, RecordId id) {
    const schema::RegisterSpec& spec = deps_.registry.Get("management_reviews");
    const schema::RegisterSpec& actions = deps_.registry.Get("review_actions");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(const schema::Record review, store::GetRecord(session, spec, id));
    ISMS_TRY_ASSIGN(json::object inputs, InputsIn(deps_, who, session, review));
    schema::ListQuery query;
    query.filters.push_back(
        {"review", schema::FieldType::kReference, schema::FilterOp::kEq, {json::value(id.value)}}
    );
    ISMS_TRY_ASSIGN(auto decided, store::ListAllRecords(session, actions, query));
    json::array list;
    for (const schema::Record& a : decided) {
        list.emplace_back(schema::RecordToJson(actions, a));
    }
    return json::object{
        {"review", schema::RecordToJson(spec, review)},
        {"inputs", std::move(inputs)},
        {"actions", std::move(list)}};
}

}  // namespace isms::assurance
