#include "http/multipart.hpp"

#include "http/message.hpp"

namespace isms::http {

namespace {

/// The value of `key=` in a header's parameters (quoted or not), "" when absent.
std::string HeaderParameter(std::string_view header, std::string_view key) {
    std::size_t at = 0;
    while ((at = header.find(';', at)) != std::string_view::npos) {
        ++at;
        while (at < header.size() && header[at] == ' ') {
            ++at;
        }
        const std::string_view rest = header.substr(at);
        if (rest.size() > key.size() && EqualsIgnoreCase(rest.substr(0, key.size()), key)
            && rest[key.size()] == '=') {
            std::string_view value = rest.substr(key.size() + 1);
            if (!value.empty() && value.front() == '"') {
                const std::size_t end = value.find('"', 1);
                return std::string(value.substr(1, end == std::string_view::npos ? end : end - 1));
            }
            return std::string(value.substr(0, value.find(';')));
        }
    }
    return {};
}

}  // namespace

std::string MultipartBoundary(std::string_view content_type) {
    constexpr std::string_view kType = "multipart/form-data";
    if (content_type.size() < kType.size()
        || !EqualsIgnoreCase(content_type.substr(0, kType.size()), kType)) {
        return {};
    }
    return HeaderParameter(content_type, "boundary");
}

Result<std::vector<FormPart>> ParseMultipart(std::string_view body, std::string_view boundary) {
    if (boundary.empty()) {
        return Error::Malformed("multipart body without a boundary");
    }
    const std::string delimiter = "--" + std::string(boundary);
    std::size_t at = body.find(delimiter);
    if (at == std::string_view::npos) {
        return Error::Malformed("multipart body does not contain its boundary");
    }
    // RFC 7578 says CRLF; bare LF (hand-written bodies, some tools) is accepted alike.
    const std::size_t after_first = at + delimiter.size();
    const std::string eol = body.substr(after_first, 2) == "\r\n" ? "\r\n" : "\n";
    const std::string blank_line = eol + eol;
    std::vector<FormPart> parts;
    while (true) {
        at += delimiter.size();
        if (body.substr(at, 2) == "--") {
            return parts;  // the closing delimiter
        }
        if (body.substr(at, eol.size()) != eol) {
            return Error::Malformed("multipart boundary not followed by a line break");
        }
        at += eol.size();
        const std::size_t headers_end = body.find(blank_line, at);
        if (headers_end == std::string_view::npos) {
            return Error::Malformed("multipart part without a blank line after its headers");
        }
        FormPart part;
        std::string_view headers = body.substr(at, headers_end - at);
        bool has_disposition = false;
        while (!headers.empty()) {
            const std::size_t end = headers.find(eol);
            const std::string_view line = headers.substr(0, end);
            headers = end == std::string_view::npos ? std::string_view()
                                                    : headers.substr(end + eol.size());
            const std::size_t colon = line.find(':');
            if (colon == std::string_view::npos) {
                continue;
            }
            const std::string_view name = line.substr(0, colon);
            std::string_view value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') {
                value.remove_prefix(1);
            }
            if (EqualsIgnoreCase(name, "content-disposition")) {
                has_disposition = true;
                part.name = HeaderParameter(value, "name");
                part.filename = HeaderParameter(value, "filename");
            } else if (EqualsIgnoreCase(name, "content-type")) {
                part.content_type = std::string(value);
            }
        }
        if (!has_disposition) {
            return Error::Malformed("multipart part without Content-Disposition");
        }
        const std::size_t content_start = headers_end + blank_line.size();
        const std::size_t next = body.find(eol + delimiter, content_start);
        if (next == std::string_view::npos) {
            return Error::Malformed("multipart body ends before its closing boundary");
        }
        part.body = std::string(body.substr(content_start, next - content_start));
        parts.push_back(std::move(part));
        at = next + eol.size();
    }
}

}  // namespace isms::http
