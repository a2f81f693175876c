// One catalog shared by threads: while runs on other threads load plugins and mark them failed,
// a reader (a listing, a lookup) sees each plugin's state and error as one consistent pair.
#include "core/data/dataset.hpp"
#include "core/plugins/plugin_run.hpp"
#include "core/plugins/plugin_settings.hpp"
#include "data/temp_folder.hpp"
#include "fixture_paths.hpp"

#include <patrol/sdk/civil.hpp>

#include <atomic>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

using namespace patrol::plugins;
using patrol::testing::fixtureFolder;
using patrol::testing::fixtureLabel;

namespace {

RunRequest inProcess(const PluginEntry& plugin, const patrol::data::Dataset& dataset) {
    RunRequest request;
    request.dataset = &dataset;
    request.asOf = *patrol::civil::parseDate("2026-03-01");
    request.isWorkingDay = [](int32_t day) { return !patrol::civil::isWeekend(day); };
    request.settings = resolveSettings(*plugin.metadata, {});
    request.timeoutSeconds = 2;
    return request;
}

}  // namespace

TEST_CASE("a catalog is read on one thread while others load, run and fail its plugins") {
    PluginCatalog catalog = PluginCatalog::discover({fixtureFolder()});
    patrol::testing::TempFolder data;
    data.write("items.csv", "item_id,unit_code,day,amount,kind,count\nI1,U1,2026-01-05,100.01,b,2\n");
    PluginEntry* throws = catalog.find("fixture_throws");
    PluginEntry* good = catalog.find("fixture_good");
    REQUIRE(throws);
    REQUIRE(good);
    const patrol::data::Dataset throwsData = patrol::data::readDataset(data.path(), throws->metadata->tables);
    const patrol::data::Dataset goodData = patrol::data::readDataset(data.path(), good->metadata->tables);
    const std::string thrown = fixtureLabel("fixture_throws") + "运行出错：夹具插件故意抛出的异常。本次检查结果未记录。";

    // Errors fixed at discovery, to tell a torn read from a plugin that was always broken.
    std::map<std::string, std::string> discovered;
    for (const auto& p : catalog.plugins()) discovered[p.id] = p.status().error;

    constexpr int kRuns = 30;
    std::atomic<int> running{2};
    std::vector<RunResult> failed, found;
    std::thread failing([&] {
        for (int i = 0; i < kRuns; ++i) failed.push_back(runPlugin(*throws, inProcess(*throws, throwsData)));
        --running;
    });
    std::thread finding([&] {
        for (int i = 0; i < kRuns; ++i) found.push_back(runPlugin(*good, inProcess(*good, goodData)));
        --running;
    });

    // Lookups by name, as a request naming a plugin makes them, with no lock taken in between.
    std::atomic<int> lookups{0}, misfound{0};
    std::thread looking([&] {
        while (running > 0) {
            misfound += catalog.find("fixture_throws") == throws && catalog.find("fixture_good") == good ? 0 : 1;
            ++lookups;
        }
    });

    // The reader: what `plugin list` and `check` read, over and over while the runs go on. What
    // it sees wrong is counted and checked once at the end, so the number of assertions does not
    // depend on how many reads the runs left time for.
    std::set<std::string> throwsStates;
    int reads = 0, torn = 0, wronglyUsable = 0, lostByName = 0;
    while (running > 0 || reads == 0) {
        for (const auto& p : catalog.plugins()) {
            const PluginStatus s = p.status();
            const bool consistent = p.id == "fixture_throws"
                                        ? (s.state == PluginState::Failed ? s.error == thrown : s.error.empty())
                                        : ((s.state == PluginState::Failed) == !discovered[p.id].empty()) && s.error == discovered[p.id];
            torn += consistent ? 0 : 1;
            if (p.id != "fixture_throws") wronglyUsable += p.usable() == discovered[p.id].empty() ? 0 : 1;
        }
        lostByName += catalog.find("fixture_throws") == throws ? 0 : 1;  // found by name alone, whatever its state
        throwsStates.insert(std::string(stateCode(catalog.find("fixture_throws")->status().state)));
        ++reads;
    }
    failing.join();
    finding.join();
    looking.join();
    CHECK(misfound == 0);

    CHECK(torn == 0);
    CHECK(wronglyUsable == 0);
    CHECK(lostByName == 0);
    CHECK(reads > 0);
    REQUIRE(failed.size() == kRuns);
    for (const auto& r : failed) {
        CHECK_FALSE(r.ok);
        CHECK(r.error == thrown);
    }
    REQUIRE(found.size() == kRuns);
    for (const auto& r : found) {
        CHECK(r.ok);
        CHECK(r.findings.size() == found.front().findings.size());
    }
    CHECK(throwsStates.count("failed") == 1);
    const PluginStatus end = throws->status();
    CHECK(end.state == PluginState::Failed);
    CHECK(end.error == thrown);
    CHECK(good->status().state == PluginState::Loaded);
    CHECK(good->status().error.empty());
}
