#include "compliance/soa.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace isms::compliance {

namespace {

/// How far the applied controls implementing a control are in place (module comment).
std::string Implementation(const std::vector<const LinkedRecord*>& controls) {
    std::size_t counted = 0;
    std::size_t done = 0;
    std::size_t partial = 0;
    for (const LinkedRecord* c : controls) {
        if (c->status == "retired") {
            continue;
        }
        ++counted;
        if (c->status == "implemented" || c->status == "operating") {
            ++done;
        } else if (c->status == "degraded") {
            ++partial;
        }
    }
    if (counted == 0) {
        return "not_implemented";
    }
    if (done == counted) {
        return "implemented";
    }
    if (done + partial > 0) {
        return "partially_implemented";
    }
    return "planned";
}

bool ById(const LinkedRecord* a, const LinkedRecord* b) {
    return a->id < b->id;
}

json::array Records(const std::vector<const LinkedRecord*>& records, const char* title_key) {
    json::array out;
    const std::size_t listed = std::min(records.size(), kMaxLinkedPerList);
    for (std::size_t i = 0; i < listed; ++i) {
        const LinkedRecord& r = *records[i];
        json::object o{{"id", r.id}, {"ref", r.ref}, {title_key, r.title}};
        if (!r.status.empty()) {
            o["status"] = r.status;
        }
        out.emplace_back(std::move(o));
    }
    return out;
}

json::array Strings(const std::vector<std::string>& values) {
    json::array out;
    for (const std::string& v : values) {
        out.emplace_back(json::string(v));
    }
    return out;
}

json::value Tri(const std::optional<bool>& value) {
    return value ? json::value(*value) : json::value(nullptr);
}

}  // namespace

std::vector<SoaEntry> DeriveSoa(const SoaInputs& inputs) {
    // Index what points at each control: by Annex A ref for actions, by URN for controls.
    std::map<std::string, std::vector<const SoaAction*>, std::less<>> actions_by_ref;
    std::map<std::int64_t, std::vector<const SoaAction*>> actions_by_control;
    for (const SoaAction& a : inputs.actions) {
        for (const std::string& ref : a.annex_a) {
            actions_by_ref[ref].push_back(&a);
        }
        for (std::int64_t id : a.applied_controls) {
            actions_by_control[id].push_back(&a);
        }
    }
    std::map<std::int64_t, std::vector<const LinkedRecord*>> evidence_by_control;
    for (const auto& [record, controls] : inputs.evidence) {
        for (const std::int64_t id : controls) {
            evidence_by_control[id].push_back(&record);
        }
    }
    std::map<std::string, std::vector<const LinkedRecord*>, std::less<>> controls_by_urn;
    for (const auto& [record, requirements] : inputs.applied_controls) {
        for (const std::string& urn : requirements) {
            controls_by_urn[urn].push_back(&record);
        }
    }
    std::vector<SoaEntry> out;
    out.reserve(inputs.controls.size());
    for (const SoaControl& control : inputs.controls) {
        SoaEntry e;
        e.control = &control;
        // Actions naming the control, directly or through an applied control implementing it.
        std::vector<const SoaAction*> actions;
        if (const auto it = actions_by_ref.find(control.ref_id); it != actions_by_ref.end()) {
            actions = it->second;
        }
        if (const auto it = controls_by_urn.find(control.urn); it != controls_by_urn.end()) {
            for (const LinkedRecord* c : it->second) {
                e.applied_controls.push_back(c);
                if (const auto a = actions_by_control.find(c->id); a != actions_by_control.end()) {
                    actions.insert(actions.end(), a->second.begin(), a->second.end());
                }
            }
        }
        std::set<std::int64_t> seen_evidence;
        for (const LinkedRecord* c : e.applied_controls) {
            if (const auto ev = evidence_by_control.find(c->id); ev != evidence_by_control.end()) {
                for (const LinkedRecord* item : ev->second) {
                    if (seen_evidence.insert(item->id).second) {
                        e.evidence.push_back(item);
                    }
                }
            }
        }
        std::sort(e.evidence.begin(), e.evidence.end(), ById);
        std::set<std::int64_t> seen_actions;
        std::set<std::int64_t> seen_risks;
        for (const SoaAction* a : actions) {
            if (!seen_actions.insert(a->record.id).second) {
                continue;
            }
            e.actions.push_back(&a->record);
            for (std::int64_t risk : a->risks) {
                const auto r = inputs.risks.find(risk);
                if (r != inputs.risks.end() && seen_risks.insert(risk).second) {
                    e.risks.push_back(&r->second);
                }
            }
        }
        std::sort(e.actions.begin(), e.actions.end(), ById);
        std::sort(e.risks.begin(), e.risks.end(), ById);
        if (!e.risks.empty()) {
            e.derived_applicable = true;
            e.derived_reasons = {"risk_treatment"};
        }
        e.implementation = Implementation(e.applied_controls);
        if (const auto d = inputs.decisions.find(control.urn); d != inputs.decisions.end()) {
            e.decision = &d->second;
            e.applicable = d->second.applicable;
            e.justification = d->second.justification;
            if (d->second.applicable) {
                e.reasons = e.derived_reasons;
                for (const std::string& reason : d->second.reasons) {
                    if (std::find(e.reasons.begin(), e.reasons.end(), reason) == e.reasons.end()) {
                        e.reasons.push_back(reason);
                    }
                }
            } else if (!e.risks.empty()) {
                e.conflict = fmt::format(
                    "excluded, but the treatment of {} selects it", e.risks.front()->ref
                );
            }
        } else {
            e.applicable = e.derived_applicable;
            e.reasons = e.derived_reasons;
        }
        out.push_back(std::move(e));
    }
    return out;
}

json::object SoaEntryToJson(const SoaEntry& e) {
    json::value decision = nullptr;
    if (e.decision != nullptr) {
        decision = json::object{
            {"applicable", e.decision->applicable},
            {"reasons", Strings(e.decision->reasons)},
            {"justification", e.decision->justification},
            {"updated_at", e.decision->updated_at},
            {"updated_by", e.decision->updated_by}};
    }
    return json::object{
        {"urn", e.control->urn},
        {"ref_id", e.control->ref_id},
        {"name", e.control->name},
        {"theme", e.control->theme},
        {"applicable", Tri(e.applicable)},
        {"source", e.decision != nullptr ? "manual" : "derived"},
        {"reasons", Strings(e.reasons)},
        {"justification", e.justification},
        {"implementation", e.implementation},
        {"conflict", e.conflict.empty() ? json::value(nullptr) : json::value(e.conflict)},
        {"derived",
         json::object{
             {"applicable", Tri(e.derived_applicable)}, {"reasons", Strings(e.derived_reasons)}}},
        {"decision", std::move(decision)},
        {"risks", Records(e.risks, "title")},
        {"applied_controls", Records(e.applied_controls, "name")},
        {"treatment_actions", Records(e.actions, "title")},
        {"evidence", Records(e.evidence, "name")},
        {"linked",
         json::object{
             {"risks", e.risks.size()},
             {"applied_controls", e.applied_controls.size()},
             {"treatment_actions", e.actions.size()},
             {"evidence", e.evidence.size()}}}};
}

json::object SoaSummary(const std::vector<SoaEntry>& entries) {
    std::int64_t applicable = 0;
    std::int64_t excluded = 0;
    std::int64_t undecided = 0;
    std::int64_t conflicts = 0;
    json::object implementation{
        {"implemented", 0}, {"partially_implemented", 0}, {"planned", 0}, {"not_implemented", 0}};
    for (const SoaEntry& e : entries) {
        if (!e.applicable) {
            ++undecided;
        } else if (*e.applicable) {
            ++applicable;
            json::value& n = implementation[e.implementation];
            n = n.to_number<std::int64_t>() + 1;
        } else {
            ++excluded;
        }
        conflicts += e.conflict.empty() ? 0 : 1;
    }
    return json::object{
        {"controls", entries.size()},
        {"applicable", applicable},
        {"excluded", excluded},
        {"undecided", undecided},
        {"conflicts", conflicts},
        {"implementation", std::move(implementation)}};
}

}  // namespace isms::compliance
