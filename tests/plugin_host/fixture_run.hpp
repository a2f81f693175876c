// A fixture plugin run over a scratch data folder, as the plugin host tests set it up: the
// catalog of the fixture plugins, the folder the test writes its CSV files into, and the log
// lines the plugin wrote.
#pragma once

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include <patrol/sdk/civil.hpp>

#include "core/data/dataset.hpp"
#include "core/plugins/plugin_run.hpp"
#include "core/plugins/plugin_settings.hpp"
#include "data/temp_folder.hpp"
#include "fixture_paths.hpp"

namespace patrol::testing {

// items.csv for fixture_good: three rows, two of them its findings' sources.
inline const char* const kFixtureItems =
    "item_id,unit_code,day,amount,kind,count\n"
    "I3,U2,2026-01-03,250.50,a,\n"
    "I1,U1,2026-01-05,99.99,b,2\n"
    "I2,U1,2026-01-03,100.01,,\n";

struct FixturePluginRun {
    plugins::PluginCatalog catalog = plugins::PluginCatalog::discover({fixtureFolder()});
    TempFolder data;
    std::vector<std::string> logs;

    // Runs plugin `id` on the data folder as of 2026-03-01, weekends not working days, with a
    // timeout of 1 s.
    plugins::RunResult run(const std::string& id, bool isolate, const std::map<std::string, std::string>& overrides = {}) {
        plugins::PluginEntry* plugin = catalog.find(id);
        REQUIRE(plugin);
        const patrol::data::Dataset dataset = patrol::data::readDataset(data.path(), plugin->metadata->tables);
        plugins::RunRequest request;
        request.dataset = &dataset;
        request.asOf = *civil::parseDate("2026-03-01");
        request.isWorkingDay = [](int32_t day) { return !civil::isWeekend(day); };
        request.settings = plugins::resolveSettings(*plugin->metadata, overrides);
        request.isolate = isolate;
        request.timeoutSeconds = 1;
        request.log = [this](patrol_log_level level, const std::string& text) {
            logs.push_back(std::string(plugins::logLevelLabel(level)) + ":" + text);
        };
        return plugins::runPlugin(*plugin, request);
    }
};

}  // namespace patrol::testing
