// Routes of the risk module: risk quant.
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

void AppendRiskQuantRoutes(ApiRouter& router, Services& s) {
    static_cast<void>(router);
    static_cast<void>(s);
}

}  // namespace isms::http
