// The set of registers this build knows. Modules add their specs at start-up (the app calls
// each module's Declare…Registers); afterwards the registry is read-only and shared.
#pragma once

#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "schema/register_spec.hpp"

namespace isms::schema {

class Registry {
public:
    /// Adds a register; refuses duplicate names, bad names or fields (a declaration bug, so
    /// the error is reported at start-up, not per request).
    [[nodiscard]] Status Add(RegisterSpec spec);
    [[nodiscard]] const RegisterSpec* Find(std::string_view name) const;
    /// A register the calling module relies on being declared at start-up; its absence is a
    /// wiring bug and stops the process.
    [[nodiscard]] const RegisterSpec& Get(std::string_view name) const;
    [[nodiscard]] const std::vector<RegisterSpec>& All() const { return specs_; }

private:
    std::vector<RegisterSpec> specs_;
};

}  // namespace isms::schema
