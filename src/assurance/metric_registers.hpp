// Register declarations of monitoring and management review (ISO/IEC 27001:2022 9.1, 9.3;
// ISO/IEC 27004): `metrics` (what is measured, how, against which target), `measurements` (the
// values over time), `management_reviews` (the meeting, its frozen inputs and decisions) and
// `review_actions` (what the review decided, with owner and due date, tracked to the next one).
#pragma once

#include "core/error.hpp"
#include "schema/registry.hpp"

namespace isms::assurance {

[[nodiscard]] Status DeclareMonitoringRegisters(schema::Registry& registry);

}  // namespace isms::assurance
