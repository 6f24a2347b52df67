#include "http/router.hpp"

namespace isms::http {

std::string_view RouteContext::Param(std::string_view name) const {
    for (const auto& [key, value] : params) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

}  // namespace isms::http
