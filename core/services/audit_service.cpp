#include "core/services/audit_service.hpp"

#include <patrol/sdk/civil.hpp>

#include "core/services/authorization.hpp"
#include "core/services/input_checks.hpp"

namespace patrol::services {

store::AuditChainReport verifyAudit(store::Database& db, const Actor& actor) {
    requireAdminOrLeader(actor, "核验审计日志");
    return store::verifyAuditChain(db);
}

store::AuditedRowsReport verifyAuditedData(store::Database& db, const Actor& actor) {
    requireAdminOrLeader(actor, "核验审计日志");
    return store::verifyAuditedRows(db);
}

std::vector<store::AuditEvent> auditLog(store::Database& db, const Actor& actor, const AuditLogFilter& filter) {
    requireAdminOrLeader(actor, "查看审计日志");
    store::AuditFilter query;
    query.entity = filter.entity;
    query.actor = filter.actor;
    if (filter.since) query.since = civil::formatDate(requireDate(*filter.since, "起始日期"));
    if (filter.limit) query.limit = requireId(*filter.limit, "条数上限");
    return store::listAuditEvents(db, query);
}

}  // namespace patrol::services
