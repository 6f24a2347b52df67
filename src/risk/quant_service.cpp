#include "risk/quant_service.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "iam/permission.hpp"
#include "risk/loss_exceedance_svg.hpp"
#include "risk/loss_simulation.hpp"
#include "store/records.hpp"
#include "store/session.hpp"

namespace isms::risk {

namespace {

constexpr const char* kSubject = "risk_loss_models";
constexpr std::size_t kTopRisks = 10;
constexpr const char* kBeforeColour = "#c62828";
constexpr const char* kAfterColour = "#2e7d32";

/// A risk's stored model: before treatment and, optionally, after.
struct StoredModel {
    LossModel before;
    std::optional<LossModel> after;
    std::string document;  // the stored JSON text, as its ledger event recorded it
    std::string updated_at;
    std::int64_t updated_by = 0;
};

json::object RiskSummary(const schema::Record& risk) {
    const json::value* title = risk.fields.if_contains("title");
    return json::object{
        {"id", risk.id.value},
        {"ref", risk.ref},
        {"title", title != nullptr ? *title : json::value(nullptr)}};
}

/// Reads {"before", "after"} with every problem named under its part.
Result<std::pair<LossModel, std::optional<LossModel>>> ReadBody(const json::object& body) {
    std::vector<FieldError> errors;
    for (const auto& member : body) {
        if (member.key() != "before" && member.key() != "after") {
            errors.push_back({std::string(member.key()), "unknown field; expected before, after"});
        }
    }
    auto part = [&](const char* name, bool required) -> std::optional<LossModel> {
        const json::value* value = body.if_contains(name);
        if (value == nullptr || value->is_null()) {
            if (required) {
                errors.push_back({name, "required: the loss model as things are"});
            }
            return std::nullopt;
        }
        auto model = LossModelFromJson(*value);
        if (!model) {
            for (FieldError e : model.error().fields) {
                e.field = std::string(name) + (e.field.empty() ? "" : "." + e.field);
                errors.push_back(std::move(e));
            }
            if (model.error().fields.empty()) {
                errors.push_back({name, model.error().message});
            }
            return std::nullopt;
        }
        return *model;
    };
    auto before = part("before", true);
    auto after = part("after", false);
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    return std::pair{*before, after};
}

std::string Document(const LossModel& before, const std::optional<LossModel>& after) {
    return ToJsonText(json::object{
        {"before", LossModelToJson(before)},
        {"after", after ? json::value(LossModelToJson(*after)) : json::value(nullptr)}});
}

StoredModel Parse(const store::SqlRow& row) {
    StoredModel m;
    m.document = row.Text(1);
    auto doc = ParseJson(m.document);
    ISMS_CHECK(doc && doc->is_object(), "a stored loss model is the JSON its service wrote");
    auto before = LossModelFromJson(doc->as_object().at("before"));
    ISMS_CHECK(before.has_value(), "a stored loss model passed validation when written");
    m.before = *before;
    const json::value& after = doc->as_object().at("after");
    if (!after.is_null()) {
        auto parsed = LossModelFromJson(after);
        ISMS_CHECK(parsed.has_value(), "a stored loss model passed validation when written");
        m.after = *parsed;
    }
    m.updated_at = row.Text(2);
    m.updated_by = row.Int(3);
    return m;
}

Result<std::optional<StoredModel>> FindModel(store::TenantScope& scope, std::int64_t risk) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT risk_id, document, updated_at, updated_by FROM risk_loss_models "
            "WHERE tenant_id = ? AND risk_id = ?",
            {scope.tenant().value, risk}
        )
    );
    if (rows.empty()) {
        return std::optional<StoredModel>();
    }
    return std::optional(Parse(rows.front()));
}

json::object ModelToJson(const schema::Record& risk, const StoredModel& m) {
    return json::object{
        {"risk", RiskSummary(risk)},
        {"before", LossModelToJson(m.before)},
        {"after", m.after ? json::value(LossModelToJson(*m.after)) : json::value(nullptr)},
        {"updated_at", m.updated_at},
        {"updated_by", m.updated_by}};
}

Status CheckTrials(std::int64_t trials, std::int64_t max) {
    if (trials < kMinTrials || trials > max) {
        return Error::Invalid("trials", fmt::format("must be from {} to {}", kMinTrials, max));
    }
    return {};
}

int Threads() {
    return static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
}

/// One risk's model, loaded for reading: 404 for an unknown risk or one without a model.
struct RiskWithModel {
    schema::Record risk;
    StoredModel model;
};

Result<RiskWithModel> LoadOne(const RiskDeps& deps, const iam::Principal& who, RecordId id) {
    const schema::RegisterSpec& spec = deps.registry.Get("risks");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps.db, who.tenant));
    ISMS_TRY_ASSIGN(schema::Record risk, store::GetRecord(session, spec, id));
    ISMS_TRY_ASSIGN(auto model, FindModel(session, id.value));
    if (!model) {
        return Error::NotFound(fmt::format("{} has no loss model", risk.ref));
    }
    return RiskWithModel{std::move(risk), std::move(*model)};
}

/// The simulation of one risk: before, and after when modelled.
struct RiskSimulation {
    SimulationResult before;
    std::optional<SimulationResult> after;
};

RiskSimulation Simulate(const RiskWithModel& m, const SimulationOptions& options) {
    const int trials = static_cast<int>(options.trials);
    RiskSimulation out{
        risk::SimulateRisk(m.model.before, options.seed, m.risk.id.value, trials), std::nullopt};
    if (m.model.after) {
        out.after = risk::SimulateRisk(*m.model.after, options.seed, m.risk.id.value, trials);
    }
    return out;
}

/// Every live risk with a model, and the models before and after treatment.
struct Register {
    std::vector<std::pair<std::int64_t, LossModel>> before;
    std::vector<std::pair<std::int64_t, LossModel>> after;
    std::vector<json::object> top;
};

Result<Register> LoadRegister(const RiskDeps& deps, const iam::Principal& who) {
    const schema::RegisterSpec& spec = deps.registry.Get("risks");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps.db, who.tenant));
    ISMS_TRY_ASSIGN(auto risks, store::ListAllRecords(session, spec));
    std::map<std::int64_t, const schema::Record*> live;
    for (const schema::Record& r : risks) {
        live[r.id.value] = &r;
    }
    ISMS_TRY_ASSIGN(
        auto rows,
        session.sql().Query(
            "SELECT risk_id, document, updated_at, updated_by FROM risk_loss_models "
            "WHERE tenant_id = ? ORDER BY risk_id",
            {who.tenant.value}
        )
    );
    Register out;
    struct Ranked {
        double before;
        double after;
        const schema::Record* risk;
    };
    std::vector<Ranked> ranked;
    for (const auto& row : rows) {
        const auto it = live.find(row.Int(0));
        if (it == live.end()) {
            continue;  // the risk is archived
        }
        StoredModel m = Parse(row);
        const LossModel& after = m.after ? *m.after : m.before;
        ranked.push_back({ExpectedAnnualLoss(m.before), ExpectedAnnualLoss(after), it->second});
        out.before.emplace_back(it->first, m.before);
        out.after.emplace_back(it->first, after);
    }
    const std::size_t top = std::min(kTopRisks, ranked.size());
    std::partial_sort(
        ranked.begin(),
        ranked.begin() + static_cast<std::ptrdiff_t>(top),
        ranked.end(),
        [](const Ranked& a, const Ranked& b) {
            return a.before != b.before ? a.before > b.before : a.risk->id < b.risk->id;
        }
    );
    for (std::size_t i = 0; i < top; ++i) {
        json::object entry = RiskSummary(*ranked[i].risk);
        entry["expected_ale_before"] = ranked[i].before;
        entry["expected_ale_after"] = ranked[i].after;
        out.top.push_back(std::move(entry));
    }
    return out;
}

std::string Legend(const char* stage, const SimulationResult& result) {
    return fmt::format("{} (ALE {})", stage, ShortAmount(result.mean));
}

/// The register simulated before and after treatment, on all cores.
struct RegisterSimulation {
    Register reg;
    SimulationResult before;
    SimulationResult after;
};

Result<RegisterSimulation> RunRegister(
    const RiskDeps& deps, const iam::Principal& who, const SimulationOptions& options
) {
    ISMS_TRY(CheckTrials(options.trials, kMaxRegisterTrials));
    ISMS_TRY_ASSIGN(Register reg, LoadRegister(deps, who));
    const int trials = static_cast<int>(options.trials);
    RegisterSimulation out{std::move(reg), {}, {}};
    out.before = risk::SimulateRegister(out.reg.before, options.seed, trials, Threads());
    out.after = risk::SimulateRegister(out.reg.after, options.seed, trials, Threads());
    return out;
}

/// One risk, loaded and simulated.
Result<std::pair<RiskWithModel, RiskSimulation>> RunRisk(
    const RiskDeps& deps, const iam::Principal& who, RecordId risk, const SimulationOptions& options
) {
    ISMS_TRY(CheckTrials(options.trials, kMaxRiskTrials));
    ISMS_TRY_ASSIGN(RiskWithModel m, LoadOne(deps, who, risk));
    RiskSimulation sim = Simulate(m, options);
    return std::pair{std::move(m), std::move(sim)};
}

}  // namespace

Result<json::object> QuantService::GetModel(const iam::Principal& who, RecordId risk) {
    ISMS_TRY_ASSIGN(RiskWithModel m, LoadOne(deps_, who, risk));
    return ModelToJson(m.risk, m.model);
}

namespace {

/// Sets one risk's model inside `tx`; returns the model as GetModel shows it.
Result<json::object> PutModelIn(
    store::WriteTx& tx,
    const schema::RegisterSpec& spec,
    const iam::Principal& who,
    RecordId risk_id,
    const json::object& body
) {
    ISMS_TRY_ASSIGN(schema::Record risk, store::GetRecord(tx, spec, risk_id));
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kUpdate, risk.owner));
    ISMS_TRY_ASSIGN(auto parts, ReadBody(body));
    ISMS_TRY_ASSIGN(auto existing, FindModel(tx, risk_id.value));
    const std::string document = Document(parts.first, parts.second);
    const std::string now = FormatTimestamp(tx.now());
    if (existing) {
        ISMS_TRY(tx.sql().Exec(
            "UPDATE risk_loss_models SET document = ?, updated_at = ?, updated_by = ? "
            "WHERE tenant_id = ? AND risk_id = ?",
            {document, now, who.user.value, who.tenant.value, risk_id.value}
        ));
    } else {
        ISMS_TRY(tx.sql().Exec(
            "INSERT INTO risk_loss_models (tenant_id, risk_id, document, updated_at, "
            "updated_by) VALUES (?, ?, ?, ?, ?)",
            {who.tenant.value, risk_id.value, document, now, who.user.value}
        ));
    }
    ISMS_TRY(tx.Append(
        existing ? "updated" : "created",
        kSubject,
        risk_id.value,
        existing ? std::optional(existing->document) : std::nullopt,
        document
    ));
    StoredModel stored{parts.first, parts.second, document, now, who.user.value};
    json::object out = ModelToJson(risk, stored);
    out["created"] = !existing.has_value();
    return out;
}

}  // namespace

Result<json::object> QuantService::PutModel(
    const iam::Principal& who, RecordId risk_id, const json::object& body
) {
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(
        json::object out, PutModelIn(tx, deps_.registry.Get("risks"), who, risk_id, body)
    );
    ISMS_TRY(tx.Commit());
    return out;
}

Status QuantService::PutModels(
    const iam::Principal& who, const std::vector<std::pair<RecordId, json::object>>& models
) {
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    for (std::size_t i = 0; i < models.size(); ++i) {
        auto put =
            PutModelIn(tx, deps_.registry.Get("risks"), who, models[i].first, models[i].second);
        if (!put) {
            Error e = put.error();
            for (FieldError& f : e.fields) {
                f.field = fmt::format("[{}].{}", i, f.field);
            }
            return e;
        }
    }
    return tx.Commit();
}

Status QuantService::DeleteModel(const iam::Principal& who, RecordId risk_id) {
    const schema::RegisterSpec& spec = deps_.registry.Get("risks");
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(schema::Record risk, store::GetRecord(tx, spec, risk_id));
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kUpdate, risk.owner));
    ISMS_TRY_ASSIGN(auto existing, FindModel(tx, risk_id.value));
    if (!existing) {
        return Error::NotFound(fmt::format("{} has no loss model", risk.ref));
    }
    ISMS_TRY(tx.sql().Exec(
        "DELETE FROM risk_loss_models WHERE tenant_id = ? AND risk_id = ?",
        {who.tenant.value, risk_id.value}
    ));
    ISMS_TRY(tx.Append("deleted", kSubject, risk_id.value, existing->document, std::nullopt));
    return tx.Commit();
}

Result<json::object> QuantService::SimulateRisk(
    const iam::Principal& who, RecordId risk, const SimulationOptions& options
) {
    ISMS_TRY_ASSIGN(auto run, RunRisk(deps_, who, risk, options));
    const auto& [m, sim] = run;
    return json::object{
        {"risk", RiskSummary(m.risk)},
        {"trials", options.trials},
        {"seed", options.seed},
        {"before", ResultToJson(sim.before)},
        {"after", sim.after ? json::value(ResultToJson(*sim.after)) : json::value(nullptr)},
        {"ale_reduction",
         sim.after ? json::value(sim.before.mean - sim.after->mean) : json::value(nullptr)}};
}

Result<json::object> QuantService::SimulateRegister(
    const iam::Principal& who, const SimulationOptions& options
) {
    ISMS_TRY_ASSIGN(RegisterSimulation run, RunRegister(deps_, who, options));
    json::array top;
    for (json::object& entry : run.reg.top) {
        top.emplace_back(std::move(entry));
    }
    return json::object{
        {"trials", options.trials},
        {"seed", options.seed},
        {"risks", run.reg.before.size()},
        {"before", ResultToJson(run.before)},
        {"after", ResultToJson(run.after)},
        {"ale_reduction", run.before.mean - run.after.mean},
        {"top", std::move(top)}};
}

Result<std::string> QuantService::RiskExceedanceSvg(
    const iam::Principal& who, RecordId risk, const SimulationOptions& options
) {
    ISMS_TRY_ASSIGN(auto run, RunRisk(deps_, who, risk, options));
    const auto& [m, sim] = run;
    std::vector<ExceedanceSeries> series{
        {Legend("before treatment", sim.before), kBeforeColour, sim.before.exceedance}};
    if (sim.after) {
        series.push_back(
            {Legend("after treatment", *sim.after), kAfterColour, sim.after->exceedance}
        );
    }
    return LossExceedanceSvg(m.risk.ref + " loss exceedance", series);
}

Result<std::string> QuantService::RegisterExceedanceSvg(
    const iam::Principal& who, const SimulationOptions& options
) {
    ISMS_TRY_ASSIGN(RegisterSimulation run, RunRegister(deps_, who, options));
    return LossExceedanceSvg(
        fmt::format("Risk register loss exceedance ({} risks)", run.reg.before.size()),
        {{Legend("before treatment", run.before), kBeforeColour, run.before.exceedance},
         {Legend("after treatment", run.after), kAfterColour, run.after.exceedance}}
    );
}

}  // namespace isms::risk
