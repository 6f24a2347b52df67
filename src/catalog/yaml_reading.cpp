#include "catalog/yaml_reading.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <fmt/format.h>

namespace isms::catalog::detail {

namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x))
               == std::tolower(static_cast<unsigned char>(y));
    });
}

/// Parses the whole of `text` as a number of type T.
template <class T>
std::optional<T> WholeNumber(std::string_view text) {
    T out{};
    const char* end = text.data() + text.size();
    auto [stop, ec] = std::from_chars(text.data(), end, out);
    if (ec != std::errc() || stop != end || text.empty()) {
        return std::nullopt;
    }
    return out;
}

/// A plain (unquoted) scalar as JSON: YAML 1.2 core-schema booleans and numbers, else a string.
/// yaml-cpp's own bool conversion also takes y/n/on/off, which would turn an abbreviation "N"
/// into false, so only true/false are booleans here.
boost::json::value PlainScalarToJson(const std::string& text) {
    if (EqualsIgnoringCase(text, "true")) {
        return true;
    }
    if (EqualsIgnoringCase(text, "false")) {
        return false;
    }
    const std::string_view unsigned_text =
        !text.empty() && text.front() == '+' ? std::string_view(text).substr(1) : text;
    if (auto integer = WholeNumber<std::int64_t>(unsigned_text)) {
        return *integer;
    }
    if (auto real = WholeNumber<double>(unsigned_text); real && std::isfinite(*real)) {
        return *real;
    }
    return boost::json::string(text);
}

/// What was found instead of the expected value: the scalar's text (its start, when long), or
/// the kind of node.
std::string Found(const YAML::Node& node) {
    constexpr std::size_t kShownLength = 60;
    if (!node.IsScalar()) {
        return DescribeYamlType(node);
    }
    const std::string& text = node.Scalar();
    if (text.size() <= kShownLength) {
        return fmt::format("\"{}\"", text);
    }
    return fmt::format("\"{}…\"", std::string_view(text).substr(0, kShownLength));
}

}  // namespace

Result<YAML::Node> ParseYaml(std::string_view text, std::string_view source_name) {
    try {
        return YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        const int line = std::max(e.mark.line, 0) + 1;  // a few exceptions carry no position
        const int column = std::max(e.mark.column, 0) + 1;
        Error error = Error::Malformed(
            fmt::format("{}:{}:{}: malformed YAML: {}", source_name, line, column, e.msg)
        );
        error.fields.push_back(
            {fmt::format("{}:{}", source_name, line),
             fmt::format("malformed YAML at column {}: {}", column, e.msg)}
        );
        // YAML::Node has a converting constructor template, so say which alternative this is.
        return Result<YAML::Node>(boost::system::in_place_error, std::move(error));
    }
}

int LineOf(const YAML::Node& node) {
    return std::max(node.Mark().line, 0) + 1;
}

const char* DescribeYamlType(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Map:
            return "a mapping";
        case YAML::NodeType::Sequence:
            return "a list";
        case YAML::NodeType::Scalar:
            return "a scalar";
        case YAML::NodeType::Null:
            return "null";
        case YAML::NodeType::Undefined:
            return "nothing";
    }
    return "nothing";
}

bool YamlReader::Spend(const YAML::Node& at, std::size_t bytes) {
    if (bytes <= bytes_left_) {
        bytes_left_ -= bytes;
        return true;
    }
    if (!expansion_reported_) {
        Add(at, "the document expands too far through YAML aliases; reading stopped here");
        expansion_reported_ = true;
    }
    bytes_left_ = 0;
    return false;
}

bool YamlReader::ConvertToJson(const YAML::Node& node, boost::json::value& out, int depth) {
    const std::size_t text_size = node.IsScalar() ? node.Scalar().size() : 0;
    if (!Spend(node, kValueCost + text_size)) {
        return false;
    }
    if (depth > kMaxDepth && (node.IsMap() || node.IsSequence())) {
        Add(node,
            "nested deeper than " + std::to_string(kMaxDepth)
                + " levels (a YAML alias inside itself?); reading stopped here");
        return false;  // every level above gives up too: one problem, not one per level
    }
    switch (node.Type()) {
        case YAML::NodeType::Map: {
            boost::json::object& object = out.emplace_object();
            object.reserve(node.size());
            for (const auto& entry : node) {
                const std::string& key = entry.first.Scalar();
                if (key == "translations") {
                    continue;
                }
                if (!Spend(entry.first, key.size())
                    || !ConvertToJson(entry.second, object[key], depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        case YAML::NodeType::Sequence: {
            boost::json::array& array = out.emplace_array();
            array.resize(node.size());
            std::size_t i = 0;
            for (const auto& item : node) {
                if (!ConvertToJson(item, array[i++], depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        case YAML::NodeType::Scalar:
            // yaml-cpp tags plain scalars "?" and quoted ones "!": quoting means "this is text".
            out = node.Tag() == "!" ? boost::json::value(boost::json::string(node.Scalar()))
                                    : PlainScalarToJson(node.Scalar());
            return true;
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            out = nullptr;
            return true;
    }
    return true;
}

boost::json::value YamlReader::Json(const YAML::Node& value) {
    boost::json::value out;
    if (!ConvertToJson(value, out, 0)) {
        return nullptr;
    }
    return out;
}

void YamlReader::Add(const YAML::Node& at, std::string message) {
    AddAtLine(LineOf(at), std::move(message));
}

void YamlReader::AddAtLine(int line, std::string message) {
    if (!expansion_reported_) {
        problems_.Add(where_prefix_ + std::to_string(line), std::move(message));
    }
}

bool YamlReader::ExpectMap(const YAML::Node& node, std::string_view what) {
    if (node.IsMap()) {
        return true;
    }
    Add(node, fmt::format("{}: expected a mapping, found {}", what, DescribeYamlType(node)));
    return false;
}

bool YamlReader::ExpectList(const YAML::Node& node, std::string_view what) {
    if (node.IsSequence()) {
        return true;
    }
    Add(node, fmt::format("{}: expected a list, found {}", what, DescribeYamlType(node)));
    return false;
}

std::string YamlReader::Text(const YAML::Node& value, std::string_view key) {
    if (value.IsScalar()) {
        return Spend(value, kValueCost + value.Scalar().size()) ? value.Scalar() : std::string();
    }
    if (!value.IsNull()) {
        Add(value, fmt::format("{}: expected text, found {}", key, DescribeYamlType(value)));
    }
    return {};
}

bool YamlReader::Bool(const YAML::Node& value, std::string_view key) {
    bool out = false;
    if (value.IsScalar() && YAML::convert<bool>::decode(value, out)) {
        return out;
    }
    Add(value, fmt::format("{}: expected true or false, found {}", key, Found(value)));
    return false;
}

std::optional<int> YamlReader::Int(const YAML::Node& value, std::string_view key) {
    if (value.IsNull()) {
        return std::nullopt;
    }
    if (value.IsScalar()) {
        if (auto number = WholeNumber<int>(value.Scalar())) {
            return number;
        }
    }
    Add(value, fmt::format("{}: expected an integer, found {}", key, Found(value)));
    return std::nullopt;
}

std::vector<std::string> YamlReader::Texts(const YAML::Node& value, std::string_view key) {
    std::vector<std::string> out;
    if (value.IsNull() || !ExpectList(value, key)) {
        return out;
    }
    out.reserve(value.size());
    for (const auto& item : value) {
        if (item.IsScalar()) {
            if (!Spend(item, kValueCost + item.Scalar().size())) {
                break;
            }
            out.push_back(item.Scalar());
        } else {
            Add(item,
                fmt::format("{}: expected text items, found {}", key, DescribeYamlType(item)));
        }
    }
    return out;
}

void YamlReader::Require(std::string_view value, const YAML::Node& owner, std::string_view key) {
    if (value.empty()) {
        Add(owner, fmt::format("{} is required", key));
    }
}

}  // namespace isms::catalog::detail
