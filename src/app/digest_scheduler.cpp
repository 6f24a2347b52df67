#include "app/digest_scheduler.hpp"

#include "core/log.hpp"

namespace isms::app {

DigestScheduler::DigestScheduler(
    App& app, notifications::SmtpSettings smtp, std::chrono::seconds interval
)
    : app_(app), mailer_(smtp), from_(smtp.from), interval_(interval) {
    thread_ = std::thread([this] { Run(); });
}

DigestScheduler::~DigestScheduler() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void DigestScheduler::Run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        const auto now = app_.clock().Now();
        const auto hour = std::chrono::duration_cast<std::chrono::hours>(
                              now - std::chrono::floor<std::chrono::days>(now)
        )
                              .count();
        if (hour >= app_.config().digest_hour) {
            lock.unlock();
            notifications::DigestOptions options;
            options.mailer = &mailer_;
            options.from = from_;
            auto outcome = app_.notifications().service.RunDigest(options);
            if (!outcome) {
                Log().Log(Severity::kError, "digest.failed", {{"why", outcome.error().message}});
            } else if (outcome->at("sent").as_int64() > 0 || outcome->at("failed").as_int64() > 0) {
                Log().Log(
                    outcome->at("failed").as_int64() > 0 ? Severity::kWarning : Severity::kNotice,
                    "digest.sent",
                    {{"sent", outcome->at("sent").as_int64()},
                     {"failed", outcome->at("failed").as_int64()}}
                );
            }
            lock.lock();
        }
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

}  // namespace isms::app
