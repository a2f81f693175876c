#include "core/services/escalation_service.hpp"

#include <patrol/sdk/civil.hpp>

#include <algorithm>
#include <future>
#include <map>
#include <optional>

#include "core/domain/errors.hpp"
#include "core/services/authorization.hpp"
#include "core/services/escalation_event.hpp"
#include "core/services/rise_plan.hpp"
#include "core/services/rise_records.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/bulk_write.hpp"
#include "core/store/escalation_record.hpp"
#include "core/store/clock.hpp"
#include "core/store/database.hpp"
#include "core/store/transaction.hpp"
#include "core/store/version_moved_once.hpp"

namespace patrol::services {

using domain::EscalationLevel;

namespace {

// Tasks raised together, their notices written by statements of many rows: a multiple of
// BatchedInsert::kRows, so that every notice goes in with a statement of many rows.
constexpr size_t kTasksPerBatch = 1024;

// The batch's level changes (one statement per level reached) and its notices (many rows per
// statement).
void writeBatch(store::Database& db, std::vector<LevelRise>::const_iterator first, std::vector<LevelRise>::const_iterator last) {
    std::map<EscalationLevel, std::vector<int64_t>> raisedTo;
    std::vector<const store::NoticeRecord*> notices;
    notices.reserve(static_cast<size_t>(last - first));
    for (auto p = first; p != last; ++p) {
        raisedTo[p->to].push_back(p->task.id);
        notices.push_back(&p->notice);
    }
    for (const auto& [level, ids] : raisedTo)
        store::setTasksLevel(db, std::string(domain::escalationLevels.code(level)), ids);
    store::insertNotices(db, notices);
}

// Every rise's level and notice, a batch at a time, told in tasks.
void writeRises(store::Database& db, const std::vector<LevelRise>& rises, const ProgressSink* progress) {
    const store::VersionMovedOnce versionMoved(db);  // not once per task and notice
    for (auto first = rises.cbegin(); first != rises.cend();) {
        const auto last = first + std::min<ptrdiff_t>(kTasksPerBatch, rises.cend() - first);
        writeBatch(db, first, last);
        first = last;
        tell(progress, WorkPhase::Escalating, static_cast<uint64_t>(first - rises.cbegin()), rises.size(), WorkItems::Tasks);
    }
}

}  // namespace

RisenTask risenTask(store::TaskRecord&& task) {
    return {task.id, std::move(task.unitCode), std::move(task.dueDate), std::move(task.status)};
}

std::vector<LevelRise> escalate(store::Database& db, const Actor& actor, int32_t asOf, const ProgressSink* progress) {
    if (actor.role == domain::Role::Unit)
        throw Forbidden(describeActor(actor) + "无权执行预警督办：只有管理员、领导小组和巡察组成员可以这样做。");
    // A second connection for the second core: it plans half of a county's list, then reads the
    // rows the rises start from while this one writes. None for a database in memory.
    std::optional<store::Database> helper = store::Database::openReaderBeside(db);
    store::Database* const second = helper ? &*helper : nullptr;
    // Prepared before the write lock, which other writers then wait on only for the writes.
    RisePlan plan = planRises(db, second, actor, asOf);
    if (plan.rises.empty()) return {};
    // A larger page cache while a mass escalation writes: its task updates, notices and records
    // dirty pages all over the tasks and their indexes, and with a small cache many of them are
    // spilled and read again (50,000 rises: the writes took 0.49 s with 16 MB or SQLite's 2 MB
    // instead of 0.26 s, measured). A server's pooled connection gets its own settings back afterwards.
    std::optional<store::BulkWrite> bulk;
    if (plan.rises.size() >= kTasksPerBatch) bulk.emplace(db).growCache(int64_t{64} << 20);
    store::Transaction tx(db);
    if (!isCurrent(db, plan)) plan = planRises(db, second, actor, asOf);
    tell(progress, WorkPhase::Escalating, 0, plan.rises.size(), WorkItems::Tasks);
    const std::string createdAt = store::utcTimestampNow();
    int64_t noticeId = store::nextNoticeId(db);
    for (auto& rise : plan.rises) {
        rise.notice.id = noticeId++;
        rise.notice.createdAt = createdAt;
    }
    // The records' digests need only the rows as they were before the rises (rise_records.hpp):
    // for more than a batch, the helper reads them on the second core while this one writes
    // (50,000 rises: 0.75-0.82 s instead of 1.01-1.25 s when this one read its writes back).
    // While this connection holds the write lock nobody can commit, so the helper sees exactly
    // the rows this transaction started from.
    std::vector<store::EscalationRecord> records;
    std::future<std::vector<store::EscalationRecord>> recording;
    if (second && plan.rises.size() > kTasksPerBatch) {
        try {
            recording = std::async(std::launch::async, [&] { return riseRecords(*second, plan.rises); });
        } catch (const std::system_error&) {  // no thread to be had: read here instead
        }
    }
    if (!recording.valid()) records = riseRecords(db, plan.rises);
    writeRises(db, plan.rises, progress);
    if (recording.valid()) records = recording.get();
    // Planned again under the lock, the run may have nothing left to raise: then it writes no event.
    if (!records.empty()) appendEscalationRun(db, actor, civil::formatDate(asOf), records);
    tx.commit();
    return std::move(plan.rises);
}

}  // namespace patrol::services
