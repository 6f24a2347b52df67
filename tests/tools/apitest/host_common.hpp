// Shared by both hosts: fixture tenants and users provisioned through App (the user for role R
// in tenant S is `R@S.test` with one API token, cached per tenant and role because password
// hashing costs ~100 ms), and the in-process CLI used by `cli` blocks and `ledger verify`.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "apitest/host.hpp"
#include "app/app.hpp"

namespace isms::apitest::detail {

inline constexpr const char* kFixturePassword = "correct horse battery staple";
inline constexpr const char* kFixtureTokenName = "apitest";

class Fixtures {
public:
    /// Finds the tenant by slug or creates it (named after the slug, capitalized).
    [[nodiscard]] Status EnsureTenant(app::App& app, const std::string& slug);
    /// Provisions `<role>@<tenant>.test` on first use and returns its bearer token.
    [[nodiscard]] Result<std::string> TokenFor(
        app::App& app, const std::string& tenant, const std::string& role
    );

private:
    [[nodiscard]] Result<TenantId> Tenant(app::App& app, const std::string& slug);

    std::map<std::string, TenantId> tenants_;
    std::map<std::pair<std::string, std::string>, std::string> tokens_;  // (tenant, role)
};

/// Runs `isms <args…>` in this process, capturing stdout and stderr; exceptions become 70.
[[nodiscard]] CliOutput RunCli(const std::vector<std::string>& args);

/// Flips the last byte of the blob `sha256` under `<data_dir>/blobs`; skipped without a
/// data directory.
[[nodiscard]] Result<Done> TamperBlob(const std::string& data_dir, const std::string& sha256);

/// Whether the blob `sha256` under `<data_dir>/blobs` is stored encrypted (`encrypted`) or
/// plain, as expected; skipped without a data directory.
[[nodiscard]] Result<Done> CheckBlob(
    const std::string& data_dir, const std::string& sha256, bool encrypted
);

/// `isms ledger verify --data <dir>`; an error carries the exit code and the CLI's output.
[[nodiscard]] Result<Done> VerifyLedger(const std::string& data_dir);

}  // namespace isms::apitest::detail
