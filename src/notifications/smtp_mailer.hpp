// Sending mail: the Mailer interface the digest uses, and SmtpMailer, which hands each message
// to the configured SMTP server through libcurl (smtp:// with optional STARTTLS, or smtps://).
// The password comes from a file and appears in no message or log line.
#pragma once

#include <string>

#include "core/config.hpp"
#include "core/error.hpp"
#include "notifications/mail_message.hpp"

namespace isms::notifications {

class Mailer {
public:
    virtual ~Mailer() = default;
    [[nodiscard]] virtual Status Send(const MailMessage& message, Timestamp at) = 0;
};

struct SmtpSettings {
    std::string url;  // smtp://host:port or smtps://host:port, no user or password in it
    std::string from;
    std::string user;
    std::string password;   // secret: read from smtp_password_file
    bool starttls = false;  // require STARTTLS on smtp://
    int timeout_seconds = 30;
};

/// The SMTP settings of `config`, with the password read from its file; an error names the
/// setting. Only valid when config.smtp_url is set.
[[nodiscard]] Result<SmtpSettings> SmtpSettingsFrom(const Config& config);

class SmtpMailer final : public Mailer {
public:
    explicit SmtpMailer(SmtpSettings settings);
    [[nodiscard]] Status Send(const MailMessage& message, Timestamp at) override;

private:
    SmtpSettings settings_;
};

}  // namespace isms::notifications
