// Stored notices of escalation (预警通知): one per level a task rose to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patrol::store {

class Database;

struct NoticeRecord {
    int64_t id = 0;
    std::optional<int64_t> taskId;
    std::string level;
    std::string recipients;  // JSON array of {role, label, name}
    std::string message;
    std::string asOf;        // YYYY-MM-DD the evaluation was made for
    std::string createdAt;
};

int64_t insertNotice(Database& db, const NoticeRecord& notice);
// Oldest first; every task when taskId is empty.
std::vector<NoticeRecord> listNotices(Database& db, std::optional<int64_t> taskId);

}  // namespace patrol::store
