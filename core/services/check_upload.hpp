// A check run on data files sent from a browser or an API client (spec/datasets.md "Running a
// check"): the CSV files are written into a private temporary folder, the round's plugins run
// over it as `patrol check --round` runs them over a data folder, and the findings are recorded
// as suspected findings of the round. The folder is gone when the run ends, however it ends.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "core/services/actor.hpp"
#include "core/services/finding_service.hpp"
#include "core/services/progress.hpp"

namespace patrol::store {
class Database;
}

namespace patrol::services {

class Settings;

struct UploadedDataFile {
    std::string fileName;  // as the sender named it: only its last component is used
    std::istream* content = nullptr;
};

// Where a check on uploaded files has got to, told to whoever waits for it (a page showing
// progress): the same phases `patrol check` shows on a terminal (progress.hpp). `done` of
// `total` counts files, plugins or findings depending on the phase.
using CheckPhase = WorkPhase;
using CheckProgress = WorkProgress;

struct CheckUpload {
    std::string roundCode;
    std::optional<std::string> plugin;  // one plugin the round enables; every one of them when absent
    std::optional<int32_t> asOf;        // the day taken as "today" by the rules; today when absent
    // CSV files, or one zip archive holding them (at its top level or inside one folder).
    std::vector<UploadedDataFile> files;
    std::function<void(const CheckProgress&)> progress;  // optional; called on the request's thread
};

struct UploadedPluginRun {
    std::string pluginId;
    bool ok = false;
    std::string error;  // when !ok
    uint64_t rowsRead = 0;
    size_t rowsRejected = 0;
    std::vector<std::string> skippedRules;
    size_t findings = 0;
};

struct CheckUploadResult {
    int32_t asOf = 0;
    std::vector<std::string> files;  // the names the files were read under, sorted
    std::vector<UploadedPluginRun> plugins;
    size_t findings = 0;             // found by the plugins that ran cleanly
    RecordedChecks recorded;
    std::vector<std::string> notices;  // rejected rows, skipped rules, plugin messages; file names without any folder
};

// Admin or an inspector of the round (a round the actor may not see reads as missing), checked
// before any file is written. A zip archive (sent alone) is unpacked with the checks of
// zip_unpack.hpp under the limits check.zip_max_entries and check.zip_max_unpacked_bytes.
// Otherwise each file must be named *.csv, once; the plugin, when named, must
// be enabled in the round. A plugin that fails is reported in its run and its findings are not
// recorded; unusable files (a required column missing, say) refuse the whole run, nothing recorded.
CheckUploadResult checkUploadedFiles(store::Database& db, const Actor& actor, const Settings& settings,
                                     const CheckUpload& upload);

}  // namespace patrol::services
