#include <catch2/catch.hpp>

#include <filesystem>

#include <patrol/sdk/civil.hpp>

#include "core/services/ledger_workbook.hpp"
#include "core/services/settings.hpp"
#include "core/store/database.hpp"
#include "reporting_county.hpp"
#include "workbook_dump.hpp"

using patrol::testing::ReportingCounty;
using patrol::testing::Run;
using patrol::testing::dumpWorkbook;

namespace fs = std::filesystem;

namespace {

// The names in a folder, to see that nothing but the workbook was left there.
std::string filesIn(const std::string& folder) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    std::string out;
    for (const auto& n : names) out += n + "\n";
    return out;
}

}  // namespace

// R1 was fed back on 2026-02-12: its units' 整改情况报告 is due 60 days later (rectification.report_days).
TEST_CASE("report ledger writes the task list with dates, colours and the statistics sheet with charts", "[report][ledger]") {
    ReportingCounty c;
    const std::string file = c.dir.file("台账.xlsx");
    Run r = c.ok({"report", "ledger", "-o", file, "--as-of", "2026-04-20"});
    CHECK(r.out == "已写入台账 " + file + "：问题清单 4 条，整改清单 3 条，责任清单 4 条（截至 2026-04-20）。\n");
    CHECK(dumpWorkbook(c.dir, file, {"整改清单", "统计"}) ==
          "sheets: 问题清单,整改清单,责任清单,统计\n"
          "[整改清单] freeze=A2 filter=A1:S4 charts=\n"
          "widths: A=11.7109 B=11.7109 C=15.7109 D=8.71094 E=11.7109 F=11.7109 G=11.7109 H=17.7109 I=9.71094 J=11.7109 K=13.7109 L=13.7109 M=13.7109 N=16.7109 O=11.7109 P=11.7109 Q=11.7109 R=25.7109 S=13.7109\n"
          "A1 s '任务编号' fill=FFD9E1F2\n"
          "B1 s '问题编号' fill=FFD9E1F2\n"
          "C1 s '问题标题' fill=FFD9E1F2\n"
          "D1 s '轮次' fill=FFD9E1F2\n"
          "E1 s '单位编码' fill=FFD9E1F2\n"
          "F1 s '单位名称' fill=FFD9E1F2\n"
          "G1 s '整改类型' fill=FFD9E1F2\n"
          "H1 s '整改措施' fill=FFD9E1F2\n"
          "I1 s '责任人' fill=FFD9E1F2\n"
          "J1 s '责任领导' fill=FFD9E1F2\n"
          "K1 s '交办日期' fill=FFD9E1F2\n"
          "L1 s '整改期限' fill=FFD9E1F2\n"
          "M1 s '状态' fill=FFD9E1F2\n"
          "N1 s '完成进度（%）' fill=FFD9E1F2\n"
          "O1 s '预警等级' fill=FFD9E1F2\n"
          "P1 s '剩余天数' fill=FFD9E1F2\n"
          "Q1 s '逾期天数' fill=FFD9E1F2\n"
          "R1 s '最近进展' fill=FFD9E1F2\n"
          "S1 s '销号日期' fill=FFD9E1F2\n"
          "A2 n 1\n"
          "B2 n 1\n"
          "C2 s '超标准接待'\n"
          "D2 s 'R1'\n"
          "E2 s 'UA'\n"
          "F2 s '甲镇'\n"
          "G2 s '立行立改'\n"
          "H2 s '退回超标准费用'\n"
          "I2 s '赵一'\n"
          "J2 s '钱二'\n"
          "K2 d 2026-02-12 fmt=yyyy-mm-dd\n"
          "L2 d 2026-03-14 fmt=yyyy-mm-dd\n"
          "M2 s '已销号'\n"
          "N2 n 100\n"
          "O2 s '无'\n"
          "R2 s '2026-03-01 100% 已退回'\n"
          "S2 d 2026-03-05 fmt=yyyy-mm-dd\n"
          "A3 n 2\n"
          "B3 n 2\n"
          "C3 s '资金滞留'\n"
          "D3 s 'R1'\n"
          "E3 s 'UB'\n"
          "F3 s '乙局'\n"
          "G3 s '限期整改'\n"
          "H3 s '拨付滞留资金'\n"
          "I3 s '孙三'\n"
          "J3 s '李四'\n"
          "K3 d 2026-02-12 fmt=yyyy-mm-dd\n"
          "L3 d 2026-04-13 fmt=yyyy-mm-dd\n"
          "M3 s '已制定措施'\n"
          "O3 s '红色督办' fill=FFFFC7CE\n"
          "Q3 n 7\n"
          "A4 n 3\n"
          "B4 n 3\n"
          "C4 s '违规发放津贴'\n"
          "D4 s 'R1'\n"
          "E4 s 'UB'\n"
          "F4 s '乙局'\n"
          "G4 s '限期整改'\n"
          "K4 d 2026-02-12 fmt=yyyy-mm-dd\n"
          "L4 d 2026-04-13 fmt=yyyy-mm-dd\n"
          "M4 s '已交办'\n"
          "O4 s '红色督办' fill=FFFFC7CE\n"
          "Q4 n 7\n"
          "[统计] freeze=None filter=None charts=BarChart,PieChart\n"
          "widths: A=11.7109 B=13.7109 C=17.7109 D=11.7109 E=13.7109 F=19.7109 G=11.7109 H=11.7109\n"
          "A1 s '统计截至 2026-04-20（口径见 docs/statistics.md）'\n"
          "A3 s '一、未销号整改任务（按预警等级）'\n"
          "A4 s '单位编码' fill=FFD9E1F2\n"
          "B4 s '单位名称' fill=FFD9E1F2\n"
          "C4 s '无' fill=FFD9E1F2\n"
          "D4 s '绿色提醒' fill=FFD9E1F2\n"
          "E4 s '黄色预警' fill=FFD9E1F2\n"
          "F4 s '红色督办' fill=FFD9E1F2\n"
          "G4 s '问责建议' fill=FFD9E1F2\n"
          "H4 s '合计' fill=FFD9E1F2\n"
          "A5 s 'UB'\n"
          "B5 s '乙局'\n"
          "C5 n 0\n"
          "D5 n 0\n"
          "E5 n 0\n"
          "F5 n 2\n"
          "G5 n 0\n"
          "H5 n 2\n"
          "A6 s '合计'\n"
          "C6 n 0\n"
          "D6 n 0\n"
          "E6 n 0\n"
          "F6 n 2\n"
          "G6 n 0\n"
          "H6 n 2\n"
          "A8 s '二、发现问题（按类别）'\n"
          "A9 s '问题类别' fill=FFD9E1F2\n"
          "B9 s '问题数' fill=FFD9E1F2\n"
          "C9 s '涉及金额（元）' fill=FFD9E1F2\n"
          "A10 s '四风'\n"
          "B10 n 2\n"
          "C10 n 1200 fmt=#,##0.00\n"
          "A11 s '资金'\n"
          "B11 n 2\n"
          "C11 n 8000.5 fmt=#,##0.00\n"
          "A12 s '合计'\n"
          "B12 n 4\n"
          "C12 n 9200.5 fmt=#,##0.00\n"
          "A14 s '三、整改完成率'\n"
          "A15 s '轮次' fill=FFD9E1F2\n"
          "B15 s '名称' fill=FFD9E1F2\n"
          "C15 s '已反馈问题' fill=FFD9E1F2\n"
          "D15 s '已整改' fill=FFD9E1F2\n"
          "E15 s '整改完成率' fill=FFD9E1F2\n"
          "F15 s '整改情况报告期限' fill=FFD9E1F2\n"
          "A16 s 'R1'\n"
          "B16 s '第一轮巡察'\n"
          "C16 n 3\n"
          "D16 n 1\n"
          "E16 n 0.333 fmt=0.0%\n"
          "F16 d 2026-04-13 fmt=yyyy-mm-dd\n"
          "A17 s 'R2'\n"
          "B17 s '第二轮巡察'\n"
          "C17 n 0\n"
          "D17 n 0\n"
          "A18 s '合计'\n"
          "C18 n 3\n"
          "D18 n 1\n"
          "E18 n 0.333 fmt=0.0%\n");
}

TEST_CASE("report ledger lists every found finding with names, money and the clue column", "[report][ledger]") {
    ReportingCounty c;
    const std::string file = c.dir.file("ledger.xlsx");
    c.ok({"report", "ledger", "--round", "R1", "-o", file, "--as-of", "2026-04-20"}, "王书记");
    const std::string dump = dumpWorkbook(c.dir, file, {"问题清单", "责任清单"});
    CHECK(dump.find("[问题清单] freeze=A2 filter=A1:O4 charts=\n") != std::string::npos);
    CHECK(dump.find("O1 s '已移交线索' fill=FFD9E1F2\n") != std::string::npos);
    // Finding 2 went on as a clue; finding 3 carries money as a number formatted #,##0.00.
    CHECK(dump.find("A3 n 2\nB3 s 'R1'\nC3 s 'UB'\nD3 s '乙局'\nE3 s '资金'\nF3 s '资金滞留'\nH3 s '较重'\nL3 s '人工录入'\n"
                    "M3 s '整改中'\nN3 s '否'\nO3 s '是'\n") != std::string::npos);
    CHECK(dump.find("I4 n 1200 fmt=#,##0.00\n") != std::string::npos);
    CHECK(dump.find("R2") == std::string::npos);  // only the round asked for
    // One row per person per task, with that person's open and overdue tasks on the day.
    CHECK(dump.find("[责任清单] freeze=A2 filter=A1:J5 charts=\n") != std::string::npos);
    CHECK(dump.find("A4 s 'UB'\nB4 s '乙局'\nC4 s '孙三'\nD4 s '责任人'\nE4 n 2\nF4 s '资金滞留'\nG4 s '已制定措施'\n"
                    "H4 d 2026-04-13 fmt=yyyy-mm-dd\nI4 n 1\nJ4 n 1\n") != std::string::npos);
}

TEST_CASE("a unit contact's ledger holds only its own unit's rows and no clue column", "[report][ledger]") {
    ReportingCounty c;
    const std::string file = c.dir.file("乙局.xlsx");
    Run r = c.ok({"report", "ledger", "-o", file, "--as-of", "2026-04-20"}, "乙联系人");
    CHECK(r.out == "已写入台账 " + file + "：问题清单 2 条，整改清单 2 条，责任清单 2 条（截至 2026-04-20）。\n");
    const std::string dump = dumpWorkbook(c.dir, file);
    const std::string findings = dump.substr(0, dump.find("[整改清单]"));
    CHECK(findings.find("[问题清单] freeze=A2 filter=A1:N3 charts=\n") != std::string::npos);
    CHECK(dump.find("已移交线索") == std::string::npos);
    CHECK(dump.find("'UA'") == std::string::npos);
    CHECK(dump.find("甲镇") == std::string::npos);
    CHECK(dump.find("R2") == std::string::npos);
    CHECK(findings.find("C2 s 'UB'\n") != std::string::npos);
    CHECK(findings.find("C3 s 'UB'\n") != std::string::npos);
    CHECK(findings.find("C4 s") == std::string::npos);

    r = c.patrol({"report", "ledger", "--unit", "UA", "-o", c.dir.file("甲镇.xlsx")}, "乙联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 单位「UA」不存在。请检查单位编码（可用 patrol unit list 查看所有单位）。\n");
    CHECK(!fs::exists(c.dir.file("甲镇.xlsx")));
}

TEST_CASE("report ledger refuses a bad output path and leaves nothing half-written", "[report][ledger]") {
    ReportingCounty c;
    fs::create_directory(c.dir.file("out"));
    Run r = c.patrol({"report", "ledger", "-o", c.dir.file("out/台账.csv")});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 台账文件（-o）应以 .xlsx 结尾，收到的是 \"" + c.dir.file("out/台账.csv") + "\"。例如：-o 台账.xlsx\n");
    r = c.patrol({"report", "ledger", "-o", c.dir.file("missing/台账.xlsx")});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 台账文件 " + c.dir.file("missing/台账.xlsx") + " 无法写入：目录 " + c.dir.file("missing") +
                       " 不存在。请先创建该目录，或换一个路径。\n");
    fs::create_directory(c.dir.file("out/a.xlsx"));
    r = c.patrol({"report", "ledger", "-o", c.dir.file("out/a.xlsx")});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 台账文件 " + c.dir.file("out/a.xlsx") + " 是一个目录。请给出文件名，例如 " + c.dir.file("out/a.xlsx/台账.xlsx") + "。\n");
    r = c.patrol({"report", "ledger", "--from", "2026-05-01", "--to", "2026-04-01", "-o", c.dir.file("out/b.xlsx")});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 统计期间（--from）的开始日期 2026-05-01 晚于结束日期（--to）2026-04-01。请把开始日期写在前、结束日期写在后。\n");
    r = c.patrol({"report", "ledger"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 缺少必需的选项 -o。请用 --help 查看用法。\n");
    CHECK(filesIn(c.dir.file("out")) == "a.xlsx\n");

    // An existing workbook is replaced whole; no temporary file stays beside it.
    c.dir.write("out/c.xlsx", "old");
    c.ok({"report", "ledger", "--round", "R2", "-o", c.dir.file("out/c.xlsx")});
    CHECK(filesIn(c.dir.file("out")) == "a.xlsx\nc.xlsx\n");
    CHECK(dumpWorkbook(c.dir, c.dir.file("out/c.xlsx"), {"问题清单"}).find("B2 s 'R2'\n") != std::string::npos);
}

TEST_CASE("report ledger --from --to takes the rounds whose dates meet the period", "[report][ledger]") {
    ReportingCounty c;
    Run r = c.ok({"report", "ledger", "--from", "2026-04-01", "--to", "2026-12-31", "-o", c.dir.file("p.xlsx")});
    CHECK(r.out.find("问题清单 1 条，整改清单 0 条，责任清单 0 条") != std::string::npos);
    r = c.ok({"report", "ledger", "--to", "2026-03-31", "-o", c.dir.file("q.xlsx")});
    CHECK(r.out.find("问题清单 3 条，整改清单 3 条，责任清单 4 条") != std::string::npos);
    r = c.ok({"report", "ledger", "--from", "2027-01-01", "-o", c.dir.file("e.xlsx")});
    CHECK(r.out.find("问题清单 0 条，整改清单 0 条，责任清单 0 条") != std::string::npos);
    CHECK(dumpWorkbook(c.dir, c.dir.file("e.xlsx"), {"统计"}).find("charts=\n") != std::string::npos);
}

TEST_CASE("the ledger's report due date follows rectification.report_days and stays empty before feedback", "[report][ledger]") {
    ReportingCounty c;
    c.dir.write("patrol.ini", "[rectification]\nreport_days = 30\n");
    c.ok({"report", "ledger", "--as-of", "2026-04-20", "--config", c.dir.file("patrol.ini"), "-o", c.dir.file("d.xlsx")});
    const std::string dump = dumpWorkbook(c.dir, c.dir.file("d.xlsx"), {"统计"});
    CHECK(dump.find("F16 d 2026-03-14 fmt=yyyy-mm-dd\n") != std::string::npos);
    CHECK(dump.find("F17 ") == std::string::npos);  // R2 has not been fed back
    CHECK(dump.find("F18 ") == std::string::npos);  // the total row has no date
}

// The fast deflate level is a seam for speed: the workbook it writes must hold exactly what the
// default level's (libxlsxwriter's own) holds, and must really be deflated at the fast level.
TEST_CASE("a ledger deflated at the fast level holds the same cells as the default-level reference", "[report][ledger]") {
    ReportingCounty c;
    auto db = patrol::store::Database::open(c.patrol.db());
    patrol::services::StatisticsQuery query;
    query.asOf = *patrol::civil::parseDate("2026-04-20");
    const patrol::services::CategoryNames names = patrol::services::CategoryNames::installed(patrol::services::Settings::defaults());
    const auto ledger = patrol::services::readLedger(db, patrol::services::localAdministrator(), query, names, {});
    const std::string reference = c.dir.file("reference.xlsx"), fast = c.dir.file("fast.xlsx");
    patrol::services::writeLedgerWorkbook(ledger, names, reference, patrol::services::ZipEffort::Default);
    patrol::services::writeLedgerWorkbook(ledger, names, fast, patrol::services::ZipEffort::Fast);

    const std::string cells = dumpWorkbook(c.dir, reference);
    CHECK(cells.find("[整改清单] freeze=A2 filter=A1:S4") != std::string::npos);
    CHECK(dumpWorkbook(c.dir, fast) == cells);
    const std::string referenceEntries = zipEntries(c.dir, reference);
    CHECK(referenceEntries.find("xl/worksheets/sheet1.xml normal\n") != std::string::npos);
    CHECK(referenceEntries.find("superfast") == std::string::npos);
    std::string fastEntries = referenceEntries;
    for (size_t at = 0; (at = fastEntries.find(" normal\n", at)) != std::string::npos; at += 1)
        fastEntries.replace(at, 8, " superfast\n");
    CHECK(zipEntries(c.dir, fast) == fastEntries);

    // The command writes the fast kind, and the level stays where it was for any later zip.
    c.ok({"report", "ledger", "--as-of", "2026-04-20", "-o", c.dir.file("cli.xlsx")});
    CHECK(zipEntries(c.dir, c.dir.file("cli.xlsx")) == fastEntries);
    patrol::services::writeLedgerWorkbook(ledger, names, reference, patrol::services::ZipEffort::Default);
    CHECK(zipEntries(c.dir, reference) == referenceEntries);
}
