// The Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d) derived from live data: for each
// Annex A control, whether it is applicable and why, the justification of an exclusion, how far
// it is implemented, and what it is linked to. Pure: the SoA service loads the inputs.
//
// Rules (docs/compliance.md §2):
//  * derived: a control selected by the treatment action of a live, not closed risk is
//    applicable with the reason "risk_treatment"; otherwise it is undecided;
//  * a manual decision (applicable or excluded, with reasons or a justification) takes
//    precedence and is shown apart from the derivation; excluding a control a risk treatment
//    selects is a conflict;
//  * implementation from the applied controls implementing it (retired ones ignored): none →
//    not_implemented; all implemented or operating → implemented; some implemented, operating
//    or degraded → partially_implemented; only planned or in progress → planned.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"

namespace isms::compliance {

/// Reasons a person may give for including a control; "risk_treatment" is only derived.
inline constexpr const char* kManualReasons[] = {
    "legal_regulatory", "contractual", "business_need"};

struct SoaControl {
    std::string urn;
    std::string ref_id;  // "A.8.24"
    std::string name;
    std::string theme;  // "Technological controls"
};

struct LinkedRecord {
    std::int64_t id = 0;
    std::string ref;
    std::string title;   // a risk's title, a control's name
    std::string status;  // may be empty
};

/// What a treatment action contributes: the risks it treats, the Annex A controls (refs) and
/// applied controls (ids) it names. Cancelled actions are left out by the loader.
struct SoaAction {
    LinkedRecord record;
    std::vector<std::int64_t> risks;
    std::vector<std::string> annex_a;
    std::vector<std::int64_t> applied_controls;
};

struct SoaDecision {
    bool applicable = true;
    std::vector<std::string> reasons;
    std::string justification;
    std::string updated_at;
    std::int64_t updated_by = 0;
};

struct SoaInputs {
    std::vector<SoaControl> controls;  // Annex A in catalog order
    std::vector<SoaAction> actions;
    std::map<std::int64_t, LinkedRecord> risks;  // live risks that are not closed
    /// Live applied controls with the requirement URNs they implement.
    std::vector<std::pair<LinkedRecord, std::vector<std::string>>> applied_controls;
    /// Live evidence (status "current" or "stale") with the applied controls it supports.
    std::vector<std::pair<LinkedRecord, std::vector<std::int64_t>>> evidence;
    std::map<std::string, SoaDecision, std::less<>> decisions;  // by control URN
};

struct SoaEntry {
    const SoaControl* control = nullptr;
    std::optional<bool> derived_applicable;  // true, or nullopt (undecided)
    std::vector<std::string> derived_reasons;
    const SoaDecision* decision = nullptr;
    std::optional<bool> applicable;  // the decision's, else the derivation's
    std::vector<std::string> reasons;
    std::string justification;
    std::string conflict;  // non-empty when a decision contradicts the derivation
    std::string implementation;
    // Linked records point into the SoaInputs, which must outlive the entries.
    std::vector<const LinkedRecord*> risks;
    std::vector<const LinkedRecord*> applied_controls;
    std::vector<const LinkedRecord*> actions;
    std::vector<const LinkedRecord*> evidence;  // of the applied controls implementing it
};

[[nodiscard]] std::vector<SoaEntry> DeriveSoa(const SoaInputs& inputs);

/// At most this many risks, applied controls, treatment actions and evidence records are listed
/// per control;
/// `linked` counts them all.
inline constexpr std::size_t kMaxLinkedPerList = 50;

/// One entry as the API shows it (`decision` null when derived only; `source` "manual" or
/// "derived"; `linked`: how many records of each kind the control rests on).
[[nodiscard]] json::object SoaEntryToJson(const SoaEntry& entry);

/// {"controls", "applicable", "excluded", "undecided", "conflicts", and per implementation
/// status a count}.
[[nodiscard]] json::object SoaSummary(const std::vector<SoaEntry>& entries);

}  // namespace isms::compliance
