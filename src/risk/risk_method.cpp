#include "risk/risk_method.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "core/assert.hpp"
#include "core/json.hpp"
#include "iam/role.hpp"

namespace isms::risk {

const char* ImpactDimensionName(ImpactDimension d) {
    switch (d) {
        case ImpactDimension::kConfidentiality:
            return "confidentiality";
        case ImpactDimension::kIntegrity:
            return "integrity";
        case ImpactDimension::kAvailability:
            return "availability";
        case ImpactDimension::kFinancial:
            return "financial";
        case ImpactDimension::kLegalRegulatory:
            return "legal_regulatory";
        case ImpactDimension::kReputational:
            return "reputational";
        case ImpactDimension::kOperational:
            return "operational";
    }
    ISMS_UNREACHABLE();
}

std::optional<ImpactDimension> ParseImpactDimension(std::string_view name) {
    for (const ImpactDimension d : kAllImpactDimensions) {
        if (name == ImpactDimensionName(d)) {
            return d;
        }
    }
    return std::nullopt;
}

namespace {

using Criteria = std::map<ImpactDimension, std::string>;

ScaleLevel Likelihood(int value, std::string label, std::string description, std::string freq) {
    return ScaleLevel{value, std::move(label), std::move(description), std::move(freq), {}};
}

ScaleLevel Impact(int value, std::string label, std::string description, Criteria criteria) {
    return ScaleLevel{value, std::move(label), std::move(description), {}, std::move(criteria)};
}

Criteria ImpactCriteria(const std::array<const char*, 7>& texts) {
    Criteria criteria;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        criteria[kAllImpactDimensions[i]] = texts.at(i);
    }
    return criteria;
}

bool IsLevelId(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

bool IsColour(std::string_view colour) {
    constexpr std::size_t kColourLength = 7;
    return colour.size() == kColourLength && colour[0] == '#'
           && std::all_of(colour.begin() + 1, colour.end(), [](char c) {
                  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
              });
}

std::string Index(const std::string& at, std::size_t i) {
    return fmt::format("{}[{}]", at, i);
}

void ValidateScale(
    const Scale& scale, const std::string& at, bool is_impact, std::vector<FieldError>& out
) {
    if (scale.Size() < kMinScaleLevels || scale.Size() > kMaxScaleLevels) {
        out.push_back(
            {at + ".levels",
             fmt::format(
                 "must have from {} to {} levels, has {}",
                 kMinScaleLevels,
                 kMaxScaleLevels,
                 scale.Size()
             )}
        );
    }
    for (std::size_t i = 0; i < scale.levels.size(); ++i) {
        const ScaleLevel& level = scale.levels[i];
        const std::string here = Index(at + ".levels", i);
        if (level.value != static_cast<int>(i) + 1) {
            out.push_back(
                {here + ".value",
                 fmt::format("must be {}: levels are numbered 1 to N, lowest first", i + 1)}
            );
        }
        if (level.label.empty()) {
            out.push_back({here + ".label", "must not be empty"});
        }
        if (is_impact && !level.frequency.empty()) {
            out.push_back({here + ".frequency", "only likelihood levels carry a frequency"});
        }
        if (!is_impact && !level.criteria.empty()) {
            out.push_back({here + ".criteria", "only impact levels carry criteria"});
        }
    }
}

void ValidateLevels(const std::vector<RiskLevel>& levels, std::vector<FieldError>& out) {
    if (levels.empty()) {
        out.push_back({"levels", "must have at least one risk level"});
    }
    std::map<std::string, std::size_t> first_with_id;
    std::map<int, std::size_t> first_with_order;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const RiskLevel& level = levels[i];
        const std::string here = Index("levels", i);
        if (!IsLevelId(level.id)) {
            out.push_back({here + ".id", "must be lower-case letters, digits, '_' or '-'"});
        } else if (const auto [it, fresh] = first_with_id.emplace(level.id, i); !fresh) {
            out.push_back(
                {here + ".id", fmt::format("\"{}\" is already levels[{}].id", level.id, it->second)}
            );
        }
        if (level.label.empty()) {
            out.push_back({here + ".label", "must not be empty"});
        }
        if (!IsColour(level.colour)) {
            out.push_back({here + ".colour", "must be a colour #rrggbb"});
        }
        if (const auto [it, fresh] = first_with_order.emplace(level.order, i); !fresh) {
            out.push_back(
                {here + ".order",
                 fmt::format("{} is already levels[{}].order", level.order, it->second)}
            );
        }
    }
}

void ValidateGrid(const RiskMethod& method, std::vector<FieldError>& out) {
    std::set<std::string_view> ids;
    for (const RiskLevel& level : method.levels) {
        ids.insert(level.id);
    }
    const auto rows = static_cast<std::size_t>(method.likelihood.Size());
    const auto columns = static_cast<std::size_t>(method.impact.Size());
    if (method.grid.size() > rows) {
        out.push_back(
            {"grid",
             fmt::format(
                 "has {} rows for {} likelihood levels",
                 method.grid.size(),
                 method.likelihood.Size()
             )}
        );
    }
    for (std::size_t r = 0; r < rows; ++r) {
        if (r >= method.grid.size()) {
            out.push_back(
                {Index("grid", r), "missing: every likelihood level needs a row of risk levels"}
            );
            continue;
        }
        const auto& row = method.grid[r];
        if (row.size() > columns) {
            out.push_back(
                {Index("grid", r),
                 fmt::format("has {} cells for {} impact levels", row.size(), columns)}
            );
        }
        for (std::size_t c = 0; c < columns; ++c) {
            const std::string here = Index(Index("grid", r), c);
            if (c >= row.size()) {
                out.push_back({here, "missing: every (likelihood, impact) cell needs a risk level"}
                );
            } else if (!ids.contains(row[c])) {
                out.push_back({here, fmt::format("\"{}\" is not the id of a risk level", row[c])});
            }
        }
    }
}

std::string RoleList() {
    std::string list;
    for (const iam::Role role : iam::kAllRoles) {
        list += list.empty() ? "" : ", ";
        list += iam::RoleName(role);
    }
    return list;
}

void ValidateAcceptance(const RiskMethod& method, std::vector<FieldError>& out) {
    std::set<std::string_view> ids;
    for (const RiskLevel& level : method.levels) {
        ids.insert(level.id);
        if (!level.id.empty() && !method.acceptance.contains(level.id)) {
            out.push_back(
                {"acceptance." + level.id, "missing: every risk level needs acceptance criteria"}
            );
        }
    }
    for (const auto& [id, acceptance] : method.acceptance) {
        const std::string here = "acceptance." + id;
        if (!ids.contains(id)) {
            out.push_back({here, fmt::format("\"{}\" is not the id of a risk level", id)});
        }
        for (std::size_t i = 0; i < acceptance.roles.size(); ++i) {
            if (!iam::ParseRole(acceptance.roles[i])) {
                out.push_back(
                    {Index(here + ".roles", i),
                     fmt::format(
                         "\"{}\" is not a role (one of {})", acceptance.roles[i], RoleList()
                     )}
                );
            }
        }
    }
}

}  // namespace

RiskMethod DefaultMethod() {
    RiskMethod m;
    m.version = 1;
    m.likelihood.levels = {
        Likelihood(
            1,
            "Rare",
            "Only under exceptional circumstances; nothing suggests it will happen.",
            "less than once in 10 years"
        ),
        Likelihood(
            2, "Unlikely", "Conceivable, but not expected to happen.", "once in 3 to 10 years"
        ),
        Likelihood(
            3,
            "Possible",
            "Could well happen; similar organizations have seen it.",
            "once in 1 to 3 years"
        ),
        Likelihood(
            4,
            "Likely",
            "Expected to happen; it has happened here before.",
            "once or several times a year"
        ),
        Likelihood(
            5,
            "Almost certain",
            "Happens or will happen repeatedly unless something changes.",
            "monthly or more often"
        ),
    };
    m.impact.levels = {
        Impact(
            1,
            "Negligible",
            "Hardly noticed; absorbed by normal work.",
            ImpactCriteria(
                {"only public or internal information of no value to others is exposed",
                 "errors are caught and corrected in routine work",
                 "an outage of minutes, no user notices",
                 "loss under 0.1 % of annual revenue",
                 "no breach of law, regulation or contract",
                 "no one outside the team hears of it",
                 "no disruption beyond the team concerned"}
            )
        ),
        Impact(
            2,
            "Minor",
            "Noticeable, handled by the people concerned.",
            ImpactCriteria(
                {"internal information reaches a few unauthorized people",
                 "data must be corrected with some effort, no lasting harm",
                 "an outage of up to a few hours on a non-critical service",
                 "loss of 0.1 % to 1 % of annual revenue",
                 "a minor contractual lapse, settled informally",
                 "a few customers or partners complain",
                 "one team is slowed for a day"}
            )
        ),
        Impact(
            3,
            "Moderate",
            "Needs management attention and planned effort to recover.",
            ImpactCriteria(
                {"confidential information or personal data of a limited group is disclosed",
                 "corrupted data affects decisions or deliveries before it is found",
                 "a critical service is down for up to a day",
                 "loss of 1 % to 5 % of annual revenue",
                 "a notifiable incident or a formal contractual claim",
                 "local or trade press coverage",
                 "several teams or one key process are disrupted for days"}
            )
        ),
        Impact(
            4,
            "Major",
            "Serious harm; recovery takes weeks and involves top management.",
            ImpactCriteria(
                {"sensitive information or personal data of many people is disclosed",
                 "integrity of key records can no longer be trusted",
                 "critical services are down for several days",
                 "loss of 5 % to 20 % of annual revenue",
                 "a regulator investigates, fines or lawsuits are likely",
                 "national press coverage, customers leave",
                 "key processes stop for a week or more"}
            )
        ),
        Impact(
            5,
            "Severe",
            "Threatens the organization's continued existence or its licence to operate.",
            ImpactCriteria(
                {"trade secrets or special categories of personal data are disclosed at scale",
                 "records essential to the business are lost or falsified beyond repair",
                 "the organization cannot operate for weeks",
                 "loss of more than 20 % of annual revenue",
                 "loss of a licence, criminal liability or heavy fines",
                 "lasting loss of trust among customers, partners and the public",
                 "the organization cannot deliver its core services"}
            )
        ),
    };
    m.levels = {
        {"low", "Low", "#2e7d32", 0},
        {"medium", "Medium", "#f9a825", 1},
        {"high", "High", "#ef6c00", 2},
        {"critical", "Critical", "#c62828", 3},
    };
    // Rows are likelihood 1..5, columns impact 1..5; no cell is lower than its left or lower
    // neighbour, so a higher likelihood or impact never lowers the level.
    m.grid = {
        {"low", "low", "low", "medium", "medium"},
        {"low", "medium", "medium", "medium", "high"},
        {"low", "medium", "high", "high", "critical"},
        {"medium", "medium", "high", "critical", "critical"},
        {"medium", "high", "critical", "critical", "critical"},
    };
    m.acceptance = {
        {"low", {true, {"risk_owner", "isms_manager", "admin"}}},
        {"medium", {false, {"risk_owner", "isms_manager", "admin"}}},
        {"high", {false, {"isms_manager", "admin"}}},
        {"critical", {false, {"admin"}}},
    };
    return m;
}

std::vector<FieldError> Validate(const RiskMethod& method) {
    std::vector<FieldError> out;
    if (method.version < 1) {
        out.push_back({"version", "must be at least 1"});
    }
    ValidateScale(method.likelihood, "likelihood", false, out);
    ValidateScale(method.impact, "impact", true, out);
    ValidateLevels(method.levels, out);
    ValidateGrid(method, out);
    ValidateAcceptance(method, out);
    for (std::size_t i = 0; i < method.extra_asset_properties.size(); ++i) {
        const std::string& p = method.extra_asset_properties[i];
        const std::string at = fmt::format("extra_asset_properties[{}]", i);
        if (p != "authenticity" && p != "non_repudiation") {
            out.push_back({at, "must be authenticity or non_repudiation"});
        } else if (std::find(
                       method.extra_asset_properties.begin(),
                       method.extra_asset_properties.begin() + static_cast<std::ptrdiff_t>(i),
                       p
                   )
                   != method.extra_asset_properties.begin() + static_cast<std::ptrdiff_t>(i)) {
            out.push_back({at, "named twice"});
        }
    }
    return out;
}

Result<const RiskLevel*> Score(const RiskMethod& method, int likelihood, int impact) {
    if (likelihood < 1 || likelihood > method.likelihood.Size()) {
        return Error::Invalid(
            "likelihood", fmt::format("must be from 1 to {}", method.likelihood.Size())
        );
    }
    if (impact < 1 || impact > method.impact.Size()) {
        return Error::Invalid("impact", fmt::format("must be from 1 to {}", method.impact.Size()));
    }
    const auto row = static_cast<std::size_t>(likelihood - 1);
    const auto column = static_cast<std::size_t>(impact - 1);
    // Methods are validated when saved, so a short grid or an unknown id here is our bug.
    if (row < method.grid.size() && column < method.grid[row].size()) {
        const std::string& id = method.grid[row][column];
        for (const RiskLevel& level : method.levels) {
            if (level.id == id) {
                return &level;
            }
        }
    }
    ISMS_ASSERT(false, "risk method grid without a known level reached scoring");
    return Error::Internal(
        fmt::format("risk method has no valid level for cell ({}, {})", likelihood, impact)
    );
}

bool MayAccept(const RiskMethod& method, std::string_view level_id, std::string_view role) {
    const auto it = method.acceptance.find(std::string(level_id));
    if (it == method.acceptance.end()) {
        return false;
    }
    return std::find(it->second.roles.begin(), it->second.roles.end(), role)
           != it->second.roles.end();
}

namespace {

/// Reads the loosely typed CISO Assistant definition, collecting problems by path.
class MatrixReader {
public:
    explicit MatrixReader(std::vector<FieldError>& problems) : problems_(problems) {}

    [[nodiscard]] const json::array* Array(const json::object& o, std::string_view key) {
        const std::string at = fmt::format("definition.{}", key);
        const json::value* v = o.if_contains(key);
        if (v == nullptr) {
            problems_.push_back({at, "is required"});
            return nullptr;
        }
        if (!v->is_array()) {
            problems_.push_back({at, "must be an array"});
            return nullptr;
        }
        return &v->get_array();
    }

    /// A text member; numbers (an unquoted abbreviation "1") are taken as their digits.
    [[nodiscard]] std::string Text(
        const json::object& o, std::string_view key, const std::string& at
    ) {
        const json::value* v = o.if_contains(key);
        if (v == nullptr || v->is_null()) {
            return {};
        }
        if (v->is_string()) {
            return std::string(v->get_string());
        }
        if (v->is_int64()) {
            return std::to_string(v->get_int64());
        }
        if (v->is_uint64()) {
            return std::to_string(v->get_uint64());
        }
        problems_.push_back({fmt::format("{}.{}", at, key), "must be text"});
        return {};
    }

    void Add(std::string field, std::string message) {
        problems_.push_back({std::move(field), std::move(message)});
    }

private:
    std::vector<FieldError>& problems_;
};

struct MatrixEntry {
    std::string name;
    std::string abbreviation;
    std::string description;
    std::string hexcolor;
};

std::vector<MatrixEntry> ReadEntries(
    MatrixReader& reader, const json::object& definition, std::string_view key
) {
    std::vector<MatrixEntry> entries;
    const json::array* items = reader.Array(definition, key);
    if (items == nullptr) {
        return entries;
    }
    for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string at = fmt::format("definition.{}[{}]", key, i);
        const json::object* item = (*items)[i].if_object();
        if (item == nullptr) {
            reader.Add(at, "must be an object");
            entries.emplace_back();
            continue;
        }
        MatrixEntry entry;
        entry.name = reader.Text(*item, "name", at);
        entry.abbreviation = reader.Text(*item, "abbreviation", at);
        entry.description = reader.Text(*item, "description", at);
        entry.hexcolor = reader.Text(*item, "hexcolor", at);
        if (entry.name.empty() && entry.abbreviation.empty()) {
            reader.Add(at + ".name", "a name or an abbreviation is required");
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

Scale ToScale(const std::vector<MatrixEntry>& entries) {
    Scale scale;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const MatrixEntry& e = entries[i];
        ScaleLevel level;
        level.value = static_cast<int>(i) + 1;
        level.label = e.name.empty() ? e.abbreviation : e.name;
        level.description = e.description;
        scale.levels.push_back(std::move(level));
    }
    return scale;
}

std::string SnakeCase(std::string_view text) {
    std::string id;
    bool gap = false;
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0
            && static_cast<unsigned char>(c) < 0x80) {
            if (gap && !id.empty()) {
                id += '_';
            }
            id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            gap = false;
        } else {
            gap = true;
        }
    }
    return id;
}

/// "#RGB" and "#RRGGBB" in any case become "#rrggbb"; anything else "".
std::string NormalizedColour(std::string_view text) {
    constexpr std::size_t kShortLength = 4;
    std::string colour;
    if (text.size() == kShortLength && text[0] == '#') {
        colour = {'#', text[1], text[1], text[2], text[2], text[3], text[3]};
    } else {
        colour = std::string(text);
    }
    if (!IsColour(colour)) {
        return {};
    }
    std::transform(colour.begin(), colour.end(), colour.begin(), [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    });
    return colour;
}

/// Green to red, for levels whose matrix gives no usable colour.
std::string DefaultColour(std::size_t index, std::size_t count) {
    constexpr int kFull = 0xd0;
    const double t = count <= 1 ? 0.0 : static_cast<double>(index) / static_cast<double>(count - 1);
    const int red = static_cast<int>(kFull * std::min(1.0, 2.0 * t));
    const int green = static_cast<int>(kFull * std::min(1.0, 2.0 * (1.0 - t)));
    return fmt::format("#{:02x}{:02x}30", red, green);
}

std::vector<RiskLevel> ToLevels(const std::vector<MatrixEntry>& entries) {
    std::vector<RiskLevel> levels;
    std::set<std::string> taken;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const MatrixEntry& e = entries[i];
        std::string base = SnakeCase(e.name);
        if (base.empty()) {
            base = SnakeCase(e.abbreviation);
        }
        if (base.empty()) {
            base = fmt::format("level_{}", i + 1);
        }
        std::string id = base;
        for (int n = 2; taken.contains(id); ++n) {
            id = fmt::format("{}_{}", base, n);
        }
        taken.insert(id);
        std::string colour = NormalizedColour(e.hexcolor);
        if (colour.empty()) {
            colour = DefaultColour(i, entries.size());
        }
        levels.push_back(
            {std::move(id), e.name.empty() ? e.abbreviation : e.name, colour, static_cast<int>(i)}
        );
    }
    return levels;
}

/// The cell as an index into `count` risk levels; nullopt when it is not one.
std::optional<std::size_t> RiskIndex(const json::value& cell, std::size_t count) {
    if (cell.is_int64() && cell.get_int64() >= 0
        && static_cast<std::uint64_t>(cell.get_int64()) < count) {
        return static_cast<std::size_t>(cell.get_int64());
    }
    if (cell.is_uint64() && cell.get_uint64() < count) {
        return static_cast<std::size_t>(cell.get_uint64());
    }
    return std::nullopt;
}

std::vector<std::vector<std::string>> ToGrid(
    MatrixReader& reader, const json::object& definition, const std::vector<RiskLevel>& levels
) {
    std::vector<std::vector<std::string>> grid;
    const json::array* rows = reader.Array(definition, "grid");
    if (rows == nullptr) {
        return grid;
    }
    for (std::size_t r = 0; r < rows->size(); ++r) {
        const std::string at = fmt::format("definition.grid[{}]", r);
        const json::array* cells = (*rows)[r].if_array();
        grid.emplace_back();
        if (cells == nullptr) {
            reader.Add(at, "must be an array of risk indexes");
            continue;
        }
        for (std::size_t c = 0; c < cells->size(); ++c) {
            const std::optional<std::size_t> index = RiskIndex((*cells)[c], levels.size());
            if (!index) {
                reader.Add(
                    fmt::format("{}[{}]", at, c),
                    fmt::format("must be the index of one of the {} risk levels", levels.size())
                );
                grid.back().emplace_back();
                continue;
            }
            grid.back().push_back(levels[*index].id);
        }
    }
    return grid;
}

std::map<std::string, Acceptance> DefaultAcceptance(const std::vector<RiskLevel>& levels) {
    std::map<std::string, Acceptance> acceptance;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        Acceptance a;
        a.acceptable_without_treatment = i == 0;
        if (i + 1 == levels.size()) {
            a.roles = {"admin"};
        } else if (2 * i < levels.size()) {
            a.roles = {"risk_owner", "isms_manager", "admin"};
        } else {
            a.roles = {"isms_manager", "admin"};
        }
        acceptance[levels[i].id] = std::move(a);
    }
    return acceptance;
}

}  // namespace

Result<RiskMethod> FromRiskMatrix(const catalog::RiskMatrix& matrix) {
    std::vector<FieldError> problems;
    MatrixReader reader(problems);
    const json::object& definition = matrix.definition;
    RiskMethod method;
    method.likelihood = ToScale(ReadEntries(reader, definition, "probability"));
    method.impact = ToScale(ReadEntries(reader, definition, "impact"));
    method.levels = ToLevels(ReadEntries(reader, definition, "risk"));
    method.grid = ToGrid(reader, definition, method.levels);
    method.acceptance = DefaultAcceptance(method.levels);
    if (problems.empty()) {
        problems = Validate(method);
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return method;
}

}  // namespace isms::risk
