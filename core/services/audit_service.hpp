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

std::vector<store::AuditEvent> auditLog(store::Database& db, const Actor& actor, const AuditLogFilter& filter);

}  // namespace patrol::services
