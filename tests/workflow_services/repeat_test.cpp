#include <catch2/catch.hpp>

#include "core/services/repeat_problems.hpp"
#include "core/services/task_service.hpp"
#include "core/store/finding_repository.hpp"
#include "core/store/transaction.hpp"
#include "world.hpp"

namespace {

// The hook runs inside the confirming transaction; here it gets its own.
std::optional<int64_t> flag(World& w, int64_t findingId) {
    store::Transaction tx(w.db);
    const auto earlier = flagRepeatProblem(w.db, w.inspector, findingId);
    tx.commit();
    return earlier;
}

}  // namespace

TEST_CASE("a later round's finding repeating a rectified one is flagged and linked", "[repeat]") {
    World w;
    w.round("R1", "2025-03-03");
    const int64_t earlier = w.finding("R1", "UA", "四风");
    const int64_t unrectified = w.finding("R1", "UB", "资金");
    const auto tasks = w.feedBack("R1", "2025-05-06").tasks;
    const EvidenceStore store((w.dir / "data").string(), 1000);
    planTask(w.db, w.unitA, tasks.at(0).id, "整改", "李明", "王强", day("2025-05-07"));
    reportProgress(w.db, w.unitA, tasks.at(0).id, {100, "完成", {}, day("2025-06-01")}, store);
    submitTask(w.db, w.unitA, tasks.at(0).id, day("2025-06-01"));
    acceptTask(w.db, w.inspector, tasks.at(0).id, std::string("属实"), day("2025-06-02"));
    REQUIRE(store::findFindingById(w.db, earlier)->status == "rectified");

    w.round("R2", "2026-03-02", "lookback", std::string("R1"));
    const int64_t again = w.finding("R2", "UA", "四风");
    const int64_t otherUnit = w.finding("R2", "UB", "四风");
    const int64_t notRectified = w.finding("R2", "UB", "资金");
    const int64_t otherCategory = w.finding("R2", "UA", "资金");
    // Recording the manual finding (confirmed from the start) flagged it already.
    CHECK(store::findFindingById(w.db, again)->repeatOf == earlier);
    CHECK_FALSE(flag(w, again).has_value());  // flagged once only
    CHECK_FALSE(flag(w, otherUnit).has_value());
    CHECK_FALSE(flag(w, notRectified).has_value());  // R1's 资金 finding was never rectified
    CHECK_FALSE(flag(w, otherCategory).has_value());
    CHECK(store::findFindingById(w.db, unrectified)->repeatOf == std::nullopt);
    // The earlier round's finding is never flagged by the later one.
    CHECK_FALSE(flag(w, earlier).has_value());
}
