#include "catalog/problems.hpp"

#include <fmt/format.h>

namespace isms::catalog {

void Problems::Add(std::string_view where, std::string message) {
    list_.push_back({fmt::format("{}:{}", source_, where), std::move(message)});
}

Status Problems::ToStatus() const {
    if (list_.empty()) {
        return {};
    }
    Error e = Error::Invalid(list_);
    e.message = fmt::format(
        "{}: {} problem{} found, nothing imported",
        source_,
        list_.size(),
        list_.size() == 1 ? "" : "s"
    );
    return e;
}

}  // namespace isms::catalog
