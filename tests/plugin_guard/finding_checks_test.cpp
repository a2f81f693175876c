// Every finding meets the host's demands before any is accepted; a finding that does not fails
// the plugin's run (exit 1, nothing recorded) with a message naming the rule, the finding and
// the field. Identical findings are reported once, in a dry run as when recording.
#include "guard_cli.hpp"

#include <catch2/catch.hpp>

#include <utility>
#include <vector>

using patrol::testing::GuardCli;
using patrol::testing::GuardRun;
using patrol::testing::guardLabel;

namespace {

// The fixture plugin with `case` chosen, over items I1..I3 (I4 is rejected: no unit) and O1.
struct CaseCli : GuardCli {
    explicit CaseCli(const std::string& which) : GuardCli("[plugin.guard_findings]\ncase = " + which + "\n") {
        folder.write("data/items.csv", "item_id,unit_code\nI1,U1\nI2,U1\nI3,U2\nI4,\n");
        folder.write("data/others.csv", "other_id\nO1\n");
    }
};

std::string check(const GuardCli& cli) { return "check --plugin guard_findings --data " + cli.dir() + "/data --as-of 2026-03-01"; }

std::string rejected(const GuardCli& cli) { return "[guard_findings] 拒收 " + cli.dir() + "/data/items.csv:5: 缺少必填值：列 unit_code 为空\n"; }

}  // namespace

TEST_CASE("a finding that breaks a demand fails the plugin's run, naming the rule, the finding and the field") {
    const std::string columns = "（记录编号列：items.item_id、others.other_id）";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"empty_unit", "规则 GF-02 的第 2 个问题（单位 \"\"，记录 \"I3\"）：unit 为空，应为该问题所属单位的 unit_code"},
        {"empty_title", "规则 GF-02 的第 2 个问题（单位 \"U2\"，记录 \"I3\"）：title 为空，应写明涉及的记录和数字"},
        {"no_refs", "规则 GF-02 的第 2 个问题（单位 \"U2\"，记录 无）：refs 为空，应至少列出一个记录编号"},
        {"repeated_ref", "规则 GF-02 的第 2 个问题（单位 \"U2\"，记录 \"I1\"、\"I3\"、\"I3\"）：refs 中的 \"I3\" 出现了不止一次，每个记录编号只应列出一次"},
        {"unknown_ref", "规则 GF-02 的第 2 个问题（单位 \"U2\"，记录 \"I3\"、\"I9\"）：refs 中的 \"I9\" 不是本次读取的数据中任何一行的记录编号" + columns},
        {"rejected_row_ref", "规则 GF-02 的第 2 个问题（单位 \"U2\"，记录 \"I4\"）：refs 中的 \"I4\" 不是本次读取的数据中任何一行的记录编号" + columns},
        {"bad_title", "规则 GF-02 的第 2 个问题（单位 \"U2\"，记录 \"I3\"）：title 不是有效的 UTF-8 文本（第 7 个字节起），应为 UTF-8 编码的文字"},
        {"bad_detail", "规则 GF-02 的第 2 个问题（单位 \"U2\"，记录 \"I3\"）：detail 不是有效的 UTF-8 文本（第 4 个字节起），应为 UTF-8 编码的文字"},
        {"bad_unit", "规则 GF-02 的第 2 个问题（单位 \"U\\xC0\\xAF\"，记录 \"I3\"）：unit 不是有效的 UTF-8 文本（第 2 个字节起），应为 UTF-8 编码的文字"},
        {"bad_ref", "规则 GF-02 的第 2 个问题（单位 \"U2\"，记录 \"I\\xFF\"）：refs 中的 \"I\\xFF\" 不是有效的 UTF-8 文本（第 2 个字节起），应为数据表中的记录编号"},
        {"undeclared_amount", "规则 GF-02 的第 2 个问题（单位 \"U2\"，记录 \"I3\"）：带有金额 amount = 5.00 元，但元数据中规则 GF-02 没有声明金额（rules[].amount）；"
                              "没有金额的规则应给 std::nullopt（has_amount = 0）"},
    };
    for (const auto& [which, what] : cases) {
        for (const std::string mode : {"", " --isolate"}) {
            INFO("case " << which << mode);
            const CaseCli cli(which);
            const GuardRun r = cli.run(check(cli) + mode);
            CHECK(r.exit == 1);
            CHECK(r.out.empty());
            CHECK(r.err == rejected(cli) + guardLabel("guard_findings") + "报告的疑似问题不合规：" + what +
                               "。本次检查结果未记录。请插件作者改正插件后重新构建。\n"
                               "[guard_findings] 采用 4 行，拒收 1 行，跳过规则 0 条，插件运行失败，结果未采用\n"
                               "共发现疑似问题 0 个（试运行，未记录；加 --round 记录到轮次）\n");
        }
    }
}

TEST_CASE("bytes that are not UTF-8 in a title never reach the JSONL, and a refused run records nothing") {
    CaseCli cli("bad_title");
    REQUIRE(cli.run("init").exit == 0);
    REQUIRE(cli.run("unit add --code U1 --name 一号单位 --kind township").exit == 0);
    REQUIRE(cli.run("unit add --code U2 --name 二号单位 --kind township").exit == 0);
    REQUIRE(cli.run("round create --code R1 --title 测试轮次 --kind special --start 2026-01-01 --end 2026-06-30 --plugins guard_findings").exit == 0);
    REQUIRE(cli.run("round target --round R1 --unit U1 U2").exit == 0);
    const GuardRun r = cli.run(check(cli) + " --round R1");
    CHECK(r.exit == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("\xff") == std::string::npos);
    CHECK(r.err.find("已记录到轮次 R1：新增疑似问题 0 个，此前已记录 0 个\n") != std::string::npos);
    CHECK(cli.run("finding list --round R1 --format csv").out.find("guard_findings") == std::string::npos);
}

TEST_CASE("identical findings appear once in a dry run, as they are recorded once") {
    CaseCli cli("twice");
    const std::string findings =
        "{\"plugin\":\"guard_findings\",\"rule\":\"GF-01\",\"unit\":\"U1\",\"refs\":[\"I2\",\"O1\"],\"amount\":12.50,\"title\":\"事项 I2 与附表 O1\",\"detail\":\"金额 12.50 元\"}\n"
        "{\"plugin\":\"guard_findings\",\"rule\":\"GF-02\",\"unit\":\"U1\",\"refs\":[\"I1\"],\"amount\":null,\"title\":\"事项 I1\",\"detail\":\"\"}\n"
        "{\"plugin\":\"guard_findings\",\"rule\":\"GF-02\",\"unit\":\"U2\",\"refs\":[\"I3\"],\"amount\":null,\"title\":\"事项 I3\",\"detail\":\"详情\"}\n";
    const std::string notices = rejected(cli) +
                                "[guard_findings] 警告：有 2 个疑似问题与前面的重复（同一规则、同一组记录），每个只保留第一个\n"
                                "[guard_findings] 采用 4 行，拒收 1 行，跳过规则 0 条，发现疑似问题 3 个\n";
    for (const std::string mode : {"", " --isolate"}) {
        INFO("mode:" << mode);
        const GuardRun r = cli.run(check(cli) + mode);
        CHECK(r.exit == 0);
        CHECK(r.out == findings);
        CHECK(r.err == notices + "共发现疑似问题 3 个（试运行，未记录；加 --round 记录到轮次）\n");
    }
    REQUIRE(cli.run("init").exit == 0);
    REQUIRE(cli.run("unit add --code U1 --name 一号单位 --kind township").exit == 0);
    REQUIRE(cli.run("unit add --code U2 --name 二号单位 --kind township").exit == 0);
    REQUIRE(cli.run("round create --code R1 --title 测试轮次 --kind special --start 2026-01-01 --end 2026-06-30 --plugins guard_findings").exit == 0);
    REQUIRE(cli.run("round target --round R1 --unit U1 U2").exit == 0);
    const GuardRun recorded = cli.run(check(cli) + " --round R1");
    CHECK(recorded.exit == 0);
    CHECK(recorded.out == findings);
    CHECK(recorded.err == notices + "已记录到轮次 R1：新增疑似问题 3 个，此前已记录 0 个\n共发现疑似问题 3 个\n");
}

TEST_CASE("good findings with refs into any declared table are accepted") {
    CaseCli cli("good");
    const GuardRun r = cli.run(check(cli));
    CHECK(r.exit == 0);
    CHECK(r.out.find("\"refs\":[\"I2\",\"O1\"]") != std::string::npos);
    CHECK(r.err == rejected(cli) + "[guard_findings] 采用 4 行，拒收 1 行，跳过规则 0 条，发现疑似问题 3 个\n"
                                   "共发现疑似问题 3 个（试运行，未记录；加 --round 记录到轮次）\n");
}
