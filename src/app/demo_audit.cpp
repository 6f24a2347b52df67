#include "app/demo_audit.hpp"

#include <chrono>
#include <string>

#include "core/crypto.hpp"

namespace isms::app {

namespace {

constexpr const char* kDemoAuditorEmail = "auditor@demo.isms.local";

Result<std::int64_t> Create(
    App& app, const iam::Principal& who, std::string_view register_name, json::object body
) {
    ISMS_TRY_ASSIGN(json::object created, app.records().Create(who, register_name, body));
    return created.at("id").as_int64();
}

}  // namespace

Status SeedDemoAudits(App& app, const iam::Principal& admin, std::int64_t restore_tests) {
    const Date today = Today(app.clock());
    auto day = [&](int offset) {
        return FormatDate(today + std::chrono::days{offset});
    };
    // A colleague trained as internal auditor; their password is random and never shown.
    ISMS_TRY_ASSIGN(
        auto auditor,
        app.ProvisionUser(admin.tenant, kDemoAuditorEmail, crypto::RandomToken(12), "auditor", "")
    );
    ISMS_TRY_ASSIGN(iam::Principal lead, app.iam().PrincipalFor(admin.tenant, auditor.user));
    ISMS_TRY_ASSIGN(
        const std::int64_t programme,
        Create(
            app,
            admin,
            "audit_programmes",
            {{"name", "Internal audit programme, three years"},
             {"description",
              "Every clause 4–10 and every applicable Annex A control audited at least once in "
              "three years; backups and access control every year."},
             {"period_start", day(-90)},
             {"period_end", day(3 * 365 - 90)},
             {"status", "running"}}
        )
    );
    ISMS_TRY(Create(
        app,
        admin,
        "audits",
        {{"title", "Context and leadership"},
         {"programme", programme},
         {"status", "closed"},
         {"scope_clauses", json::array{"4", "5"}},
         {"criteria", "ISO/IEC 27001:2022 clauses 4 and 5"},
         {"planned_start", day(-60)},
         {"planned_end", day(-59)},
         {"performed_on", day(-59)},
         {"lead_auditor", auditor.user.value},
         {"conclusion", "Conforms; the scope statement should name the cloud e-mail service."}}
    ));
    ISMS_TRY_ASSIGN(
        const std::int64_t audit,
        Create(
            app,
            admin,
            "audits",
            {{"title", "Operation, evaluation and improvement; backups"},
             {"programme", programme},
             {"status", "in_progress"},
             {"scope_clauses", json::array{"8", "9", "10"}},
             {"scope_controls", json::array{"A.8.13"}},
             {"scope_areas", json::array{"IT operations"}},
             {"criteria", "ISO/IEC 27001:2022 clauses 8–10 and A.8.13; the backup procedure"},
             {"planned_start", day(-3)},
             {"planned_end", day(2)},
             {"lead_auditor", auditor.user.value}}
        )
    );
    ISMS_TRY(app.audit().audits.GenerateChecklist(lead, RecordId{audit}));
    ISMS_TRY_ASSIGN(
        json::object backup_item,
        app.records().List(
            lead,
            "audit_checklist_items",
            {{"audit", std::to_string(audit)}, {"requirement_ref", "A.8.13"}}
        )
    );
    const std::int64_t item = backup_item.at("items").at(0).at("id").as_int64();
    ISMS_TRY(app.records().Patch(
        lead,
        "audit_checklist_items",
        RecordId{item},
        std::nullopt,
        {{"result", "nonconforming"},
         {"notes",
          "The restore tests cover three of the four backup sets; the HR share is missing."},
         {"evidence", json::array{restore_tests}}}
    ));
    ISMS_TRY_ASSIGN(
        const std::int64_t finding,
        Create(
            app,
            lead,
            "audit_findings",
            {{"audit", audit},
             {"checklist_item", item},
             {"kind", "minor_nonconformity"},
             {"title", "The HR file share is never restore-tested"},
             {"description",
              "The backup procedure asks for a quarterly restore test of every set."},
             {"requirement", "urn:isms:framework:iso27001-2022:a.8.13"},
             {"evidence", json::array{restore_tests}}}
        )
    );
    ISMS_TRY_ASSIGN(
        const std::int64_t observation,
        Create(
            app,
            lead,
            "audit_findings",
            {{"audit", audit},
             {"kind", "observation"},
             {"title", "Backup failure alerts go to one person only"}}
        )
    );
    ISMS_TRY_ASSIGN(
        json::object raised, app.audit().findings.RaiseNonconformity(admin, RecordId{finding})
    );
    const std::int64_t nc = raised.at("nonconformity").at("id").as_int64();
    ISMS_TRY(app.records().Patch(
        admin,
        "nonconformities",
        RecordId{nc},
        std::nullopt,
        {{"status", "action_planned"},
         {"owner", admin.user.value},
         {"correction", "The HR share was restored into a test folder and checked."},
         {"root_cause_category", "process"},
         {"root_cause", "The restore test list is kept by hand and misses new backup sets."}}
    ));
    ISMS_TRY(Create(
        app,
        admin,
        "nonconformity_whys",
        {{"nonconformity", nc},
         {"position", 1},
         {"why", "Why was the HR share not restore-tested?"},
         {"answer", "It is not on the restore test list."}}
    ));
    ISMS_TRY(Create(
        app,
        admin,
        "nonconformity_whys",
        {{"nonconformity", nc},
         {"position", 2},
         {"why", "Why is it not on the list?"},
         {"answer", "The list is kept by hand and nobody adds new backup sets to it."}}
    ));
    ISMS_TRY(Create(
        app,
        admin,
        "corrective_actions",
        {{"nonconformity", nc},
         {"title", "Derive the restore test list from the backup configuration"},
         {"status", "in_progress"},
         {"due_date", day(30)},
         {"owner", admin.user.value}}
    ));
    ISMS_TRY(Create(
        app,
        admin,
        "improvements",
        {{"title", "Send backup failure alerts to the operations mailbox"},
         {"source", "audit_finding"},
         {"finding", observation},
         {"status", "approved"},
         {"expected_benefit", "Failures are seen when the one person is away."},
         {"due_date", day(14)},
         {"owner", admin.user.value}}
    ));
    return {};
}

}  // namespace isms::app
