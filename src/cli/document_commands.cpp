#include "cli/document_commands.hpp"

#include <fmt/format.h>

#include "cli/record_lookup.hpp"

namespace isms::cli {

namespace {

Result<CommandOutput> ListDocuments(app::App& app, const iam::Principal& who) {
    ISMS_TRY_ASSIGN(
        const json::array documents, AllRecords(app, who, "documents", {{"sort", "id"}})
    );
    ISMS_TRY_ASSIGN(
        const json::array versions, AllRecords(app, who, "document_versions", {{"sort", "number"}})
    );
    std::map<std::int64_t, const json::object*> latest;  // by document: its newest version
    for (const auto& v : versions) {
        latest[v.at("document").to_number<std::int64_t>()] = &v.as_object();
    }
    ISMS_TRY_ASSIGN(const Emails emails, MemberEmails(app, who.tenant));
    CommandOutput out;
    out.text = fmt::format(
        "{:<8} {:<10} {:<10} {:<22} {:<24} {}\n",
        "REF",
        "KIND",
        "STATUS",
        "LATEST VERSION",
        "OWNER",
        "TITLE"
    );
    json::array items;
    for (const auto& d : documents) {
        json::object item = WithEmails(d.as_object(), {"owner", "approver"}, emails);
        const auto newest = latest.find(item.at("id").as_int64());
        std::string latest_text = "-";
        for (const char* field : {"id", "ref", "status"}) {
            item[std::string("latest_version_") + field] =
                newest == latest.end() ? json::value(nullptr) : newest->second->at(field);
        }
        if (newest != latest.end()) {
            latest_text = fmt::format(
                "{} v{} {}",
                FieldText(*newest->second, "ref"),
                FieldText(*newest->second, "number"),
                FieldText(*newest->second, "status")
            );
        }
        out.text += fmt::format(
            "{:<8} {:<10} {:<10} {:<22} {:<24} {}\n",
            FieldText(item, "ref"),
            FieldText(item, "kind"),
            FieldText(item, "status"),
            latest_text,
            UserText(item, "owner", emails),
            FieldText(item, "title")
        );
        items.push_back(std::move(item));
    }
    out.json = json::object{{"items", std::move(items)}};
    return out;
}

Result<CommandOutput> ShowDocument(
    app::App& app, const iam::Principal& who, const std::string& target
) {
    ISMS_TRY_ASSIGN(const RecordId id, FindRecordId(app, who, "documents", target, "document"));
    ISMS_TRY_ASSIGN(json::object document, app.records().Get(who, "documents", id));
    ISMS_TRY_ASSIGN(
        json::array versions,
        AllRecords(
            app,
            who,
            "document_versions",
            {{"document", std::to_string(id.value)}, {"sort", "number"}}
        )
    );
    ISMS_TRY_ASSIGN(const Emails emails, MemberEmails(app, who.tenant));
    CommandOutput out;
    out.text = fmt::format(
        "{} {}\n  kind {}, classification {}, status {}\n  owner {}, approver {}\n  review every "
        "{} "
        "month(s), next on {}, last reviewed on {}\n",
        FieldText(document, "ref"),
        FieldText(document, "title"),
        FieldText(document, "kind"),
        FieldText(document, "classification"),
        FieldText(document, "status"),
        UserText(document, "owner", emails),
        UserText(document, "approver", emails),
        FieldText(document, "review_interval_months"),
        FieldText(document, "next_review_on"),
        FieldText(document, "last_reviewed_on")
    );
    out.text += versions.empty() ? "  no versions yet\n" : "  versions:\n";
    for (auto& v : versions) {
        json::object& version = v.as_object();
        const auto approver = UserEmail(version, "approved_by", emails);
        out.text += fmt::format(
            "    {:<8} v{:<3} {:<10} {}{}\n",
            FieldText(version, "ref"),
            FieldText(version, "number"),
            FieldText(version, "status"),
            FieldText(version, "change_note"),
            approver ? " (approved by " + *approver + ")" : std::string()
        );
        version = WithEmails(std::move(version), {"approved_by"}, emails);
    }
    document = WithEmails(std::move(document), {"owner", "approver"}, emails);
    document["versions"] = std::move(versions);
    out.json = std::move(document);
    return out;
}

Result<CommandOutput> MoveVersion(
    const DocumentCommands& c, app::App& app, const iam::Principal& who
) {
    ISMS_TRY_ASSIGN(
        const RecordId id, FindRecordId(app, who, "document_versions", c.target, "version")
    );
    documents::DocumentService& service = app.documents().service;
    json::object version;
    if (c.submit->parsed()) {
        ISMS_TRY_ASSIGN(version, service.Submit(who, id));
    } else if (c.approve->parsed()) {
        json::object body;
        if (!c.comment.empty()) {
            body["comment"] = c.comment;
        }
        ISMS_TRY_ASSIGN(version, service.Approve(who, id, body));
    } else {
        ISMS_TRY_ASSIGN(version, service.Publish(who, id));
    }
    CommandOutput out;
    out.text = fmt::format(
        "{} (version {}) is {}\n",
        FieldText(version, "ref"),
        FieldText(version, "number"),
        FieldText(version, "status")
    );
    out.json = std::move(version);
    return out;
}

}  // namespace

void AddDocumentCommands(
    CLI::App& cli, DocumentCommands& c, const std::function<void(CLI::App*)>& common
) {
    auto* document = cli.add_subcommand("document", "documented information (7.5)");
    document->require_subcommand(1);
    auto add = [&](const char* name, const char* what) {
        return AddActingCommand(*document, name, what, c.acting, common);
    };
    c.list = add("list", "every document: kind, status, its newest version, owner");
    c.show = add("show", "one document with its versions");
    c.show->add_option("document", c.target, "the document: its ref (DOC-1) or id")->required();
    c.submit = add("submit", "submit a draft version for approval (draft → in_review)");
    c.approve =
        add("approve", "approve a version in review, as the document's designated approver (--as)");
    c.publish =
        add("publish", "publish an approved version; the one in force before becomes obsolete");
    for (CLI::App* step : {c.submit, c.approve, c.publish}) {
        step->add_option("version", c.target, "the version: its ref (DVR-1) or id")->required();
    }
    c.approve->get_option("--as")->required();
    c.approve->add_option("--comment", c.comment, "the approver's comment");
}

bool Parsed(const DocumentCommands& c) {
    return c.list->parsed() || c.show->parsed() || c.submit->parsed() || c.approve->parsed()
           || c.publish->parsed();
}

Result<CommandOutput> RunDocumentCommand(const DocumentCommands& c, app::App& app) {
    ISMS_TRY_ASSIGN(const iam::Principal who, ActingPrincipal(app, c.acting));
    if (c.list->parsed()) {
        return ListDocuments(app, who);
    }
    if (c.show->parsed()) {
        return ShowDocument(app, who, c.target);
    }
    return MoveVersion(c, app, who);
}

}  // namespace isms::cli
