#include "core/json.hpp"

namespace isms {

Result<json::value> ParseJson(std::string_view text) {
    json::parse_options options;
    options.max_depth = 64;
    json::stream_parser parser({}, options);
    json::error_code ec;
    const std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
    if (!ec && consumed < text.size()) {
        ec = json::make_error_code(json::error::extra_data);
    }
    if (!ec) {
        parser.finish(ec);
    }
    if (ec) {
        // Locate the failure: the parser stops at the first byte it cannot accept.
        const std::size_t at = std::min(consumed, text.size());
        std::size_t line = 1;
        std::size_t column = 1;
        for (std::size_t i = 0; i < at; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        return Error::Malformed(
            "malformed JSON at line " + std::to_string(line) + ", column " + std::to_string(column)
            + ": " + ec.message()
        );
    }
    return parser.release();
}

Result<json::object> ParseJsonObject(std::string_view text) {
    ISMS_TRY_ASSIGN(json::value v, ParseJson(text));
    if (!v.is_object()) {
        return Error::Malformed("expected a JSON object");
    }
    return std::move(v.as_object());
}

std::string ToJsonText(const json::value& v) {
    return json::serialize(v);
}

std::string_view StringOr(const json::object& o, std::string_view key, std::string_view fallback) {
    const json::value* v = o.if_contains(key);
    if (v == nullptr || !v->is_string()) {
        return fallback;
    }
    return v->get_string();
}

}  // namespace isms
