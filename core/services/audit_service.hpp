// Reading the audit log: verifying its hash chain and listing events (admin and leader).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/services/actor.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/audited_rows_check.hpp"

namespace patrol::services {

store::AuditChainReport verifyAudit(store::Database& db, const Actor& actor);
// Each row of the audited tables against the state its latest audit event recorded.
store::AuditedRowsReport verifyAuditedData(store::Database& db, const Actor& actor);

struct AuditLogFilter {
    std::optional<std::string> entity;
    std::optional<std::string> actor;
    std::optional<std::string> since;  // YYYY-MM-DD
    std::optional<std::string> limit;  // positive whole number
};

// Records the current rows of every entity whose latest event predates row states (a database
// written by an older patrol), one "audit.baseline" event each; refused while any row differs
// from its events, since that would vouch for the change. Returns the number of events written.
int64_t recordAuditBaseline(store::Database& db, const Actor& actor);

std::vector<store::AuditEvent> auditLog(store::Database& db, const Actor& actor, const AuditLogFilter& filter);

}  // namespace patrol::services
