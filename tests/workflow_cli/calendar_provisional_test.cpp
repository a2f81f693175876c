// A year no published calendar covers, through the built `patrol`: its days off are computed from
// the statutory holidays, marked 临时推算 / "provisional": true, and warned about once per run.
#include <catch2/catch.hpp>

#include "county.hpp"

using patrol::testing::Patrol;
using patrol::testing::Run;
using patrol::testing::ScratchDir;

namespace {

const std::string kWarning2027 =
    "警告：没有 2027 年的工作日历，该年的工作日按《全国年节及纪念日放假办法》的法定节假日临时推算"
    "（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节，适逢周末的在其后第一个工作日补假），"
    "不含国务院办公厅每年公布的调休安排，可能与实际不符；该年放假安排公布后，请在 config/calendars/ 中加入 "
    "2027.json 或用 --calendar 指定日历文件。\n";

}  // namespace

TEST_CASE("is-workday in an uncovered year says the answer is provisional and why", "[workflow_cli]") {
    ScratchDir dir;
    Patrol patrol(dir);
    Run r = patrol.raw({"calendar", "is-workday", "2027-01-01"});
    CHECK(r.exitCode == 0);
    CHECK(r.out == "2027-01-01（周五）不是工作日：节假日放假（元旦，临时推算）\n");
    CHECK(r.err == kWarning2027);
    r = patrol.raw({"calendar", "is-workday", "2027-02-09", "--format", "json"});
    CHECK(r.out == "{\"date\":\"2027-02-09\",\"weekday\":\"周二\",\"workday\":false,\"reason\":\"holiday\",\"provisional\":true}\n");
    r = patrol.raw({"calendar", "is-workday", "2027-02-13"});
    CHECK(r.out == "2027-02-13（周六）不是工作日：周末（临时推算）\n");
    r = patrol.raw({"calendar", "is-workday", "2027-02-11"});
    CHECK(r.out == "2027-02-11（周四）是工作日：正常工作日（临时推算）\n");
    // A published year is not provisional and warns nothing.
    r = patrol.raw({"calendar", "is-workday", "2026-10-01", "--format", "json"});
    CHECK(r.out == "{\"date\":\"2026-10-01\",\"weekday\":\"周四\",\"workday\":false,\"reason\":\"holiday\",\"provisional\":false}\n");
    CHECK(r.err.empty());
}

TEST_CASE("calendar show --year lists an uncovered year's statutory days off and make-up days as provisional", "[workflow_cli]") {
    ScratchDir dir;
    Patrol patrol(dir);
    Run r = patrol.raw({"calendar", "show", "--year", "2027", "--format", "csv"});
    CHECK(r.exitCode == 0);
    CHECK(r.out ==
          "date,weekday,kind,label,provisional\r\n"
          "2027-01-01,周五,holiday,放假（元旦，临时推算）,true\r\n"
          "2027-02-05,周五,holiday,放假（春节，临时推算）,true\r\n"
          "2027-02-08,周一,holiday,放假（春节，临时推算）,true\r\n"
          "2027-02-09,周二,holiday,放假（春节补假，临时推算）,true\r\n"
          "2027-02-10,周三,holiday,放假（春节补假，临时推算）,true\r\n"
          "2027-04-05,周一,holiday,放假（清明节，临时推算）,true\r\n"
          "2027-05-03,周一,holiday,放假（劳动节补假，临时推算）,true\r\n"
          "2027-05-04,周二,holiday,放假（劳动节补假，临时推算）,true\r\n"
          "2027-06-09,周三,holiday,放假（端午节，临时推算）,true\r\n"
          "2027-09-15,周三,holiday,放假（中秋节，临时推算）,true\r\n"
          "2027-10-01,周五,holiday,放假（国庆节，临时推算）,true\r\n"
          "2027-10-04,周一,holiday,放假（国庆节补假，临时推算）,true\r\n"
          "2027-10-05,周二,holiday,放假（国庆节补假，临时推算）,true\r\n");
    CHECK(r.err == kWarning2027);  // once, though every day of the year was looked at
    r = patrol.raw({"calendar", "show", "--year", "2027"});
    CHECK(r.out.find("2027 年：工作日 248 天，工作日放假 13 天，周末调休上班 0 天（按法定节假日临时推算，不含调休）。\n") !=
          std::string::npos);
}

TEST_CASE("ICU is loaded only by a command that meets a year without a calendar file", "[workflow_cli]") {
    ScratchDir dir;
    Patrol patrol(dir);
    // The dynamic loader names every library it loads, the ones opened on demand included.
    setenv("LD_DEBUG", "files", 1);
    const Run covered = patrol.raw({"calendar", "is-workday", "2026-10-10"});
    const Run uncovered = patrol.raw({"calendar", "is-workday", "2027-02-09"});
    unsetenv("LD_DEBUG");
    CHECK(covered.exitCode == 0);
    CHECK(covered.err.find("file=libicu") == std::string::npos);
    CHECK(uncovered.exitCode == 0);
    CHECK(uncovered.err.find("file=libicui18n.so") != std::string::npos);
}

TEST_CASE("a calendar file named with --calendar alone decides: a year it does not cover is Monday to Friday", "[workflow_cli]") {
    ScratchDir dir;
    Patrol patrol(dir);
    const std::string file = dir.write("2026.json", R"({"years": [2026], "holidays": ["2026-01-01"], "workdays": []})");
    const Run r = patrol.raw({"calendar", "is-workday", "2027-01-01", "--calendar", file, "--format", "json"});
    CHECK(r.exitCode == 0);
    CHECK(r.out == "{\"date\":\"2027-01-01\",\"weekday\":\"周五\",\"workday\":true,\"reason\":\"weekday\",\"provisional\":false}\n");
    CHECK(r.err.find("2027") != std::string::npos);
    CHECK(r.err.find("临时推算") == std::string::npos);
}
