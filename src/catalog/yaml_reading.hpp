// Helpers shared by the YAML importers (CISO Assistant libraries, Fluid Attacks criteria):
// parsing with a located syntax error, and reading yaml-cpp nodes into C++ values while recording
// every mismatch as a problem at "source:line". Only src/catalog/ uses them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>
#include <yaml-cpp/yaml.h>

#include "catalog/problems.hpp"
#include "core/error.hpp"

namespace isms::catalog::detail {

/// Parses the first YAML document of `text`. A syntax error yields kMalformedInput with the
/// message "SOURCE:LINE:COLUMN: malformed YAML: reason" and one FieldError at "SOURCE:LINE";
/// nothing else is checked then.
[[nodiscard]] Result<YAML::Node> ParseYaml(std::string_view text, std::string_view source_name);

/// The 1-based line a node starts on; 1 for nodes that carry no position (an empty document).
[[nodiscard]] int LineOf(const YAML::Node& node);

/// What a node is, for messages: "a mapping", "a list", "a scalar", "null".
[[nodiscard]] const char* DescribeYamlType(const YAML::Node& node);

/// Reads YAML values into C++ values. Each mismatch becomes a problem located at the line of the
/// offending value, and the reader returns an empty value so that reading can go on and report
/// everything wrong with the file at once.
///
/// YAML aliases let a small document name one large value many times (a "billion laughs"
/// file), so the reader counts what it copies out: past kExpansionFactor × the document's size
/// (+ kExpansionSlack bytes) it records one problem, returns empty values and records nothing
/// more. Real libraries copy less than their own size, since translations are skipped.
class YamlReader {
public:
    /// `document_size` is the length of the YAML text; problems are located at "SOURCE:LINE",
    /// or "SOURCE:<where_prefix>LINE" for a second file read into the same Problems
    /// ("compliance:" gives "criteria:compliance:12").
    YamlReader(Problems& problems, std::size_t document_size, std::string where_prefix = {})
        : problems_(problems),
          where_prefix_(std::move(where_prefix)),
          bytes_left_(document_size * kExpansionFactor + kExpansionSlack) {}

    /// Records a problem at the line of `at`. Once the document has expanded too far, further
    /// problems are dropped: they would only be echoes of the values not read.
    void Add(const YAML::Node& at, std::string message);
    /// Records a problem at a 1-based line, like Add.
    void AddAtLine(int line, std::string message);

    /// True for a mapping; otherwise records "WHAT: expected a mapping, found …" (null included).
    [[nodiscard]] bool ExpectMap(const YAML::Node& node, std::string_view what);
    /// True for a list; otherwise records "WHAT: expected a list, found …" (null included).
    [[nodiscard]] bool ExpectList(const YAML::Node& node, std::string_view what);

    /// The text of a scalar; "" for null; a problem for a mapping or a list.
    [[nodiscard]] std::string Text(const YAML::Node& value, std::string_view key);
    /// true/false (YAML also accepts yes/no, on/off); a problem and false for anything else.
    [[nodiscard]] bool Bool(const YAML::Node& value, std::string_view key);
    /// An integer; nullopt for null; a problem and nullopt for anything else.
    [[nodiscard]] std::optional<int> Int(const YAML::Node& value, std::string_view key);
    /// A list of scalars (null gives an empty list); a problem for every other shape.
    [[nodiscard]] std::vector<std::string> Texts(const YAML::Node& value, std::string_view key);
    /// Any value as JSON, for extras kept only for display. Plain scalars that read as true/false
    /// or as numbers become JSON booleans and numbers, quoted scalars stay strings, null stays
    /// null; "translations" members are dropped (imports keep the English text only).
    [[nodiscard]] boost::json::value Json(const YAML::Node& value);

    /// Records "KEY is required" at the line of `owner` when `value` is empty.
    void Require(std::string_view value, const YAML::Node& owner, std::string_view key);

private:
    static constexpr std::size_t kExpansionFactor = 8;
    static constexpr std::size_t kExpansionSlack = std::size_t{1} << 20;
    static constexpr std::size_t kValueCost = 16;  // what one value read costs beyond its text
    // Deeper than any catalog nests; also where a list or mapping that holds itself through an
    // alias (`&x [*x]`) stops, long before the stack does.
    static constexpr int kMaxDepth = 64;

    /// Takes `bytes` from what may still be copied; false (and one problem, at `at`) when the
    /// document has expanded too far.
    [[nodiscard]] bool Spend(const YAML::Node& at, std::size_t bytes);
    [[nodiscard]] bool ConvertToJson(const YAML::Node& node, boost::json::value& out, int depth);

    Problems& problems_;
    std::string where_prefix_;
    std::size_t bytes_left_;
    bool expansion_reported_ = false;
};

}  // namespace isms::catalog::detail
