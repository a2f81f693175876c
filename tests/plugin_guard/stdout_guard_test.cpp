// stdout holds only findings: what plugin code writes there goes to stderr, line by line,
// prefixed with the plugin's id — in this process and isolated alike.
#include "guard_cli.hpp"

#include <catch2/catch.hpp>

using patrol::testing::GuardCli;
using patrol::testing::GuardRun;

namespace {

const std::string kPrinted =
    "[guard_prints] 标准输出：加载时的输出\n"
    "[guard_prints] 标准输出：printf 的输出\n"
    "[guard_prints] 标准输出：std::cout 的输出\n"
    "[guard_prints] 标准输出：write(1) 的输出\n"
    "[guard_prints] 标准输出：最后一行没有换行\n";

}  // namespace

TEST_CASE("what a plugin prints to stdout goes to stderr with its id, in process and with --isolate") {
    GuardCli cli;
    cli.folder.write("data/items.csv", "item_id,unit_code\nA1,U1\nA2,U2\n");
    const std::string findings =
        "{\"plugin\":\"guard_prints\",\"rule\":\"GP-01\",\"unit\":\"U1\",\"refs\":[\"A1\"],\"amount\":null,\"title\":\"事项 A1\",\"detail\":\"\"}\n"
        "{\"plugin\":\"guard_prints\",\"rule\":\"GP-01\",\"unit\":\"U2\",\"refs\":[\"A2\"],\"amount\":null,\"title\":\"事项 A2\",\"detail\":\"\"}\n";
    const std::string summary =
        "[guard_prints] 采用 2 行，拒收 0 行，跳过规则 0 条，发现疑似问题 2 个\n"
        "共发现疑似问题 2 个（试运行，未记录；加 --round 记录到轮次）\n";
    for (const std::string mode : {"", " --isolate"}) {
        INFO("mode:" << mode);
        const GuardRun r = cli.run("check --plugin guard_prints --data " + cli.dir() + "/data --as-of 2026-03-01" + mode);
        CHECK(r.exit == 0);
        CHECK(r.out == findings);
        CHECK(r.err == kPrinted + summary);
    }
    // As a table the findings are the same two rows, and the plugin's text still is not among them.
    const GuardRun table = cli.run("check --plugin guard_prints --data " + cli.dir() + "/data --as-of 2026-03-01 --format table");
    CHECK(table.exit == 0);
    CHECK(table.out.find("标准输出") == std::string::npos);
    CHECK(table.out.find("printf") == std::string::npos);
    CHECK(table.err == kPrinted + summary);
}

TEST_CASE("a plugin printing while checks are recorded leaves stdout to the findings and records them") {
    GuardCli cli;
    cli.folder.write("data/items.csv", "item_id,unit_code\nA1,U1\n");
    REQUIRE(cli.run("init").exit == 0);
    REQUIRE(cli.run("unit add --code U1 --name 一号单位 --kind township").exit == 0);
    REQUIRE(cli.run("round create --code R1 --title 测试轮次 --kind special --start 2026-01-01 --end 2026-06-30 --plugins guard_prints").exit == 0);
    REQUIRE(cli.run("round target --round R1 --unit U1").exit == 0);
    const GuardRun r = cli.run("check --plugin guard_prints --isolate --data " + cli.dir() + "/data --as-of 2026-03-01 --round R1");
    CHECK(r.exit == 0);
    CHECK(r.out ==
          "{\"plugin\":\"guard_prints\",\"rule\":\"GP-01\",\"unit\":\"U1\",\"refs\":[\"A1\"],\"amount\":null,\"title\":\"事项 A1\",\"detail\":\"\"}\n");
    CHECK(r.err == kPrinted +
                       "[guard_prints] 采用 1 行，拒收 0 行，跳过规则 0 条，发现疑似问题 1 个\n"
                       "已记录到轮次 R1：新增疑似问题 1 个，此前已记录 0 个\n"
                       "共发现疑似问题 1 个\n");
}
