// The daily digest inside `isms serve`: when an SMTP server is configured, a background thread
// looks every few minutes whether the digest hour (UTC) has come and sends the digests not yet
// sent today (NotificationService::RunDigest sends each member at most one a day, so a server
// restart or a cron job of `isms notifications digest --send` sends nothing twice).
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/app.hpp"
#include "notifications/smtp_mailer.hpp"

namespace isms::app {

class DigestScheduler {
public:
    /// Starts the thread; `interval` is how often it looks.
    DigestScheduler(App& app, notifications::SmtpSettings smtp, std::chrono::seconds interval);
    /// Stops the thread and waits for it.
    ~DigestScheduler();
    DigestScheduler(const DigestScheduler&) = delete;
    DigestScheduler& operator=(const DigestScheduler&) = delete;

private:
    void Run();

    App& app_;
    notifications::SmtpMailer mailer_;
    std::string from_;
    std::chrono::seconds interval_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace isms::app
