// Rectification tasks (整改任务) with the finding, round and unit they belong to.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace patrol::store {

class Database;

struct TaskRecord {
    int64_t id = 0;
    int64_t findingId = 0;
    std::string findingTitle;
    std::string category;
    int64_t roundId = 0;
    std::string roundCode;
    int64_t unitId = 0;
    std::string unitCode;
    std::string unitName;
    std::string kind;
    std::optional<std::string> measure;
    std::optional<std::string> handler;
    std::optional<std::string> leader;
    std::string assignedOn;  // YYYY-MM-DD: the feedback date
    std::string dueDate;     // YYYY-MM-DD
    std::string status;
    std::string level;
    int64_t returnedCount = 0;
    std::optional<std::string> acceptedOn;
    std::optional<std::string> verificationNote;
    // YYYY-MM-DD of the latest plan, submission and return (none before schema v3 or before it happened).
    std::optional<std::string> plannedOn;
    std::optional<std::string> submittedOn;
    std::optional<std::string> returnedOn;
};

struct NewTask {
    int64_t findingId = 0;
    std::string kind;
    std::string assignedOn;
    std::string dueDate;
};

struct TaskQuery {
    std::optional<int64_t> roundId;
    std::optional<int64_t> unitId;
    std::optional<int64_t> findingId;
    std::optional<std::string> status;
    std::optional<std::string> level;
    bool openOnly = false;  // not accepted
    std::optional<std::string> dueBefore;  // due date earlier than this day (YYYY-MM-DD)
    std::optional<int64_t> teamMember;     // only rounds whose team has this user
    std::optional<int64_t> idFrom;         // ids from this one on
    std::optional<int64_t> idBelow;        // ids below this one
};

int64_t insertTask(Database& db, const NewTask& task);
std::optional<TaskRecord> findTaskById(Database& db, int64_t id);
// Ordered by id.
std::vector<TaskRecord> listTasks(Database& db, const TaskQuery& query);
// The same tasks handed over one at a time, for a caller that keeps only some of them (a mass
// escalation keeps those that rise) and need not hold the whole list first.
void forEachTask(Database& db, const TaskQuery& query, const std::function<void(TaskRecord&&)>& take);
// How many tasks the query selects.
int64_t countTasks(Database& db, const TaskQuery& query);
// The smallest and the largest task id (nullopt: no task), read from the two ends of the table.
std::optional<std::pair<int64_t, int64_t>> taskIdBounds(Database& db);
// One page of them, most urgent first: open before accepted, then the earliest due date, then by id.
std::vector<TaskRecord> listUrgentTasks(Database& db, const TaskQuery& query, int64_t offset, int64_t limit);
// Writes every mutable field of the task (measure … verification note).
void updateTask(Database& db, const TaskRecord& task);
// Sets the level of every task in `ids` in one statement (a mass escalation). One statement per
// thousand tasks instead of one per task: SQLite keeps a statement journal for each statement that
// fires a trigger, and copying the touched pages into it cost more than the updates themselves.
void setTasksLevel(Database& db, const std::string& level, const std::vector<int64_t>& ids);

}  // namespace patrol::store
