// The host's demands on a large run's findings, where the demands on each finding alone are
// checked on a second core while the refs' index is built: the same answer as one finding after
// another would give, the first finding that fails its own demands before any unknown ref.
#include "fixture_run.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "core/plugins/finding_arena.hpp"
#include "core/plugins/finding_checks.hpp"

using namespace patrol;
using namespace patrol::plugins;

namespace {

constexpr int kRows = 30000;  // past the size where the demands go to a second core

struct LargeRun {
    testing::FixturePluginRun fixture;
    const PluginMetadata* metadata = nullptr;
    std::vector<CheckFinding> findings;  // one per item, all good

    LargeRun() {
        std::ofstream items(fixture.data.path() / "items.csv");
        items << "item_id,unit_code,day,amount,kind,count\n";
        for (int i = 0; i < kRows; ++i) items << "I" << i << ",U" << i % 7 << ",2026-01-05,10.00,a,\n";
        std::ofstream(fixture.data.path() / "extras.csv") << "extra_id\n";
        metadata = &*fixture.catalog.find("fixture_good")->metadata;
        for (int i = 0; i < kRows; ++i) {
            CheckFinding f;
            f.plugin = "fixture_good";
            f.rule = "FX-02";
            f.unit = "U" + std::to_string(i % 7);
            f.refs = {"I" + std::to_string(i)};
            f.title = "事项 I" + std::to_string(i);
            findings.push_back(f);
        }
    }

    // The answer for the findings as owned and as held in an arena, which must agree.
    std::optional<std::string> violation() {
        const data::Dataset dataset = data::readDataset(fixture.data.path(), metadata->tables);
        REQUIRE(dataset.acceptedRows() == kRows);
        FindingArena arena;
        for (const auto& f : findings) arena.add(f);
        const auto owned = findingViolation(*metadata, &dataset, findings);
        CHECK(findingViolation(*metadata, &dataset, arena) == owned);
        return owned;
    }
};

const std::string kHead = "报告的疑似问题不合规：";

}  // namespace

TEST_CASE("a large run's good findings pass the host's demands") {
    LargeRun run;
    CHECK_FALSE(run.violation());
}

TEST_CASE("in a large run the first finding failing its own demands is named, before any earlier unknown ref") {
    LargeRun run;
    run.findings[20000].refs = {"I99999"};
    run.findings[28000].title.clear();
    run.findings[29000].detail = "\xFF";
    CHECK(run.violation() == kHead + "规则 FX-02 的第 28001 个问题（单位 \"U0\"，记录 \"I28000\"）：title 为空，应写明涉及的记录和数字");
}

TEST_CASE("in a large run whose findings all meet their own demands, an unknown ref is named") {
    LargeRun run;
    run.findings[20000].refs = {"I99999"};
    CHECK(run.violation() == kHead + "规则 FX-02 的第 20001 个问题（单位 \"U1\"，记录 \"I99999\"）：refs 中的 \"I99999\" 不是本次读取的数据中任何一行的记录编号（记录编号列：items.item_id、extras.extra_id）");
}

// The refs are looked up by scanning every id column's rows end to end, in slices of 65,536 rows
// taken by two threads once there are 200,000 rows or more: ids on either side of a slice's edge,
// in a slice that runs from one table into the next, and in either table, are found, and an id
// in neither is still named.
TEST_CASE("refs are found in every id column when the scan is shared between two threads") {
    testing::FixturePluginRun fixture;
    constexpr int kItems = 150000, kExtras = 100000;  // rows 131,072-196,607 are one slice
    {
        std::ofstream items(fixture.data.path() / "items.csv");
        items << "item_id,unit_code,day,amount,kind,count\n";
        for (int i = 0; i < kItems; ++i) items << "I" << i << ",U1,2026-01-05,10.00,a,\n";
        std::ofstream extras(fixture.data.path() / "extras.csv");
        extras << "extra_id\n";
        for (int i = 0; i < kExtras; ++i) extras << "X" << i << "\n";
    }
    const PluginMetadata& metadata = *fixture.catalog.find("fixture_good")->metadata;
    const data::Dataset dataset = data::readDataset(fixture.data.path(), metadata.tables);
    REQUIRE(dataset.acceptedRows() == kItems + kExtras);
    std::vector<CheckFinding> findings;
    for (const std::string ref : {"I0", "I65535", "I65536", "I124999", "I131072", "I149999", "X0", "X46607", "X46608", "X99999"}) {
        CheckFinding f;
        f.plugin = "fixture_good";
        f.rule = "FX-02";
        f.unit = "U1";
        f.refs = {ref};
        f.title = std::string("事项 ").append(ref);
        findings.push_back(f);
    }
    CHECK_FALSE(findingViolation(metadata, &dataset, findings));
    findings[5].refs = {"X100000"};
    CHECK(findingViolation(metadata, &dataset, findings) ==
          kHead + "规则 FX-02 的第 6 个问题（单位 \"U1\"，记录 \"X100000\"）：refs 中的 \"X100000\" 不是本次读取的数据中任何一行的记录编号（记录编号列：items.item_id、extras.extra_id）");
}
