#include "documents/document_rules.hpp"

#include <vector>

#include <fmt/format.h>

#include "core/crypto.hpp"
#include "documents/document_state.hpp"
#include "documents/document_text.hpp"
#include "iam/role.hpp"
#include "store/migrate.hpp"
#include "store/records.hpp"

namespace isms::documents {

Status DocumentRules::BeforeWrite(
    store::WriteTx& /*tx*/,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    if (current == nullptr) {
        draft.fields["status"] = "draft";
    }
    return {};
}

Status DocumentRules::BeforeArchive(
    store::WriteTx& /*tx*/, const schema::RegisterSpec& /*spec*/, const schema::Record& current
) {
    if (FieldText(current.fields, "status") == "published") {
        return Error::Conflict(fmt::format(
            "{} is published (version {}): withdraw the version before deleting the document",
            current.ref,
            FieldInt(current.fields, "published_version")
        ));
    }
    return {};
}

Status DocumentVersionRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& spec,
    const schema::Record* current,
    schema::Draft& draft
) {
    if (current != nullptr) {
        const std::string_view status = FieldText(current->fields, "status");
        if (status != "draft") {
            return Error::Conflict(fmt::format(
                "{} (version {}) is {} and cannot change: create a new version, which starts "
                "as a draft",
                current->ref,
                FieldInt(current->fields, "number"),
                status
            ));
        }
        if (draft.fields.contains("document")
            && draft.fields.at("document") != current->fields.at("document")) {
            return Error::Invalid("document", "a version stays with its document");
        }
    }
    const json::object after = records::FieldsAfter(current, draft);
    const std::int64_t document_id = FieldInt(after, "document");
    const bool has_body = !FieldText(after, "body").empty();
    const bool has_file = after.contains("file") && !after.at("file").is_null();
    if (has_body == has_file) {
        return Error::Invalid(
            has_body ? "file" : "body",
            has_body ? "a version has a body or an attached file, not both"
                     : "give the content: a Markdown body or an attached file (evidence id)"
        );
    }
    if (has_body) {
        draft.fields["sha256"] =
            crypto::HexEncode(crypto::Sha256(std::string(FieldText(after, "body"))));
    } else {
        ISMS_TRY_ASSIGN(
            schema::Record file,
            store::GetRecord(tx, registry_.Get("evidence"), RecordId{FieldInt(after, "file")})
        );
        const std::string sha(FieldText(file.fields, "sha256"));
        if (sha.empty()) {
            return Error::Invalid(
                "file",
                fmt::format(
                    "{} has no uploaded content; upload it to /api/v1/evidence/{}/file first",
                    file.ref,
                    file.id.value
                )
            );
        }
        draft.fields["sha256"] = sha;
    }
    if (current != nullptr) {
        return {};
    }
    ISMS_TRY_ASSIGN(
        auto open,
        tx.sql().Query(
            "SELECT ref, number, status FROM " + store::RegisterTable(spec)
                + " WHERE tenant_id = ? AND document = ? AND archived_at IS NULL AND status IN "
                  "('draft', 'in_review')",
            {tx.tenant().value, document_id}
        )
    );
    if (!open.empty()) {
        return Error::Conflict(fmt::format(
            "the document already has version {} ({}) in {}: change that one",
            open[0].Int(1),
            open[0].Text(0),
            open[0].Text(2) == "draft" ? "draft" : "review"
        ));
    }
    ISMS_TRY_ASSIGN(
        const std::int64_t last,
        tx.sql().QueryInt(
            "SELECT COALESCE(MAX(number), 0) FROM " + store::RegisterTable(spec)
                + " WHERE tenant_id = ? AND document = ?",
            {tx.tenant().value, document_id}
        )
    );
    draft.fields["number"] = last + 1;
    draft.fields["status"] = "draft";
    return RefreshDocument(tx, registry_, document_id, PendingVersion{0, last + 1, "draft"});
}

Status DocumentVersionRules::BeforeArchive(
    store::WriteTx& tx, const schema::RegisterSpec& /*spec*/, const schema::Record& current
) {
    const std::string_view status = FieldText(current.fields, "status");
    if (status != "draft") {
        return Error::Conflict(fmt::format(
            "{} (version {}) is {}: the history of every version is kept; only a draft can be "
            "deleted",
            current.ref,
            FieldInt(current.fields, "number"),
            status
        ));
    }
    return RefreshDocument(
        tx,
        registry_,
        FieldInt(current.fields, "document"),
        PendingVersion{current.id.value, FieldInt(current.fields, "number"), ""}
    );
}

Status AcknowledgementRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& who,
    const schema::RegisterSpec& spec,
    const schema::Record* current,
    schema::Draft& draft
) {
    if (current != nullptr) {
        return Error::Conflict(fmt::format(
            "{} records what was acknowledged and cannot change; acknowledge the new version "
            "instead",
            current->ref
        ));
    }
    ISMS_TRY_ASSIGN(
        schema::Record version,
        store::GetRecord(
            tx,
            registry_.Get("document_versions"),
            RecordId{FieldInt(draft.fields, "document_version")}
        )
    );
    ISMS_TRY_ASSIGN(
        schema::Record person,
        store::GetRecord(tx, registry_.Get("people"), RecordId{FieldInt(draft.fields, "person")})
    );
    if (FieldText(version.fields, "status") != "published") {
        return Error::Invalid(
            "document_version",
            fmt::format(
                "{} (version {}) is {}: only the published version can be acknowledged",
                version.ref,
                FieldInt(version.fields, "number"),
                FieldText(version.fields, "status")
            )
        );
    }
    const bool manager = who.role == iam::Role::kAdmin || who.role == iam::Role::kIsmsManager;
    const json::value* member = person.fields.if_contains("member");
    const bool self =
        member != nullptr && member->is_int64() && member->as_int64() == who.user.value;
    if (!manager && !self) {
        return Error::Denied(fmt::format(
            "you may acknowledge only as the person linked to your membership; {} is not",
            person.ref
        ));
    }
    ISMS_TRY_ASSIGN(
        auto earlier,
        tx.sql().Query(
            "SELECT ref FROM " + store::RegisterTable(spec)
                + " WHERE tenant_id = ? AND archived_at IS NULL AND person = ? AND "
                  "document_version = ?",
            {tx.tenant().value, person.id.value, version.id.value}
        )
    );
    if (!earlier.empty()) {
        return Error::Conflict(fmt::format(
            "{} already acknowledged {} (version {}) in {}",
            person.ref,
            version.ref,
            FieldInt(version.fields, "number"),
            earlier[0].Text(0)
        ));
    }
    draft.fields["document"] = FieldInt(version.fields, "document");
    draft.fields["version_number"] = FieldInt(version.fields, "number");
    draft.fields["acknowledged_at"] = FormatTimestamp(tx.now());
    return {};
}

Status AcknowledgementRules::BeforeArchive(
    store::WriteTx& /*tx*/, const schema::RegisterSpec& /*spec*/, const schema::Record& current
) {
    return Error::Conflict(
        fmt::format("{} is kept as evidence of awareness and cannot be deleted", current.ref)
    );
}

}  // namespace isms::documents
