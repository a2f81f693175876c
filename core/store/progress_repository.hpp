// Progress reports (整改进展) of rectification tasks.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace patrol::store {

class Database;

struct ProgressRecord {
    int64_t id = 0;
    int64_t taskId = 0;
    std::optional<int64_t> authorId;
    std::string author;
    std::string reportedOn;  // YYYY-MM-DD
    int64_t percent = 0;
    std::string narrative;
    std::optional<std::string> review;
};

int64_t insertProgress(Database& db, const ProgressRecord& report);
// Oldest first.
std::vector<ProgressRecord> listProgress(Database& db, int64_t taskId);
// The latest report of every task that has one, by task id, in one read (ledgers list thousands).
std::map<int64_t, ProgressRecord> latestProgressOfTasks(Database& db);

}  // namespace patrol::store
