// Databases written before schema v10 hold one chained `task.escalate` event per rise, whose
// `after` carries the digest of the task's rows. Upgraded, they keep verifying, their tasks'
// histories still show those rises, and a later run's records sit beside them.
#include <catch2/catch.hpp>

#include <patrol/sdk/civil.hpp>

#include "core/services/escalation_event.hpp"
#include "core/services/escalation_service.hpp"
#include "core/services/task_audit.hpp"
#include "core/services/task_history_view.hpp"
#include "core/services/task_service.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/audited_rows.hpp"
#include "core/store/audited_rows_check.hpp"
#include "core/store/database.hpp"
#include "core/store/transaction.hpp"
#include "world.hpp"

namespace {

// What escalation wrote up to schema v9: per rise the task update, its notice and its own event.
void escalateAsBeforeV10(World& w, const char* asOf, domain::EscalationLevel to) {
    store::Transaction tx(w.db);
    store::TaskQuery open;
    open.openOnly = true;
    for (auto task : store::listTasks(w.db, open)) {
        const std::string from = task.level;
        task.level = std::string(domain::escalationLevels.code(to));
        store::updateTask(w.db, task);
        store::NoticeRecord notice;
        notice.taskId = task.id;
        notice.level = task.level;
        notice.recipients = "[]";
        notice.message = "整改任务 #" + std::to_string(task.id) + " 预警";
        notice.asOf = asOf;
        const int64_t noticeId = store::insertNotice(w.db, notice);
        const auto state = store::auditedRowState(w.db, *store::findAuditedEntity(kTaskEntity), std::to_string(task.id));
        store::appendAuditEvent(w.db, {w.admin.userId, w.admin.name, kEscalateAction, kTaskEntity, std::to_string(task.id),
                                       std::nullopt,
                                       escalationEventText({task.status, from, task.level, task.dueDate, asOf, noticeId,
                                                            store::rowStateDigest(state)})});
    }
    tx.commit();
}

std::string historyActions(World& w, int64_t taskId) {
    std::string out;
    for (const auto& e : showTask(w.db, w.admin, taskId).events)
        out += e.content.action + " " + e.content.after.value_or("") + "\n";
    return out;
}

int64_t lastEvent(store::Database& db, const std::string& where) {
    auto st = db.prepare("SELECT max(id) FROM audit_events WHERE " + where);
    st.step();
    return st.integer(0);
}

std::string digestProblem(int64_t taskId, int64_t eventId) {
    return "表 rectification_tasks 第 " + std::to_string(taskId) +
           " 行或其所属的 progress_reports、evidence、extension_requests、notices 行与其最近的审计事件 #" +
           std::to_string(eventId) + " 所记录的摘要不符：这些行在本工具之外被改动、插入或删除。";
}

}  // namespace

TEST_CASE("a v9 database with per-task escalation events upgrades, verifies and shows its rises", "[escalation]") {
    World w;
    w.round("R1", "2026-01-05");
    w.finding("R1", "UA", "四风");
    w.finding("R1", "UB", "四风");
    const auto tasks = w.feedBack("R1", "2026-02-12").tasks;
    REQUIRE(tasks.size() == 2);
    escalateAsBeforeV10(w, "2026-03-01", domain::EscalationLevel::Green);
    // Back to v9: the table v10 adds did not exist yet.
    w.db.exec("DROP TABLE escalation_records; PRAGMA user_version = 9");
    const std::string path = (w.dir / "p.db").string();
    {
        auto upgraded = store::Database::open(path);
        CHECK(upgraded.schemaVersion() == 10);
    }
    auto db = store::Database::open(path);
    auto report = store::verifyAuditedRows(db);
    CHECK(report.problems.empty());
    CHECK(report.warnings.empty());

    // A task whose latest rise is an old event is checked against that event's digest.
    const std::string notice = "(SELECT min(id) FROM notices WHERE task_id = " + std::to_string(tasks[1].id) + ")";
    db.exec("UPDATE notices SET message = message || '！' WHERE id = " + notice);
    report = store::verifyAuditedRows(db);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0] == digestProblem(tasks[1].id, lastEvent(db, "entity = 'rectification_task' AND entity_id = '" +
                                                                                 std::to_string(tasks[1].id) + "'")));
    db.exec("UPDATE notices SET message = substr(message, 1, length(message) - 1) WHERE id = " + notice);
    CHECK(store::verifyAuditedRows(db).problems.empty());

    // A run after the upgrade: one event, a record per rise, next to the old events.
    const auto rises = escalate(db, w.admin, civil::parseDate("2026-06-01").value());
    REQUIRE(rises.size() == 2);
    report = store::verifyAuditedRows(db);
    CHECK(report.problems.empty());
    auto count = db.prepare("SELECT count(*) FROM escalation_records");
    count.step();
    CHECK(count.integer(0) == 2);

    // The history shows the old rise from its event and the new one from its record, oldest first.
    const std::string history = historyActions(w, tasks[0].id);
    const auto oldRise = history.find("task.escalate {\"status\":\"assigned\",\"from\":\"none\",\"level\":\"green\"");
    const auto newRise = history.find("task.escalate {\"status\":\"assigned\",\"from\":\"green\",\"level\":\"accountability\"");
    CHECK(oldRise != std::string::npos);
    CHECK(newRise != std::string::npos);
    CHECK(oldRise < newRise);
    CHECK(history.find("rows_sha256") == std::string::npos);

    // Now its latest rise is the run's record.
    db.exec("UPDATE notices SET message = '无事' WHERE id = " + notice);
    report = store::verifyAuditedRows(db);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0] == digestProblem(tasks[1].id, lastEvent(db, "action = 'task.escalate_run'")));
}
