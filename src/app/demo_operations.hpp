// The demo organization's operations registers (Annex A) and reminders: two suppliers with
// their contracts and an assessment, a closed phishing incident with its timeline and the risk
// raised from its lessons, an open incident, and an approved exception that expires soon — so
// incidents, suppliers, exceptions and the admin's notifications show something.
#pragma once

#include "app/app.hpp"

namespace isms::app {

struct DemoOperationsAssets {
    std::int64_t customer_database;
    std::int64_t laptops;
    std::int64_t email_service;
};

/// Seeds the operations registers for `admin`; adds a security lead (ISMS manager) who
/// approves the exception.
[[nodiscard]] Status SeedDemoOperations(
    App& app, const iam::Principal& admin, const DemoOperationsAssets& assets
);

}  // namespace isms::app
