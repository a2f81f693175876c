// The dashboard's statistics counted in SQL (countStatistics) against the plain reference
// (computeStatistics): equal JSON for every viewer, on every week of the year, so every task is
// seen before assignment, open, overdue and accepted; and the same for questions it leaves to the
// reference (named rounds, one unit, a period).
#include <catch2/catch.hpp>

#include <patrol/sdk/civil.hpp>

#include "core/services/statistics_counts.hpp"
#include "core/store/database.hpp"
#include "reporting_county.hpp"
#include "statistics_json.hpp"

using patrol::testing::ReportingCounty;
using patrol::testing::statisticsJson;
namespace services = patrol::services;

TEST_CASE("statistics counted in SQL equal the reference for every viewer on every week", "[report][statistics]") {
    ReportingCounty c;
    // A returned task: its level rises with the returns, which the SQL counts group by.
    c.ok({"task", "plan", "3", "--measure", "清退津贴", "--handler", "孙三", "--leader", "李四", "--date", "2026-02-21"}, "乙联系人");
    c.ok({"task", "progress", "3", "--percent", "100", "--note", "已整改", "--date", "2026-03-10"}, "乙联系人");
    c.ok({"task", "submit", "3", "--date", "2026-03-11"}, "乙联系人");
    c.ok({"task", "return", "3", "--reason", "材料不全", "--date", "2026-03-12"}, "张组长");
    auto db = patrol::store::Database::open(c.patrol.db());
    const std::vector<services::Actor> viewers = {services::localAdministrator(), services::actorByName(db, "王书记"),
                                                  services::actorByName(db, "张组长"), services::actorByName(db, "甲联系人"),
                                                  services::actorByName(db, "乙联系人")};
    const services::CategoryNames names;
    int compared = 0;
    for (const auto& viewer : viewers)
        for (int32_t day = *patrol::civil::parseDate("2026-01-05"); day <= *patrol::civil::parseDate("2026-12-31"); day += 7) {
            services::StatisticsQuery q;
            q.asOf = day;
            INFO(viewer.name << " as of " << patrol::civil::formatDate(day));
            CHECK(statisticsJson(services::countStatistics(db, viewer, q, names)) == statisticsJson(services::computeStatistics(db, viewer, q, names)));
            compared += 1;
        }
    CHECK(compared == 5 * 52);
    // The figures compared are not empty: open, overdue, returned and rectified tasks are counted.
    services::StatisticsQuery april;
    april.asOf = *patrol::civil::parseDate("2026-04-20");
    const auto figures = statisticsJson(services::countStatistics(db, viewers[1], april, names));
    CHECK(figures.find("\"overdue\":[{") != std::string::npos);
    CHECK(figures.find("\"rectified\":1") != std::string::npos);

    // Questions other than the dashboard's are answered by the reference itself.
    services::StatisticsQuery named = april;
    named.roundCodes = {"R1"};
    services::StatisticsQuery oneUnit = april;
    oneUnit.unitCode = "UB";
    for (const auto& q : {named, oneUnit})
        CHECK(statisticsJson(services::countStatistics(db, viewers[1], q, names)) == statisticsJson(services::computeStatistics(db, viewers[1], q, names)));
}
