#include "core/services/audit_service.hpp"

#include <patrol/sdk/civil.hpp>

#include "core/domain/errors.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/authorization.hpp"
#include "core/services/record_json.hpp"
#include "core/store/transaction.hpp"
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

int64_t recordAuditBaseline(store::Database& db, const Actor& actor) {
    requireAdmin(actor, "记录审计基线");
    store::Transaction tx(db);
    const auto chain = store::verifyAuditChain(db);
    if (chain.firstBrokenId)
        throw UserError("审计日志的哈希链已断裂，不能记录基线：" + chain.problem + "请先从备份恢复。");
    const auto rows = store::verifyAuditedRows(db);
    if (!rows.problems.empty())
        throw UserError("数据与审计记录不符，不能记录基线（否则等于认可这些改动）：" + rows.problems.front() +
                        "请先从备份恢复这些数据，再核验审计日志。",
                        {"audit.verify", ""});
    // recordChange adds the rows the entity now stands for to the (otherwise empty) `after`.
    for (const auto& [entity, entityId] : rows.unrecorded)
        recordChange(db, actor, "audit.baseline", entity, entityId, nullptr, jsonObject());
    tx.commit();
    return static_cast<int64_t>(rows.unrecorded.size());
}

std::vector<store::AuditEvent> auditLog(store::Database& db, const Actor& actor, const AuditLogFilter& filter) {
    requireAdminOrLeader(actor, "查看审计日志");
    store::AuditFilter query;
    query.entity = filter.entity;
    query.actor = filter.actor;
    if (filter.since) query.since = civil::formatDate(requireDate(*filter.since, "起始日期", "since"));
    if (filter.limit) query.limit = requireId(*filter.limit, "条数上限", "limit");
    return store::listAuditEvents(db, query);
}

}  // namespace patrol::services
