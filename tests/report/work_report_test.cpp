#include <catch2/catch.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <filesystem>
#include <map>

#include "work_report_county.hpp"

using patrol::testing::Patrol;
using patrol::testing::Run;
using patrol::testing::ScratchDir;
using patrol::testing::WorkReportCounty;

namespace fs = std::filesystem;

namespace {

// The value `report explain` gives a figure: its first line reads "<label>：<value>（<period>…".
std::string explained(const Patrol& patrol, const std::string& figure, const std::vector<std::string>& period) {
    std::vector<std::string> args{"report", "explain", figure};
    args.insert(args.end(), period.begin(), period.end());
    Run r = patrol(args);
    INFO(figure << ": " << r.err);
    REQUIRE(r.exitCode == 0);
    const auto colon = r.out.find("：");
    const auto paren = r.out.find("（", colon);
    return r.out.substr(colon + std::string("：").size(), paren - colon - std::string("：").size());
}

std::string yuan(int64_t fen) {
    return std::to_string(fen / 100) + "." + (fen % 100 < 10 ? "0" : "") + std::to_string(fen % 100);
}

// Each figure by its own SQL over the stored tables, for rounds meeting [from, to], judged on asOf.
std::map<std::string, std::string> figuresBySql(const std::string& db, const std::string& from, const std::string& to,
                                                const std::string& asOf) {
    const std::string inPeriod = " r.start_date <= '" + to + "' AND r.end_date >= '" + from + "' ";
    const std::string found = " f.status NOT IN ('suspected','dismissed') ";
    const std::string findingsIn = " FROM findings f JOIN rounds r ON r.id = f.round_id WHERE " + inPeriod + " AND " + found;
    const std::string cluesIn = " FROM clues c JOIN findings f ON f.id = c.finding_id JOIN rounds r ON r.id = f.round_id WHERE " + inPeriod;
    const std::string outcomesIn = " FROM clue_outcomes o JOIN clues c ON c.id = o.clue_id JOIN findings f ON f.id = c.finding_id "
                                   "JOIN rounds r ON r.id = f.round_id WHERE " + inPeriod;
    const std::string fedBack = " AND f.status IN ('fed_back','rectifying','rectified','closed') AND EXISTS (SELECT 1 FROM "
                                "rectification_tasks t WHERE t.finding_id = f.id AND t.assigned_on <= '" + asOf + "') ";
    auto n = [&](const std::string& q) { return std::to_string(WorkReportCounty::sqlNumber(db, q)); };
    return {
        {"rounds", n("SELECT count(*) FROM rounds r WHERE" + inPeriod)},
        {"units_covered", n("SELECT count(DISTINCT t.unit_id) FROM round_targets t JOIN rounds r ON r.id = t.round_id "
                            "JOIN units u ON u.id = t.unit_id WHERE" + inPeriod + "AND u.kind <> 'other'")},
        {"findings", n("SELECT count(*)" + findingsIn)},
        {"four_styles", n("SELECT count(*)" + findingsIn + " AND f.category IN ('public_funds_dining','gifts','official_cars',"
                          "'allowances','over_standard_reception','hedonism_other')")},
        {"clues_transferred", n("SELECT count(*)" + cluesIn)},
        {"clue_people", n("SELECT count(DISTINCT o.person)" + outcomesIn)},
        {"clues_closed", n("SELECT count(*)" + cluesIn + " AND (EXISTS (SELECT 1 FROM clue_outcomes o WHERE o.clue_id = c.id) "
                           "OR (SELECT method FROM clue_disposals d WHERE d.clue_id = c.id ORDER BY d.id DESC LIMIT 1) = 'close')")},
        {"four_forms", n("SELECT count(*)" + outcomesIn + " AND o.form IS NOT NULL")},
        {"sanctioned_people", n("SELECT count(DISTINCT o.person)" + outcomesIn +
                                " AND (o.party_sanction IS NOT NULL OR o.gov_sanction IS NOT NULL)")},
        {"money_recovered", yuan(WorkReportCounty::sqlNumber(db, "SELECT coalesce(sum(o.recovered_fen), 0)" + outcomesIn))},
        {"fed_back", n("SELECT count(*)" + findingsIn + fedBack)},
        {"rectified", n("SELECT count(*)" + findingsIn + fedBack + " AND NOT EXISTS (SELECT 1 FROM rectification_tasks t WHERE "
                        "t.finding_id = f.id AND (t.accepted_on IS NULL OR t.accepted_on > '" + asOf + "'))")},
        {"overdue_tasks", n("SELECT count(*) FROM rectification_tasks t JOIN findings f ON f.id = t.finding_id JOIN rounds r ON "
                            "r.id = f.round_id WHERE" + inPeriod + " AND t.assigned_on <= '" + asOf + "' AND t.due_date < '" +
                            asOf + "' AND (t.accepted_on IS NULL OR t.accepted_on > '" + asOf + "')")},
        {"repeat_findings", n("SELECT count(*)" + findingsIn + " AND f.repeat_of IS NOT NULL")},
        {"lookback_findings", n("SELECT count(*)" + findingsIn + " AND r.kind = 'lookback'")},
    };
}

void checkEveryFigure(const Patrol& patrol, const std::string& from, const std::string& to, const std::string& asOf) {
    const auto expected = figuresBySql(patrol.db(), from, to, asOf);
    REQUIRE(expected.size() == 15);
    for (const auto& [figure, value] : expected) {
        INFO("figure " << figure);
        CHECK(explained(patrol, figure, {"--from", from, "--to", to, "--as-of", asOf}) == value);
    }
}

std::string runPython(const ScratchDir& dir, std::vector<std::string> args) {
    const std::string out = dir.file("python.txt"), err = dir.file("python.err");
    args.insert(args.begin(), PATROL_SYSTEM_PYTHON3);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    waitpid(pid, &status, 0);
    INFO(patrol::testing::readText(err));
    REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    return patrol::testing::readText(out);
}

const std::string kSentence =
    "共对1个乡镇1个县直机关单位和1个村（社）党组织开展了3轮巡察，巡察覆盖率达到了60.0％，发现问题6个，"
    "向有关部门移交问题线索3件，办结2件，给予党政纪处分1人。";

}  // namespace

TEST_CASE("every work report figure equals its own SQL over a seeded county", "[report][work]") {
    WorkReportCounty c;
    checkEveryFigure(c.patrol, "2026-01-01", "2026-12-31", "2026-09-30");
    // Not vacuous: the county has something behind every kind of figure.
    CHECK(explained(c.patrol, "clue_people", {"--from", "2026-01-01", "--to", "2026-12-31"}) == "2");
    CHECK(explained(c.patrol, "sanctioned_people", {"--from", "2026-01-01", "--to", "2026-12-31"}) == "1");
    CHECK(explained(c.patrol, "money_recovered", {"--from", "2026-01-01", "--to", "2026-12-31"}) == "1250.50");
    CHECK(explained(c.patrol, "repeat_findings", {"--from", "2026-01-01", "--to", "2026-12-31"}) == "1");
    CHECK(explained(c.patrol, "four_styles", {"--from", "2026-01-01", "--to", "2026-12-31"}) == "1");
    CHECK(explained(c.patrol, "overdue_tasks", {"--from", "2026-01-01", "--to", "2026-12-31", "--as-of", "2026-06-10"}) == "2");
    // A period that only meets R1.
    checkEveryFigure(c.patrol, "2026-01-01", "2026-03-15", "2026-03-15");
}

TEST_CASE("every work report figure equals its own SQL over the demo county", "[report][work]") {
    ScratchDir dir;
    Patrol patrol{dir};
    REQUIRE(patrol({"demo"}).exitCode == 0);
    checkEveryFigure(patrol, "2026-01-01", "2026-12-31", "2026-12-01");
    CHECK(explained(patrol, "findings", {"--from", "2026-01-01", "--to", "2026-12-31"}) == "7");
}

TEST_CASE("report explain names each record and why one was left out", "[report][work]") {
    WorkReportCounty c;
    Run r = c.ok({"report", "explain", "sanctioned_people", "--from", "2026-01-01", "--to", "2026-12-31"});
    CHECK(r.out ==
          "党纪政务处分（人）：1（2026-01-01 至 2026-12-31，截至 2026-12-31）\n"
          "记录                 是否计入  说明\n"
          "人员 李某（线索 1）  计入      警告\n"
          "人员 李某（线索 2）  未计入    已在线索 1 计入，每人只计一次\n"
          "人员 王某（线索 2）  未计入    未给予党纪政务处分\n"
          "计入 1 条，未计入 2 条。\n");
    r = c.ok({"report", "explain", "units_covered", "--from", "2026-01-01", "--to", "2026-12-31", "--term", "十五届"});
    CHECK(r.out ==
          "巡察覆盖单位（个）：2（2026-01-01 至 2026-12-31，十五届，截至 2026-12-31）\n"
          "记录     是否计入  说明\n"
          "单位 UA  计入      甲镇，乡镇，巡察轮次 R3\n"
          "单位 UC  计入      丙村，村，巡察轮次 R3\n"
          "单位 UB  未计入    乙局，县直部门：统计的轮次没有巡察这个单位\n"
          "单位 UD  未计入    丁社区，社区：统计的轮次没有巡察这个单位\n"
          "单位 UE  未计入    戊公司，国有企业：统计的轮次没有巡察这个单位\n"
          "单位 UX  未计入    县委办，其他：这类单位不计入巡察覆盖率\n"
          "计入 2 条，未计入 4 条。\n");
}

TEST_CASE("report work writes a Word document with the sentence, headings, tables and page numbers", "[report][work]") {
    WorkReportCounty c;
    const std::string file = c.dir.file("汇报.docx");
    Run r = c.ok({"report", "work", "--from", "2026-01-01", "--to", "2026-12-31", "--as-of", "2026-09-30", "-o", file});
    CHECK(r.out == "已写入工作汇报 " + file + "：3 轮巡察，发现问题 6 个，移交问题线索 3 件（2026-01-01 至 2026-12-31）。\n");
    const std::string dump = runPython(c.dir, {PATROL_DUMP_DOCX, file, "2"});
    CHECK(dump.substr(0, dump.find("first paragraph")) ==
          "page 210x297mm\n"
          "footer PAGE field\n"
          "Heading 1: 巡察工作情况汇报\n"
          "Heading 2: 一、巡察开展情况\n"
          "Heading 2: 二、发现问题情况\n"
          "Heading 2: 三、问题线索移交和处置情况\n"
          "Heading 2: 四、整改情况\n"
          "Heading 2: 五、屡查屡犯问题和巡察“回头看”\n"
          "Heading 2: 附录：各项数字的来源\n"
          "Heading 3: 开展巡察（轮）：3（rounds）\n"
          "Heading 3: 巡察覆盖单位（个）：3（units_covered）\n"
          "Heading 3: 发现问题（个）：6（findings）\n"
          "Heading 3: 四风问题（个）：1（four_styles）\n"
          "Heading 3: 移交问题线索（件）：3（clues_transferred）\n"
          "Heading 3: 线索涉及人员（人）：2（clue_people）\n"
          "Heading 3: 线索办结（件）：2（clues_closed）\n"
          "Heading 3: 四种形态（人次）：3（four_forms）\n"
          "Heading 3: 党纪政务处分（人）：1（sanctioned_people）\n"
          "Heading 3: 追缴挽回（元）：1250.50（money_recovered）\n"
          "Heading 3: 已反馈问题（个）：3（fed_back）\n"
          "Heading 3: 已整改问题（个）：1（rectified）\n"
          "Heading 3: 逾期整改任务（项）：2（overdue_tasks）\n"
          "Heading 3: 屡查屡犯问题（个）：1（repeat_findings）\n"
          "Heading 3: 回头看发现问题（个）：2（lookback_findings）\n");
    CHECK(dump.find("first paragraph: 2026-01-01至2026-12-31，县委" + kSentence + "\n") != std::string::npos);
    CHECK(dump.substr(dump.find("tables:")) ==
          "tables: 24\n"
          "巡察类型 | 轮数\n"
          "常规巡察 | 1\n"
          "专项巡察 | 1\n"
          "巡察\"回头看\" | 1\n"
          "--\n"
          "单位类型 | 应巡察（个） | 已巡察（个） | 覆盖率（％）\n"
          "乡镇 | 1 | 1 | 100.0\n"
          "县直部门 | 1 | 1 | 100.0\n"
          "村 | 1 | 1 | 100.0\n"
          "社区 | 1 | 0 | 0.0\n"
          "国有企业 | 1 | 0 | 0.0\n"
          "--\n");
}

TEST_CASE("report work with a term words the sentence by the term, and writes Markdown and HTML", "[report][work]") {
    WorkReportCounty c;
    const std::string md = c.dir.file("汇报.md");
    c.ok({"report", "work", "--from", "2026-01-01", "--to", "2026-12-31", "--term", "十五届", "-o", md});
    const std::string text = patrol::testing::readText(md);
    CHECK(text.find("# 十五届县委巡察工作情况汇报\n\n十五届县委共对1个乡镇0个县直机关单位和1个村（社）党组织开展了1轮巡察，"
                    "巡察覆盖率达到了40.0％，发现问题2个，向有关部门移交问题线索0件，办结0件，给予党政纪处分0人。\n") !=
          std::string::npos);
    CHECK(text.find("| R3 | 十五届县委第一轮巡察回头看 | R1 | 2 | 1 |\n") != std::string::npos);
    CHECK(text.find("| R3 | 十五届县委第一轮巡察回头看 | 0 | 0 | — | — |\n") != std::string::npos);
    c.ok({"report", "work", "--from", "2026-01-01", "--to", "2026-12-31", "--as-of", "2026-09-30", "-o", md});
    CHECK(patrol::testing::readText(md).find("| R1 | 第一轮巡察 | 3 | 1 | 33.3 | 2026-04-13 |\n") != std::string::npos);
    CHECK(text.find("| 享乐主义、奢靡之风 | 违规公款吃喝 | 1 |\n") != std::string::npos);

    const std::string html = c.dir.file("汇报.html");
    c.ok({"report", "work", "--from", "2026-01-01", "--to", "2026-12-31", "-o", html});
    const std::string page = patrol::testing::readText(html);
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(page.find("@page{size:A4") != std::string::npos);
    CHECK(page.find("<p>2026-01-01至2026-12-31，县委" + kSentence + "</p>") != std::string::npos);
    for (const char* external : {"http:", "https:", "//", "src=", "href=", "<link", "<script", "url(", "@import"}) {
        INFO(external);
        CHECK(page.find(external) == std::string::npos);
    }
}

TEST_CASE("report work and explain refuse what they cannot do, in Chinese, writing nothing", "[report][work]") {
    WorkReportCounty c;
    Run r = c.patrol({"report", "work", "--from", "2026-01-01", "--to", "2026-12-31", "-o", c.dir.file("汇报.pdf")});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 报告文件应以 .md（Markdown）、.html（网页，可打印）或 .docx（Word 文档）结尾，收到的是 \"" +
                       c.dir.file("汇报.pdf") + "\"。例如：汇报.docx\n");
    CHECK_FALSE(fs::exists(c.dir.file("汇报.pdf")));

    const std::string docx = c.dir.file("汇报.docx");
    r = c.patrol({"report", "work", "--from", "2026-01-01", "--to", "2026-12-31", "-o", docx}, "甲联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 用户「甲联系人」（被巡察单位联系人）无权生成工作汇报：只有巡察办管理员（admin）和领导小组（leader）可以这样做。\n");
    r = c.patrol({"report", "explain", "findings", "--from", "2026-01-01", "--to", "2026-12-31"}, "张组长");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 用户「张组长」（巡察组成员）无权生成工作汇报：只有巡察办管理员（admin）和领导小组（leader）可以这样做。\n");
    CHECK_FALSE(fs::exists(docx));
    CHECK(c.ok({"report", "work", "--from", "2026-01-01", "--to", "2026-12-31", "-o", docx}, "王书记").exitCode == 0);

    r = c.patrol({"report", "explain", "problems", "--from", "2026-01-01", "--to", "2026-12-31"});
    CHECK(r.exitCode == 2);
    CHECK(r.err ==
          "错误: 数字名称 \"problems\" 不认识。可以说明的数字有：rounds（开展巡察（轮））、units_covered（巡察覆盖单位（个））、"
          "findings（发现问题（个））、four_styles（四风问题（个））、clues_transferred（移交问题线索（件））、"
          "clue_people（线索涉及人员（人））、clues_closed（线索办结（件））、four_forms（四种形态（人次））、"
          "sanctioned_people（党纪政务处分（人））、money_recovered（追缴挽回（元））、fed_back（已反馈问题（个））、"
          "rectified（已整改问题（个））、overdue_tasks（逾期整改任务（项））、repeat_findings（屡查屡犯问题（个））、"
          "lookback_findings（回头看发现问题（个））。\n");

    r = c.patrol({"report", "work", "--to", "2026-12-31", "-o", docx});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 缺少必需的选项 --from。请用 --help 查看用法。\n");
    r = c.patrol({"report", "explain", "rounds", "--from", "2026-12-31", "--to", "2026-01-01"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 统计期间（--from）的开始日期 2026-12-31 晚于结束日期（--to）2026-01-01。请把开始日期写在前、结束日期写在后。\n");
}

TEST_CASE("round show gives the units' rectification report due date once the round is fed back", "[report][work]") {
    patrol::testing::ReportingCounty c;
    // R1 fed back on 2026-02-12; rectification.report_days is 60 unless set.
    CHECK(c.ok({"round", "show", "R1"}).out.find("\n整改情况报告期限：2026-04-13\n巡察对象：") != std::string::npos);
    CHECK(c.ok({"round", "show", "R2"}).out.find("整改情况报告期限") == std::string::npos);
    const std::string config = c.dir.file("patrol.ini");
    FILE* f = fopen(config.c_str(), "w");
    REQUIRE(f != nullptr);
    fputs("[rectification]\nreport_days = 30\n", f);
    fclose(f);
    CHECK(c.ok({"round", "show", "R1", "--config", config}).out.find("\n整改情况报告期限：2026-03-14\n") != std::string::npos);
}

TEST_CASE("report rectification drafts a unit's 整改情况报告 from what it entered, for its own unit only", "[report][work]") {
    patrol::testing::ReportingCounty c;
    const std::string file = c.dir.file("甲镇整改情况报告.docx");
    Run r = c.ok({"report", "rectification", "--round", "R1", "--unit", "UA", "--as-of", "2026-04-20", "-o", file}, "甲联系人");
    CHECK(r.out == "已写入整改情况报告 " + file + "：甲镇，反馈问题 1 个（报送期限 2026-04-13）。\n");
    CHECK(runPython(c.dir, {PATROL_DUMP_DOCX, file, "3"}) ==
          "page 210x297mm\n"
          "footer PAGE field\n"
          "Heading 1: 甲镇关于第一轮巡察反馈问题整改情况的报告\n"
          "Heading 2: 一、反馈问题的整改情况\n"
          "Heading 3: 1. 超标准接待（四风）\n"
          "Heading 2: 二、尚未完成的整改事项\n"
          "Heading 2: 三、建立健全长效机制\n"
          "first paragraph: 根据县委巡察组于2026-02-12反馈的意见，甲镇共收到反馈问题1个，制定整改措施1项，截至2026-04-20已完成"
          "（验收销号）1项，正在推进0项。本报告应于2026-04-13前报送县委巡察工作领导小组办公室。\n"
          "tables: 2\n"
          "整改措施 | 类型 | 责任领导 | 责任人 | 整改期限 | 状态 | 进度（％） | 销号日期\n"
          "退回超标准费用 | 立行立改 | 钱二 | 赵一 | 2026-03-14 | 已销号 | 100 | 2026-03-05\n"
          "--\n"
          "日期 | 进度（％） | 整改进展 | 填报人\n"
          "2026-03-01 | 100 | 已退回 | 甲联系人\n"
          "--\n");

    r = c.patrol({"report", "rectification", "--round", "R1", "--unit", "UB", "-o", c.dir.file("乙局.docx")}, "甲联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 单位「UB」不存在。请检查单位编码（可用 patrol unit list 查看所有单位）。\n");
    CHECK_FALSE(fs::exists(c.dir.file("乙局.docx")));
    r = c.patrol({"report", "rectification", "--round", "R2", "--unit", "UA", "-o", c.dir.file("R2.md")});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 巡察轮次 R2 还没有向单位 UA（甲镇）反馈问题，没有整改情况报告可写。轮次进入“反馈”阶段后再生成。\n");
    CHECK_FALSE(fs::exists(c.dir.file("R2.md")));
}

// The whole report, appendix included, as the renderer wrote it when it held every figure's rows
// and the whole text at once: making the rows one figure at a time and writing Markdown as it
// renders must not change a byte. The expected files were written by that earlier renderer.
TEST_CASE("report work writes every byte of the Markdown and HTML reports as the whole-text renderer did", "[report][work]") {
    WorkReportCounty c;
    for (const char* name : {"work_report.md", "work_report.html"}) {
        INFO(name);
        const std::string file = c.dir.file(name);
        c.ok({"report", "work", "--from", "2026-01-01", "--to", "2026-12-31", "--as-of", "2026-09-30", "-o", file});
        CHECK(patrol::testing::readText(file) ==
              patrol::testing::readText(std::string(PATROL_EXPECTED_REPORTS) + "/" + name));
    }
}
