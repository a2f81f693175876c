// Stored notices of escalation (预警通知): one per level a task rose to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patrol::store {

class Database;
struct StoredRow;

struct NoticeRecord {
    int64_t id = 0;
    std::optional<int64_t> taskId;
    std::string level;
    std::string recipients;  // JSON array of {role, label, name}
    std::string message;
    std::string asOf;        // YYYY-MM-DD the evaluation was made for
    std::string createdAt;
    // Read only, from the task the notice is about (empty when it names none).
    std::optional<int64_t> findingId;
    std::optional<int64_t> roundId;
    std::optional<std::string> roundCode;
    std::optional<int64_t> unitId;
    std::optional<std::string> unitCode;
    std::optional<std::string> unitName;
};

struct NoticeQuery {
    std::optional<int64_t> taskId;
    std::optional<int64_t> roundId;
    std::optional<int64_t> unitId;
    std::optional<std::string> level;
    std::optional<std::string> since;  // YYYY-MM-DD: as_of on or after
};

// Written now: its id is SQLite's next and its time this moment.
int64_t insertNotice(Database& db, const NoticeRecord& notice);
// The id the next notice gets, as SQLite would give it: read under the write lock by a run that
// assigns its notices' ids itself.
int64_t nextNoticeId(Database& db);
// Writes the notices with the ids and creation times they carry, many rows per statement (a mass
// escalation: one statement per notice cost a statement journal each, see setTasksLevel).
void insertNotices(Database& db, const std::vector<const NoticeRecord*>& notices);
// The row insertNotices() writes for `notice`, as readStoredRows() would read it back: its
// columns in table order (for the digest of a task's rows before they are read again).
StoredRow noticeStoredRow(const NoticeRecord& notice);
// Oldest first.
std::vector<NoticeRecord> listNotices(Database& db, const NoticeQuery& query);

}  // namespace patrol::store
