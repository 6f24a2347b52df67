#include "notifications/smtp_mailer.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>

#include <curl/curl.h>

#include "core/crypto.hpp"

namespace isms::notifications {

namespace {

struct Upload {
    std::string data;
    std::size_t sent = 0;
};

std::size_t ReadUpload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    const std::size_t n = std::min(size * count, upload->data.size() - upload->sent);
    std::memcpy(buffer, upload->data.data() + upload->sent, n);
    upload->sent += n;
    return n;
}

struct CurlDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

Result<SmtpSettings> SmtpSettingsFrom(const Config& config) {
    SmtpSettings s;
    s.url = config.smtp_url;
    s.from = config.smtp_from;
    s.user = config.smtp_user;
    s.starttls = config.smtp_starttls;
    if (!s.url.starts_with("smtp://") && !s.url.starts_with("smtps://")) {
        return Error::Invalid("smtp_url", "expected smtp://host:port or smtps://host:port");
    }
    const std::size_t authority = s.url.find("://") + 3;
    const std::string rest = s.url.substr(authority, s.url.find('/', authority) - authority);
    if (rest.find('@') != std::string::npos) {
        return Error::Invalid(
            "smtp_url", "must not hold a user or password: use smtp_user and smtp_password_file"
        );
    }
    if (s.from.find('@') == std::string::npos) {
        return Error::Invalid("smtp_from", "the sender address is required with smtp_url");
    }
    if (!config.smtp_password_file.empty()) {
        std::ifstream in(config.smtp_password_file);
        if (!in || !std::getline(in, s.password)) {
            return Error::Invalid("smtp_password_file", "cannot read " + config.smtp_password_file);
        }
        while (!s.password.empty() && (s.password.back() == '\r' || s.password.back() == '\n')) {
            s.password.pop_back();
        }
        if (s.user.empty()) {
            return Error::Invalid("smtp_user", "required with smtp_password_file");
        }
    }
    return s;
}

SmtpMailer::SmtpMailer(SmtpSettings settings) : settings_(std::move(settings)) {
    static std::once_flag initialized;  // curl_global_init is not thread-safe; once per process
    std::call_once(initialized, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Status SmtpMailer::Send(const MailMessage& message, Timestamp at) {
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) {
        return Error{ErrorCode::kUnavailable, "cannot start an SMTP client", {}};
    }
    const std::string domain = settings_.from.substr(settings_.from.find('@') + 1);
    Upload upload{
        FormatMailMessage(message, at, crypto::HexEncode(crypto::RandomBytes(12)) + "@" + domain)};
    std::unique_ptr<curl_slist, SlistDeleter> recipients(
        curl_slist_append(nullptr, ("<" + message.to + ">").c_str())
    );
    const std::string from = "<" + settings_.from + ">";
    char error[CURL_ERROR_SIZE] = {};
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadUpload);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(settings_.timeout_seconds));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    if (settings_.starttls) {
        curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    }
    if (!settings_.user.empty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, settings_.user.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
    }
    const CURLcode code = curl_easy_perform(c);
    if (code != CURLE_OK) {
        // curl's messages name the server and the SMTP reply, never the credentials.
        return Error{
            ErrorCode::kUnavailable,
            "sending mail to " + message.to + " through " + settings_.url + " failed: "
                + (error[0] != '\0' ? std::string(error) : std::string(curl_easy_strerror(code))),
            {}};
    }
    return {};
}

}  // namespace isms::notifications
