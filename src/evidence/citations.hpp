// Which records cite an evidence record: issued SoA versions and assessment results. An index
// kept beside the ledgered documents that hold the citations, so deleting (archiving) cited
// evidence can be refused with the names of what cites it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/session.hpp"

namespace isms::evidence {

struct Citation {
    std::string source;  // what cites, as a key: "soa:2", "assessment_result:41"
    std::string label;   // as shown: "issued SoA version 2"
};

/// Makes `evidence_ids` exactly the evidence that `source` cites.
[[nodiscard]] Status ReplaceCitations(
    store::WriteTx& tx,
    const std::string& source,
    const std::string& label,
    const std::vector<std::int64_t>& evidence_ids
);

/// What cites one evidence record, in source order.
[[nodiscard]] Result<std::vector<Citation>> CitationsOf(
    store::TenantScope& scope, std::int64_t evidence_id
);

}  // namespace isms::evidence
