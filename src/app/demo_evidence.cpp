#include "app/demo_evidence.hpp"

#include <chrono>

#include "catalog/builtin.hpp"

namespace isms::app {

namespace {

constexpr const char* kRestoreTests =
    "date,system,backup,restored_within_minutes,result\n"
    "2026-07-02,customer database,nightly full,42,passed\n"
    "2026-08-06,payroll share,nightly incremental,18,passed\n"
    "2026-09-03,e-mail archive,weekly full,95,passed after a retry\n";

Result<std::int64_t> CreateEvidence(App& app, const iam::Principal& admin, json::object body) {
    body["owner"] = admin.user.value;
    ISMS_TRY_ASSIGN(json::object created, app.records().Create(admin, "evidence", body));
    return created.at("id").as_int64();
}

}  // namespace

Result<std::int64_t> SeedDemoEvidence(
    App& app, const iam::Principal& admin, const DemoControls& controls
) {
    const Date today = Today(app.clock());
    ISMS_TRY_ASSIGN(
        const std::int64_t restore,
        CreateEvidence(
            app,
            admin,
            {{"name", "Restore tests, third quarter"},
             {"description", "The quarterly restore test of each backup set, with timings."},
             {"kind", "file"},
             {"collected_on", FormatDate(today - std::chrono::days{20})},
             {"valid_until", FormatDate(today + std::chrono::days{70})},
             {"applied_controls", json::array{controls.offline_backups}}}
        )
    );
    evidence::UploadInput file{"restore-tests-q3.csv", "text/csv", kRestoreTests, std::nullopt};
    ISMS_TRY(app.evidence().service.Upload(admin, RecordId{restore}, file));
    ISMS_TRY(CreateEvidence(
        app,
        admin,
        {{"name", "Identity provider: MFA enforcement policy"},
         {"kind", "link"},
         {"url", "https://idp.demo.isms.local/admin/policies/mfa"},
         {"collected_on", FormatDate(today - std::chrono::days{5})},
         {"applied_controls", json::array{controls.sso_mfa}}}
    ));
    ISMS_TRY(CreateEvidence(
        app,
        admin,
        {{"name", "Laptop encryption compliance report"},
         {"description", "Export from the device management console; due for renewal."},
         {"kind", "link"},
         {"url", "https://mdm.demo.isms.local/reports/encryption"},
         {"collected_on", FormatDate(today - std::chrono::days{200})},
         {"valid_until", FormatDate(today - std::chrono::days{15})},
         {"applied_controls", json::array{controls.disk_encryption}}}
    ));
    return restore;
}

Status SeedDemoAssessments(App& app, const iam::Principal& admin, std::int64_t restore_tests) {
    auto& assessments = app.compliance().assessments;
    ISMS_TRY_ASSIGN(
        json::object audit,
        app.records().Create(
            admin,
            "assessments",
            {{"name", "Internal audit 2025 (ISO/IEC 27001:2013)"},
             {"framework", std::string(catalog::kIso27001_2013)},
             {"assessment_type", "internal_audit"},
             {"status", "in_review"},
             {"owner", admin.user.value}}
        )
    );
    const std::int64_t audit_id = audit.at("id").as_int64();
    auto result = [](const char* requirement, const char* value) {
        return json::object{{"requirement", requirement}, {"result", value}};
    };
    json::object minor = result("A.12.3.1", "partially_compliant");
    minor["audit_result"] = "minor_nonconformity";
    minor["notes"] = "Restores of the e-mail archive were not tested in 2025.";
    ISMS_TRY(assessments.SetResults(
        admin,
        RecordId{audit_id},
        {{"results",
          json::array{
              result("4.1", "compliant"),
              result("4.3", "compliant"),
              result("5.2", "compliant"),
              result("6.1.2", "compliant"),
              result("9.2", "compliant"),
              result("A.9.2.3", "compliant"),
              result("A.10.1.1", "compliant"),
              result("A.12.1.2", "compliant"),
              result("A.12.6.1", "non_compliant"),
              result("A.16.1.1", "compliant"),
              std::move(minor)}}}
    ));
    ISMS_TRY(app.records().Patch(
        admin, "assessments", RecordId{audit_id}, std::nullopt, {{"status", "done"}}
    ));
    ISMS_TRY_ASSIGN(
        json::object gap,
        app.records().Create(
            admin,
            "assessments",
            {{"name", "Transition gap assessment (ISO/IEC 27001:2022)"},
             {"framework", std::string(catalog::kIso27001_2022)},
             {"assessment_type", "gap_assessment"},
             {"status", "in_progress"},
             {"infer_from", json::array{audit_id}},
             {"owner", admin.user.value}}
        )
    );
    json::object backups = result("A.8.13", "compliant");
    backups["evidence"] = json::array{restore_tests};
    backups["notes"] = "Quarterly restore tests pass; see the third-quarter report.";
    ISMS_TRY(assessments.SetResults(
        admin,
        RecordId{gap.at("id").as_int64()},
        {{"results",
          json::array{
              std::move(backups),
              result("A.5.7", "non_compliant"),
              result("A.8.9", "partially_compliant")}}}
    ));
    return {};
}

}  // namespace isms::app
