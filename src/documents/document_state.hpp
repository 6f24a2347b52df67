// A document's computed fields follow its versions: `status` is "published" while a version is
// published, else the state of its newest version ("draft" with none); `published_version` and
// `latest_version` are version numbers. Written through the register path, so the document's
// history shows each change.
#pragma once

#include <optional>
#include <string>

#include "core/error.hpp"
#include "schema/registry.hpp"
#include "store/session.hpp"

namespace isms::documents {

/// A version whose new state is not stored yet: `id` 0 for one about to be created; an empty
/// `status` for one about to be archived.
struct PendingVersion {
    std::int64_t id = 0;
    std::int64_t number = 0;
    std::string status;
};

/// Recomputes and stores the computed fields of document `document_id` from its live versions,
/// with `pending` applied.
[[nodiscard]] Status RefreshDocument(
    store::WriteTx& tx,
    const schema::Registry& registry,
    std::int64_t document_id,
    const std::optional<PendingVersion>& pending = std::nullopt
);

}  // namespace isms::documents
