// `patrol user restore` undoes a revocation with a new token; nobody revokes themselves or the
// last active admin.
#include <catch2/catch.hpp>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

TEST_CASE("a revoked user is restored with a new token, audited") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"demo"}).exitCode == 0);
    const std::string oldHash = rawScalar(patrol.db(), "SELECT token_hash FROM users WHERE name = '陈志强'");
    auto run = patrol({"user", "revoke", "陈志强"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已撤销用户「陈志强」的访问权限，其 API 令牌不再有效（如需恢复：patrol user restore 陈志强）\n");
    run = patrol({"round", "list"}, "陈志强");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「陈志强」的访问权限已被撤销，不能再操作。如需恢复，请管理员用 patrol user restore 陈志强 "
                     "恢复其访问权限。\n");
    run = patrol({"user", "restore", "陈志强"}, "刘芳");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「刘芳」（巡察组成员）无权恢复用户：只有巡察办管理员（admin）可以这样做。\n");

    run = patrol({"user", "restore", "陈志强"}, "王建国");
    CHECK(run.exitCode == 0);
    const std::string intro = "已恢复用户「陈志强」（巡察组成员）的访问权限，原令牌仍然无效\n新的 API 令牌（只显示这一次，请妥善保存）：\n";
    REQUIRE(run.out.rfind(intro, 0) == 0);
    CHECK(run.out.size() == intro.size() + 65);
    CHECK(rawScalar(patrol.db(), "SELECT revoked FROM users WHERE name = '陈志强'") == "0");
    CHECK(rawScalar(patrol.db(), "SELECT token_hash FROM users WHERE name = '陈志强'") != oldHash);
    CHECK(rawScalar(patrol.db(), "SELECT actor || '|' || before_json || '|' || after_json FROM audit_events "
                                 "WHERE action = 'user.restore'")
              .find("王建国|{\"name\":\"陈志强\",") == 0);
    CHECK(patrol({"round", "list"}, "陈志强").exitCode == 0);

    run = patrol({"user", "restore", "陈志强"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「陈志强」的访问权限没有被撤销，无需恢复。\n");
    run = patrol({"user", "restore", "陈志刚"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「陈志刚」不存在。请检查姓名（可用 patrol user list 查看所有用户）。\n");
    CHECK(patrol({"audit", "verify"}).exitCode == 0);
}

TEST_CASE("nobody revokes themselves, nor the last active admin") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"demo"}).exitCode == 0);
    const std::string events = rawScalar(patrol.db(), "SELECT count(*) FROM audit_events");
    auto run = patrol({"user", "revoke", "王建国"}, "王建国");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 不能撤销自己的访问权限：撤销后您将无法再操作。如确需撤销，请由另一位管理员执行。\n");
    run = patrol({"user", "revoke", "王建国"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「王建国」是最后一位有效的管理员（admin），不能撤销：须至少保留一位有效的管理员来管理"
                     "用户。请先添加另一位管理员，再撤销。\n");
    CHECK(rawScalar(patrol.db(), "SELECT revoked FROM users WHERE name = '王建国'") == "0");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM audit_events") == events);

    REQUIRE(patrol({"user", "add", "--name", "李主任", "--role", "admin"}).exitCode == 0);
    run = patrol({"user", "revoke", "王建国"}, "李主任");
    CHECK(run.exitCode == 0);
    run = patrol({"user", "revoke", "李主任"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「李主任」是最后一位有效的管理员（admin），不能撤销：须至少保留一位有效的管理员来管理"
                     "用户。请先添加另一位管理员，再撤销。\n");
}
