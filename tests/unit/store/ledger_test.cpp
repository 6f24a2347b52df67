#include "store/ledger.hpp"

#include <gtest/gtest.h>

#include "store/ledger_verify.hpp"
#include "store/records.hpp"
#include "store/session.hpp"
#include "temp_store.hpp"

namespace isms::store {
namespace {

using testing::TempStore;

LedgerEvent SampleEvent() {
    LedgerEvent e;
    e.seq = 1;
    e.tenant = TenantId{3};
    e.at = *ParseTimestamp("2026-03-01T09:00:00Z");
    e.actor = {UserId{7}, "ann@example.org"};
    e.action = "created";
    e.subject = "assets";
    e.record_id = 12;
    e.after = R"({"id":12})";
    return e;
}

TEST(LedgerHash, CanonicalFormIsAFixedJsonArray) {
    EXPECT_EQ(
        CanonicalEvent(SampleEvent()),
        R"([1,3,"2026-03-01T09:00:00Z",7,"ann@example.org","created","assets",12,null,{"id":12}])"
    );
}

TEST(LedgerHash, StringsAreEscapedAsJson) {
    LedgerEvent e = SampleEvent();
    e.actor.name = "a\"b\\c\n\t\x01 \xc3\xa9";
    const std::string canonical = CanonicalEvent(e);
    auto parsed = ParseJson(canonical);
    ASSERT_TRUE(parsed) << canonical;
    EXPECT_EQ(parsed->as_array().at(4).as_string(), e.actor.name);
    EXPECT_NE(canonical.find(json::serialize(json::string(e.actor.name))), std::string::npos);
}

TEST(LedgerHash, EveryMemberChangesTheHash) {
    const LedgerEvent base = SampleEvent();
    const std::string h = ChainHash(GenesisHash(), base);
    EXPECT_EQ(h.size(), 64U);
    auto changed = [&](auto mutate) {
        LedgerEvent e = base;
        mutate(e);
        return ChainHash(GenesisHash(), e) != h;
    };
    EXPECT_TRUE(changed([](LedgerEvent& e) { e.seq = 2; }));
    EXPECT_TRUE(changed([](LedgerEvent& e) { e.tenant = TenantId{4}; }));
    EXPECT_TRUE(changed([](LedgerEvent& e) { e.actor.name = "mallory"; }));
    EXPECT_TRUE(changed([](LedgerEvent& e) { e.action = "updated"; }));
    EXPECT_TRUE(changed([](LedgerEvent& e) { e.after = R"({"id":13})"; }));
    EXPECT_TRUE(changed([](LedgerEvent& e) { e.before = "{}"; }));
    EXPECT_NE(ChainHash(std::string(64, 'f'), base), h);
}

class LedgerStoreTest : public ::testing::Test {
protected:
    void Append(int n) {
        for (int i = 0; i < n; ++i) {
            auto tx =
                WriteTx::Begin(*store_.db, tenant_, {UserId{1}, "ann"}, store_.clock, store_.key)
                    .value();
            schema::Draft draft;
            draft.fields["name"] = "Asset " + std::to_string(i);
            draft.fields["kind"] = "primary";
            static_cast<void>(InsertRecord(tx, *store_.registry.Find("assets"), draft).value());
            tx.Commit().value();
        }
    }
    VerifyReport Verify() {
        return VerifyLedger(*store_.db, store_.key.key.public_key, store_.registry).value();
    }

    TempStore store_;
    TenantId tenant_ = store_.MakeTenant("acme");
};

TEST_F(LedgerStoreTest, IntactStoreVerifies) {
    Append(5);
    const VerifyReport r = Verify();
    EXPECT_TRUE(r.ok) << r.problem;
    EXPECT_EQ(r.events, 5);
    EXPECT_EQ(r.records, 5);
    EXPECT_EQ(r.head_seq, 5);
    EXPECT_EQ(r.checkpoints, 5);
}

TEST_F(LedgerStoreTest, RolledBackTransactionLeavesNoTrace) {
    Append(1);
    {
        auto tx = WriteTx::Begin(*store_.db, tenant_, {UserId{1}, "ann"}, store_.clock, store_.key)
                      .value();
        schema::Draft draft;
        draft.fields["name"] = "never committed";
        draft.fields["kind"] = "primary";
        static_cast<void>(InsertRecord(tx, *store_.registry.Find("assets"), draft).value());
    }  // destroyed without Commit
    const VerifyReport r = Verify();
    EXPECT_TRUE(r.ok) << r.problem;
    EXPECT_EQ(r.events, 1);
    EXPECT_EQ(r.records, 1);
}

TEST_F(LedgerStoreTest, EditedEventIsNamed) {
    Append(3);
    store_.Tamper("UPDATE ledger SET actor = 'mallory' WHERE seq = 2");
    const VerifyReport r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.bad_seq, 2);
    EXPECT_NE(r.problem.find("event 2"), std::string::npos) << r.problem;
}

TEST_F(LedgerStoreTest, DeletedEventIsAGap) {
    Append(3);
    store_.Tamper("DELETE FROM ledger WHERE seq = 2");
    const VerifyReport r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.bad_seq, 2);
    EXPECT_NE(r.problem.find("missing"), std::string::npos) << r.problem;
}

TEST_F(LedgerStoreTest, RecomputedChainWithoutTheKeyIsCaught) {
    Append(2);
    // An attacker rewrites event 2 and recomputes its hash, but cannot sign the new head.
    auto conn = store_.db->Reader().value();
    auto rows = conn->Query(
                        "SELECT seq, tenant_id, at, actor_id, actor, action, subject, record_id, "
                        "before_json, after_json, prev_hash FROM ledger WHERE seq = 2",
                        {}
    )
                    .value();
    LedgerEvent e;
    e.seq = 2;
    e.tenant = TenantId{rows[0].Int(1)};
    e.at = *ParseTimestamp(rows[0].Text(2));
    e.actor = {UserId{rows[0].Int(3)}, "mallory"};
    e.action = rows[0].Text(5);
    e.subject = rows[0].Text(6);
    e.record_id = rows[0].Int(7);
    e.after = rows[0].Text(9);
    const std::string forged = ChainHash(rows[0].Text(10), e);
    store_.Tamper("UPDATE ledger SET actor = 'mallory', hash = '" + forged + "' WHERE seq = 2");
    const VerifyReport r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("checkpoint"), std::string::npos) << r.problem;
}

TEST_F(LedgerStoreTest, EditedStateRowIsCaught) {
    Append(2);
    store_.Tamper("UPDATE r_assets SET name = 'changed' WHERE id = 1");
    const VerifyReport r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("assets row 1 differs"), std::string::npos) << r.problem;
}

TEST_F(LedgerStoreTest, DeletedAndInsertedStateRowsAreCaught) {
    Append(2);
    store_.Tamper("DELETE FROM r_assets WHERE id = 2");
    VerifyReport r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("missing from the table"), std::string::npos) << r.problem;
}

TEST_F(LedgerStoreTest, RowWithoutEventIsCaught) {
    Append(1);
    store_.Tamper(
        "INSERT INTO r_assets (tenant_id, ref_num, ref, version, created_at, created_by, "
        "updated_at, "
        "updated_by, tags, extra, name, kind) VALUES (1, 9, 'AST-9', 1, '2026-03-01T09:00:00Z', 1, "
        "'2026-03-01T09:00:00Z', 1, '[]', '{}', 'smuggled', 'primary')"
    );
    const VerifyReport r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("has no ledger event"), std::string::npos) << r.problem;
}

TEST_F(LedgerStoreTest, UnsignedTailIsCaught) {
    Append(3);
    store_.Tamper("DELETE FROM ledger_checkpoints WHERE seq = 3");
    const VerifyReport r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("not covered by a signed checkpoint"), std::string::npos) << r.problem;
}

TEST_F(LedgerStoreTest, FieldDeclaredLaterStillVerifies) {
    Append(2);
    // A later release declares a new field: migration adds a column, old events lack it.
    schema::Registry evolved;
    schema::RegisterSpec assets = *store_.registry.Find("assets");
    assets.fields.push_back(schema::Text("supplier_contract"));
    ASSERT_TRUE(evolved.Add(assets));
    store_.registry = std::move(evolved);
    store_.Reopen();
    VerifyReport r = Verify();
    EXPECT_TRUE(r.ok) << r.problem;
    store_.Tamper("UPDATE r_assets SET supplier_contract = 'smuggled' WHERE id = 1");
    r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("assets row 1 differs"), std::string::npos) << r.problem;
}

TEST_F(LedgerStoreTest, RoleEditedInTheDatabaseIsCaught) {
    auto tx = WriteTx::Begin(*store_.db, tenant_, {UserId{0}, "system"}, store_.clock, store_.key)
                  .value();
    const auto user = tx.sql()
                          .QueryInt(
                              "INSERT INTO users (email, name, password_hash, created_at) "
                              "VALUES ('r@x.org', 'r', 'x', '2026-03-01T09:00:00Z') RETURNING id",
                              {}
                          )
                          .value();
    static_cast<void>(
        tx.sql()
            .Exec(
                "INSERT INTO memberships (tenant_id, user_id, role) VALUES (?, ?, 'reader')",
                {tenant_.value, user}
            )
            .value()
    );
    static_cast<void>(tx.Append(
                            "member_added",
                            "memberships",
                            user,
                            std::nullopt,
                            json::serialize(json::object{{"user", user}, {"role", "reader"}})
    ).value());
    tx.Commit().value();
    VerifyReport r = Verify();
    EXPECT_TRUE(r.ok) << r.problem;
    store_.Tamper("UPDATE memberships SET role = 'admin'");
    r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("role edited outside isms"), std::string::npos) << r.problem;
}

TEST_F(LedgerStoreTest, CheckpointsOfAnotherKeyAreCaught) {
    Append(2);
    const auto other = crypto::GenerateSigningKey();
    auto r = VerifyLedger(*store_.db, other.public_key, store_.registry).value();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("key replaced"), std::string::npos) << r.problem;
}

TEST(LedgerKeyFile, RefusesAKeyOthersCanRead) {
    TempStore store;
    const auto keys = (store.dir / "keys").string();
    ASSERT_TRUE(LoadOrCreateLedgerKey(keys));
    std::filesystem::permissions(
        store.dir / "keys" / "ledger.key",
        std::filesystem::perms::others_read,
        std::filesystem::perm_options::add
    );
    auto loaded = LoadOrCreateLedgerKey(keys);
    ASSERT_FALSE(loaded);
    EXPECT_NE(loaded.error().message.find("chmod 600"), std::string::npos);
}

}  // namespace
}  // namespace isms::store
