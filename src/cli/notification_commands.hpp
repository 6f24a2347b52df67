// `isms notifications digest [--send]`: the daily digest of reminders from the command line
// (for cron), and the SMTP flags `serve` and `digest` share.
#pragma once

#include <functional>
#include <map>
#include <string>

#include <CLI/CLI.hpp>

#include "app/app.hpp"
#include "cli/command_output.hpp"

namespace isms::cli {

/// SMTP settings given as flags; empty ones leave the config file and ISMS_* to decide.
struct SmtpFlags {
    std::string url;
    std::string from;
    std::string user;
    std::string password_file;
    bool starttls = false;

    /// The flags as settings (smtp_url …) for LoadConfig.
    void AddTo(std::map<std::string, std::string>& settings) const;
};

void AddSmtpOptions(CLI::App* cmd, SmtpFlags& flags);

struct NotificationCommands {
    CLI::App* digest = nullptr;
    bool send = false;
    int days = -1;  // -1: the reminder_days setting
    std::string org;
    SmtpFlags smtp;
};

/// Registers `notifications digest`; `common` adds --config, --data and --format.
void AddNotificationCommands(
    CLI::App& cli, NotificationCommands& commands, const std::function<void(CLI::App*)>& common
);

/// Previews the digests, or with --send delivers those not sent today through SMTP; `failed`
/// when some digest could not be delivered.
[[nodiscard]] Result<CommandOutput> RunDigestCommand(
    const NotificationCommands& commands, app::App& app
);

}  // namespace isms::cli
