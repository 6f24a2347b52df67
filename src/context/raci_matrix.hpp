// The RACI matrix of ISMS roles, responsibilities and authorities (ISO/IEC 27001:2022 5.3),
// read from the responsibilities register: one entry per activity with who is responsible,
// accountable, consulted and informed, and the gaps top management must close (an activity
// nobody is accountable or responsible for). Every member may read it.
#pragma once

#include "context/context_deps.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"

namespace isms::context {

class RaciMatrix {
public:
    explicit RaciMatrix(const ContextDeps& deps) : deps_(deps) {}

    /// {"members": [{"id", "email"}…] (everyone named, by e-mail), "activities": [{"activity",
    /// "clause", "responsible": [user id…], "accountable": user id or null, "consulted": […],
    /// "informed": […], "gaps": [text…]}…] (by clause, then activity), "gaps": n}.
    [[nodiscard]] Result<json::object> Get(const iam::Principal& who);

private:
    ContextDeps deps_;
};

}  // namespace isms::context
