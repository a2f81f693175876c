// Running one plugin over a dataset: the host API it calls back (tables, working days,
// settings, emit, log, progress), in this process or isolated in a child process.
#pragma once

#include "core/data/dataset.hpp"
#include "core/plugins/finding_arena.hpp"
#include "core/plugins/plugin_catalog.hpp"

#include <patrol/plugin_abi.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace patrol::plugins {

struct RunRequest {
    const data::Dataset* dataset = nullptr;
    int32_t asOf = 0;                                    // days since 1970-01-01
    std::function<bool(int32_t day)> isWorkingDay;
    std::map<std::string, std::string> settings;         // from resolveSettings
    bool isolate = false;
    int timeoutSeconds = 60;                             // isolated runs only
    std::function<void(patrol_log_level, const std::string&)> log;  // the plugin's log lines
    std::function<void(double)> progress;                // optional
    bool fingerprints = true;                            // false: leave CheckFinding::fingerprint empty (a dry run prints none)
    // Called once the plugin returns (in the child when isolated); each text is logged as a
    // warning. For notices that arise while the plugin runs, e.g. a year no calendar covers.
    std::function<std::vector<std::string>()> notices;
    // Called once the plugin has finished without error (in the child when isolated), before
    // its findings are checked: from then on only the string id columns of the dataset are read
    // (the refs are looked up there), so the caller may free the rest (Dataset::releaseAllButIds).
    std::function<void()> idsOnly;
    // Called once nothing reads the dataset any more (the plugin has returned, or its child
    // process has ended, and the findings' refs were checked against it), before the findings
    // are ordered: the caller may free it from then on. Not called when the run fails.
    std::function<void()> doneReading;
};

struct RunResult {
    bool ok = false;
    std::string error;                  // when !ok: names the plugin, the file, what happened
    FindingArena findings;              // sealed and ordered; empty when !ok (nothing recorded)
};

// Runs the plugin (loading it first when needed). A failure marks the plugin failed with the
// same error. Never throws for anything the plugin does.
RunResult runPlugin(PluginEntry& plugin, const RunRequest& request);

// The words of a log level as printed on stderr (调试, 信息, 警告, 错误).
const char* logLevelLabel(patrol_log_level level);

}  // namespace patrol::plugins
