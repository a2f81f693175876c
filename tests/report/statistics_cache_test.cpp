// The dashboard's cached figures against the plain reference (computeStatistics): equal JSON for
// every viewer and day, reused while nothing is written, recomputed after a write by another
// process (the CLI next to a running server) or through the same connection, and not after the
// sign-in bookkeeping (sessions, failed sign-ins), which changes no record the figures count.
#include <catch2/catch.hpp>

#include <patrol/sdk/civil.hpp>

#include <ctime>

#include "core/services/auth_service.hpp"
#include "core/services/statistics_cache.hpp"
#include "core/store/database.hpp"
#include "reporting_county.hpp"
#include "statistics_json.hpp"

using patrol::testing::ReportingCounty;
using patrol::testing::statisticsJson;
namespace services = patrol::services;

namespace {

services::StatisticsQuery asOf(const char* day) {
    services::StatisticsQuery q;
    q.asOf = *patrol::civil::parseDate(day);
    return q;
}

// The cached figures equal the reference, and asking again computes nothing.
std::string cachedEqualsReference(patrol::store::Database& db, const services::Actor& actor, const services::StatisticsQuery& q) {
    const services::CategoryNames names;
    const std::string reference = statisticsJson(services::computeStatistics(db, actor, q, names));
    const std::string first = statisticsJson(services::cachedStatistics(db, actor, q, names));
    const int64_t computed = services::statisticsComputations();
    const std::string again = statisticsJson(services::cachedStatistics(db, actor, q, names));
    CHECK(first == reference);
    CHECK(again == reference);
    CHECK(services::statisticsComputations() == computed);
    return reference;
}

}  // namespace

TEST_CASE("the dashboard's cached statistics equal the reference for every viewer and are reused until a write",
          "[report][statistics]") {
    ReportingCounty c;
    auto db = patrol::store::Database::open(c.patrol.db());
    const std::vector<services::Actor> viewers = {services::localAdministrator(), services::actorByName(db, "王书记"),
                                                  services::actorByName(db, "张组长"), services::actorByName(db, "甲联系人"),
                                                  services::actorByName(db, "乙联系人")};
    for (const auto& viewer : viewers)
        for (const char* day : {"2026-02-01", "2026-03-03", "2026-05-20"}) {
            INFO(viewer.name << " as of " << day);
            cachedEqualsReference(db, viewer, asOf(day));
        }
    // A unit user's figures are its own: the cache never hands one viewer another's.
    const auto leader = viewers[1], contactB = viewers[4];
    CHECK(statisticsJson(services::cachedStatistics(db, contactB, asOf("2026-05-20"), {})) !=
          statisticsJson(services::cachedStatistics(db, leader, asOf("2026-05-20"), {})));

    // Another process writes: task 2 accepted, so R1 has two of three findings rectified.
    const std::string before = cachedEqualsReference(db, leader, asOf("2026-05-20"));
    c.ok({"task", "progress", "2", "--percent", "100", "--note", "已拨付", "--date", "2026-04-01"}, "乙联系人");
    c.ok({"task", "submit", "2", "--date", "2026-04-02"}, "乙联系人");
    c.ok({"task", "accept", "2", "--note", "经核查已拨付", "--date", "2026-04-03"}, "张组长");
    const int64_t computed = services::statisticsComputations();
    const std::string after = cachedEqualsReference(db, leader, asOf("2026-05-20"));
    CHECK(services::statisticsComputations() == computed + 1);
    CHECK(after != before);
    CHECK(after.find("\"rectified\":2") != std::string::npos);

    // This connection writes: the unit's new name shows at once.
    db.exec("UPDATE units SET name = '乙局（更名）' WHERE code = 'UB'");
    CHECK(cachedEqualsReference(db, leader, asOf("2026-05-20")).find("乙局（更名）") != std::string::npos);

    // Inside an open transaction nothing is served from or kept in the cache.
    db.exec("BEGIN");
    const int64_t inside = services::statisticsComputations();
    services::cachedStatistics(db, leader, asOf("2026-05-20"), {});
    services::cachedStatistics(db, leader, asOf("2026-05-20"), {});
    CHECK(services::statisticsComputations() == inside + 2);
    db.exec("ROLLBACK");
}

TEST_CASE("one write is computed again once, however many connections look after it", "[report][statistics]") {
    ReportingCounty c;
    std::vector<patrol::store::Database> pool;  // like the server's threads, each with its own connection
    for (int i = 0; i < 4; ++i) pool.push_back(patrol::store::Database::open(c.patrol.db()));
    const auto leader = services::actorByName(pool[0], "王书记");
    const auto query = asOf("2026-05-20");
    cachedEqualsReference(pool[0], leader, query);
    int64_t computed = services::statisticsComputations();
    for (auto& db : pool) services::cachedStatistics(db, leader, query, {});
    CHECK(services::statisticsComputations() == computed);  // connections not seen before reuse the figures

    c.ok({"unit", "edit", "UB", "--name", "乙局（更名）"});  // another process writes once
    computed = services::statisticsComputations();
    for (auto& db : pool) CHECK(statisticsJson(services::cachedStatistics(db, leader, query, {})).find("乙局（更名）") != std::string::npos);
    CHECK(services::statisticsComputations() == computed + 1);
}

TEST_CASE("a sign-in, a session refresh, a failed sign-in and a sign-out do not recompute the figures, a record written by another process does",
          "[report][statistics]") {
    ReportingCounty c;
    auto db = patrol::store::Database::open(c.patrol.db());
    auto server = patrol::store::Database::open(c.patrol.db());  // the sign-in goes through another pooled connection
    const services::AuthSettings settings;
    const std::string password = "清溪县巡察办第三组2026";
    services::setPassword(db, services::localAdministrator(), "王书记", password, settings);
    const auto leader = services::actorByName(db, "王书记");
    const auto query = asOf("2026-05-20");
    const std::string before = cachedEqualsReference(db, leader, query);
    const int64_t computed = services::statisticsComputations();
    auto lastSeen = [&] {
        auto st = db.prepare("SELECT group_concat(last_seen_at) FROM sessions");
        st.step();
        return st.text(0);
    };

    const std::time_t now = std::time(nullptr);
    const auto session = services::signIn(server, settings, "王书记", password, "10.0.0.7", now);
    const std::string signedInAt = lastSeen();
    // A minute later the session's last request is written down: a commit, but no record changed.
    REQUIRE(services::resumeSession(server, settings, session.sessionToken, now + 61));
    CHECK(lastSeen() != signedInAt);
    CHECK_THROWS_AS(services::signIn(server, settings, "王书记", "不是这个密码的密码", "10.0.0.7", now + 62),
                    patrol::Unauthenticated);
    services::signOut(server, session.sessionToken);
    CHECK(lastSeen().empty());
    CHECK(statisticsJson(services::cachedStatistics(db, leader, query, {})) == before);
    CHECK(statisticsJson(services::cachedStatistics(server, leader, query, {})) == before);
    CHECK(services::statisticsComputations() == computed);

    c.ok({"unit", "edit", "UB", "--name", "乙局（更名）"});  // another process changes a record
    CHECK(statisticsJson(services::cachedStatistics(server, leader, query, {})).find("乙局（更名）") != std::string::npos);
    CHECK(services::statisticsComputations() == computed + 1);
}
