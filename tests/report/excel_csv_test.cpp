#include <catch2/catch.hpp>

#include "reporting_county.hpp"

using patrol::testing::ReportingCounty;
using patrol::testing::Run;

namespace {
const std::string kBom = "\xEF\xBB\xBF";
}

TEST_CASE("CSV for Excel (--excel) has a BOM, the table's Chinese headers and words, CRLF", "[report][csv]") {
    ReportingCounty c;
    Run r = c.ok({"task", "list", "--format", "csv", "--excel", "--as-of", "2026-04-20"});
    CHECK(r.out == kBom +
                       "编号,问题,轮次,单位,类型,期限,剩余天数,状态,预警,责任人,问题标题\r\n"
                       "1,1,R1,UA,立行立改,2026-03-14,,已销号,无,赵一,超标准接待\r\n"
                       "2,2,R1,UB,限期整改,2026-04-13,-7,已制定措施,无,孙三,资金滞留\r\n"
                       "3,3,R1,UB,限期整改,2026-04-13,-7,已交办,无,,违规发放津贴\r\n");
    // --format csv is implied; the plain CSV keeps its English names and code words.
    CHECK(c.ok({"task", "list", "--excel", "--as-of", "2026-04-20"}).out == r.out);
    r = c.ok({"task", "list", "--format", "csv", "--as-of", "2026-04-20", "--round", "R1", "--unit", "UA"});
    CHECK(r.out == "id,finding_id,round,unit,kind,due,days_left,status,level,handler,title\r\n"
                   "1,1,R1,UA,immediate,2026-03-14,,accepted,none,赵一,超标准接待\r\n");

    // Label columns a table does not show are left out; booleans read 是/否; a comma is quoted.
    c.ok({"finding", "add", "--round", "R2", "--unit", "UA", "--category", "资金", "--title", "挪用，\"专项\"资金"});
    r = c.ok({"finding", "list", "--round", "R2", "--excel"}, "王书记");
    CHECK(r.out == kBom +
                       "编号,轮次,单位,单位名称,类别,问题,严重程度,金额（元）,状态,来源,已移交\r\n"
                       "4,R2,UA,甲镇,资金,专项资金挪用,较重,8000.50,已确认,人工录入,否\r\n"
                       "5,R2,UA,甲镇,资金,\"挪用，\"\"专项\"\"资金\",较重,,已确认,人工录入,否\r\n");
    r = c.ok({"clue", "stats", "--excel"});
    CHECK(r.out == kBom +
                       "接收单位,线索(件),人数(人),已办结,办结率%,第一种形态,第二种形态,第三种形态,第四种形态,"
                       "党纪政务处分(人),移送司法(人次),追缴挽回(元)\r\n"
                       "纪检监察机关,1,1,1,100.0,0,1,0,0,1,0,1000.00\r\n"
                       "合计,1,1,1,100.0,0,1,0,0,1,0,1000.00\r\n");
}

TEST_CASE("CSV for Excel is refused with another format and offered by every list command", "[report][csv]") {
    ReportingCounty c;
    Run r = c.patrol({"round", "list", "--format", "json", "--excel"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: --excel 只用于 CSV 输出，不能与 --format json 同时使用。请改用 --format csv --excel，或去掉 --excel。\n");
    CHECK(r.out.empty());
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"unit", "list"}, {"round", "list"}, {"finding", "list"}, {"task", "list"}, {"clue", "list"},
          {"clue", "stats"}, {"notice", "list"}, {"user", "list"}, {"audit", "log"}, {"calendar", "show"}, {"plugin", "list"}}) {
        auto words = command;
        words.push_back("--help");
        r = c.ok(words);
        INFO(command[0] << " " << command[1]);
        CHECK(r.out.find("  --excel                    CSV 给 Excel 用：UTF-8 BOM、中文列名和取值、CRLF 换行（可省略 --format csv）\n") !=
              std::string::npos);
    }
    r = c.ok({"task", "show", "--help"});
    CHECK(r.out.find("--excel") == std::string::npos);
}
