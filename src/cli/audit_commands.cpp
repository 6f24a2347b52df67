#include "cli/audit_commands.hpp"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "cli/record_lookup.hpp"
#include "report/audit_report.hpp"

namespace isms::cli {

namespace {

Result<CommandOutput> ListAudits(app::App& app, const iam::Principal& who) {
    ISMS_TRY_ASSIGN(json::array audits, AllRecords(app, who, "audits", {{"sort", "id"}}));
    ISMS_TRY_ASSIGN(const Emails emails, MemberEmails(app, who.tenant));
    CommandOutput out;
    out.text = fmt::format(
        "{:<8} {:<12} {:<24} {:<24} {}\n", "REF", "STATUS", "PLANNED", "LEAD AUDITOR", "TITLE"
    );
    for (auto& a : audits) {
        json::object& audit = a.as_object();
        audit = WithEmails(std::move(audit), {"lead_auditor"}, emails);
        out.text += fmt::format(
            "{:<8} {:<12} {:<24} {:<24} {}\n",
            FieldText(audit, "ref"),
            FieldText(audit, "status"),
            FieldText(audit, "planned_start") + " to " + FieldText(audit, "planned_end"),
            FieldText(audit, "lead_auditor_email"),
            FieldText(audit, "title")
        );
    }
    out.json = json::object{{"items", std::move(audits)}};
    return out;
}

Result<CommandOutput> Checklist(
    app::App& app, const iam::Principal& who, RecordId audit, bool generate
) {
    assurance::AuditService& audits = app.audit().audits;
    CommandOutput out;
    if (generate) {
        ISMS_TRY_ASSIGN(const json::object generated, audits.GenerateChecklist(who, audit));
        out.text = fmt::format(
            "{}: {} checklist item(s) created, {} there already\n",
            FieldText(generated, "audit"),
            generated.at("created").as_int64(),
            generated.at("already").as_int64()
        );
        out.json["generated"] = json::object{
            {"created", generated.at("created")}, {"already", generated.at("already")}};
    }
    ISMS_TRY_ASSIGN(json::object data, audits.ReportData(who, audit));
    json::array& items = data.at("items").as_array();
    out.text +=
        fmt::format("{:<12} {:<8} {:<14} {}\n", "REQUIREMENT", "REF", "RESULT", "REQUIREMENT NAME");
    for (const auto& item : items) {
        out.text += fmt::format(
            "{:<12} {:<8} {:<14} {}\n",
            FieldText(item.as_object(), "requirement_ref"),
            FieldText(item.as_object(), "ref"),
            FieldText(item.as_object(), "result"),
            FieldText(item.as_object(), "requirement_name")
        );
    }
    out.text += fmt::format("{} item(s)\n", items.size());
    out.json["audit"] = data.at("audit").at("ref");
    out.json["items"] = std::move(items);
    return out;
}

/// Writes `body` to `path` through a temporary file beside it, so a failure leaves no part.
Status WriteFile(const std::string& path, const std::string& body) {
    const std::string temporary = path + ".part";
    std::error_code ec;
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        file << body;
        if (!file.flush()) {
            std::filesystem::remove(temporary, ec);
            return Error::Invalid("out", "cannot write " + path);
        }
    }
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        const std::string reason = ec.message();
        std::filesystem::remove(temporary, ec);
        return Error::Invalid("out", "cannot write " + path + ": " + reason);
    }
    return {};
}

Result<CommandOutput> Report(
    const AuditCommands& c, app::App& app, const iam::Principal& who, RecordId audit
) {
    ISMS_TRY_ASSIGN(const json::object data, app.audit().audits.ReportData(who, audit));
    ISMS_TRY_ASSIGN(
        const report::ExportFile file,
        report::AuditReportFile(data, c.type, FormatDate(Today(app.clock())))
    );
    const std::string path = c.out_file.empty() ? file.filename : c.out_file;
    ISMS_TRY(WriteFile(path, file.body));
    const std::string ref(data.at("audit").at("ref").as_string());
    CommandOutput out;
    out.text = fmt::format(
        "wrote the audit report of {} ({}, {} bytes) to {}\n", ref, c.type, file.body.size(), path
    );
    out.json = json::object{
        {"audit", ref},
        {"file", path},
        {"type", c.type},
        {"bytes", static_cast<std::int64_t>(file.body.size())}};
    return out;
}

}  // namespace

void AddAuditCommands(
    CLI::App& cli, AuditCommands& c, const std::function<void(CLI::App*)>& common
) {
    auto* audit = cli.add_subcommand("audit", "internal audits (9.2)");
    audit->require_subcommand(1);
    auto add = [&](const char* name, const char* what) {
        return AddActingCommand(*audit, name, what, c.acting, common);
    };
    c.list = add("list", "every audit: status, planned dates, lead auditor");
    c.checklist = add("checklist", "an audit's checklist, in requirement order");
    c.checklist->add_flag(
        "--generate", c.generate, "first add one item per requirement in scope that has none"
    );
    c.report = add("report", "write the audit report (scope, checklist, findings) to a file");
    c.report->add_option(
        "--out", c.out_file, "file to write (default: audit-report-<ref>-<date>.<type> here)"
    );
    c.report->add_option("--type", c.type, "html (default), csv or xlsx")
        ->check(CLI::IsMember({"html", "csv", "xlsx"}));
    for (CLI::App* cmd : {c.checklist, c.report}) {
        cmd->add_option("audit", c.audit, "the audit: its ref (AUD-1) or id")->required();
    }
}

bool Parsed(const AuditCommands& c) {
    return c.list->parsed() || c.checklist->parsed() || c.report->parsed();
}

Result<CommandOutput> RunAuditCommand(const AuditCommands& c, app::App& app) {
    ISMS_TRY_ASSIGN(const iam::Principal who, ActingPrincipal(app, c.acting));
    if (c.list->parsed()) {
        return ListAudits(app, who);
    }
    ISMS_TRY_ASSIGN(const RecordId audit, FindRecordId(app, who, "audits", c.audit, "audit"));
    if (c.checklist->parsed()) {
        return Checklist(app, who, audit, c.generate);
    }
    return Report(c, app, who, audit);
}

}  // namespace isms::cli
