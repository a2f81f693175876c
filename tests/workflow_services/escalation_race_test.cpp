// escalate() plans before it takes the write lock and plans again under it when another
// connection committed meanwhile. If that writer raised the same tasks, nothing is left to raise:
// the run then writes nothing, not even its audit event.
#include <catch2/catch.hpp>

#include <patrol/sdk/civil.hpp>

#include <chrono>
#include <future>
#include <thread>

#include "core/services/escalation_service.hpp"
#include "core/services/open_database.hpp"
#include "core/store/database.hpp"
#include "world.hpp"

namespace {

int64_t countOf(store::Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    st.step();
    return st.integer(0);
}

}  // namespace

TEST_CASE("a run whose rises another writer committed first writes nothing", "[escalation]") {
    World w;
    w.round("R1", "2026-01-05");
    w.finding("R1", "UA", "四风");
    w.finding("R1", "UB", "四风");
    REQUIRE(w.feedBack("R1", "2026-02-12").tasks.size() == 2);
    const int64_t events = countOf(w.db, "SELECT count(*) FROM audit_events");

    // The other writer holds the lock while escalate() plans, then raises every task and commits.
    std::promise<void> locked;
    std::thread other([&] {
        auto db = openDatabase((w.dir / "p.db").string(), 5000);
        db.exec("BEGIN IMMEDIATE");
        locked.set_value();
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        db.exec("UPDATE rectification_tasks SET level = 'accountability'");
        db.exec("COMMIT");
    });
    locked.get_future().wait();
    std::vector<LevelRise> rises;
    CHECK_NOTHROW(rises = escalate(w.db, w.admin, civil::parseDate("2026-06-01").value()));
    other.join();
    CHECK(rises.empty());
    CHECK(countOf(w.db, "SELECT count(*) FROM audit_events") == events);
    CHECK(countOf(w.db, "SELECT count(*) FROM notices") == 0);
    CHECK(countOf(w.db, "SELECT count(*) FROM escalation_records") == 0);
}
