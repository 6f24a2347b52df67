#include "catalog/catalog_service.hpp"

#include <gtest/gtest.h>

#include "../store/temp_store.hpp"
#include "catalog/builtin.hpp"
#include "store/ledger_verify.hpp"

namespace isms::catalog {
namespace {

constexpr std::string_view kLibrary =
    R"({"format": "isms-library/1", "urn": "urn:t:lib", "version": "1",
  "name": "T", "frameworks": [{"urn": "urn:t:fw", "name": "T", "nodes": [{"ref_id": "1", "name": "One"}]}]})";

class CatalogServiceTest : public ::testing::Test {
protected:
    iam::Principal As(iam::Role role) const {
        iam::Principal p;
        p.tenant = tenant_;
        p.user = UserId{1};
        p.email = "ann@acme.test";
        p.role = role;
        p.via = iam::Via::kSession;
        return p;
    }
    store::VerifyReport Verify() {
        return store::VerifyLedger(*store_.db, store_.key.key.public_key, store_.registry).value();
    }

    testing::TempStore store_;
    TenantId tenant_ = store_.MakeTenant("acme");
    CatalogService service_{*store_.db, store_.clock, store_.key};
};

TEST_F(CatalogServiceTest, ImportIsLedgeredAndAnEditedDocumentIsCaught) {
    auto imported = service_.Import(As(iam::Role::kAdmin), {{"t.json", std::string(kLibrary)}}, {});
    ASSERT_TRUE(imported) << imported.error().message;
    store::VerifyReport intact = Verify();
    EXPECT_TRUE(intact.ok) << intact.problem;

    store_.Tamper("UPDATE catalog_libraries SET document = replace(document, 'One', 'Uno')");
    const store::VerifyReport tampered = Verify();
    EXPECT_FALSE(tampered.ok);
    EXPECT_NE(
        tampered.problem.find("catalog library 1 differs from its import event"), std::string::npos
    ) << tampered.problem;
}

TEST_F(CatalogServiceTest, OnlyManagersImportAndReadOnlyTokensCannot) {
    for (iam::Role role :
         {iam::Role::kRiskOwner,
          iam::Role::kControlOwner,
          iam::Role::kAuditor,
          iam::Role::kReader}) {
        auto refused = service_.Import(As(role), {{"t.json", std::string(kLibrary)}}, {});
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
    }
    iam::Principal token = As(iam::Role::kIsmsManager);
    token.via = iam::Via::kToken;
    token.scope = iam::TokenScope::kReadOnly;
    EXPECT_FALSE(service_.Import(token, {{"t.json", std::string(kLibrary)}}, {}));
    EXPECT_TRUE(
        service_.Import(As(iam::Role::kIsmsManager), {{"t.json", std::string(kLibrary)}}, {})
    );
}

TEST_F(CatalogServiceTest, ImportsAreSeenByTheirTenantOnly) {
    ASSERT_TRUE(service_.Import(As(iam::Role::kAdmin), {{"t.json", std::string(kLibrary)}}, {}));
    EXPECT_TRUE(service_.GetFramework(As(iam::Role::kReader), "urn:t:fw", ""));
    iam::Principal other = As(iam::Role::kAdmin);
    other.tenant = store_.MakeTenant("other");
    auto hidden = service_.GetFramework(other, "urn:t:fw", "");
    ASSERT_FALSE(hidden);
    EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
    // Built-ins are everyone's.
    EXPECT_TRUE(service_.GetFramework(other, kIso27001_2022, ""));
}

TEST_F(CatalogServiceTest, AttributeOverlayFillsTheBuiltinVocabulariesAndChecksValues) {
    const std::string overlay =
        "framework_urn,ref_id,attr:control_type,attr:security_domains\n"
        "urn:isms:framework:iso27001-2022,A.5.1,preventive,governance_and_ecosystem;resilience\n"
        "urn:isms:framework:iso27001-2022,A.8.16,detective;corrective,defence\n";
    auto imported = service_.Import(As(iam::Role::kAdmin), {{"attributes.csv", overlay}}, {});
    ASSERT_TRUE(imported) << imported.error().message;
    RequirementQuery query;
    query.q = "A.8.16";
    auto fw = service_.Requirements(As(iam::Role::kReader), kIso27001_2022, "", query);
    ASSERT_TRUE(fw) << fw.error().message;
    const auto& node = fw->at("items").at(0).as_object();
    EXPECT_EQ(node.at("attributes").at("control_type").at(1).as_string(), "corrective");
    // The built-in library itself is shared and stays untouched for other tenants.
    iam::Principal other = As(iam::Role::kReader);
    other.tenant = store_.MakeTenant("other");
    auto plain = service_.Requirements(other, kIso27001_2022, "", query);
    EXPECT_FALSE(plain->at("items").at(0).as_object().contains("attributes"));

    // A corrected overlay is a new version of the same overlay library.
    const std::string wrong =
        "framework_urn,version,ref_id,attr:control_type\n"
        "urn:isms:framework:iso27001-2022,2,A.5.1,deterrent\n"
        "urn:isms:framework:iso27001-2022,2,A.9.9,preventive\n";
    auto refused = service_.Import(As(iam::Role::kAdmin), {{"wrong.csv", wrong}}, {});
    ASSERT_FALSE(refused);
    ASSERT_EQ(refused.error().fields.size(), 2U);
    EXPECT_NE(
        refused.error().fields[0].message.find("\"deterrent\" is not a value of control_type"),
        std::string::npos
    );
    EXPECT_NE(
        refused.error().fields[1].message.find("has no requirement A.9.9"), std::string::npos
    );
}

TEST_F(CatalogServiceTest, AFailingFileInABatchImportsNothing) {
    const std::string broken =
        R"({"format": "isms-library/1", "urn": "urn:t:broken", "version": "1", "name": "B",
      "frameworks": [{"urn": "urn:t:b", "name": "B", "nodes": [{"ref_id": "1", "parent": "2", "name": "x"}]}]})";
    auto refused = service_.Import(
        As(iam::Role::kAdmin), {{"good.json", std::string(kLibrary)}, {"broken.json", broken}}, {}
    );
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.at(0).field, "broken.json:$.frameworks[0].nodes[0].parent");
    EXPECT_FALSE(service_.GetFramework(As(iam::Role::kReader), "urn:t:fw", ""));
    EXPECT_EQ(Verify().events, 0);
}

}  // namespace
}  // namespace isms::catalog
