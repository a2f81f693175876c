// Through the `patrol` executable: a unit user's own finding says nothing about a transfer.
#include "hidden_county.hpp"

using namespace security;

TEST_CASE("patrol: a unit user's own finding does not say it was transferred", "[security][cli][clue]") {
    HiddenCounty c;
    CHECK(c.ok({"finding", "show", "1"}).out.find("已移交线索：是\n") != std::string::npos);
    const Run unit = c.ok({"finding", "show", "1"}, "甲联系人");
    CHECK(unit.out.rfind("问题编号：#1\n", 0) == 0);
    CHECK(unit.out.find("移交") == std::string::npos);
    const Run json = c.ok({"finding", "show", "1", "--format", "json"}, "甲联系人");
    CHECK(json.out.find("\"id\":1") != std::string::npos);
    CHECK(json.out.find("transferred") == std::string::npos);
    const Run list = c.ok({"finding", "list", "--format", "csv"}, "甲联系人");
    CHECK(list.out.rfind("id,round,unit,unit_name,category,title,severity,amount,status,status_name,source\r\n1,R1,UA,", 0) == 0);
    CHECK(list.out.find("true") == std::string::npos);
    CHECK(c.ok({"finding", "list", "--format", "csv"}).out.find(",source,transferred\r\n") != std::string::npos);
}
