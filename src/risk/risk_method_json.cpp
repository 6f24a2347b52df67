#include "risk/risk_method_json.hpp"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace isms::risk {

namespace {

json::object ScaleToJson(const Scale& scale) {
    json::array levels;
    for (const ScaleLevel& level : scale.levels) {
        json::object o;
        o["value"] = level.value;
        o["label"] = level.label;
        if (!level.description.empty()) {
            o["description"] = level.description;
        }
        if (!level.frequency.empty()) {
            o["frequency"] = level.frequency;
        }
        if (!level.criteria.empty()) {
            json::object criteria;
            for (const auto& [dimension, text] : level.criteria) {
                criteria[ImpactDimensionName(dimension)] = text;
            }
            o["criteria"] = std::move(criteria);
        }
        levels.emplace_back(std::move(o));
    }
    json::object o;
    o["levels"] = std::move(levels);
    return o;
}

std::string Member(const std::string& at, std::string_view key) {
    return at.empty() ? std::string(key) : fmt::format("{}.{}", at, key);
}

std::string Index(const std::string& at, std::size_t i) {
    return fmt::format("{}[{}]", at, i);
}

/// Typed access to JSON members that records each problem at its path and carries on.
class Decoder {
public:
    explicit Decoder(std::vector<FieldError>& problems) : problems_(problems) {}

    void Add(std::string field, std::string message) {
        problems_.push_back({std::move(field), std::move(message)});
    }

    /// Reports members of `o` not in `known`.
    void RefuseUnknown(
        const json::object& o, const std::string& at, std::initializer_list<std::string_view> known
    ) {
        for (const auto& member : o) {
            if (std::find(known.begin(), known.end(), member.key()) == known.end()) {
                Add(Member(at, member.key()), "unknown field");
            }
        }
    }

    /// The member, or nullptr after reporting "is required" when it is absent.
    [[nodiscard]] const json::value* Required(
        const json::object& o, std::string_view key, const std::string& at
    ) {
        const json::value* v = o.if_contains(key);
        if (v == nullptr) {
            Add(Member(at, key), "is required");
        }
        return v;
    }

    [[nodiscard]] const json::object* Object(const json::value* v, const std::string& at) {
        if (v == nullptr) {
            return nullptr;
        }
        if (!v->is_object()) {
            Add(at, "must be an object");
            return nullptr;
        }
        return &v->get_object();
    }

    [[nodiscard]] const json::array* Array(const json::value* v, const std::string& at) {
        if (v == nullptr) {
            return nullptr;
        }
        if (!v->is_array()) {
            Add(at, "must be an array");
            return nullptr;
        }
        return &v->get_array();
    }

    [[nodiscard]] std::optional<std::string> String(const json::value* v, const std::string& at) {
        if (v == nullptr) {
            return std::nullopt;
        }
        if (!v->is_string()) {
            Add(at, "must be a string");
            return std::nullopt;
        }
        return std::string(v->get_string());
    }

    [[nodiscard]] std::optional<int> Int(const json::value* v, const std::string& at) {
        if (v == nullptr) {
            return std::nullopt;
        }
        constexpr auto kMin = std::numeric_limits<int>::min();
        constexpr auto kMax = std::numeric_limits<int>::max();
        if (v->is_int64() && v->get_int64() >= kMin && v->get_int64() <= kMax) {
            return static_cast<int>(v->get_int64());
        }
        if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(kMax)) {
            return static_cast<int>(v->get_uint64());
        }
        Add(at, "must be an integer");
        return std::nullopt;
    }

    [[nodiscard]] std::optional<bool> Bool(const json::value* v, const std::string& at) {
        if (v == nullptr) {
            return std::nullopt;
        }
        if (!v->is_bool()) {
            Add(at, "must be true or false");
            return std::nullopt;
        }
        return v->get_bool();
    }

private:
    std::vector<FieldError>& problems_;
};

ScaleLevel DecodeScaleLevel(Decoder& d, const json::object& o, const std::string& at) {
    d.RefuseUnknown(o, at, {"value", "label", "description", "frequency", "criteria"});
    ScaleLevel level;
    if (auto v = d.Int(d.Required(o, "value", at), Member(at, "value"))) {
        level.value = *v;
    }
    if (auto v = d.String(d.Required(o, "label", at), Member(at, "label"))) {
        level.label = std::move(*v);
    }
    if (auto v = d.String(o.if_contains("description"), Member(at, "description"))) {
        level.description = std::move(*v);
    }
    if (auto v = d.String(o.if_contains("frequency"), Member(at, "frequency"))) {
        level.frequency = std::move(*v);
    }
    const std::string criteria_at = Member(at, "criteria");
    if (const json::object* criteria = d.Object(o.if_contains("criteria"), criteria_at)) {
        for (const auto& member : *criteria) {
            const std::string here = Member(criteria_at, member.key());
            const std::optional<ImpactDimension> dimension = ParseImpactDimension(member.key());
            if (!dimension) {
                d.Add(
                    here,
                    "unknown impact dimension (confidentiality, integrity, availability, "
                    "financial, legal_regulatory, reputational, operational)"
                );
                continue;
            }
            if (auto text = d.String(&member.value(), here)) {
                level.criteria[*dimension] = std::move(*text);
            }
        }
    }
    return level;
}

Scale DecodeScale(Decoder& d, const json::object& root, std::string_view key) {
    Scale scale;
    const std::string at(key);
    const json::object* o = d.Object(d.Required(root, key, ""), at);
    if (o == nullptr) {
        return scale;
    }
    d.RefuseUnknown(*o, at, {"levels"});
    const std::string levels_at = Member(at, "levels");
    const json::array* levels = d.Array(d.Required(*o, "levels", at), levels_at);
    if (levels == nullptr) {
        return scale;
    }
    for (std::size_t i = 0; i < levels->size(); ++i) {
        const std::string here = Index(levels_at, i);
        const json::object* level = d.Object(&(*levels)[i], here);
        scale.levels.push_back(level != nullptr ? DecodeScaleLevel(d, *level, here) : ScaleLevel{});
    }
    return scale;
}

std::vector<RiskLevel> DecodeLevels(Decoder& d, const json::object& root) {
    std::vector<RiskLevel> out;
    const json::array* levels = d.Array(d.Required(root, "levels", ""), "levels");
    if (levels == nullptr) {
        return out;
    }
    for (std::size_t i = 0; i < levels->size(); ++i) {
        const std::string at = Index("levels", i);
        RiskLevel level;
        // What fails to decode stays empty, so Validate() reports it at the same path (and the
        // repeat is dropped); a missing order must not collide with the others.
        level.order = std::numeric_limits<int>::min() + static_cast<int>(i);
        if (const json::object* o = d.Object(&(*levels)[i], at)) {
            d.RefuseUnknown(*o, at, {"id", "label", "colour", "order"});
            if (auto v = d.String(d.Required(*o, "id", at), Member(at, "id"))) {
                level.id = std::move(*v);
            }
            if (auto v = d.String(d.Required(*o, "label", at), Member(at, "label"))) {
                level.label = std::move(*v);
            }
            if (auto v = d.String(d.Required(*o, "colour", at), Member(at, "colour"))) {
                level.colour = std::move(*v);
            }
            if (auto v = d.Int(d.Required(*o, "order", at), Member(at, "order"))) {
                level.order = *v;
            }
        }
        out.push_back(std::move(level));
    }
    return out;
}

std::vector<std::vector<std::string>> DecodeGrid(Decoder& d, const json::object& root) {
    std::vector<std::vector<std::string>> grid;
    const json::array* rows = d.Array(d.Required(root, "grid", ""), "grid");
    if (rows == nullptr) {
        return grid;
    }
    for (std::size_t r = 0; r < rows->size(); ++r) {
        const std::string at = Index("grid", r);
        grid.emplace_back();
        const json::array* cells = d.Array(&(*rows)[r], at);
        if (cells == nullptr) {
            continue;
        }
        for (std::size_t c = 0; c < cells->size(); ++c) {
            grid.back().push_back(d.String(&(*cells)[c], Index(at, c)).value_or(""));
        }
    }
    return grid;
}

std::map<std::string, Acceptance> DecodeAcceptance(Decoder& d, const json::object& root) {
    std::map<std::string, Acceptance> out;
    const json::object* acceptance = d.Object(d.Required(root, "acceptance", ""), "acceptance");
    if (acceptance == nullptr) {
        return out;
    }
    for (const auto& member : *acceptance) {
        const std::string at = Member("acceptance", member.key());
        Acceptance& a = out[std::string(member.key())];
        const json::object* o = d.Object(&member.value(), at);
        if (o == nullptr) {
            continue;
        }
        d.RefuseUnknown(*o, at, {"acceptable_without_treatment", "roles"});
        const std::string flag_at = Member(at, "acceptable_without_treatment");
        if (auto v = d.Bool(d.Required(*o, "acceptable_without_treatment", at), flag_at)) {
            a.acceptable_without_treatment = *v;
        }
        const std::string roles_at = Member(at, "roles");
        if (const json::array* roles = d.Array(d.Required(*o, "roles", at), roles_at)) {
            for (std::size_t i = 0; i < roles->size(); ++i) {
                a.roles.push_back(d.String(&(*roles)[i], Index(roles_at, i)).value_or(""));
            }
        }
    }
    return out;
}

/// True when `field` is `reported` or lies inside it ("grid[1]" covers "grid[1][0]").
bool Covers(std::string_view reported, std::string_view field) {
    if (!field.starts_with(reported)) {
        return false;
    }
    return field.size() == reported.size() || field[reported.size()] == '.'
           || field[reported.size()] == '[';
}

}  // namespace

json::object MethodToJson(const RiskMethod& method) {
    json::object o;
    o["version"] = method.version;
    o["likelihood"] = ScaleToJson(method.likelihood);
    o["impact"] = ScaleToJson(method.impact);
    json::array levels;
    for (const RiskLevel& level : method.levels) {
        levels.emplace_back(json::object{
            {"id", level.id},
            {"label", level.label},
            {"colour", level.colour},
            {"order", level.order}});
    }
    o["levels"] = std::move(levels);
    json::array grid;
    for (const auto& row : method.grid) {
        json::array cells;
        for (const std::string& cell : row) {
            cells.emplace_back(json::string(cell));
        }
        grid.emplace_back(std::move(cells));
    }
    o["grid"] = std::move(grid);
    json::object acceptance;
    for (const auto& [id, a] : method.acceptance) {
        json::array roles;
        for (const std::string& role : a.roles) {
            roles.emplace_back(json::string(role));
        }
        acceptance[id] = json::object{
            {"acceptable_without_treatment", a.acceptable_without_treatment},
            {"roles", std::move(roles)}};
    }
    o["acceptance"] = std::move(acceptance);
    json::array extra;
    for (const std::string& p : method.extra_asset_properties) {
        extra.emplace_back(json::string(p));
    }
    o["extra_asset_properties"] = std::move(extra);
    return o;
}

Result<RiskMethod> MethodFromJson(const json::value& value) {
    const json::object* root = value.if_object();
    if (root == nullptr) {
        return Error::Invalid("$", "a risk method must be a JSON object");
    }
    std::vector<FieldError> problems;
    Decoder d(problems);
    d.RefuseUnknown(
        *root,
        "",
        {"version",
         "likelihood",
         "impact",
         "levels",
         "grid",
         "acceptance",
         "extra_asset_properties"}
    );
    RiskMethod method;
    if (auto v = d.Int(root->if_contains("version"), "version")) {
        method.version = *v;
    }
    method.likelihood = DecodeScale(d, *root, "likelihood");
    method.impact = DecodeScale(d, *root, "impact");
    method.levels = DecodeLevels(d, *root);
    method.grid = DecodeGrid(d, *root);
    method.acceptance = DecodeAcceptance(d, *root);
    if (const json::array* extra =
            d.Array(root->if_contains("extra_asset_properties"), "extra_asset_properties")) {
        for (std::size_t i = 0; i < extra->size(); ++i) {
            method.extra_asset_properties.push_back(
                d.String(&(*extra)[i], Index("extra_asset_properties", i)).value_or("")
            );
        }
    }

    // Rule problems of what decoded; those inside a field already reported would only repeat
    // it in other words (a missing "grid" is not also 25 missing cells).
    const std::size_t shape_problems = problems.size();
    for (FieldError& rule : Validate(method)) {
        const bool repeated = std::any_of(
            problems.begin(),
            problems.begin() + static_cast<std::ptrdiff_t>(shape_problems),
            [&](const FieldError& shape) { return Covers(shape.field, rule.field); }
        );
        if (!repeated) {
            problems.push_back(std::move(rule));
        }
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return method;
}

}  // namespace isms::risk
