// Extension requests (延期申请) of rectification tasks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patrol::store {

class Database;

struct ExtensionRecord {
    int64_t id = 0;
    int64_t taskId = 0;
    std::string previousDue;   // YYYY-MM-DD, the due date when asked
    std::string requestedDue;  // YYYY-MM-DD
    std::string reason;
    std::string status;        // pending | approved | denied
    std::string requestedBy;
    std::string requestedAt;   // UTC timestamp
    std::optional<std::string> decidedBy;
    std::optional<std::string> decidedAt;
    // YYYY-MM-DD the request was made and decided (none for requests stored before schema v3).
    std::optional<std::string> requestedOn;
    std::optional<std::string> decidedOn;
    std::optional<std::string> decisionReason;  // why it was denied
};

int64_t insertExtension(Database& db, const ExtensionRecord& request);
std::optional<ExtensionRecord> findExtensionById(Database& db, int64_t id);
// Oldest first.
std::vector<ExtensionRecord> listExtensions(Database& db, int64_t taskId);
// Every request still waiting for a decision, oldest first.
std::vector<ExtensionRecord> listPendingExtensions(Database& db);
void setExtensionDecision(Database& db, int64_t id, const std::string& status, const std::string& decidedBy,
                          const std::string& decidedOn, const std::optional<std::string>& reason);

}  // namespace patrol::store
