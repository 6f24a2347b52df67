#include "cli/notification_commands.hpp"

#include <fmt/format.h>

#include "notifications/smtp_mailer.hpp"

namespace isms::cli {

void SmtpFlags::AddTo(std::map<std::string, std::string>& settings) const {
    const std::pair<const char*, const std::string*> named[] = {
        {"smtp_url", &url},
        {"smtp_from", &from},
        {"smtp_user", &user},
        {"smtp_password_file", &password_file}};
    for (const auto& [name, value] : named) {
        if (!value->empty()) {
            settings[name] = *value;
        }
    }
    if (starttls) {
        settings["smtp_starttls"] = "true";
    }
}

void AddSmtpOptions(CLI::App* cmd, SmtpFlags& flags) {
    cmd->add_option(
        "--smtp-url", flags.url, "smtp://host:port or smtps://host:port for e-mail (ISMS_SMTP_URL)"
    );
    cmd->add_option("--smtp-from", flags.from, "sender address of e-mail (ISMS_SMTP_FROM)");
    cmd->add_option("--smtp-user", flags.user, "SMTP user name (ISMS_SMTP_USER)");
    cmd->add_option("--smtp-password-file", flags.password_file, "file holding the SMTP password");
    cmd->add_flag("--smtp-starttls", flags.starttls, "require STARTTLS on smtp://");
}

void AddNotificationCommands(
    CLI::App& cli, NotificationCommands& commands, const std::function<void(CLI::App*)>& common
) {
    auto* group = cli.add_subcommand("notifications", "reminders of dated records");
    group->require_subcommand(1);
    commands.digest = group->add_subcommand(
        "digest", "every member's reminders: print them, or e-mail them once a day with --send"
    );
    common(commands.digest);
    commands.digest->add_flag("--send", commands.send, "e-mail the digests not yet sent today");
    commands.digest->add_option("--days", commands.days, "due within this many days")
        ->check(CLI::Range(0, 365));
    commands.digest->add_option("--org", commands.org, "one organization (slug); default: all");
    AddSmtpOptions(commands.digest, commands.smtp);
}

Result<CommandOutput> RunDigestCommand(const NotificationCommands& commands, app::App& app) {
    notifications::DigestOptions options;
    if (commands.days >= 0) {
        options.days = commands.days;
    }
    options.organization = commands.org;
    std::optional<notifications::SmtpMailer> mailer;
    if (commands.send) {
        if (app.config().smtp_url.empty()) {
            return Error::Invalid(
                "smtp_url", "--send needs an SMTP server: --smtp-url or the smtp_url setting"
            );
        }
        ISMS_TRY_ASSIGN(auto smtp, notifications::SmtpSettingsFrom(app.config()));
        options.from = smtp.from;
        mailer.emplace(std::move(smtp));
        options.mailer = &*mailer;
    }
    ISMS_TRY_ASSIGN(json::object outcome, app.notifications().service.RunDigest(options));
    CommandOutput out;
    for (const auto& d : outcome.at("digests").as_array()) {
        const auto& digest = d.as_object();
        const std::string_view status = digest.at("status").as_string();
        const std::string line = fmt::format(
            "{} {} ({}): {} reminder(s)",
            status,
            std::string_view(digest.at("email").as_string()),
            std::string_view(digest.at("organization").as_string()),
            digest.at("items").as_int64()
        );
        out.text += line + "\n";
        if (status == "preview") {
            out.text += "  " + std::string(digest.at("subject").as_string()) + "\n";
        } else if (status == "failed") {
            out.text += "  " + std::string(digest.at("error").as_string()) + "\n";
        }
    }
    out.text += fmt::format(
        "as of {}: {} sent, {} already sent today, {} failed, {} digest(s)\n",
        std::string_view(outcome.at("as_of").as_string()),
        outcome.at("sent").as_int64(),
        outcome.at("already_sent").as_int64(),
        outcome.at("failed").as_int64(),
        outcome.at("digests").as_array().size()
    );
    out.failed = outcome.at("failed").as_int64() > 0;
    out.json = std::move(outcome);
    return out;
}

}  // namespace isms::cli
