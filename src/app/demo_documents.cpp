#include "app/demo_documents.hpp"

namespace isms::app {

namespace {

constexpr const char* kPolicyV1 = R"(# Information security policy

The Demo Organization protects the confidentiality, integrity and availability of the
information it holds for its customers and staff.

## Commitments

- We meet the requirements of our customers, of the law and of ISO/IEC 27001.
- We set information security objectives each year and review them quarterly.
- Everyone reports incidents and weaknesses at once to the IT service desk.
- We improve the ISMS continually.
)";

constexpr const char* kPolicyV2 = R"(# Information security policy

The Demo Organization protects the confidentiality, integrity and availability of the
information it holds for its customers and staff, in the office and when working remotely.

## Commitments

- We meet the requirements of our customers, of the law and of ISO/IEC 27001.
- We set information security objectives each year and review them quarterly.
- Everyone reports incidents and weaknesses at once to the IT service desk.
- Remote work follows the remote access procedure.
- We improve the ISMS continually.
)";

constexpr const char* kAccessProcedure = R"(# Access control procedure

1. Access is requested through the service desk and approved by the asset owner.
2. Privileged access needs multi-factor authentication.
3. Access rights are reviewed every quarter; leavers lose access on their last day.
)";

Result<std::int64_t> NewDocument(App& app, const iam::Principal& admin, json::object body) {
    body["approver"] = admin.user.value;
    body["owner"] = admin.user.value;
    ISMS_TRY_ASSIGN(json::object created, app.records().Create(admin, "documents", body));
    return created.at("id").as_int64();
}

Result<RecordId> NewVersion(
    App& app, const iam::Principal& admin, std::int64_t document, const char* body, const char* note
) {
    ISMS_TRY_ASSIGN(
        json::object created,
        app.records().Create(
            admin,
            "document_versions",
            {{"document", document}, {"body", body}, {"change_note", note}}
        )
    );
    return RecordId{created.at("id").as_int64()};
}

/// Submits, approves and publishes a version (the admin is the designated approver).
Status Publish(App& app, const iam::Principal& admin, RecordId version) {
    auto& lifecycle = app.documents().service;
    ISMS_TRY(lifecycle.Submit(admin, version));
    ISMS_TRY(lifecycle.Approve(admin, version, {{"comment", "Approved by top management"}}));
    ISMS_TRY(lifecycle.Publish(admin, version));
    return {};
}

}  // namespace

Status SeedDemoDocuments(
    App& app, const iam::Principal& admin, const std::vector<std::int64_t>& people
) {
    json::array everyone;
    for (const std::int64_t id : people) {
        everyone.push_back(id);
    }
    ISMS_TRY_ASSIGN(
        const std::int64_t policy,
        NewDocument(
            app,
            admin,
            {{"title", "Information security policy"},
             {"kind", "policy"},
             {"classification", "internal"},
             {"distribution", everyone},
             {"review_interval_months", 12}}
        )
    );
    ISMS_TRY_ASSIGN(
        const RecordId policy_v1, NewVersion(app, admin, policy, kPolicyV1, "First issue")
    );
    ISMS_TRY(Publish(app, admin, policy_v1));
    for (std::size_t i = 0; i + 1 < people.size(); ++i) {  // the last one has not read it yet
        ISMS_TRY(app.records().Create(
            admin,
            "acknowledgements",
            {{"person", people[i]}, {"document_version", policy_v1.value}}
        ));
    }
    ISMS_TRY_ASSIGN(
        const RecordId policy_v2, NewVersion(app, admin, policy, kPolicyV2, "Covers remote work")
    );
    ISMS_TRY(app.documents().service.Submit(admin, policy_v2));

    ISMS_TRY_ASSIGN(
        const std::int64_t access,
        NewDocument(
            app,
            admin,
            {{"title", "Access control procedure"},
             {"kind", "procedure"},
             {"classification", "internal"},
             {"distribution", json::array{people.at(0), people.at(1)}},
             {"review_interval_months", 12}}
        )
    );
    ISMS_TRY_ASSIGN(
        const RecordId access_v1, NewVersion(app, admin, access, kAccessProcedure, "First issue")
    );
    ISMS_TRY(Publish(app, admin, access_v1));

    ISMS_TRY_ASSIGN(
        const std::int64_t continuity,
        NewDocument(
            app,
            admin,
            {{"title", "Business continuity plan"},
             {"kind", "plan"},
             {"classification", "confidential"},
             {"review_interval_months", 12}}
        )
    );
    ISMS_TRY(NewVersion(
        app,
        admin,
        continuity,
        "# Business continuity plan\n\nDraft: recovery objectives per service still to agree.",
        "Outline"
    ));
    return {};
}

}  // namespace isms::app
