// 三色预警 applied to every open task the actor oversees (spec/domain.md "Warnings and
// escalation"): each rise is one stored notice naming who must be told and one compact record
// under the run's single audited event (escalation_event.hpp);
// evaluating the same date twice changes nothing the second time.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/domain/escalation.hpp"
#include "core/services/actor.hpp"
#include "core/services/notice_recipients.hpp"
#include "core/services/progress.hpp"
#include "core/store/notice_repository.hpp"
#include "core/store/task_repository.hpp"

namespace patrol::services {

// What a rise keeps of its task once planned: enough to write the rise, digest its rows and show
// it. The rest of the row (title, measure, notes, dates) is dropped: held through the write, it
// was 35 MB of a one-off escalate's 162 MB peak over 50,000 rises.
struct RisenTask {
    int64_t id = 0;
    std::string unitCode;
    std::string dueDate;  // YYYY-MM-DD
    std::string status;   // a rise leaves it as it was
};

// The four fields, moved out of the row read to plan the rise.
RisenTask risenTask(store::TaskRecord&& task);

struct LevelRise {
    RisenTask task;
    domain::EscalationLevel from = domain::EscalationLevel::None;
    domain::EscalationLevel to = domain::EscalationLevel::None;
    int32_t daysLeft = 0;  // natural days from asOf to the due date (negative: overdue)
    std::vector<NoticeRecipient> recipients;
    store::NoticeRecord notice;
};

// Admin and leader evaluate every open task; an inspector the tasks of their rounds; a unit user
// is refused. Returns the rises in task order.
//
// Built for a county's whole list (50,000 open tasks): what rises, the notices' words and the rows
// read are prepared before the write lock is taken, and used under it when no other connection
// committed meanwhile (else prepared again under the lock). Under the lock the tasks are raised
// and their notices written 1,024 at a time, a few statements per batch; meanwhile another
// connection reads the rows they started from and digests them on the second core.
// One chained audit event stands for the whole run; each rise's record holds the digest of the
// task's rows, not the rows, and goes into an append-only table keyed by its notice, written
// many rows per statement.
// `progress`, when given, is told Escalating: the tasks written of those rising, per batch.
std::vector<LevelRise> escalate(store::Database& db, const Actor& actor, int32_t asOf, const ProgressSink* progress = nullptr);

// The same result, rows, notices, records and audit event, one task at a time through the
// single-change pieces (updateTask, insertNotice, auditedRowState), then the run's event: the
// reference escalate() is tested against.
std::vector<LevelRise> escalatePlainly(store::Database& db, const Actor& actor, int32_t asOf);

}  // namespace patrol::services
