// The task list page's SQL paging against its plain reference: listTasks (visibility checked task
// by task) sorted most urgent first and cut into pages. Same ids, same order, same totals, for every
// viewer, filter and page size. The count is kept between writes and counted again after a task
// changed in another process.
#include <catch2/catch.hpp>

#include <patrol/sdk/civil.hpp>

#include <algorithm>

#include "core/services/answer_cache.hpp"
#include "core/services/task_service.hpp"
#include "core/store/database.hpp"
#include "reporting_county.hpp"

using patrol::testing::ReportingCounty;
namespace services = patrol::services;

namespace {

std::vector<int64_t> referencePage(patrol::store::Database& db, const services::Actor& actor,
                                   const services::TaskFilter& filter, int64_t page, int64_t size, int64_t& total) {
    auto tasks = services::listTasks(db, actor, filter);
    std::sort(tasks.begin(), tasks.end(), [](const auto& a, const auto& b) {
        const bool aDone = a.status == "accepted", bDone = b.status == "accepted";
        if (aDone != bDone) return !aDone;
        if (a.dueDate != b.dueDate) return a.dueDate < b.dueDate;
        return a.id < b.id;
    });
    total = static_cast<int64_t>(tasks.size());
    const int64_t pages = std::max<int64_t>(1, (total + size - 1) / size);
    page = std::clamp<int64_t>(page, 1, pages);
    std::vector<int64_t> ids;
    for (int64_t i = (page - 1) * size; i < std::min(total, page * size); ++i) ids.push_back(tasks[i].id);
    return ids;
}

}  // namespace

TEST_CASE("the task list pages in SQL exactly as the plain list sorted most urgent first", "[report][tasks]") {
    ReportingCounty c;
    // Three more tasks for UA in R1's findings would need a new round; R1's three are enough with a
    // page of one, plus an inspector who is on no team and sees nothing.
    c.ok({"user", "add", "--name", "孤组员", "--role", "inspector"});
    auto db = patrol::store::Database::open(c.patrol.db());
    const std::vector<services::Actor> viewers = {
        services::localAdministrator(), services::actorByName(db, "王书记"), services::actorByName(db, "张组长"),
        services::actorByName(db, "孤组员"), services::actorByName(db, "甲联系人"), services::actorByName(db, "乙联系人")};
    size_t nonEmpty = 0;
    for (const auto& viewer : viewers)
        for (const char* day : {"2026-03-03", "2026-05-20"})
            for (bool overdue : {false, true})
                for (const std::optional<std::string>& status : {std::optional<std::string>(), std::optional<std::string>("accepted")})
                    for (int64_t size : {1, 2, 20})
                        for (int64_t page : {0, 1, 2, 3, 9}) {
                            services::TaskFilter filter;
                            filter.asOf = *patrol::civil::parseDate(day);
                            filter.overdue = overdue;
                            filter.status = status;
                            int64_t total = 0;
                            const auto expected = referencePage(db, viewer, filter, page, size, total);
                            const auto got = services::pageOfTasks(db, viewer, filter, page, size);
                            std::vector<int64_t> ids;
                            for (const auto& t : got.tasks) ids.push_back(t.id);
                            INFO(viewer.name << " " << day << " overdue=" << overdue << " size=" << size << " page=" << page);
                            CHECK(ids == expected);
                            CHECK(got.total == total);
                            nonEmpty += ids.empty() ? 0 : 1;
                        }
    CHECK(nonEmpty > 100);  // the comparisons above are not all of empty pages
    // A unit user asking for another unit's tasks gets nothing, as the plain list refuses it.
    services::TaskFilter other;
    other.asOf = *patrol::civil::parseDate("2026-05-20");
    CHECK(services::pageOfTasks(db, services::actorByName(db, "甲联系人"), other, 1, 20).total == 1);
    CHECK(services::pageOfTasks(db, services::actorByName(db, "乙联系人"), other, 1, 20).total == 2);
    CHECK(services::pageOfTasks(db, services::actorByName(db, "孤组员"), other, 1, 20).total == 0);
}

TEST_CASE("the task list's count is kept until a record changes, and then counts again", "[report][tasks]") {
    ReportingCounty c;
    auto db = patrol::store::Database::open(c.patrol.db());
    const auto inspector = services::actorByName(db, "张组长");
    services::TaskFilter filter;
    filter.asOf = *patrol::civil::parseDate("2026-05-20");
    filter.status = "accepted";
    int64_t reference = -1;
    referencePage(db, inspector, filter, 1, 20, reference);
    CHECK(reference == 1);
    CHECK(services::pageOfTasks(db, inspector, filter, 1, 20).total == 1);
    const int64_t computed = services::answerComputations();
    CHECK(services::pageOfTasks(db, inspector, filter, 2, 1).total == 1);
    CHECK(services::answerComputations() == computed);  // the same count for another page: kept

    // Another process accepts task 2: the inspector's count of accepted tasks is counted again.
    c.ok({"task", "progress", "2", "--percent", "100", "--note", "已拨付", "--date", "2026-04-01"}, "乙联系人");
    c.ok({"task", "submit", "2", "--date", "2026-04-02"}, "乙联系人");
    c.ok({"task", "accept", "2", "--note", "经核查已拨付", "--date", "2026-04-03"}, "张组长");
    CHECK(services::pageOfTasks(db, inspector, filter, 1, 20).total == 2);
    CHECK(services::answerComputations() == computed + 1);
    referencePage(db, inspector, filter, 1, 20, reference);
    CHECK(reference == 2);
}
