// The RACI matrix of ISMS roles, responsibilities and authorities (ISO/IEC 27001:2022 5.3),
// read from the responsibilities register: one entry per activity with who is responsible,
// accountable, consulted and informed — members (users) or people of the people register —
// and the gaps top management must close (an activity nobody is accountable or responsible
// for, or whose only accountable or responsible people have left). Every member may read it.
#pragma once

#include "context/context_deps.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"

namespace isms::context {

class RaciMatrix {
public:
    explicit RaciMatrix(const ContextDeps& deps) : deps_(deps) {}

    /// {"members": [{"id", "email"}…] (the members named, by e-mail), "people": [{"id", "name",
    /// "member" (the user id they are, or null), "status" (active|left), "archived"}…] (the
    /// people named, by name), "activities": [{"activity", "clause", "responsible": [holder…],
    /// "accountable": holder or null, "consulted": […], "informed": […], "gaps": [text…]}…]
    /// (by clause, then activity), "gaps": n}; a holder is {"member": id} or {"person": id}.
    /// A person who left or was archived holds no role for the gaps.
    [[nodiscard]] Result<json::object> Get(const iam::Principal& who);

private:
    ContextDeps deps_;
};

}  // namespace isms::context
