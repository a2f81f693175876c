// Writing a check's findings in bulk: the finding rows, one audit event for the run and one
// record per finding (store/finding_record.hpp), inside the caller's transaction. The event
// says who recorded them (its actor), when (its time), from which run (plugins, the digest of
// each one's data files, the as-of date) and, through its digest, exactly which rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/services/actor.hpp"
#include "core/services/check_finding_source.hpp"
#include "core/services/progress.hpp"

namespace patrol::store {
class Database;
}

namespace patrol::services {

// A check's finding admitted to the round: recorded under this unit unless already recorded.
struct AdmittedFinding {
    size_t finding = 0;  // its place in the check's CheckFindingSource
    int64_t unitId = 0;
};

// The check run whose findings are recorded.
struct CheckRunInfo {
    struct Plugin {
        std::string id;
        std::string dataDigest;  // SHA-256 over the plugin's data files (see dataDigestOf); empty: unknown
        uint64_t rowsRead = 0;
    };
    std::vector<Plugin> plugins;
    std::optional<int32_t> asOf;  // days since 1970-01-01
};

// The page cache a recording of this many findings writes with (store::BulkWrite, made before
// the recording's transaction).
int64_t recordingCacheBytes(size_t findings);

// Inserts the findings (fingerprints already known to be new to the round) as suspected ones
// with consecutive ids, and writes the run's audit event and records; nothing when `rows` is
// empty. Returns the event id. The texts go straight from the check's findings to SQLite.
std::optional<int64_t> writeCheckFindings(store::Database& db, const Actor& actor, int64_t roundId, const std::string& roundCode,
                                          const CheckFindingSource& findings, const std::vector<AdmittedFinding>& rows, const CheckRunInfo& run,
                                          size_t alreadyRecorded, const ProgressSink* progress = nullptr);

// Who recorded a bulk-recorded finding, when and from which run: its run's audit event.
struct CheckRecording {
    int64_t eventId = 0;
    std::string actor;
    std::string at;  // UTC timestamp
    CheckRunInfo run;
};

// The recording of a finding a check run recorded in bulk; none for any other finding (a manual
// one, or one recorded before bulk recording, whose own events tell its history).
std::optional<CheckRecording> checkRecordingOf(store::Database& db, int64_t findingId);

// In Chinese: "检查运行（审计事件 #E；插件 …（数据摘要 …）；基准日 …），由 X 于 T 记录".
std::string describeRun(const CheckRecording& recording);

}  // namespace patrol::services
