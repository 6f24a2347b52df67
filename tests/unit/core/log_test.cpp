#include "core/log.hpp"

#include <cstdio>
#include <string>

#include <gtest/gtest.h>

namespace isms {
namespace {

/// Writes one line through a real Logger into a temporary file and returns it.
std::string Logged(json::object fields) {
    std::FILE* sink = std::tmpfile();
    EXPECT_NE(sink, nullptr);
    Logger logger(sink, Severity::kDebug);
    logger.Log(Severity::kInfo, "test.event", std::move(fields));
    std::rewind(sink);
    std::string line;
    for (int c = std::fgetc(sink); c != EOF; c = std::fgetc(sink)) {
        line.push_back(static_cast<char>(c));
    }
    std::fclose(sink);
    return line;
}

TEST(LogMasking, SecretNamedFieldsAreMaskedAtAnyDepth) {
    const std::string line = Logged(
        {{"password", "hunter2-correct-horse"},
         {"Authorization", "Bearer isms_abc"},
         {"csrf_token", "c5rf-value"},
         {"tls_key", "/etc/isms/tls.key.pem-content"},
         {"blob_key_file", "kf-secret-path"},
         {"database_dsn", "sess-value"},
         {"nested",
          json::object{
              {"api_token", "tok-value"},
              {"items", json::array{json::object{{"cookie", "ck-value"}}}}}},
         {"user", 42},
         {"sessions", 3},
         {"path", "/api/v1/assets"}}
    );
    for (const char* secret :
         {"hunter2",
          "isms_abc",
          "c5rf-value",
          "tls.key.pem",
          "kf-secret",
          "sess-value",
          "tok-value",
          "ck-value"}) {
        EXPECT_EQ(line.find(secret), std::string::npos) << secret << " in " << line;
    }
    EXPECT_NE(line.find("\"password\":\"***\""), std::string::npos) << line;
    EXPECT_NE(line.find("\"user\":42"), std::string::npos) << line;
    EXPECT_NE(line.find("\"sessions\":3"), std::string::npos) << line;
    EXPECT_NE(line.find("\"path\":\"/api/v1/assets\""), std::string::npos) << line;
    EXPECT_NE(line.find("\"event\":\"test.event\""), std::string::npos) << line;
}

TEST(LogMasking, SecretsInsideOtherValuesAreMasked) {
    const std::string token = "isms_Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo";
    const std::string line = Logged(
        {{"reason", "cannot connect to postgresql://isms:s3cret-pw@db.internal:5432/isms"},
         {"detail", "host=db user=isms password=pg-pass dbname=isms"},
         {"header", "authorization: Bearer " + token},
         {"raw", "isms_session=cookie-value; theme=dark"},
         {"list", json::array{"token " + token}},
         {"role", "isms_manager"}}
    );
    for (const std::string& secret :
         {std::string("s3cret-pw"), std::string("pg-pass"), token, std::string("cookie-value")}) {
        EXPECT_EQ(line.find(secret), std::string::npos) << secret << " in " << line;
    }
    EXPECT_NE(line.find("postgresql://isms:***@db.internal:5432/isms"), std::string::npos) << line;
    EXPECT_NE(line.find("password=*** dbname=isms"), std::string::npos) << line;
    EXPECT_NE(line.find("theme=dark"), std::string::npos) << line;
    EXPECT_NE(line.find("\"role\":\"isms_manager\""), std::string::npos) << line;
}

TEST(LogMasking, TextWithoutSecretsIsUnchanged) {
    for (const char* text :
         {"",
          "http://127.0.0.1:8080/api/v1/assets?q=a:b",
          "use 'Authorization: Bearer <token>'",
          "user@example.com logged on",
          "isms_manager",
          "postgresql://db.internal/isms"}) {
        EXPECT_EQ(MaskSecretsInText(text), text);
    }
    EXPECT_EQ(
        MaskSecretsInText("https://u:p@h/x and https://v:q@k/y"),
        "https://u:***@h/x and https://v:***@k/y"
    );
}

}  // namespace
}  // namespace isms
