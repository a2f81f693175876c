// A refusal's next step: the service's message names the action in domain words only (no
// command, no option), and the `patrol` executable words the same step as a command line.
#include <catch2/catch.hpp>

#include <functional>
#include <regex>
#include <string>

#include <patrol/sdk/civil.hpp>

#include "core/data/dataset.hpp"
#include "core/domain/calendar.hpp"
#include "core/domain/errors.hpp"
#include "core/services/actor.hpp"
#include "core/services/demo_seed.hpp"
#include "core/services/open_database.hpp"
#include "core/services/round_service.hpp"
#include "core/services/task_service.hpp"
#include "workflow_cli/county.hpp"

using namespace patrol;
using patrol::testing::County;

namespace {

int32_t day(const char* text) { return *civil::parseDate(text); }

// The message of the refusal `action` throws, checked to speak of the domain only.
std::string refusal(const std::function<void()>& action) {
    try {
        action();
    } catch (const UserError& e) {
        const std::string message = e.what();
        INFO(message);
        CHECK_FALSE(std::regex_search(message, std::regex("patrol [a-z]")));  // a command; "patrol 数据库" names the product
        CHECK(message.find("--") == std::string::npos);
        return message;
    }
    FAIL("the service did not refuse");
    return {};
}

// One use case at a time on the county's database file, as a second front door would.
std::string serviceRefusal(County& c, const std::function<void(store::Database&)>& action) {
    auto db = services::openDatabase(c.patrol.db(), 5000);
    return refusal([&] { action(db); });
}

std::string cliRefusal(County& c, const std::vector<std::string>& args, const std::string& user = "") {
    const auto run = c.patrol(args, user);
    CHECK(run.exitCode == 2);
    CHECK(run.out.empty());
    return run.err;
}

// R1 fed back; unit A's task submitted with a progress report but no evidence file; a second
// round R2 whose team has a leader and a member.
struct Submitted : County {
    Submitted() {
        ok({"user", "add", "--name", "李组员", "--role", "inspector"});
        ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
        ok({"task", "plan", "1", "--measure", "清退费用", "--handler", "李明", "--leader", "王强", "--date", "2026-02-13"}, "甲联系人");
        ok({"task", "progress", "1", "--percent", "100", "--note", "费用已清退", "--date", "2026-03-01"}, "甲联系人");
        ok({"task", "submit", "1", "--date", "2026-03-01"}, "甲联系人");
        ok({"round", "advance", "--round", "R1", "--to", "rectifying", "--date", "2026-03-02"});
        ok({"round", "create", "--code", "R2", "--title", "第二轮巡察", "--kind", "regular", "--start", "2026-06-01", "--end",
            "2026-08-31"});
        ok({"round", "team", "--round", "R2", "--member", "李组员", "--leader", "张组长"});
    }
};

}  // namespace

TEST_CASE("task refusals name the next step in domain words, the CLI adds the command", "[messages]") {
    Submitted c;

    const std::string accept = serviceRefusal(c, [](store::Database& db) {
        services::acceptTask(db, services::actorByName(db, "张组长"), 1, std::nullopt, day("2026-03-05"));
    });
    CHECK(accept == "验收销号需要佐证材料或书面核查意见：整改任务 #1 还没有任何佐证材料，也没有给出核查意见。"
                    "请由单位在报告进展时附上材料，或写明核查意见。");
    CHECK(cliRefusal(c, {"task", "accept", "1", "--date", "2026-03-05"}, "张组长") ==
          "错误: 验收销号需要佐证材料或书面核查意见：整改任务 #1 还没有任何佐证材料，也没有给出 --note。"
          "请由单位在报告进展时附上材料（task progress --evidence FILE），或用 --note 写明核查意见。\n");

    const std::string extension = serviceRefusal(c, [](store::Database& db) {
        services::decideExtension(db, services::actorByName(db, "王书记"), 2,
                                  services::ExtensionDecision::denial("不同意", day("2026-03-05")));
    });
    CHECK(extension == "整改任务 #2 没有待审批的延期申请；单位可提出申请。");
    CHECK(cliRefusal(c, {"task", "extension", "deny", "2", "--reason", "不同意", "--date", "2026-03-05"}, "王书记") ==
          "错误: 整改任务 #2 没有待审批的延期申请；单位可用 patrol task extend 2 --to 日期 --reason 理由 提出申请。\n");

    const std::string closing = serviceRefusal(c, [](store::Database& db) {
        services::advanceRound(db, services::localAdministrator(), "R1", "closed", std::string("2026-05-01"), nullptr);
    });
    CHECK(closing == "巡察轮次 R1 还有 2 项整改任务未销号（#1、#2），不能进入「评估销号」(closed)：请先验收这些任务。");
    CHECK(cliRefusal(c, {"round", "advance", "--round", "R1", "--to", "closed", "--date", "2026-05-01"}) ==
          "错误: 巡察轮次 R1 还有 2 项整改任务未销号（#1、#2），不能进入「评估销号」(closed)：请先验收这些任务（patrol task accept）。\n");
}

TEST_CASE("round and user refusals name the next step in domain words, the CLI adds the command", "[messages]") {
    Submitted c;

    const std::string leader = serviceRefusal(c, [](store::Database& db) {
        services::removeRoundTeam(db, services::localAdministrator(), "R2", {"张组长"});
    });
    CHECK(leader == "不能移出组长「张组长」：移出后巡察轮次 R2 的巡察组将没有组长。请先指定新的组长，再移出。");
    CHECK(cliRefusal(c, {"round", "team", "--round", "R2", "--remove", "张组长"}) ==
          "错误: 不能移出组长「张组长」：移出后巡察轮次 R2 的巡察组将没有组长。"
          "请先指定新的组长（patrol round team --round R2 --leader 姓名），再移出。\n");

    const std::string stranger = serviceRefusal(c, [](store::Database& db) {
        services::removeRoundTeam(db, services::localAdministrator(), "R2", {"王书记"});
    });
    CHECK(stranger == "「王书记」不是巡察轮次 R2 的巡察组成员，无需移出。请检查姓名（可查看该轮次的巡察组）。");
    CHECK(cliRefusal(c, {"round", "team", "--round", "R2", "--remove", "王书记"}) ==
          "错误: 「王书记」不是巡察轮次 R2 的巡察组成员，无需移出。请检查姓名（可用 patrol round show R2 查看巡察组）。\n");

    c.ok({"user", "revoke", "乙联系人"});
    const std::string revoked = serviceRefusal(c, [](store::Database& db) { services::actorByName(db, "乙联系人"); });
    CHECK(revoked == "用户「乙联系人」的访问权限已被撤销，不能再操作。如需恢复，请管理员恢复其访问权限。");
    CHECK(cliRefusal(c, {"task", "list"}, "乙联系人") ==
          "错误: 用户「乙联系人」的访问权限已被撤销，不能再操作。如需恢复，请管理员用 patrol user restore 乙联系人 恢复其访问权限。\n");
}

TEST_CASE("database, data and calendar refusals leave --db, --data and --calendar to the CLI", "[messages]") {
    County c;

    const std::string demo = serviceRefusal(c, [](store::Database& db) { services::seedDemo(db, {}); });
    CHECK(demo == "数据库 " + c.patrol.db() + " 里已有数据，演示数据只能写入新的空数据库。请指定一个新的数据库文件。");
    CHECK(cliRefusal(c, {"demo"}) == "错误: 数据库 " + c.patrol.db() +
                                         " 里已有数据，演示数据只能写入新的空数据库。请用 --db 指定一个新文件，例如 --db /tmp/patrol-demo.db。\n");

    const std::string text = c.dir.write("notes.db", "这不是数据库，只是一段文字。This is plain text, long enough to fill a header........");
    const std::string notADatabase = refusal([&] { services::openDatabase(text, 5000); });
    CHECK(notADatabase == "文件 " + text + " 不是 patrol 数据库（不是 SQLite 文件）。请指定正确的数据库文件，或新建一个数据库。");
    const auto run = c.patrol.raw({"round", "list", "--db", text});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 文件 " + text + " 不是 patrol 数据库（不是 SQLite 文件）。请用 --db 指定正确的数据库文件，或用 patrol init 新建一个数据库。\n");

    const std::string missing = c.dir.file("no-such-folder");
    const std::string data = refusal([&] { data::requireDataFolder(missing); });
    CHECK(data == "数据目录 " + missing + " 不存在或不是目录。请指定存放 CSV 文件的目录。");
    CHECK(cliRefusal(c, {"check", "--plugin", "four_styles", "--data", missing}) ==
          "错误: 数据目录 " + missing + " 不存在或不是目录。请用 --data 指定存放 CSV 文件的目录。\n");

    // A warning, not a refusal: the domain's words, then the CLI's.
    const std::string warning = domain::WorkingCalendar::uncoveredYearWarning(2027);
    CHECK(warning.find("--") == std::string::npos);
    CHECK(warning.find("或另行指定日历文件。") != std::string::npos);
}
