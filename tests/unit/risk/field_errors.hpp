// Reading FieldError lists in tests: the message at one field, and all of them for a failure
// message.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace isms::risk::testing {

/// The message at `field`, or "<none>" when nothing was reported there.
inline std::string At(const std::vector<FieldError>& problems, const std::string& field) {
    const auto it = std::find_if(problems.begin(), problems.end(), [&](const FieldError& p) {
        return p.field == field;
    });
    return it == problems.end() ? "<none>" : it->message;
}

/// Every problem as "field: message" lines.
inline std::string Fields(const std::vector<FieldError>& problems) {
    std::string fields;
    for (const FieldError& p : problems) {
        fields += p.field + ": " + p.message + "\n";
    }
    return fields;
}

}  // namespace isms::risk::testing
