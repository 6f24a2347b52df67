#include "compliance/compliance_deps.hpp"

#include "core/assert.hpp"

namespace isms::compliance {

const schema::RegisterSpec& RegisterOf(const ComplianceDeps& deps, std::string_view name) {
    const schema::RegisterSpec* spec = deps.registry.Find(name);
    ISMS_CHECK(spec != nullptr, "the compliance services read registers declared at start-up");
    return *spec;
}

}  // namespace isms::compliance
