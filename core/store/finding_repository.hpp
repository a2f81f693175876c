// Findings (问题): what was found where, its source and fingerprint, and its status.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patrol::store {

class Database;

struct FindingRecord {
    int64_t id = 0;
    int64_t roundId = 0;
    std::string roundCode;
    int64_t unitId = 0;
    std::string unitCode;
    std::string unitName;
    std::string category;
    std::string title;
    std::string detail;
    std::string severity;
    std::optional<int64_t> amountFen;
    std::optional<int64_t> peopleCount;
    std::optional<std::string> peopleLevel;
    std::string source;  // "manual" or "check:<plugin>/<rule>"
    std::string refs;    // JSON array of strings
    std::optional<std::string> fingerprint;
    std::string status;
    std::optional<std::string> dismissedReason;
    bool transferred = false;
    std::optional<int64_t> repeatOf;
    std::optional<std::string> rectificationKind;
    std::string createdBy;
    std::string createdAt;
};

struct NewFinding {
    int64_t roundId = 0;
    int64_t unitId = 0;
    std::string category;
    std::string title;
    std::string detail;
    std::string severity = "medium";
    std::optional<int64_t> amountFen;
    std::optional<int64_t> peopleCount;
    std::optional<std::string> peopleLevel;
    std::string source = "manual";
    std::string refs = "[]";
    std::optional<std::string> fingerprint;  // unique within the round
    std::string status;
    std::optional<std::string> rectificationKind;
    std::string createdBy;
};

struct FindingQuery {
    std::optional<int64_t> roundId;
    std::optional<int64_t> unitId;
    std::optional<std::string> status;
    std::vector<std::string> statusIn;  // empty: any status
};

int64_t insertFinding(Database& db, const NewFinding& finding);
std::optional<FindingRecord> findFindingById(Database& db, int64_t id);
std::optional<FindingRecord> findFindingByFingerprint(Database& db, int64_t roundId, const std::string& fingerprint);
// Ordered by id.
std::vector<FindingRecord> listFindings(Database& db, const FindingQuery& query);
void setFindingStatus(Database& db, int64_t id, const std::string& status);
void setFindingDismissed(Database& db, int64_t id, const std::string& reason);
// Writes what a correction may change: category, title, detail, severity, amount, people,
// rectification kind, and the repeat link (a new category may undo it).
void updateFindingContent(Database& db, const FindingRecord& finding);

}  // namespace patrol::store
