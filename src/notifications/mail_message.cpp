#include "notifications/mail_message.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace isms::notifications {

namespace {

std::string OneLine(std::string value) {
    std::replace_if(
        value.begin(), value.end(), [](char c) { return c == '\r' || c == '\n'; }, ' '
    );
    return value;
}

std::string EncodedSubject(const std::string& subject) {
    const bool ascii = std::all_of(subject.begin(), subject.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x80;
    });
    if (ascii) {
        return subject;
    }
    std::string out = "=?UTF-8?Q?";  // RFC 2047 "Q": letters and digits as they are
    for (char c : subject) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 && u < 0x80) {
            out.push_back(c);
        } else if (c == ' ') {
            out.push_back('_');
        } else {
            out += fmt::format("={:02X}", u);
        }
    }
    return out + "?=";
}

}  // namespace

std::string FormatMailMessage(const MailMessage& m, Timestamp at, const std::string& message_id) {
    std::string out;
    out +=
        "Date: "
        + fmt::format(
            "{:%a, %d %b %Y %H:%M:%S} +0000", std::chrono::time_point_cast<std::chrono::seconds>(at)
        )
        + "\r\n";
    out += "From: <" + OneLine(m.from) + ">\r\n";
    out += "To: <" + OneLine(m.to) + ">\r\n";
    out += "Subject: " + EncodedSubject(OneLine(m.subject)) + "\r\n";
    out += "Message-ID: <" + OneLine(message_id) + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\n";
    out += "Content-Transfer-Encoding: 8bit\r\n";
    out += "\r\n";
    for (std::size_t pos = 0; pos < m.text.size();) {
        const std::size_t end = std::min(m.text.find('\n', pos), m.text.size());
        std::string line = m.text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        out += line + "\r\n";
        pos = end + 1;
    }
    return out;
}

}  // namespace isms::notifications
