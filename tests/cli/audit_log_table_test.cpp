// `patrol audit log` as a table fits a terminal: long JSON is clipped and the hash shortened,
// while --format json carries every event whole.
#include <catch2/catch.hpp>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

TEST_CASE("the audit log table clips long JSON and the hash, JSON output keeps them whole") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    REQUIRE(patrol({"unit", "add", "--code", "QX-HT", "--name", "河塘镇", "--kind", "township"}).exitCode == 0);
    const std::string at = rawScalar(patrol.db(), "SELECT at FROM audit_events WHERE id = 1");
    const std::string hash = rawScalar(patrol.db(), "SELECT hash FROM audit_events WHERE id = 1");
    const std::string after = rawScalar(patrol.db(), "SELECT after_json FROM audit_events WHERE id = 1");
    REQUIRE(after.size() > 200);

    auto run = patrol({"audit", "log"});
    CHECK(run.exitCode == 0);
    // 40 terminal columns of JSON (河塘镇 takes six), the last one "…"; 12 characters of hash.
    CHECK(run.out ==
          "序号  时间（UTC）           操作人  操作      对象  对象编号  改动前  改动后                                    哈希\n"
          "1     " + at + "  admin   unit.add  unit  QX-HT     -       {\"code\":\"QX-HT\",\"name\":\"河塘镇\",\"kind\":…  " +
          hash.substr(0, 12) + "\n（共 1 条）\n");

    run = patrol({"audit", "log", "--format", "json"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "[\n {\"id\":1,\"at\":\"" + at +
                         "\",\"actor\":\"admin\",\"action\":\"unit.add\",\"entity\":\"unit\",\"entity_id\":\"QX-HT\",\"before\":null,"
                         "\"after\":" + after + ",\"hash\":\"" + hash + "\"}\n]\n");

    run = patrol({"audit", "log", "--format", "csv"});
    CHECK(run.out.find(hash) != std::string::npos);
    CHECK(run.out.find("\"\"created_at\"\"") != std::string::npos);
}
