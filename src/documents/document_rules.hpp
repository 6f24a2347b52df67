// Rules of the documented-information registers, hooked to the generic write path:
//  - documents: a published document cannot be deleted (withdraw its version first);
//  - document_versions: a new version is numbered after the document's others and starts as a
//    draft; it holds a Markdown body or an attached file (evidence with uploaded content), not
//    both, and its SHA-256 is computed; only a draft can change (an approved version is
//    frozen: editing makes a new draft) and only a draft can be deleted; a document has at most
//    one version in draft or review at a time;
//  - acknowledgements: of a published version only, once per person and version, by the
//    person themself (the member linked to them) or recorded by an admin or ISMS manager; never
//    changed or deleted.
#pragma once

#include "records/record_rules.hpp"
#include "schema/registry.hpp"

namespace isms::documents {

class DocumentRules final : public records::RecordRules {
public:
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;

    [[nodiscard]] Status BeforeArchive(
        store::WriteTx& tx, const schema::RegisterSpec& spec, const schema::Record& current
    ) override;
};

class DocumentVersionRules final : public records::RecordRules {
public:
    explicit DocumentVersionRules(const schema::Registry& registry) : registry_(registry) {}

    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;

    [[nodiscard]] Status BeforeArchive(
        store::WriteTx& tx, const schema::RegisterSpec& spec, const schema::Record& current
    ) override;

private:
    const schema::Registry& registry_;
};

class AcknowledgementRules final : public records::RecordRules {
public:
    explicit AcknowledgementRules(const schema::Registry& registry) : registry_(registry) {}

    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;

    [[nodiscard]] Status BeforeArchive(
        store::WriteTx& tx, const schema::RegisterSpec& spec, const schema::Record& current
    ) override;

private:
    const schema::Registry& registry_;
};

}  // namespace isms::documents
