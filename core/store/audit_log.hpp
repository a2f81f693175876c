// The append-only, hash-chained audit log. Each event's hash is the SHA-256 of its canonical
// content, which includes the previous event's hash; the newest hash is also kept in `meta`
// so that cutting events off the end is detected too.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patrol::store {

class Database;

struct AuditEventInput {
    std::optional<int64_t> actorId;  // none for the local administrator
    std::string actor;               // user name
    std::string action;              // e.g. "round.advance"
    std::string entity;              // e.g. "round"
    std::string entityId;            // e.g. "2026-R2" or a numeric id
    std::optional<std::string> before;  // JSON of the record before the change
    std::optional<std::string> after;   // JSON after
};

struct AuditEvent {
    int64_t id = 0;
    std::string at;  // UTC timestamp
    AuditEventInput content;
    std::string prevHash;
    std::string hash;
};

// The hash the first event chains to.
inline const std::string kAuditGenesisHash(64, '0');

// Appends one event; must run inside the Transaction of the change it records.
int64_t appendAuditEvent(Database& db, const AuditEventInput& event);

// Appends many events in one transaction: the chain's head is read once, each event is hashed in
// memory against the previous one and inserted through one reused statement, and the head kept in
// `meta` is written once by finish(). The events are exactly those appendAuditEvent would write.
class AuditChainWriter {
public:
    // Must be created inside the Transaction that will hold every appended event.
    explicit AuditChainWriter(Database& db);
    int64_t append(const AuditEventInput& event);
    // Records the new head; the transaction must not commit without it once something was appended.
    void finish();

private:
    Database& db_;
    int64_t lastId_ = 0;
    std::string lastHash_;
    bool appended_ = false;
};

// The exact bytes hashed for an event.
std::string canonicalAuditContent(const AuditEvent& event);

struct AuditChainReport {
    int64_t eventsChecked = 0;
    std::optional<int64_t> firstBrokenId;  // none when the chain is intact
    std::string problem;                   // Chinese, names the event and what is wrong
};

AuditChainReport verifyAuditChain(Database& db);

struct AuditFilter {
    std::optional<std::string> entity = {};
    std::optional<std::string> entityId = {};  // one record's events (index audit_events_by_entity)
    std::optional<std::string> actor = {};
    std::optional<std::string> since = {};  // 'YYYY-MM-DD' or a full UTC timestamp; inclusive
    std::optional<int64_t> limit = {};      // the newest N, still listed oldest first
};

std::vector<AuditEvent> listAuditEvents(Database& db, const AuditFilter& filter);

}  // namespace patrol::store
