// `patrol user ...`, `patrol audit ...` and `patrol demo` end to end.
#include <catch2/catch.hpp>

#include <regex>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

TEST_CASE("a new user's token is printed once and only its salted hash is stored") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    REQUIRE(patrol({"unit", "add", "--code", "QX-HT", "--name", "河塘镇", "--kind", "township"}).exitCode == 0);
    const auto run = patrol({"user", "add", "--name", "赵敏", "--role", "unit", "--unit", "QX-HT"});
    CHECK(run.exitCode == 0);
    std::smatch m;
    REQUIRE(std::regex_match(run.out, m, std::regex("已添加用户「赵敏」（被巡察单位联系人），所属单位 QX-HT\nAPI 令牌（只显示这一次，请妥善保存）：\n([0-9a-f]{64})\n")));
    const std::string token = m[1];
    const std::string stored = rawScalar(patrol.db(), "SELECT token_salt || ':' || token_hash FROM users");
    CHECK(stored.find(token) == std::string::npos);
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM audit_events WHERE after_json LIKE '%" + token + "%'") == "0");
    CHECK(rawScalar(patrol.db(), "SELECT length(token_hash) FROM users") == "64");
}

TEST_CASE("users are listed, revoked, and a revoked user can no longer act") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    REQUIRE(patrol({"unit", "add", "--code", "QX-SQ", "--name", "石桥镇", "--kind", "township"}).exitCode == 0);
    REQUIRE(patrol({"user", "add", "--name", "陈志强", "--role", "inspector", "--conflict", "QX-SQ"}).exitCode == 0);
    auto run = patrol({"user", "list", "--format", "json"});
    CHECK(run.out == "[\n {\"name\":\"陈志强\",\"role\":\"inspector\",\"role_name\":\"巡察组成员\",\"unit\":null,\"revoked\":false,"
                     "\"conflicts\":\"QX-SQ\"}\n]\n");
    run = patrol({"user", "revoke", "陈志强"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已撤销用户「陈志强」的访问权限，其 API 令牌不再有效（如需恢复：patrol user restore 陈志强）\n");
    run = patrol({"round", "list"}, "陈志强");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「陈志强」的访问权限已被撤销，不能再操作。如需恢复，请管理员用 patrol user restore 陈志强 恢复其访问权限。\n");
    run = patrol({"user", "revoke", "陈志强"});
    CHECK(run.exitCode == 2);

    run = patrol({"user", "add", "--name", "赵敏", "--role", "unit"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 所属单位（--unit）不能为空：被巡察单位联系人（unit 角色）必须指明所属单位的编码。\n");
    run = patrol({"user", "add", "--name", "赵敏", "--role", "boss"});
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("错误: 未知的角色「boss」：应为 admin（巡察办管理员）") == 0);
    run = patrol({"user", "add", "--name", "陈志强", "--role", "inspector"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「陈志强」已存在。请换一个姓名（可加上单位或编号区分）。\n");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM users") == "1");
}

TEST_CASE("the demo county is seeded once, verifies, and a tampered copy fails verification") {
    ScratchDir dir;
    Patrol patrol(dir);
    auto run = patrol({"demo"});
    CHECK(run.exitCode == 0);
    CHECK(run.out.find("已写入演示数据（清溪县）：" + patrol.db()) == 0);
    CHECK(run.out.find("2026-R1  十五届县委第一轮巡察") != std::string::npos);
    CHECK(std::stoi(rawScalar(patrol.db(), "SELECT count(*) FROM units")) >= 20);
    CHECK(rawScalar(patrol.db(), "SELECT group_concat(DISTINCT role) FROM (SELECT role FROM users ORDER BY role)") ==
          "admin,inspector,leader,unit");
    CHECK(rawScalar(patrol.db(), "SELECT group_concat(stage) FROM (SELECT stage FROM rounds ORDER BY code)") ==
          "rectifying,onsite");
    CHECK(rawScalar(patrol.db(), "SELECT count(DISTINCT status) FROM findings") == "4");

    run = patrol({"demo"});
    CHECK(run.exitCode == 0);
    CHECK(run.out.find("演示数据（清溪县）已在数据库中：") == 0);

    run = patrol({"audit", "verify"});
    CHECK(run.exitCode == 0);
    CHECK(std::regex_match(run.out, std::regex("审计日志完整：共核验 [0-9]+ 条事件，哈希链无断裂\n数据与审计记录一致：共核对 [0-9]+ 行\n")));

    rawExec(patrol.db(), "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET after_json = "
                         "replace(after_json, '386000.00', '38600.00') WHERE action = 'finding.add' AND entity_id = '3'");
    const std::string id = rawScalar(patrol.db(), "SELECT id FROM audit_events WHERE action = 'finding.add' AND entity_id = '3'");
    run = patrol({"audit", "verify"});
    CHECK(run.exitCode == 1);
    CHECK(run.out.empty());
    CHECK(run.err.find("审计日志核验失败：审计事件 #" + id + "（finding.add，") == 0);
    CHECK(run.err.find("的内容与其哈希不符：该记录在 patrol 之外被改动过。\n从事件 #" + id + " 起的记录不可信") != std::string::npos);
}

TEST_CASE("the demo refuses a database that already holds other data") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    REQUIRE(patrol({"unit", "add", "--code", "A", "--name", "甲", "--kind", "other"}).exitCode == 0);
    const auto run = patrol({"demo"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 数据库 " + patrol.db() +
                         " 里已有数据，演示数据只能写入新的空数据库。请用 --db 指定一个新文件，例如 --db /tmp/patrol-demo.db。\n");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM units") == "1");
}

TEST_CASE("the audit log lists events with filters") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"demo"}).exitCode == 0);
    auto run = patrol({"audit", "log", "--entity", "round", "--limit", "2", "--format", "json"});
    CHECK(run.exitCode == 0);
    CHECK(std::count(run.out.begin(), run.out.end(), '\n') == 4);
    CHECK(run.out.find("\"action\":\"round.advance\",\"entity\":\"round\",\"entity_id\":\"2026-R2\"") != std::string::npos);
    CHECK(run.out.find("\"after\":{\"code\":\"2026-R2\"") != std::string::npos);
    run = patrol({"audit", "log", "--actor", "nobody", "--format", "csv"});
    CHECK(run.out == "id,at,actor,action,entity,entity_id,before,after,hash\r\n");
    run = patrol({"audit", "log", "--since", "2026-13-01"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 起始日期（--since）「2026-13-01」不是有效日期：应为 YYYY-MM-DD 格式的真实日期，例如 2026-03-14。\n");
    run = patrol({"audit", "log"}, "赵敏");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「赵敏」（被巡察单位联系人）无权查看审计日志：只有巡察办管理员（admin）和领导小组（leader）可以这样做。\n");
}
