// Micro-benchmarks of the ledger: hashing one event, a durable append-and-commit (one signed
// checkpoint each), and chain verification speed in events per second.
#include <filesystem>

#include <benchmark/benchmark.h>

#include "app/registers.hpp"
#include "core/crypto.hpp"
#include "store/ledger.hpp"
#include "store/ledger_verify.hpp"
#include "store/migrate.hpp"
#include "store/session.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace {

using namespace isms;  // NOLINT(google-build-using-namespace): benchmark file

const std::string kAfter =
    R"({"id":1,"ref":"AST-1","version":1,"created_at":"2026-03-01T09:00:00Z","created_by":2,)"
    R"("updated_at":"2026-03-01T09:00:00Z","updated_by":2,"owner":null,"tags":[],"archived":false,)"
    R"("archived_at":null,"name":"Payroll database","description":null,"kind":"primary","extra":{}})";

struct TempStore {
    std::filesystem::path dir;
    std::unique_ptr<store::SqliteDatabase> db;
    store::LedgerKey key;
    schema::Registry registry;
    FixedClock clock{Timestamp{std::chrono::seconds{1'780'000'000}}};

    explicit TempStore(bool durable) {
        crypto::InitCrypto();
        dir = std::filesystem::temp_directory_path() / ("isms-bench-" + crypto::RandomToken(6));
        std::filesystem::create_directories(dir);
        key = store::LoadOrCreateLedgerKey((dir / "keys").string()).value();
        registry = app::BuildRegistry().value();
        store::SqliteOptions options;
        options.path = (dir / "isms.db").string();
        options.synchronous_full = durable;
        db = store::SqliteDatabase::Open(options).value();
        static_cast<void>(store::Migrate(*db, registry).value());
    }
    ~TempStore() {
        db.reset();
        std::filesystem::remove_all(dir);
    }
};

void BM_ChainHash(benchmark::State& state) {
    store::LedgerEvent e;
    e.seq = 42;
    e.action = "created";
    e.subject = "assets";
    e.actor = {UserId{2}, "manager@example.org"};
    e.after = kAfter;
    for (auto _ : state) {
        benchmark::DoNotOptimize(store::ChainHash(store::GenesisHash(), e));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ChainHash);

void BM_DurableAppendCommit(benchmark::State& state) {
    TempStore s(true);
    for (auto _ : state) {
        auto tx =
            store::WriteTx::Begin(*s.db, TenantId{1}, {UserId{2}, "bench"}, s.clock, s.key).value();
        benchmark::DoNotOptimize(tx.Append("created", "bench", 1, std::nullopt, kAfter).value());
        tx.Commit().value();
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DurableAppendCommit)->UseRealTime();

void BM_VerifyChain(benchmark::State& state) {
    TempStore s(false);
    const auto events = state.range(0);
    {
        auto tx =
            store::WriteTx::Begin(*s.db, TenantId{1}, {UserId{2}, "bench"}, s.clock, s.key).value();
        for (std::int64_t i = 0; i < events; ++i) {
            static_cast<void>(tx.Append("created", "bench", i + 1, std::nullopt, kAfter).value());
        }
        tx.Commit().value();
    }
    for (auto _ : state) {
        auto report = store::VerifyChain(*s.db).value();
        if (!report.ok || report.events != events) {
            state.SkipWithError("verification failed");
        }
    }
    state.SetItemsProcessed(state.iterations() * events);
}
BENCHMARK(BM_VerifyChain)->Arg(200'000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
