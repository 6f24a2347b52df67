// Quantitative risk analysis: /api/v1/risks/{id}/loss-model, /api/v1/risks/{id}/simulation,
// /api/v1/risks/{id}/loss-exceedance.svg, /api/v1/risks/simulation,
// /api/v1/risks/loss-exceedance.svg.
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

namespace {

/// `trials` (default 100,000) and `seed` (default 1) from the query; the service checks the
/// range of trials.
Result<risk::SimulationOptions> Options(const RouteContext& ctx) {
    ISMS_TRY(OnlyKnownQuery(ctx, {"trials", "seed"}));
    risk::SimulationOptions options;
    ISMS_TRY_ASSIGN(options.trials, QueryInt(ctx, "trials", options.trials));
    ISMS_TRY_ASSIGN(std::int64_t seed, QueryInt(ctx, "seed", 1));
    if (seed < 0) {
        return Error::Invalid("seed", "must be a non-negative integer");
    }
    options.seed = static_cast<std::uint64_t>(seed);
    return options;
}

}  // namespace

void AppendRiskQuantRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET", "/api/v1/risks/{id}/loss-model", "The risk's FAIR loss model", "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                return s.risk.quant.GetModel(*who, RecordId{id});
            }());
        }
    );
    router.Add(
        {"PUT",
         "/api/v1/risks/{id}/loss-model",
         "Set the risk's FAIR loss model (before, after treatment)",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                return s.risk.quant.PutModel(*who, RecordId{id}, body);
            }());
        }
    );
    router.Add(
        {"DELETE", "/api/v1/risks/{id}/loss-model", "Remove the risk's loss model", "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                ISMS_TRY(s.risk.quant.DeleteModel(*who, RecordId{id}));
                return json::object{{"deleted", true}};
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/risks/{id}/simulation",
         "Monte Carlo simulation of the risk's annual loss before and after treatment "
         "(trials, seed)",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                ISMS_TRY_ASSIGN(auto options, Options(ctx));
                return s.risk.quant.SimulateRisk(*who, RecordId{id}, options);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/risks/{id}/loss-exceedance.svg",
         "The risk's loss exceedance curves as SVG (trials, seed)",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return RenderText(
                ctx,
                [&]() -> Result<std::string> {
                    ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                    ISMS_TRY_ASSIGN(auto options, Options(ctx));
                    return s.risk.quant.RiskExceedanceSvg(*who, RecordId{id}, options);
                }(),
                "image/svg+xml"
            );
        }
    );
    router.Add(
        {"GET",
         "/api/v1/risks/simulation",
         "Monte Carlo simulation of the whole register's annual loss (trials, seed)",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto options, Options(ctx));
                return s.risk.quant.SimulateRegister(*who, options);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/risks/loss-exceedance.svg",
         "The register's loss exceedance curves as SVG (trials, seed)",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return RenderText(
                ctx,
                [&]() -> Result<std::string> {
                    ISMS_TRY_ASSIGN(auto options, Options(ctx));
                    return s.risk.quant.RegisterExceedanceSvg(*who, options);
                }(),
                "image/svg+xml"
            );
        }
    );
}

}  // namespace isms::http
