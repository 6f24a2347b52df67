// Frameworks, requirements, mappings and catalog import: /api/v1/frameworks…, /api/v1/mappings….
#include <algorithm>

#include <fmt/format.h>

#include "http/routes/render.hpp"
#include "http/routes/services.hpp"
#include "http/routes/upload.hpp"

namespace isms::http {

namespace {

/// The uploaded files as the catalog imports them.
Result<std::vector<catalog::ImportFile>> ImportFiles(const RouteContext& ctx) {
    ISMS_TRY_ASSIGN(auto parts, UploadedFiles(ctx));
    std::vector<catalog::ImportFile> files;
    for (auto& part : parts) {
        files.push_back({std::move(part.filename), std::move(part.body)});
    }
    return files;
}

}  // namespace

void AppendCatalogRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET",
         "/api/v1/frameworks",
         "List frameworks (built-in and imported, every version)",
         "catalog"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.catalog.ListFrameworks(*who);
            }());
        }
    );
    router.Add(
        {"POST",
         "/api/v1/frameworks/import",
         "Import catalog files (isms JSON, CISO Assistant YAML, OSCAL JSON/XML, Fluid Attacks, "
         "CSV/XLSX): all or nothing",
         "catalog"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            auto imported = [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"filename", "exclude_suspected_withdrawn"}));
                catalog::ImportOptions options;
                ISMS_TRY_ASSIGN(
                    options.exclude_suspected_withdrawn,
                    QueryBool(ctx, "exclude_suspected_withdrawn")
                );
                ISMS_TRY_ASSIGN(auto files, ImportFiles(ctx));
                return s.catalog.Import(*who, files, options);
            }();
            // 201 when something new was stored; 200 when every library was already there.
            bool created = false;
            if (imported) {
                for (const auto& library : imported->at("libraries").as_array()) {
                    created = created || library.at("status") == "created";
                }
            }
            return Render(ctx, imported, created ? 201 : 200);
        }
    );
    router.Add(
        {"GET", "/api/v1/frameworks/{urn}", "A framework with its requirement tree", "catalog"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"version"}));
                return s.catalog.GetFramework(*who, ctx.Param("urn"), QueryValue(ctx, "version"));
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/frameworks/{urn}/requirements",
         "Search a framework's requirements (q, group, assessable, limit, offset)",
         "catalog"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(
                    OnlyKnownQuery(ctx, {"q", "group", "assessable", "limit", "offset", "version"})
                );
                catalog::RequirementQuery query;
                query.q = QueryValue(ctx, "q");
                query.group = QueryValue(ctx, "group");
                ISMS_TRY_ASSIGN(query.assessable_only, QueryBool(ctx, "assessable"));
                ISMS_TRY_ASSIGN(query.limit, QueryInt(ctx, "limit", 100));
                ISMS_TRY_ASSIGN(query.offset, QueryInt(ctx, "offset", 0));
                return s.catalog.Requirements(
                    *who, ctx.Param("urn"), QueryValue(ctx, "version"), query
                );
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/frameworks/{urn}/diff",
         "Requirements added, removed and changed between two versions (from, to)",
         "catalog"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"from", "to"}));
                return s.catalog.Diff(
                    *who, ctx.Param("urn"), QueryValue(ctx, "from"), QueryValue(ctx, "to")
                );
            }());
        }
    );
    router.Add(
        {"GET", "/api/v1/mappings", "List mapping sets between frameworks", "catalog"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.catalog.ListMappings(*who);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/mappings/coverage",
         "What of framework `to` requirements of `from` cover, directly and through mapping "
         "chains, with the path of each answer",
         "catalog"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"from", "to", "satisfied", "max_hops"}));
                std::vector<std::string> satisfied;
                const std::string list = QueryValue(ctx, "satisfied");
                for (std::size_t at = 0; at < list.size();) {
                    const std::size_t comma = std::min(list.find(',', at), list.size());
                    if (comma > at) {
                        satisfied.push_back(list.substr(at, comma - at));
                    }
                    at = comma + 1;
                }
                ISMS_TRY_ASSIGN(const std::int64_t hops, QueryInt(ctx, "max_hops", 3));
                return s.catalog.Coverage(
                    *who,
                    QueryValue(ctx, "from"),
                    QueryValue(ctx, "to"),
                    satisfied,
                    static_cast<int>(std::clamp<std::int64_t>(hops, -1, 100))
                );
            }());
        }
    );
}

}  // namespace isms::http
