// The clue endpoints as R1's inspector uses them: a finding transferred, disposed and concluded
// with a person's outcome, then listed, paged and counted; and the unit users, to whom no clue
// exists at all.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/services/audit_service.hpp"
#include "http_call.hpp"
#include "served_world.hpp"
#include "server_process.hpp"

using namespace patrol::testing;

namespace {

std::string ids(int64_t clue, int64_t finding) {
    return R"({"id":)" + std::to_string(clue) + R"(,"finding_id":)" + std::to_string(finding);
}

}  // namespace

TEST_CASE("a finding is transferred, disposed and concluded over the API, each answer the clue as it now is", "[server][clue]") {
    ServedWorld world;
    ServerProcess server(world.path());
    const std::string token = world.token(Caller::Inspector);
    const std::string f = std::to_string(world.fB1);

    const auto transferred = post(server.port(), "/api/v1/findings/" + f + "/clue", token, R"({"to":"组织部","date":"2026-03-01"})");
    CHECK(transferred.status == 201);
    const int64_t clue = world.c1 + 1;
    const std::string head = ids(clue, world.fB1) +
                             R"(,"title":"资金问题","round":"R1","unit":"UB","unit_name":"乙局","receiver":"组织部",)"
                             R"("transferred_on":"2026-03-01","reply_due":"2026-06-01",)";
    CHECK(transferred.body == head + R"("status":"transferred","method":null,"people":0,"created_by":"张组长","disposals":[],"outcomes":[]})");

    const std::string c = "/api/v1/clues/" + std::to_string(clue);
    const auto disposed = post(server.port(), c + "/dispose", token, R"({"method":"preliminary","note":"初核","date":"2026-03-02"})");
    CHECK(disposed.status == 200);
    const std::string disposal = R"("disposals":[{"id":1,"method":"preliminary","decided_on":"2026-03-02","note":"初核"}])";
    CHECK(disposed.body == head + R"("status":"disposing","method":"preliminary","people":0,"created_by":"张组长",)" + disposal +
                               R"(,"outcomes":[]})");

    const auto concluded = post(server.port(), c + "/outcome", token,
                                R"({"person":"张某","level":"乡科级","form":"f2","party_sanction":"警告","referred":true,)"
                                R"("recovered":"5200.5","date":"2026-03-03"})");
    CHECK(concluded.status == 200);
    const std::string outcome =
        R"("outcomes":[{"id":1,"person":"张某","person_level":"乡科级","form":"f2","party_sanction":"警告","gov_sanction":null,)"
        R"("org_handling":null,"referred":true,"recovered":5200.50,"recorded_on":"2026-03-03"}]})";
    CHECK(concluded.body == head + R"("status":"concluded","method":"preliminary","people":1,"created_by":"张组长",)" + disposal + "," +
                                outcome);
    CHECK(get(server.port(), c, token).body == concluded.body);

    // Two clues of R1, one a page: the cursor leads to the second, which ends the list.
    const auto first = get(server.port(), "/api/v1/clues?round=R1&limit=1", token);
    CHECK(first.status == 200);
    CHECK(first.body.rfind(R"({"items":[)" + ids(world.c1, world.fA1), 0) == 0);
    CHECK(first.body.find(R"(,"next_cursor":")" + std::to_string(world.c1) + R"("})") != std::string::npos);
    const auto second = get(server.port(), "/api/v1/clues?round=R1&limit=1&cursor=" + std::to_string(world.c1), token);
    CHECK(second.body == R"({"items":[)" + concluded.body + R"(],"next_cursor":null})");

    const auto stats = get(server.port(), "/api/v1/clues/stats?round=R1", world.token(Caller::Leader));
    CHECK(stats.status == 200);
    CHECK(stats.body ==
          R"({"items":[{"receiver":"纪委监委","clues":1,"people":0,"concluded":0,"closure_rate":0.0,"f1":0,"f2":0,"f3":0,"f4":0,)"
          R"("sanctioned_people":0,"referred":0,"recovered":0.00},)"
          R"({"receiver":"组织部","clues":1,"people":1,"concluded":1,"closure_rate":100.0,"f1":0,"f2":1,"f3":0,"f4":0,)"
          R"("sanctioned_people":1,"referred":1,"recovered":5200.50},)"
          R"({"receiver":"合计","clues":2,"people":1,"concluded":1,"closure_rate":50.0,"f1":0,"f2":1,"f3":0,"f4":0,)"
          R"("sanctioned_people":1,"referred":1,"recovered":5200.50}]})");

    // Each change was audited in the chain as the CLI's are, with the rows as they now are.
    CHECK(patrol::services::verifyAudit(world.db, world.admin).firstBrokenId == std::nullopt);
    CHECK(patrol::services::verifyAuditedData(world.db, world.admin).problems.empty());
    patrol::services::AuditLogFilter ofClues;
    ofClues.entity = "clue";
    std::vector<std::string> actions;
    for (const auto& e : patrol::services::auditLog(world.db, world.admin, ofClues))
        if (e.content.entityId == std::to_string(clue)) actions.push_back(e.content.actor + " " + e.content.action);
    std::sort(actions.begin(), actions.end());
    CHECK(actions == std::vector<std::string>{"张组长 clue.dispose", "张组长 clue.outcome", "张组长 clue.transfer"});
}

TEST_CASE("to a unit user no clue exists: none listed or counted, every number answered like a missing one", "[server][clue]") {
    ServedWorld world;
    ServerProcess server(world.path());
    for (const Caller caller : {Caller::UnitA, Caller::UnitB}) {
        INFO(callerName(caller));
        const std::string token = world.token(caller);
        CHECK(get(server.port(), "/api/v1/clues", token).body == R"({"items":[],"next_cursor":null})");
        CHECK(get(server.port(), "/api/v1/clues/stats", token).body ==
              R"({"items":[{"receiver":"合计","clues":0,"people":0,"concluded":0,"closure_rate":null,"f1":0,"f2":0,"f3":0,"f4":0,)"
              R"("sanctioned_people":0,"referred":0,"recovered":0.00}]})");
        const std::string c = std::to_string(world.c1);
        const auto hidden = get(server.port(), "/api/v1/clues/" + c, token);
        CHECK(hidden.status == 404);
        CHECK(hidden.body == R"({"error":{"code":"not_found","message":"问题线索 #)" + c + R"( 不存在。"}})");
        const auto notANumber = get(server.port(), "/api/v1/clues/abc", token);
        CHECK(notANumber.status == 404);
        CHECK(notANumber.body == R"({"error":{"code":"not_found","message":"问题线索 #abc 不存在。"}})");
    }
}

TEST_CASE("a refused clue request changes nothing: a misspelt or missing field, an unknown word, a step out of order, a leader", "[server][clue]") {
    ServedWorld world;
    ServerProcess server(world.path());
    const std::string token = world.token(Caller::Inspector);
    const std::string c = "/api/v1/clues/" + std::to_string(world.c1);
    const auto before = get(server.port(), c, token).body;

    const auto misspelt = post(server.port(), c + "/dispose", token, R"({"method":"hold","nte":"暂存"})");
    CHECK(misspelt.status == 400);
    CHECK(misspelt.body ==
          R"({"error":{"code":"unknown_field","message":"不认识的字段 nte：这个接口不接受它。请检查拼写，或查阅 docs/api.md。","field":"nte"}})");

    const auto missing = post(server.port(), c + "/dispose", token, R"({"note":"暂存"})");
    CHECK(missing.status == 422);
    CHECK(missing.body == R"({"error":{"code":"invalid_input","message":"字段 method 不能为空：请求中缺少这个字段。","field":"method"}})");

    const auto unknownMethod = post(server.port(), c + "/dispose", token, R"({"method":"forget"})");
    CHECK(unknownMethod.status == 422);
    CHECK(unknownMethod.body.rfind(R"({"error":{"code":"invalid_input","message":"未知的处置方式「forget」：应为 talk_inquiry（谈话函询）)", 0) == 0);

    const auto twice = post(server.port(), "/api/v1/findings/" + std::to_string(world.fA1) + "/clue", token, R"({"to":"组织部"})");
    CHECK(twice.status == 409);
    CHECK(twice.body == R"({"error":{"code":"conflict","message":"问题 #)" + std::to_string(world.fA1) + R"( 已于 2026-02-20 移交纪委监委（线索 #)" +
                            std::to_string(world.c1) + R"(），不能重复移交。"}})");

    const auto beforeDisposal = post(server.port(), c + "/outcome", token, R"({"person":"张某","level":"乡科级","form":"f2"})");
    CHECK(beforeDisposal.status == 409);
    CHECK(beforeDisposal.body.rfind(R"({"error":{"code":"conflict","message":"线索当前状态为「已移交」)", 0) == 0);

    const auto leader = post(server.port(), c + "/dispose", world.token(Caller::Leader), R"({"method":"hold"})");
    CHECK(leader.status == 403);
    CHECK(leader.body == R"({"error":{"code":"forbidden","message":"用户「王书记」（领导小组）无权处置问题线索：只有管理员和巡察轮次 R1 的巡察组成员可以这样做。"}})");

    CHECK(get(server.port(), c, token).body == before);
}
