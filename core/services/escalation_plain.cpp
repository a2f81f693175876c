// The reference escalation: one task at a time through the same use-case pieces every single
// change uses (updateTask, insertNotice, auditedRowState), then the run's event. Kept plain so
// escalate() is tested against it.
#include "core/services/escalation_service.hpp"

#include <patrol/sdk/civil.hpp>

#include "core/domain/errors.hpp"
#include "core/services/authorization.hpp"
#include "core/services/escalation_event.hpp"
#include "core/services/escalation_notice.hpp"
#include "core/services/record_json.hpp"
#include "core/services/task_audit.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/audited_rows.hpp"
#include "core/store/transaction.hpp"
#include "core/store/unit_repository.hpp"

namespace patrol::services {

using domain::EscalationLevel;

namespace {

Addressees addresseesOf(store::Database& db, const store::TaskRecord& task, EscalationLevel level) {
    const auto unit = store::findUnitByCode(db, task.unitCode);
    return addresseesFor(level, {task.handler, task.leader, unit ? unit->head : std::nullopt,
                                 unit ? unit->contact : std::nullopt});
}

// The notice as stored, with its time and its task's round and unit, so every view of it agrees.
store::NoticeRecord storedNotice(store::Database& db, int64_t taskId, int64_t noticeId) {
    store::NoticeQuery query;
    query.taskId = taskId;
    for (auto& n : store::listNotices(db, query))
        if (n.id == noticeId) return n;
    throw std::logic_error("notice #" + std::to_string(noticeId) + " was not stored");
}

}  // namespace

std::vector<LevelRise> escalatePlainly(store::Database& db, const Actor& actor, int32_t asOf) {
    if (actor.role == domain::Role::Unit)
        throw Forbidden(describeActor(actor) + "无权执行预警督办：只有管理员、领导小组和巡察组成员可以这样做。");
    std::vector<LevelRise> rises;
    std::vector<store::EscalationRecord> records;
    store::Transaction tx(db);
    store::TaskQuery open;
    open.openOnly = true;
    for (const auto& task : store::listTasks(db, open)) {
        if (actor.role == domain::Role::Inspector && !isRoundInspector(db, actor, task.roundId))
            continue;
        const auto current = domain::escalationLevels.parse(task.level);
        const int32_t due = *civil::parseDate(task.dueDate);
        const auto deserved = domain::deservedLevel(due, asOf, static_cast<int>(task.returnedCount));
        const auto raised = domain::raisedLevel(current, deserved);
        if (raised == current) continue;
        auto after = task;
        after.level = std::string(domain::escalationLevels.code(raised));
        store::updateTask(db, after);
        const Addressees addressees = addresseesOf(db, after, raised);
        LevelRise rise;
        rise.from = current;
        rise.to = raised;
        rise.daysLeft = due - asOf;
        rise.recipients = addressees.recipients;
        rise.notice.taskId = task.id;
        rise.notice.level = after.level;
        rise.notice.recipients = recipientsJson(rise.recipients);
        rise.notice.message = escalationNoticeMessage(after, raised, rise.daysLeft, addressees);
        rise.notice.asOf = civil::formatDate(asOf);
        rise.notice = storedNotice(db, task.id, store::insertNotice(db, rise.notice));
        const auto state = store::auditedRowState(db, *store::findAuditedEntity(kTaskEntity), std::to_string(task.id));
        records.push_back({rise.notice.id, 0, task.id, task.level, after.status, after.dueDate, store::rowStateDigest(state)});
        rise.task = risenTask(std::move(after));
        rises.push_back(std::move(rise));
    }
    if (!records.empty()) appendEscalationRun(db, actor, civil::formatDate(asOf), records);
    tx.commit();
    return rises;
}

}  // namespace patrol::services
