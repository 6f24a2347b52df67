#include "apitest/host_common.hpp"

#include <cctype>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.hpp"
#include "core/secret_stream.hpp"
#include "evidence/blob_store.hpp"

namespace isms::apitest::detail {

Status Fixtures::EnsureTenant(app::App& app, const std::string& slug) {
    auto tenant = Tenant(app, slug);
    if (!tenant) {
        return tenant.error();
    }
    return {};
}

Result<TenantId> Fixtures::Tenant(app::App& app, const std::string& slug) {
    if (auto it = tenants_.find(slug); it != tenants_.end()) {
        return it->second;
    }
    auto found = app.FindTenant(slug);
    if (!found && found.error().code == ErrorCode::kNotFound) {
        std::string name = slug;
        if (!name.empty()) {
            name.front() =
                static_cast<char>(std::toupper(static_cast<unsigned char>(name.front())));
        }
        found = app.CreateTenant(name, slug);
    }
    if (!found) {
        return found.error();
    }
    tenants_[slug] = *found;
    return *found;
}

Result<std::string> Fixtures::TokenFor(
    app::App& app, const std::string& tenant, const std::string& role
) {
    const auto key = std::make_pair(tenant, role);
    if (auto it = tokens_.find(key); it != tokens_.end()) {
        return it->second;
    }
    ISMS_TRY_ASSIGN(const TenantId id, Tenant(app, tenant));
    ISMS_TRY_ASSIGN(
        app::ProvisionedUser user,
        app.ProvisionUser(
            id, role + "@" + tenant + ".test", kFixturePassword, role, kFixtureTokenName
        )
    );
    if (user.token.empty()) {
        return Error::Internal("ProvisionUser returned no token for " + role + "@" + tenant);
    }
    tokens_[key] = user.token;
    return user.token;
}

CliOutput RunCli(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    CliOutput result;
    try {
        result.exit_code = cli::Run(args, out, err);
    } catch (const std::exception& e) {
        err << "uncaught exception: " << e.what() << "\n";
        result.exit_code = 70;
    }
    result.out = out.str();
    result.err = err.str();
    return result;
}

Result<Done> TamperBlob(const std::string& data_dir, const std::string& sha256) {
    if (data_dir.empty()) {
        return Done::kSkipped;
    }
    const auto path = evidence::BlobStore(std::filesystem::path(data_dir) / "blobs").PathOf(sha256);
    // The last byte: in a plain blob it changes the content, in an encrypted one the MAC of
    // the final chunk.
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary | std::ios::ate);
    const std::streamoff size = file.tellg();
    char last = 0;
    if (!file || size <= 0 || !file.seekg(size - 1).get(last)) {
        return Error::NotFound("no blob " + path.string());
    }
    file.seekp(size - 1);
    file.put(static_cast<char>(last ^ 0x01));
    return Done::kRan;
}

Result<Done> CheckBlob(const std::string& data_dir, const std::string& sha256, bool encrypted) {
    if (data_dir.empty()) {
        return Done::kSkipped;
    }
    const auto path = evidence::BlobStore(std::filesystem::path(data_dir) / "blobs").PathOf(sha256);
    if (!std::filesystem::exists(path)) {
        return Error::NotFound("no blob " + path.string());
    }
    const bool sealed = crypto::FileLooksSealed(path);
    if (sealed != encrypted) {
        return Error::Conflict(
            "blob " + sha256 + " is stored " + (sealed ? "encrypted" : "plain") + ", expected "
            + (encrypted ? "encrypted" : "plain")
        );
    }
    return Done::kRan;
}

Result<Done> VerifyLedger(const std::string& data_dir) {
    if (data_dir.empty()) {
        return Done::kSkipped;
    }
    const CliOutput output = RunCli({"ledger", "verify", "--data", data_dir});
    if (output.exit_code != 0) {
        return Error::Internal(
            "isms ledger verify --data " + data_dir + " exited " + std::to_string(output.exit_code)
            + "\n" + output.out + output.err
        );
    }
    return Done::kRan;
}

}  // namespace isms::apitest::detail
