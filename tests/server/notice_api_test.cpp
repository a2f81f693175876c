// Notices and escalation over the API: 三色预警 applied as `patrol escalate` applies it, its
// notices listed to each user as far as they may see the tasks.
#include <catch2/catch.hpp>

#include <regex>

#include "http_call.hpp"
#include "served_world.hpp"
#include "server_process.hpp"

using namespace patrol::testing;

namespace {

// The stored time of a notice is the server's clock: checked for its form, then blanked.
std::string timeless(const std::string& body) {
    static const std::regex time(R"("created_at":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")");
    return std::regex_replace(body, time, R"("created_at":"T")");
}

std::string notice(int64_t id, int64_t task, int64_t finding, const std::string& unit, const std::string& unitName,
                   const std::string& title) {
    const std::string n = std::to_string(task);
    return R"({"id":)" + std::to_string(id) + R"(,"task_id":)" + n + R"(,"finding_id":)" + std::to_string(finding) +
           R"(,"round":"R1","unit":")" + unit + R"(","unit_name":")" + unitName +
           R"(","level":"accountability","as_of":"2026-12-01","recipients":[{"role":"leadership","label":"巡察工作领导小组","name":"巡察工作领导小组"}],)"
           R"("message":"【问责建议】整改任务 #)" + n + "（" + unit + " " + unitName + "：" + title +
           R"(）整改期限 2026-04-13，已逾期 232 天。请巡察工作领导小组研究提出问责建议。","created_at":"T"})";
}

}  // namespace

TEST_CASE("escalation over the API answers each rise with its stored notice, once per date", "[server][notice]") {
    ServedWorld world;
    ServerProcess server(world.path());
    const std::string inspector = world.token(Caller::Inspector);
    const auto raised = post(server.port(), "/api/v1/escalate", inspector, R"({"as_of":"2026-12-01"})");
    CHECK(raised.status == 200);
    const std::string a = notice(3, world.tA1, world.fA1, "UA", "甲镇", "四风问题");
    const std::string b = notice(4, world.tB1, world.fB1, "UB", "乙局", "资金问题");
    const auto rise = [](int64_t task, const std::string& unit, const std::string& stored) {
        return R"({"task_id":)" + std::to_string(task) + R"(,"unit":")" + unit +
               R"(","due":"2026-04-13","days_left":-232,"from":"green","to":"accountability","notice":)" + stored + "}";
    };
    CHECK(timeless(raised.body) == R"({"as_of":"2026-12-01","rises":[)" + rise(world.tA1, "UA", a) + "," + rise(world.tB1, "UB", b) + "]}");

    const auto again = post(server.port(), "/api/v1/escalate", inspector, R"({"as_of":"2026-12-01"})");
    CHECK(again.body == R"({"as_of":"2026-12-01","rises":[]})");

    // Each unit user sees its own unit's notices only; a leader filters by unit and date.
    const auto ofA = get(server.port(), "/api/v1/notices?since=2026-12-01", world.token(Caller::UnitA));
    CHECK(timeless(ofA.body) == R"({"items":[)" + a + R"(],"next_cursor":null})");
    const auto ofB = get(server.port(), "/api/v1/notices?unit=UB&level=accountability", world.token(Caller::Leader));
    CHECK(timeless(ofB.body) == R"({"items":[)" + b + R"(],"next_cursor":null})");
    const auto paged = get(server.port(), "/api/v1/notices?limit=3", world.token(Caller::Admin));
    CHECK(paged.body.find(R"(,"next_cursor":"3"})") != std::string::npos);
    CHECK(timeless(get(server.port(), "/api/v1/notices?cursor=3", world.token(Caller::Admin)).body) ==
          R"({"items":[)" + b + R"(],"next_cursor":null})");
}

TEST_CASE("escalation and notice filters refuse what they cannot use, and change nothing", "[server][notice]") {
    ServedWorld world;
    ServerProcess server(world.path());
    const auto unit = post(server.port(), "/api/v1/escalate", world.token(Caller::UnitA), R"({"as_of":"2026-12-01"})");
    CHECK(unit.status == 403);
    CHECK(unit.body ==
          R"({"error":{"code":"forbidden","message":"用户「甲联系人」（被巡察单位联系人）无权执行预警督办：只有管理员、领导小组和巡察组成员可以这样做。"}})");
    const auto badDate = post(server.port(), "/api/v1/escalate", world.token(Caller::Admin), R"({"as_of":"2026-13-01"})");
    CHECK(badDate.status == 422);
    CHECK(badDate.body ==
          R"({"error":{"code":"invalid_input","message":"字段 as_of「2026-13-01」不是有效日期：应为 YYYY-MM-DD 格式的真实日期，例如 2026-03-14。","field":"as_of"}})");
    const auto unknown = post(server.port(), "/api/v1/escalate", world.token(Caller::Admin), R"({"date":"2026-12-01"})");
    CHECK(unknown.status == 400);
    const auto badSince = get(server.port(), "/api/v1/notices?since=2026-1-1", world.token(Caller::Leader));
    CHECK(badSince.status == 422);
    CHECK(badSince.body ==
          R"({"error":{"code":"invalid_input","message":"参数 since「2026-1-1」不是有效日期：应为 YYYY-MM-DD 格式的真实日期，例如 2026-03-14。","field":"since"}})");
    const auto hiddenUnit = get(server.port(), "/api/v1/notices?unit=UB", world.token(Caller::UnitA));
    const auto missingUnit = get(server.port(), "/api/v1/notices?unit=NOPE", world.token(Caller::UnitA));
    CHECK(hiddenUnit.status == 404);
    CHECK(hiddenUnit.body == R"({"error":{"code":"not_found","message":"单位「UB」不存在。请检查单位编码。"}})");
    CHECK(missingUnit.body == R"({"error":{"code":"not_found","message":"单位「NOPE」不存在。请检查单位编码。"}})");
    // Only the two notices of the world's own escalation on 2026-04-01.
    CHECK(get(server.port(), "/api/v1/notices?since=2026-04-02", world.token(Caller::Admin)).body == R"({"items":[],"next_cursor":null})");
    const auto green = timeless(get(server.port(), "/api/v1/notices?level=green", world.token(Caller::Admin)).body);
    CHECK(green.rfind(R"({"items":[{"id":1,"task_id":)" + std::to_string(world.tA1), 0) == 0);
    CHECK(green.find(R"(},{"id":2,"task_id":)" + std::to_string(world.tB1)) != std::string::npos);
    CHECK(green.find(R"({"id":3,)") == std::string::npos);
}
