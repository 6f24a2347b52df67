// People (7.2): /api/v1/competence-gaps. The registers themselves use the generic endpoints.
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

void AppendPeopleRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET",
         "/api/v1/competence-gaps",
         "People whose job role needs a competence without a current training record "
         "(person=id for one)",
         "people"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"person"}));
                ISMS_TRY_ASSIGN(const std::int64_t person, QueryInt(ctx, "person", 0));
                if (person < 0) {
                    return Error::Invalid("person", "must be a person's id");
                }
                return s.people.competence.Gaps(
                    *who, person == 0 ? std::nullopt : std::optional<RecordId>(RecordId{person})
                );
            }());
        }
    );
}

}  // namespace isms::http
