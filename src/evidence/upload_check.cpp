#include "evidence/upload_check.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include <fmt/format.h>

namespace isms::evidence {

namespace {

constexpr std::size_t kMaxFileName = 255;

/// One accepted type: the extensions that name it and how its content is recognised.
struct AcceptedType {
    std::string_view content_type;
    std::vector<std::string_view> extensions;
    std::vector<std::string_view> signatures;  // any one must start the content
    bool text = false;                         // UTF-8 text without NUL bytes
};

const std::vector<AcceptedType>& Accepted() {
    static const std::vector<AcceptedType> kTypes = {
        {"application/pdf", {".pdf"}, {"%PDF-"}, false},
        {"image/png", {".png"}, {"\x89PNG\r\n\x1a\n"}, false},
        {"image/jpeg", {".jpg", ".jpeg"}, {"\xff\xd8\xff"}, false},
        {"image/gif", {".gif"}, {"GIF87a", "GIF89a"}, false},
        {"text/plain", {".txt", ".log"}, {}, true},
        {"text/csv", {".csv"}, {}, true},
        {"text/markdown", {".md"}, {}, true},
        {"application/json", {".json"}, {}, true},
        {"application/xml", {".xml"}, {}, true},
        {"message/rfc822", {".eml"}, {}, true},
        {"application/zip", {".zip"}, {"PK\x03\x04"}, false},
        {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         {".xlsx"},
         {"PK\x03\x04"},
         false},
        {"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         {".docx"},
         {"PK\x03\x04"},
         false},
        {"application/vnd.openxmlformats-officedocument.presentationml.presentation",
         {".pptx"},
         {"PK\x03\x04"},
         false},
        {"application/vnd.oasis.opendocument.text", {".odt"}, {"PK\x03\x04"}, false},
        {"application/vnd.oasis.opendocument.spreadsheet", {".ods"}, {"PK\x03\x04"}, false},
    };
    return kTypes;
}

std::string Lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return out;
}

/// "text/csv; charset=utf-8" → "text/csv"; text/xml is application/xml.
std::string NormalizeType(std::string_view declared) {
    std::string type = Lowercase(declared.substr(0, declared.find(';')));
    type.erase(0, type.find_first_not_of(" \t"));
    type.erase(type.find_last_not_of(" \t") + 1);
    return type == "text/xml" ? "application/xml" : type;
}

std::string Extension(std::string_view file_name) {
    const std::size_t dot = file_name.rfind('.');
    return dot == std::string_view::npos ? "" : Lowercase(file_name.substr(dot));
}

bool ValidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        unsigned int min = 0;
        unsigned int code = 0;
        if (c == 0) {
            return false;
        }
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            extra = 1, min = 0x80, code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, min = 0x800, code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, min = 0x10000, code = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= text.size()) {
            return false;  // truncated sequence
        }
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                return false;
            }
            code = (code << 6) | (next & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return false;
        }
        i += extra + 1;
    }
    return true;
}

Status CheckFileName(std::string_view name) {
    if (name.empty()) {
        return Error::Invalid("file_name", "required: the file's name, e.g. firewall-review.pdf");
    }
    if (name.size() > kMaxFileName) {
        return Error::Invalid("file_name", fmt::format("at most {} characters", kMaxFileName));
    }
    const bool unsafe = std::any_of(name.begin(), name.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c < 0x20 || c == 0x7F || ch == '/' || ch == '\\' || ch == '"';
    });
    if (unsafe || name == "." || name == ".." || !ValidUtf8(name)) {
        return Error::Invalid(
            "file_name", "must be a plain file name: no path, quotes or control characters"
        );
    }
    return {};
}

}  // namespace

std::string AcceptedTypes() {
    std::string out;
    for (const AcceptedType& t : Accepted()) {
        out += (out.empty() ? "" : ", ") + std::string(t.content_type);
    }
    return out;
}

Result<CheckedUpload> CheckUpload(
    std::string_view file_name, std::string_view declared_type, std::string_view content
) {
    ISMS_TRY(CheckFileName(file_name));
    if (content.empty()) {
        return Error::Invalid("file", "is empty");
    }
    const std::string extension = Extension(file_name);
    std::string type = NormalizeType(declared_type);
    const AcceptedType* accepted = nullptr;
    if (type.empty() || type == "application/octet-stream") {
        for (const AcceptedType& t : Accepted()) {
            if (std::find(t.extensions.begin(), t.extensions.end(), extension)
                != t.extensions.end()) {
                accepted = &t;
            }
        }
        if (accepted == nullptr) {
            return Error::Invalid(
                "file_name",
                fmt::format(
                    "'{}' does not name an accepted type by its extension; accepted: {}",
                    file_name,
                    AcceptedTypes()
                )
            );
        }
    } else {
        const auto it = std::find_if(Accepted().begin(), Accepted().end(), [&](const auto& t) {
            return t.content_type == type;
        });
        if (it == Accepted().end()) {
            return Error::Invalid(
                "content_type",
                fmt::format("'{}' is not accepted; accepted: {}", type, AcceptedTypes())
            );
        }
        accepted = &*it;
        if (std::find(accepted->extensions.begin(), accepted->extensions.end(), extension)
            == accepted->extensions.end()) {
            return Error::Invalid(
                "file_name",
                fmt::format(
                    "the extension of '{}' does not fit {} (expected {})",
                    file_name,
                    type,
                    fmt::join(accepted->extensions, " or ")
                )
            );
        }
    }
    if (accepted->text && !ValidUtf8(content)) {
        return Error::Invalid(
            "file",
            fmt::format("is not {}: text must be UTF-8 without NUL bytes", accepted->content_type)
        );
    }
    if (!accepted->signatures.empty()
        && std::none_of(
            accepted->signatures.begin(),
            accepted->signatures.end(),
            [&](std::string_view s) { return content.starts_with(s); }
        )) {
        return Error::Invalid(
            "file",
            fmt::format(
                "the content is not {}: it does not start with that format's signature",
                accepted->content_type
            )
        );
    }
    return CheckedUpload{std::string(file_name), std::string(accepted->content_type)};
}

}  // namespace isms::evidence
