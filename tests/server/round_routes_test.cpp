// /api/v1/rounds over real HTTP: the rounds each caller may see, page by page; one round as its
// unit or its team sees it; advancing stage by stage, with the tasks feedback creates.
#include <catch2/catch.hpp>

#include "core/services/record_json.hpp"
#include "core/store/round_repository.hpp"
#include "http_call.hpp"
#include "json_body.hpp"
#include "served_world.hpp"
#include "server_process.hpp"

using namespace patrol::testing;

namespace {

std::string error(const std::string& code, const std::string& message, const std::string& field = "") {
    return R"({"error":{"code":")" + code + R"(","message":")" + message + "\"" +
           (field.empty() ? std::string() : R"(,"field":")" + field + "\"") + "}}";
}

std::string stageOf(patrol::store::Database& db, const std::string& code) { return patrol::store::findRoundByCode(db, code)->stage; }

}  // namespace

TEST_CASE("rounds list what each caller may see, page by cursor, and show a round as its unit sees it", "[server][rounds]") {
    ServedWorld w;
    ServerProcess server(w.path());
    CHECK(itemsField(get(server.port(), "/api/v1/rounds", w.token(Caller::Admin)).body, "code") == "R1,R2,R3,R4");
    CHECK(itemsField(get(server.port(), "/api/v1/rounds", w.token(Caller::Inspector)).body, "code") == "R1");
    // 甲联系人's unit is a target of R1, R2 and R4: two pages of two.
    const auto unit = w.token(Caller::UnitA);
    auto page = get(server.port(), "/api/v1/rounds?limit=2", unit);
    REQUIRE(page.status == 200);
    CHECK(itemsField(page.body, "code") == "R1,R2");
    CHECK(nextCursor(page.body) == "2");
    page = get(server.port(), "/api/v1/rounds?limit=2&cursor=2", unit);
    CHECK(itemsField(page.body, "code") == "R4");
    CHECK(nextCursor(page.body) == "null");
    // R4 looks back on R3, which 甲联系人 may not see: the lookback is not named to it.
    CHECK(jsonBody(page.body)->getArray("items")->getObject(0)->isNull("lookback_of"));
    CHECK(jsonBody(get(server.port(), "/api/v1/rounds/R4", w.token(Caller::Admin)).body)->getValue<std::string>("lookback_of") == "R3");

    // The unit sees itself among the targets, no team, and only the findings fed back to it.
    const auto shown = get(server.port(), "/api/v1/rounds/R1", unit);
    REQUIRE(shown.status == 200);
    const auto round = jsonBody(shown.body);
    CHECK(round->getValue<std::string>("stage") == "fed_back");
    CHECK(round->getArray("targets")->size() == 1);
    CHECK(round->getArray("targets")->getObject(0)->getValue<std::string>("code") == "UA");
    CHECK(round->getArray("team")->size() == 0);
    CHECK(patrol::services::jsonText(round->getObject("finding_counts")) == R"({"fed_back":1})");
    const auto full = jsonBody(get(server.port(), "/api/v1/rounds/R1", w.token(Caller::Leader)).body);
    CHECK(full->getArray("targets")->size() == 2);
    CHECK(patrol::services::jsonText(full->getArray("team")->getObject(0)) == R"({"user":"张组长","is_leader":true})");
    CHECK(patrol::services::jsonText(full->getObject("finding_counts")) == R"({"dismissed":1,"fed_back":2})");

    const auto hidden = get(server.port(), "/api/v1/rounds/R3", unit);
    CHECK(hidden.status == 404);
    CHECK(hidden.body == error("not_found", "巡察轮次「R3」不存在。请检查轮次编码。"));
}

TEST_CASE("a round advances one stage at a time, entering fed_back creates the tasks, refusals write nothing", "[server][rounds]") {
    ServedWorld w;
    ServerProcess server(w.path());
    const auto outsider = w.token(Caller::OtherInspector);
    const std::string r2 = "/api/v1/rounds/R2/advance";

    auto answer = post(server.port(), r2, outsider, R"({"to":"done"})");
    CHECK(answer.status == 422);
    CHECK(answer.body == error("invalid_input",
                               "字段 to：未知的巡察阶段「done」：应为 planned（准备）、onsite（进驻）、reported（报告）、fed_back（反馈）、"
                               "rectifying（整改）、closed（评估销号） 之一，请改用其中一个。",
                               "to"));
    answer = post(server.port(), r2, outsider, R"({"to":"fed_back"})");
    CHECK(answer.status == 409);
    CHECK(answer.body == error("conflict", "巡察阶段须逐级推进：当前为「进驻」(onsite)，不能直接推进到「反馈」(fed_back)；请先推进到「报告」(reported)。"));
    answer = post(server.port(), r2, w.token(Caller::Leader), R"({"to":"reported"})");
    CHECK(answer.status == 403);
    CHECK(answer.body == error("forbidden", "用户「王书记」（领导小组）无权推进巡察阶段（巡察轮次 R2）：只有管理员和该轮巡察组成员可以这样做。"));
    CHECK(stageOf(w.db, "R2") == "onsite");

    answer = post(server.port(), r2, outsider, R"({"to":"reported"})");
    REQUIRE(answer.status == 200);
    CHECK(jsonBody(answer.body)->getValue<std::string>("stage") == "reported");
    CHECK(jsonBody(answer.body)->getArray("created_tasks")->size() == 0);

    // Finding 5 is still suspected: feedback waits until it is decided.
    answer = post(server.port(), r2, outsider, R"({"to":"fed_back"})");
    CHECK(answer.status == 409);
    CHECK(answer.body == error("conflict", "巡察轮次 R2 还有 1 条疑似问题未确认或排除（#5）。请先逐条确认或排除，再进入反馈阶段。"));
    CHECK(stageOf(w.db, "R2") == "reported");
    REQUIRE(post(server.port(), "/api/v1/findings/5/dismiss", outsider, R"({"reason":"经核实为正常业务往来"})").status == 200);

    answer = post(server.port(), r2, outsider, R"({"to":"fed_back"})");
    REQUIRE(answer.status == 200);
    const auto round = jsonBody(answer.body);
    CHECK(round->getValue<std::string>("stage") == "fed_back");
    CHECK(round->getObject("stage_dates")->has("fed_back"));
    const auto tasks = round->getArray("created_tasks");
    REQUIRE(tasks->size() == 1);
    CHECK(tasks->getObject(0)->getValue<int64_t>("finding_id") == w.fA2);
    // The unit now sees its new task.
    const auto unitTasks = get(server.port(), "/api/v1/tasks?round=R2", w.token(Caller::UnitA));
    CHECK(itemsField(unitTasks.body, "finding_id") == std::to_string(w.fA2));
}
