// Domain rules a module hooks to the writes of one register (ARCHITECTURE.md "Registers":
// scoring from the tenant's method, links into the catalog, …). The generic write path calls
// them inside its transaction, after the declared validation and the reference checks and
// before the row is written, so a refusal changes nothing.
#pragma once

#include "core/error.hpp"
#include "iam/principal.hpp"
#include "schema/record.hpp"
#include "schema/register_spec.hpp"
#include "schema/validate.hpp"
#include "store/session.hpp"

namespace isms::records {

/// The declared fields a record will have after the write: the stored ones with the draft's
/// applied (a cleared field holds null).
[[nodiscard]] json::object FieldsAfter(const schema::Record* current, const schema::Draft& draft);

class RecordRules {
public:
    virtual ~RecordRules() = default;

    /// Checks and completes one create (`current` null) or patch. May set computed fields in
    /// `draft.fields`; refuses with kInvalidArgument naming each field, or any other error.
    [[nodiscard]] virtual Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) = 0;

    /// Checks an archive (the API's delete) of `current`; refuses with kConflict saying what
    /// still rests on the record. Allows by default.
    [[nodiscard]] virtual Status BeforeArchive(
        store::WriteTx& tx, const schema::RegisterSpec& spec, const schema::Record& current
    ) {
        static_cast<void>(tx);
        static_cast<void>(spec);
        static_cast<void>(current);
        return {};
    }
};

}  // namespace isms::records
