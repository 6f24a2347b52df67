// What an approval of a document version signs (ISO/IEC 27001:2022 7.5.3): the version, the
// SHA-256 of its content, the approver and the instant, as one message the instance's Ed25519
// key signs. Pure, so `GET /api/v1/document_versions/{id}/verify` and any offline checker
// rebuild the same bytes.
#pragma once

#include <string>

#include "core/ids.hpp"

namespace isms::documents {

struct ApprovalFacts {
    TenantId tenant;
    std::int64_t document_id = 0;
    std::int64_t version_id = 0;
    std::int64_t number = 0;
    std::string sha256;  // hex
    std::int64_t approver = 0;
    std::string approved_at;  // RFC 3339
};

/// "isms-document-approval/1\n<tenant>\n<document id>\n<version id>\n<number>\n<sha256>\n
/// <approver user id>\n<approved_at>".
[[nodiscard]] std::string ApprovalMessage(const ApprovalFacts& facts);

}  // namespace isms::documents
