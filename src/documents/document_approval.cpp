#include "documents/document_approval.hpp"

#include <fmt/format.h>

namespace isms::documents {

std::string ApprovalMessage(const ApprovalFacts& f) {
    return fmt::format(
        "isms-document-approval/1\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
        f.tenant.value,
        f.document_id,
        f.version_id,
        f.number,
        f.sha256,
        f.approver,
        f.approved_at
    );
}

}  // namespace isms::documents
