// Running plugins: findings copied, sorted and fingerprinted; every way a plugin can fail is
// that plugin's failure with an exact message, and nothing it emitted is kept.
#include "fixture_run.hpp"

#include <catch2/catch.hpp>

using namespace patrol::plugins;
using patrol::testing::fixtureFolder;
using patrol::testing::fixtureLabel;

namespace {

using Run = patrol::testing::FixturePluginRun;
using patrol::testing::kFixtureItems;

void checkGoodFindings(const RunResult& r) {
    REQUIRE(r.ok);
    CHECK(r.error.empty());
    REQUIRE(r.findings.size() == 3);
    const CheckFinding a = r.findings.owned(0);
    CHECK(a.plugin == "fixture_good");
    CHECK(a.rule == "FX-01");
    CHECK(a.unit == "U1");
    CHECK(a.refs == std::vector<std::string>{"I2"});
    CHECK(*a.amountFen == 1);
    CHECK(a.title == "大额事项 I2");
    CHECK(a.detail == "金额 100.01 元");
    CHECK(a.fingerprint == "04fdfb85b57147efaa9bf5335862a10ca9f6fd93f53693508ec1154ead0b674a");
    CHECK(r.findings[1].rule == "FX-01");
    CHECK(r.findings[1].unit == "U2");
    CHECK(*r.findings[1].amountFen == 15050);
    const CheckFinding c = r.findings.owned(2);
    CHECK(c.rule == "FX-02");
    CHECK(c.unit == "U2");
    CHECK(c.refs == std::vector<std::string>{"I2", "I3"});  // emitted as I3, I2: the host sorts
    CHECK_FALSE(c.amountFen);
    CHECK(c.title == "2026-01-03 非工作日");
    CHECK(c.fingerprint == "efb095c2a90ec5f5348a891bf43a06438fc934899e06810d7033b73bc2462942");
}

// Runs the plugin in process and isolated over `items`: both runs fail with `message`, keep no
// finding, and leave the plugin marked failed with that message.
void checkFailsAlike(const std::string& id, const std::string& items, const std::string& message) {
    for (const bool isolate : {false, true}) {
        INFO((isolate ? "isolated" : "in process"));
        Run run;
        run.data.write("items.csv", items);
        const RunResult r = run.run(id, isolate);
        CHECK_FALSE(r.ok);
        CHECK(r.findings.empty());
        CHECK(r.error == message);
        CHECK(run.catalog.find(id)->state == PluginState::Failed);
        CHECK(run.catalog.find(id)->error == r.error);
    }
}

}  // namespace

TEST_CASE("a good plugin runs in process: tables, calendar, settings and logs reach it, findings come back sorted") {
    Run run;
    run.data.write("items.csv", kFixtureItems);
    const RunResult r = run.run("fixture_good", false);
    checkGoodFindings(r);
    CHECK(run.logs == std::vector<std::string>{"信息:threshold=100.00 words=甲|乙 ratio=0.5 night=22:00 limit=3"});
    CHECK(run.catalog.find("fixture_good")->state == PluginState::Loaded);
}

TEST_CASE("a good plugin runs isolated with the same findings and logs") {
    Run run;
    run.data.write("items.csv", kFixtureItems);
    const RunResult r = run.run("fixture_good", true, {{"limit", "7"}});
    checkGoodFindings(r);
    CHECK(run.logs == std::vector<std::string>{"信息:threshold=100.00 words=甲|乙 ratio=0.5 night=22:00 limit=7"});
    CHECK_FALSE(run.catalog.find("fixture_good")->loaded);
}

TEST_CASE("overridden settings change what the plugin finds") {
    Run run;
    run.data.write("items.csv", kFixtureItems);
    run.data.write("extras.csv", "extra_id\nX1\n");
    const RunResult r = run.run("fixture_good", false, {{"threshold", "200"}});
    REQUIRE(r.ok);
    REQUIRE(r.findings.size() == 3);
    CHECK(r.findings.owned(0).refs == std::vector<std::string>{"I3"});
    CHECK(r.findings[1].rule == "FX-02");
    CHECK(r.findings[2].rule == "FX-03");
}

TEST_CASE("a plugin that throws fails with its own message, in process and isolated") {
    checkFailsAlike("fixture_throws", "item_id,unit_code\nX1,U1\n", fixtureLabel("fixture_throws") + "运行出错：夹具插件故意抛出的异常。本次检查结果未记录。");
}

TEST_CASE("a crash, an abort or a hang in an isolated run is that plugin's failure and nothing is kept") {
    const std::map<std::string, std::string> expected = {
        {"fixture_crashes", fixtureLabel("fixture_crashes") + "在隔离进程中异常终止（信号 11（SIGSEGV））。本次检查结果未记录。请把数据和这条信息交给插件作者。"},
        {"fixture_aborts", fixtureLabel("fixture_aborts") + "在隔离进程中异常终止（信号 6（SIGABRT））。本次检查结果未记录。请把数据和这条信息交给插件作者。"},
        {"fixture_hangs", fixtureLabel("fixture_hangs") +
                              "运行超过 1 秒仍未结束，已被终止（设置 plugins.timeout_seconds = 1）。本次检查结果未记录。请检查插件是否陷入死循环，或调大 "
                              "plugins.timeout_seconds。"},
    };
    for (const auto& [id, message] : expected) {
        INFO(id);
        Run run;
        run.data.write("items.csv", "item_id,unit_code\nX1,U1\n");
        const RunResult r = run.run(id, true);
        CHECK_FALSE(r.ok);
        CHECK(r.findings.empty());
        CHECK(r.error == message);
        CHECK(run.catalog.find(id)->state == PluginState::Failed);
    }
}

TEST_CASE("one broken plugin does not stop the next one") {
    Run run;
    run.data.write("items.csv", kFixtureItems);
    CHECK_FALSE(run.run("fixture_crashes", true).ok);
    checkGoodFindings(run.run("fixture_good", false));
}

TEST_CASE("a finding for an undeclared rule fails the run") {
    checkFailsAlike("fixture_undeclared_rule", "item_id,unit_code\nX1,U1\n",
                    fixtureLabel("fixture_undeclared_rule") +
                        "报告了元数据中没有声明的规则 \"FX-99\"（已声明：FX-01）。本次检查结果未记录。请插件作者在元数据的 rules 中声明该规则。");
}

TEST_CASE("a finding too large to keep stops the plugin and fails the run with the reason, before any of its text is read") {
    checkFailsAlike("fixture_oversized_finding", "item_id,unit_code\nX1,U1\nX2,U1\nX3,U1\n",
                    fixtureLabel("fixture_oversized_finding") + "运行出错：报告的疑似问题过大：一个疑似问题的文字合计不能超过 4 GB。本次检查结果未记录。");
}

TEST_CASE("more rule names than the host keeps stop the plugin and fail the run with the reason, in process and isolated") {
    checkFailsAlike("fixture_many_rules", "item_id,unit_code\nX1,U1\n",
                    fixtureLabel("fixture_many_rules") + "运行出错：报告的规则代码多于 65535 种，超出了可以保存的上限。本次检查结果未记录。");
}

TEST_CASE("a plugin that cannot load fails its run with the load error") {
    for (const bool isolate : {false, true}) {
        Run run;
        const RunResult r = run.run("fixture_no_entry", isolate);
        CHECK_FALSE(r.ok);
        CHECK(r.error == fixtureLabel("fixture_no_entry") +
                             "无法加载：库中没有入口函数 patrol_plugin_entry。请在插件源码中写一行 PATROL_PLUGIN(类名, \"fixture_no_entry\") 并重新构建。");
    }
}
