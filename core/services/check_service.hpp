// The automated check as a use case (spec/datasets.md "Running a check"): pick the plugins,
// read each one's dataset, run it, report rejected rows and skipped rules, and — with a
// round — record the findings as suspected findings in one transaction.
#pragma once

#include "core/data/read_limits.hpp"
#include "core/domain/calendar.hpp"
#include "core/plugins/finding_arena.hpp"
#include "core/plugins/plugin_catalog.hpp"
#include "core/services/actor.hpp"
#include "core/services/background_frees.hpp"
#include "core/services/finding_service.hpp"
#include "core/services/progress.hpp"
#include "core/store/database.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace patrol::services {

class Settings;

// plugins.folders (separated by ';') followed by the folder beside the executable. A relative
// folder is read from the folder of the configuration file that names it (not the working
// directory, which changes with wherever patrol is started).
std::vector<std::filesystem::path> pluginFolders(const Settings& settings);
// One warning per configured folder that does not exist, naming it as written and as resolved.
std::vector<std::string> missingPluginFolders(const Settings& settings);
// "搜索的目录：a；b" for messages about a plugin that was not found.
std::string searchedFolders(const std::vector<std::filesystem::path>& folders);
// The ids of the plugins found in those folders, sorted (metadata is read, no plugin code runs).
std::vector<std::string> installedPluginIds(const Settings& settings);
// The user's settings for one plugin: configuration keys plugin.<id>.<key>.
std::map<std::string, std::string> pluginSettingOverrides(const Settings& settings, const std::string& pluginId);

struct CheckRequest {
    std::vector<std::string> pluginIds;       // empty: every plugin whose folder exists under dataFolder
    std::filesystem::path dataFolder;         // one plugin: the folder itself; all: dataFolder/<id>/
    bool allPlugins = false;
    int32_t asOf = 0;
    const domain::WorkingCalendar* calendar = nullptr;
    bool isolate = false;
    int timeoutSeconds = 60;
    std::function<std::map<std::string, std::string>(const std::string& pluginId)> settingOverrides;
    std::function<void(const std::string&)> notice;   // diagnostics for stderr, one line each
    bool fingerprints = true;                         // needed to record; a dry run may skip them
    data::ReadLimits limits;                          // from readLimits(settings)
    // Optional: told, for each plugin, Reading (bytes of its data) and Checking (the percent of
    // its work it reports), and Checking with the plugins done of all once each ends.
    const ProgressSink* progress = nullptr;
};

struct PluginCheck {
    std::string pluginId;
    const plugins::PluginMetadata* metadata = nullptr;
    bool ok = false;
    std::string error;                 // when !ok
    uint64_t rowsRead = 0;
    size_t rowsRejected = 0;
    std::vector<std::string> skippedRules;
    std::string dataDigest;            // when fingerprinted (recording): SHA-256 over the data files read
    plugins::FindingArena findings;    // emptied once moved into CheckReport::findings
    // The plugin's dataset, and first the columns no longer read once it has returned, being
    // freed meanwhile; nothing needs to wait for that until the report itself goes.
    BackgroundFrees freed;
};

struct CheckReport {
    int32_t asOf = 0;
    std::vector<PluginCheck> plugins;
    plugins::FindingArena findings;    // every successful plugin's, ordered (plugin, rule, unit, refs)
    bool anyFailed() const;
};

// Runs the check. Throws UserError for unusable input: unknown plugin, missing data folder,
// a file without a required column, a bad setting. A plugin that fails to load or run is
// reported in its PluginCheck (and through `notice`), and the others still run.
CheckReport runCheck(plugins::PluginCatalog& catalog, const CheckRequest& request);

// The plugins whose findings an actor is about to record into the round: every plugin the round
// enables when `requested` is empty, otherwise the requested ones, each of which the round must
// enable. A round the actor may not see is unknown (the same message as one that does not exist),
// one the actor may see but not record into is refused — all before any plugin runs.
std::vector<std::string> pluginsToRecord(store::Database& db, const Actor& actor, const std::string& roundCode,
                                         const std::vector<std::string>& requested);

// Records the findings of the plugins that ran cleanly as suspected findings of the round: one
// transaction, idempotent by fingerprint; category, severity and rectification kind come from
// the rule's metadata. The findings' texts are moved out of the report, not copied (a large
// check holds hundreds of thousands): afterwards the report's findings are empty.
// `progress`, when given, is told Recording with the findings prepared and then written.
RecordedChecks recordCheck(store::Database& db, const Actor& actor, const std::string& roundCode, CheckReport&& report,
                           const ProgressSink* progress = nullptr);

}  // namespace patrol::services
