// Kept list answers (answer_cache.hpp) against the plain computation they stand for: equal for
// every viewer, reused while nothing is written, recomputed after a write by another process (the
// CLI next to a running server), by another connection of this process and by this connection,
// and never served or kept inside an open transaction.
#include <catch2/catch.hpp>

#include <patrol/sdk/civil.hpp>

#include <sstream>

#include "core/services/answer_cache.hpp"
#include "core/services/record_views.hpp"
#include "core/services/task_service.hpp"
#include "core/store/database.hpp"
#include "reporting_county.hpp"

using patrol::testing::ReportingCounty;
namespace services = patrol::services;

namespace {

const int32_t kAsOf = *patrol::civil::parseDate("2026-05-20");

// The plain answer: the viewer's tasks as the API lists them.
std::string plainTasks(patrol::store::Database& db, const services::Actor& viewer) {
    services::TaskFilter filter;
    filter.asOf = kAsOf;
    std::string out;
    for (const auto& task : services::listTasks(db, viewer, filter)) {
        std::ostringstream item;
        services::listedTaskView(task, kAsOf)->stringify(item);
        out += item.str() + "\n";
    }
    return out;
}

std::string kept(patrol::store::Database& db, const services::Actor& viewer) {
    return services::cachedAnswer(db, "tasks of " + viewer.name, [&] { return plainTasks(db, viewer); });
}

// The kept answer equals the plain one, and asking again computes nothing.
std::string keptEqualsPlain(patrol::store::Database& db, const services::Actor& viewer) {
    const std::string reference = plainTasks(db, viewer);
    const std::string first = kept(db, viewer);
    const int64_t computed = services::answerComputations();
    const std::string again = kept(db, viewer);
    CHECK(first == reference);
    CHECK(again == reference);
    CHECK(services::answerComputations() == computed);
    return reference;
}

}  // namespace

TEST_CASE("kept list answers equal the plain ones and are recomputed after every kind of write", "[report][cache]") {
    ReportingCounty c;
    auto db = patrol::store::Database::open(c.patrol.db());
    const auto leader = services::actorByName(db, "王书记"), contactA = services::actorByName(db, "甲联系人"),
               contactB = services::actorByName(db, "乙联系人");
    for (const auto& viewer : {leader, contactA, contactB}) {
        INFO(viewer.name);
        keptEqualsPlain(db, viewer);
    }
    CHECK(kept(db, contactA) != kept(db, contactB));

    // Another process writes: task 2 gets a progress report and moves on.
    const std::string before = keptEqualsPlain(db, contactB);
    c.ok({"task", "progress", "2", "--percent", "50", "--note", "已拨付一半", "--date", "2026-04-01"}, "乙联系人");
    int64_t computed = services::answerComputations();
    const std::string afterCli = keptEqualsPlain(db, contactB);
    CHECK(services::answerComputations() == computed + 1);
    CHECK(afterCli != before);

    // Another connection of this process writes (a second pooled connection of the server).
    auto other = patrol::store::Database::open(c.patrol.db());
    other.exec("UPDATE rectification_tasks SET handler = '周五' WHERE id = 2");
    computed = services::answerComputations();
    CHECK(keptEqualsPlain(db, contactB).find("周五") != std::string::npos);
    CHECK(services::answerComputations() == computed + 1);

    // This connection writes.
    db.exec("UPDATE units SET name = '乙局（更名）' WHERE code = 'UB'");
    CHECK(keptEqualsPlain(db, contactB).find("乙局（更名）") != std::string::npos);

    // Inside an open transaction nothing is served from or kept in the cache.
    db.exec("BEGIN");
    const int64_t inside = services::answerComputations();
    kept(db, contactB);
    kept(db, contactB);
    CHECK(services::answerComputations() == inside + 2);
    db.exec("ROLLBACK");
}
