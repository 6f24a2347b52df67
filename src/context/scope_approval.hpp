// Top management approving a scope statement version (ISO/IEC 27001:2022 4.3, 5.1): what the
// approval body may say, and the message the instance's Ed25519 key signs, the way a document
// approval is signed (documents/document_approval.hpp). Pure, so a verifier rebuilds the bytes.
#pragma once

#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/json.hpp"

namespace isms::context {

struct ScopeApprovalFacts {
    TenantId tenant;
    std::int64_t version = 0;
    std::string sha256;  // hex, of the version's stored document
    std::int64_t approver = 0;
    std::string approved_at;  // RFC 3339
};

/// "isms-scope-approval/1\n<tenant>\n<version>\n<sha256>\n<approver user id>\n<approved_at>".
[[nodiscard]] std::string ScopeApprovalMessage(const ScopeApprovalFacts& facts);

/// The optional "comment" of an approval body (≤ 1,000 characters; "" when absent); any other
/// member is refused, naming it.
[[nodiscard]] Result<std::string> DecodeApprovalComment(const json::object& body);

}  // namespace isms::context
