// Collects every problem an import finds, so that a broken file is reported whole, not one
// error at a time. A location is "file:line" for YAML, XML and CSV, or "file:$.json.path".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace isms::catalog {

class Problems {
public:
    explicit Problems(std::string source) : source_(std::move(source)) {}

    /// Records a problem at "source:where" ("12" for a line, "$.catalog.groups[0]" for a path).
    void Add(std::string_view where, std::string message);
    [[nodiscard]] bool empty() const { return list_.empty(); }
    [[nodiscard]] const std::vector<FieldError>& list() const { return list_; }
    [[nodiscard]] const std::string& source() const { return source_; }

    /// Ok when nothing was recorded; otherwise kInvalidArgument "SOURCE: N problem(s)" with every
    /// problem as a FieldError (field = location).
    [[nodiscard]] Status ToStatus() const;

private:
    std::string source_;
    std::vector<FieldError> list_;
};

/// A finding that does not stop an import but that the user should see (a title that disagrees
/// with the target control, items that look withdrawn without saying so).
struct Notice {
    std::string location;
    std::string message;
};

}  // namespace isms::catalog
