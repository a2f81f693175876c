// The parts of the web layer that decide safety and wording without a browser: where sign-in
// may send the browser, how posted forms are read, which words codes become, refusing a build
// without its page files, the check progress board.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/domain/errors.hpp"
#include "core/web/check_progress.hpp"
#include "core/web/colour_ranking.hpp"
#include "core/web/form_fields.hpp"
#include "core/web/labels.hpp"
#include "core/web/navigation.hpp"
#include "core/web/page_slice.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/web_assets.hpp"

using namespace patrol;

TEST_CASE("sign-in sends the browser only to a path on this site") {
    CHECK(web::safeNext("/tasks/3?page=2") == "/tasks/3?page=2");
    CHECK(web::safeNext("/") == "/");
    CHECK(web::safeNext("//example.com/x") == "/");
    CHECK(web::safeNext("/\\example.com") == "/");
    CHECK(web::safeNext("https://example.com/") == "/");
    CHECK(web::safeNext("tasks") == "/");
    CHECK(web::safeNext("") == "/");
    CHECK(web::safeNext("/tasks\r\nSet-Cookie: x=1") == "/");
    CHECK(web::safeNext("/" + std::string(1200, 'a')) == "/");
}

TEST_CASE("the sign-in address carries the page asked for, escaped") {
    CHECK(web::signInAddress("/tasks/3") == "/signin?next=/tasks/3");
    CHECK(web::signInAddress("/tasks?status=assigned&page=2") == "/signin?next=/tasks%3Fstatus%3Dassigned%26page%3D2");
    CHECK(web::signInAddress("//example.com") == "/signin");
    CHECK(web::signInAddress("/") == "/signin");
}

TEST_CASE("a posted form is read as typed: plus as space, percent escapes, empty and bare fields") {
    const auto form = web::FormFields::parse("measure=%E9%80%90%E6%88%B7+%E6%A0%B8%E5%AF%B9&handler=&leader&csrf=ab%2Bc");
    CHECK(form.value("measure") == "逐户 核对");
    CHECK(form.value("handler").empty());
    CHECK(form.value("leader").empty());
    CHECK(form.value("csrf") == "ab+c");
    CHECK(form.value("absent").empty());
    CHECK(form.all().size() == 4);
}

TEST_CASE("codes are shown as their Chinese words, never raw") {
    CHECK(web::taskStatusLabel("submitted") == "已提交销号");
    CHECK(web::taskStatusLabel("in_progress") == "整改中");
    CHECK(web::rectificationKindLabel("immediate") == "立行立改");
    CHECK(web::rectificationKindLabel("long_term") == "长期坚持");
    CHECK(web::extensionStatusLabel("pending") == "待审批");
    CHECK(web::taskActionLabel("task.progress") == "报告整改进展");
    CHECK(web::taskActionLabel("task.extension.request") == "申请延期");
    CHECK(web::taskActionLabel("task.escalate") == "预警升级");
    CHECK(web::roleLabel(domain::Role::Unit) == "被巡察单位联系人");
    CHECK(web::levelBadge("accountability").text == "问责");
    CHECK(web::levelBadge("yellow").text == "黄");
    CHECK(web::levelBadge("yellow").css == "badge-yellow");
    CHECK(web::levelBadge("none").text == "无");
}

TEST_CASE("a word no list knows is shown as unknown, not as typed") {
    CHECK(web::taskStatusLabel("frozen") == "未知");
    CHECK(web::rectificationKindLabel("") == "未知");
    CHECK(web::levelBadge("purple").text == "未知");
    CHECK(web::extensionStatusLabel("later") == "其他");
    CHECK(web::taskActionLabel("task.unknown") == "其他");
}

TEST_CASE("page files without the layout template are refused naming the folder and the fix") {
    const auto folder = std::filesystem::temp_directory_path() / "patrol-web-assets-test";
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder / "templates");
    try {
        web::WebAssets::load(folder.string());
        FAIL("loaded without a layout");
    } catch (const UserError& e) {
        CHECK(std::string(e.what()) == "网页文件夹 " + folder.string() +
                                           " 不完整：缺少 templates/layout.mustache。请重新构建或安装 patrol（网页文件随程序装在 share/patrol/web）。");
    }
    std::ofstream(folder / "templates" / "layout.mustache") << "<main>{{{body}}}</main>";
    std::filesystem::create_directories(folder / "static");
    std::ofstream(folder / "static" / "a.css") << "body{}";
    const auto assets = web::WebAssets::load(folder.string());
    CHECK(assets.templateText("layout") == "<main>{{{body}}}</main>");
    REQUIRE(assets.staticFile("a.css") != nullptr);
    CHECK(assets.staticFile("a.css")->contentType == "text/css; charset=utf-8");
    CHECK(assets.staticFile("../a.css") == nullptr);
    CHECK_THROWS_AS(assets.templateText("missing"), InternalError);
    std::filesystem::remove_all(folder);
}

TEST_CASE("a long list shows the page asked for, a wrong or too large page number shows a real page") {
    const auto third = web::pageSlice(std::string("3"), 65, 30);
    CHECK((third.page == 3 && third.pages == 3 && third.first == 60 && third.last == 65));
    const auto past = web::pageSlice(std::string("9"), 65, 30);
    CHECK((past.page == 3 && past.first == 60 && past.last == 65));
    for (const std::string typed : {"0", "-1", "x", "", "1e3", "9999999"}) {
        const auto s = web::pageSlice(typed, 65, 30);
        CHECK((s.page == 1 && s.first == 0 && s.last == 30));
    }
    const auto none = web::pageSlice(std::nullopt, 0, 30);
    CHECK((none.page == 1 && none.pages == 1 && none.first == 0 && none.last == 0));
}

TEST_CASE("admins reach units and rounds, every role reaches its notices") {
    const auto hrefs = [](domain::Role role) {
        std::vector<std::string> out;
        for (const auto& e : web::navigationFor(role)) out.push_back(e.href);
        return out;
    };
    const auto has = [](const std::vector<std::string>& list, const std::string& href) {
        return std::find(list.begin(), list.end(), href) != list.end();
    };
    for (const auto role : {domain::Role::Unit, domain::Role::Inspector, domain::Role::Leader, domain::Role::Admin}) {
        CHECK(has(hrefs(role), "/notices"));
        CHECK(has(hrefs(role), "/units") == (role == domain::Role::Admin));
    }
}

TEST_CASE("a check's phase is told in words with what is counted, and only to the one who sent it") {
    using services::CheckPhase;
    CHECK(web::phaseText({CheckPhase::Reading, 0, 0}) == "读取数据");
    CHECK(web::phaseText({CheckPhase::Reading, 2, 3}) == "读取数据（文件 2/3）");
    CHECK(web::phaseText({CheckPhase::Checking, 0, 2}) == "运行检查（2 个插件）");
    // While the server reads the files and a plugin runs: the bytes read and the plugin's percent.
    CHECK(web::phaseText({CheckPhase::Reading, uint64_t{3} << 20, uint64_t{43} << 20, services::WorkItems::Bytes}) == "读取数据（3.0/43.0 MB）");
    CHECK(web::phaseText({CheckPhase::Checking, 40, 100, services::WorkItems::Percent}) == "运行检查（40%）");
    CHECK(web::phaseText({CheckPhase::Checking, 40, 100, services::WorkItems::Percent, "four_styles"}) == "运行检查（four_styles 40%）");
    CHECK(web::phaseText({CheckPhase::Recording, 0, 7}) == "记录问题（共 7 个疑似问题）");
    CHECK(web::phaseText({CheckPhase::Finished, 7, 7}) == "已完成");

    CHECK(web::CheckProgressBoard::validToken("0123456789abcdef"));
    CHECK_FALSE(web::CheckProgressBoard::validToken("0123456789abcde"));           // too short
    CHECK_FALSE(web::CheckProgressBoard::validToken("0123456789ABCDEF"));          // upper case
    CHECK_FALSE(web::CheckProgressBoard::validToken("../0123456789abcdef"));
    CHECK_FALSE(web::CheckProgressBoard::validToken(std::string(65, 'a')));

    services::Actor sender;
    sender.userId = 7;
    services::Actor other;
    other.userId = 8;
    const std::string token = "00112233445566778899aabbccddeeff";
    {
        const web::ProgressScope scope(token, sender);
        REQUIRE(scope.active());
        CHECK(web::CheckProgressBoard::shared().phaseFor(token, sender) == std::optional<std::string>("接收文件"));
        scope.update({CheckPhase::Checking, 0, 1});
        CHECK(web::CheckProgressBoard::shared().phaseFor(token, sender) == std::optional<std::string>("运行检查（1 个插件）"));
        CHECK_FALSE(web::CheckProgressBoard::shared().phaseFor(token, other));
        // The same token cannot be taken by a second run while the first lasts.
        const web::ProgressScope second(token, other);
        CHECK_FALSE(second.active());
    }
    CHECK_FALSE(web::CheckProgressBoard::shared().phaseFor(token, sender));  // gone with its request
    const web::ProgressScope none(std::nullopt, sender);
    CHECK_FALSE(none.active());
}

TEST_CASE("the dashboard shows units with more accountability, red, yellow, then open tasks first, alike ones by code") {
    auto unit = [](const std::string& code, int64_t green, int64_t yellow, int64_t red, int64_t accountability) {
        services::ColourCounts c;
        c.unitCode = code;
        c.byLevel[static_cast<int>(domain::EscalationLevel::Green)] = green;
        c.byLevel[static_cast<int>(domain::EscalationLevel::Yellow)] = yellow;
        c.byLevel[static_cast<int>(domain::EscalationLevel::Red)] = red;
        c.byLevel[static_cast<int>(domain::EscalationLevel::Accountability)] = accountability;
        return c;
    };
    const std::vector<services::ColourCounts> units = {unit("A", 9, 0, 0, 0), unit("B", 0, 0, 5, 0), unit("C", 0, 0, 0, 1),
                                                       unit("D", 0, 3, 5, 0), unit("E", 1, 3, 5, 0), unit("F", 0, 3, 5, 0),
                                                       unit("G", 8, 0, 0, 0)};
    std::vector<std::string> order;
    for (const auto* c : web::worstUnitsFirst(units)) order.push_back(c->unitCode);
    CHECK(order == std::vector<std::string>{"C", "E", "D", "F", "B", "A", "G"});
    CHECK(web::worstUnitsFirst({}).empty());
}
