#include "core/config.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "core/crypto.hpp"

namespace isms {
namespace {

EnvLookup FakeEnv(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
        auto it = vars.find(name);
        if (it == vars.end()) {
            return std::nullopt;
        }
        return it->second;
    };
}

/// A JSON file in the temp directory, removed when the test ends.
class TempFile {
public:
    explicit TempFile(const std::string& text) {
        crypto::InitCrypto();
        path_ = std::filesystem::temp_directory_path()
                / ("isms_config_test_" + crypto::RandomToken(8) + ".json");
        std::ofstream(path_) << text;
    }
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    [[nodiscard]] std::string Path() const { return path_.string(); }

private:
    std::filesystem::path path_;
};

TEST(LoadConfig, DefaultsWhenNothingIsSet) {
    auto config = LoadConfig("", FakeEnv({}), {});
    ASSERT_TRUE(config);
    EXPECT_EQ(config->data_dir, "./isms-data");
    EXPECT_EQ(config->listen, "127.0.0.1:8080");
    EXPECT_EQ(config->threads, 0);
    EXPECT_EQ(config->log_level, "info");
    EXPECT_EQ(config->synchronous, "full");
}

TEST(LoadConfig, FlagsOverEnvOverFileOverDefault) {
    TempFile file(R"({"threads": 2, "listen": "0.0.0.0:9000", "log_level": "debug",
                      "session_idle_minutes": 15})");
    auto env = FakeEnv({{"ISMS_THREADS", "3"}, {"ISMS_LISTEN", "127.0.0.1:9001"}});
    auto config = LoadConfig(file.Path(), env, {{"threads", "4"}});
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->threads, 4);                // flag beats env and file
    EXPECT_EQ(config->listen, "127.0.0.1:9001");  // env beats file
    EXPECT_EQ(config->log_level, "debug");        // file beats default
    EXPECT_EQ(config->session_idle_minutes, 15);  // file, number member
    EXPECT_EQ(config->data_dir, "./isms-data");   // default
}

TEST(LoadConfig, TlsAndBlobKeySettings) {
    EXPECT_TRUE(LoadConfig("", FakeEnv({}), {})->tls_cert.empty());  // off by default
    TempFile file(R"({"tls_cert": "/etc/isms/cert.pem", "blob_key_file": "/etc/isms/file.key"})");
    auto config = LoadConfig(
        file.Path(),
        FakeEnv({{"ISMS_TLS_KEY", "/etc/isms/key.pem"}, {"ISMS_BLOB_KEY_FILE", "/env/blob.key"}}),
        {{"tls_cert", "/flag/cert.pem"}}
    );
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->tls_cert, "/flag/cert.pem");
    EXPECT_EQ(config->tls_key, "/etc/isms/key.pem");
    EXPECT_EQ(config->blob_key_file, "/env/blob.key");
}

TEST(LoadConfig, WebRootSetting) {
    EXPECT_TRUE(LoadConfig("", FakeEnv({}), {})->web_root.empty());  // the built-in web/dist
    TempFile file(R"({"web_root": "/srv/isms/file"})");
    EXPECT_EQ(LoadConfig(file.Path(), FakeEnv({}), {})->web_root, "/srv/isms/file");
    auto config = LoadConfig(
        file.Path(), FakeEnv({{"ISMS_WEB_ROOT", "/srv/isms/env"}}), {{"web_root", "/srv/flag"}}
    );
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->web_root, "/srv/flag");
    EXPECT_EQ(
        LoadConfig(file.Path(), FakeEnv({{"ISMS_WEB_ROOT", "/srv/isms/env"}}), {})->web_root,
        "/srv/isms/env"
    );
}

TEST(LoadConfig, ConfigFileFromEnvironment) {
    TempFile file(R"({"data": "/var/lib/isms"})");
    auto config = LoadConfig("", FakeEnv({{"ISMS_CONFIG", file.Path()}}), {});
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->data_dir, "/var/lib/isms");
}

TEST(LoadConfig, BadFlagNamesTheSettingAndSource) {
    auto config = LoadConfig("", FakeEnv({}), {{"threads", "many"}});
    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(config.error().fields.size(), 1U);
    EXPECT_EQ(config.error().fields[0].field, "threads");
    EXPECT_NE(config.error().fields[0].message.find("'many'"), std::string::npos);
    EXPECT_NE(config.error().fields[0].message.find("--threads"), std::string::npos);
}

TEST(LoadConfig, OutOfRangeEnvNamesTheVariable) {
    auto config = LoadConfig("", FakeEnv({{"ISMS_READER_CONNECTIONS", "0"}}), {});
    ASSERT_FALSE(config);
    ASSERT_EQ(config.error().fields.size(), 1U);
    EXPECT_EQ(config.error().fields[0].field, "reader_connections");
    EXPECT_NE(config.error().fields[0].message.find("ISMS_READER_CONNECTIONS"), std::string::npos);
}

TEST(LoadConfig, BadEnumValue) {
    auto config = LoadConfig("", FakeEnv({{"ISMS_SYNCHRONOUS", "off"}}), {});
    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().fields.at(0).field, "synchronous");
    auto level = LoadConfig("", FakeEnv({}), {{"log_level", "verbose"}});
    ASSERT_FALSE(level);
    EXPECT_EQ(level.error().fields.at(0).field, "log_level");
}

TEST(LoadConfig, BadFileValueNamesTheSettingAndFile) {
    TempFile file(R"({"max_body_bytes": 10})");
    auto config = LoadConfig(file.Path(), FakeEnv({}), {});
    ASSERT_FALSE(config);
    ASSERT_EQ(config.error().fields.size(), 1U);
    EXPECT_EQ(config.error().fields[0].field, "max_body_bytes");
    EXPECT_NE(config.error().fields[0].message.find(file.Path()), std::string::npos);
}

TEST(LoadConfig, UnknownSettings) {
    TempFile file(R"({"colour": "blue"})");
    auto from_file = LoadConfig(file.Path(), FakeEnv({}), {});
    ASSERT_FALSE(from_file);
    EXPECT_EQ(from_file.error().fields.at(0).field, "colour");
    auto from_flag = LoadConfig("", FakeEnv({}), {{"colour", "blue"}});
    ASSERT_FALSE(from_flag);
    EXPECT_EQ(from_flag.error().fields.at(0).field, "colour");
}

TEST(LoadConfig, MissingOrMalformedFile) {
    auto missing = LoadConfig("/nonexistent/isms.json", FakeEnv({}), {});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().fields.at(0).field, "config");
    TempFile file("{\"threads\": 2,\n  oops}");
    auto malformed = LoadConfig(file.Path(), FakeEnv({}), {});
    ASSERT_FALSE(malformed);
    EXPECT_EQ(malformed.error().fields.at(0).field, "config");
    EXPECT_NE(malformed.error().fields.at(0).message.find("line 2"), std::string::npos);
}

TEST(LoadConfig, DatabaseFromFlagEnvAndFile) {
    EXPECT_EQ(LoadConfig("", FakeEnv({}), {})->database, "");  // SQLite in the data directory
    TempFile file(R"({"database": "postgresql://isms@db.example/file"})");
    EXPECT_EQ(
        LoadConfig(file.Path(), FakeEnv({}), {})->database, "postgresql://isms@db.example/file"
    );
    auto env = FakeEnv({{"ISMS_DATABASE", "postgres://isms@db.example/env"}});
    EXPECT_EQ(LoadConfig(file.Path(), env, {})->database, "postgres://isms@db.example/env");
    auto flag = LoadConfig(file.Path(), env, {{"database", "postgresql://isms@db.example/flag"}});
    EXPECT_EQ(flag->database, "postgresql://isms@db.example/flag");
}

TEST(LoadConfig, BadDatabaseNamesTheSettingWithoutEchoingIt) {
    auto config = LoadConfig("", FakeEnv({}), {{"database", "mysql://root:s3cret@db/isms"}});
    ASSERT_FALSE(config);
    ASSERT_EQ(config.error().fields.size(), 1U);
    EXPECT_EQ(config.error().fields[0].field, "database");
    EXPECT_NE(config.error().fields[0].message.find("postgresql://"), std::string::npos);
    EXPECT_EQ(config.error().fields[0].message.find("s3cret"), std::string::npos);
}

}  // namespace
}  // namespace isms
