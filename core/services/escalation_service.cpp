#include "core/services/escalation_service.hpp"

#include <patrol/sdk/civil.hpp>

#include <algorithm>
#include <future>
#include <map>
#include <optional>
#include <unordered_map>

#include "core/domain/errors.hpp"
#include "core/services/authorization.hpp"
#include "core/services/escalation_event.hpp"
#include "core/services/escalation_notice.hpp"
#include "core/services/json_text.hpp"
#include "core/services/rise_records.hpp"
#include "core/services/task_audit.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/bulk_write.hpp"
#include "core/store/escalation_record.hpp"
#include "core/store/audited_rows.hpp"
#include "core/store/clock.hpp"
#include "core/store/conditions.hpp"
#include "core/store/database.hpp"
#include "core/store/transaction.hpp"
#include "core/store/unit_repository.hpp"

namespace patrol::services {

using domain::EscalationLevel;

namespace {

// Tasks raised together, their notices written by statements of many rows: a multiple of
// BatchedInsert::kRows, so that every notice goes in with a statement of many rows.
constexpr size_t kTasksPerBatch = 1024;

// Moves whenever another connection commits, so an unchanged value means nothing read is stale.
int64_t dataVersion(store::Database& db) { return db.pragma("data_version"); }

struct Plan {
    int64_t dataVersion = 0;
    std::vector<LevelRise> rises;  // their notices have neither id nor time yet; returned as they are
};

// Reads only: which tasks rise and what their notices say.
Plan planRises(store::Database& db, const Actor& actor, int32_t asOf) {
    Plan plan;
    plan.dataVersion = dataVersion(db);
    std::unordered_map<std::string, store::UnitRecord> units;
    for (auto& u : store::listUnits(db)) units.emplace(u.code, std::move(u));
    std::unordered_map<int64_t, bool> onTeam;  // an inspector's rounds, asked once each
    const std::string asOfText = civil::formatDate(asOf);
    store::TaskQuery open;
    open.openOnly = true;
    // Reserved for every open task (a hint: another writer may add one meanwhile), so the rises are
    // not moved while the list grows; the tasks are taken one at a time rather than listed first,
    // which held a second copy of the whole list.
    plan.rises.reserve(static_cast<size_t>(store::countTasks(db, open)));
    store::forEachTask(db, open, [&](store::TaskRecord&& task) {
        if (actor.role == domain::Role::Inspector) {
            auto [known, fresh] = onTeam.try_emplace(task.roundId, false);
            if (fresh) known->second = isRoundInspector(db, actor, task.roundId);
            if (!known->second) return;
        }
        const auto current = domain::escalationLevels.parse(task.level);
        const int32_t due = *civil::parseDate(task.dueDate);
        const auto raised =
            domain::raisedLevel(current, domain::deservedLevel(due, asOf, static_cast<int>(task.returnedCount)));
        if (raised == current) return;
        LevelRise& rise = plan.rises.emplace_back();
        rise.task = std::move(task);
        store::TaskRecord& after = rise.task;
        after.level = std::string(domain::escalationLevels.code(raised));
        const auto unit = units.find(after.unitCode);
        const bool known = unit != units.end();
        const Addressees addressees = addresseesFor(raised, {after.handler, after.leader,
                                                             known ? unit->second.head : std::nullopt,
                                                             known ? unit->second.contact : std::nullopt});
        rise.from = current;
        rise.to = raised;
        rise.daysLeft = due - asOf;
        rise.recipients = addressees.recipients;
        store::NoticeRecord& n = rise.notice;
        n.taskId = after.id;
        n.level = after.level;
        n.recipients = recipientsJson(rise.recipients);
        n.message = escalationNoticeMessage(after, raised, rise.daysLeft, addressees);
        n.asOf = asOfText;
        n.findingId = after.findingId;
        n.roundId = after.roundId;
        n.roundCode = after.roundCode;
        n.unitId = after.unitId;
        n.unitCode = after.unitCode;
        n.unitName = after.unitName;
    });
    return plan;
}

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

}  // namespace

std::vector<LevelRise> escalate(store::Database& db, const Actor& actor, int32_t asOf, const ProgressSink* progress) {
    if (actor.role == domain::Role::Unit)
        throw Forbidden(describeActor(actor) + "无权执行预警督办：只有管理员、领导小组和巡察组成员可以这样做。");
    // Prepared before the write lock, which other writers then wait on only for the writes.
    Plan plan = planRises(db, actor, asOf);
    if (plan.rises.empty()) return {};
    // A larger page cache while a mass escalation writes: its task updates, notices and records
    // dirty pages all over the tasks and their indexes, and with a small cache many of them are
    // spilled and read again (50,000 rises: the writes took 0.49 s with 16 MB or SQLite's 2 MB
    // instead of 0.26 s, measured). A server's pooled connection gets its own settings back afterwards.
    std::optional<store::BulkWrite> bulk;
    if (plan.rises.size() >= kTasksPerBatch) bulk.emplace(db).growCache(int64_t{64} << 20);
    store::Transaction tx(db);
    if (dataVersion(db) != plan.dataVersion) plan = planRises(db, actor, asOf);
    tell(progress, WorkPhase::Escalating, 0, plan.rises.size(), WorkItems::Tasks);
    const std::string createdAt = store::utcTimestampNow();
    int64_t noticeId = store::nextNoticeId(db);
    for (auto& rise : plan.rises) {
        rise.notice.id = noticeId++;
        rise.notice.createdAt = createdAt;
    }
    // The records' digests need only the rows as they were before the rises (rise_records.hpp):
    // for more than a batch, another connection reads them on the second core while this one
    // writes (50,000 rises: 0.23 s of reading and 0.08 s of digests off the 0.26 s of writes).
    std::vector<store::EscalationRecord> records;
    std::optional<store::Database> reader =
        plan.rises.size() > kTasksPerBatch ? store::Database::openReaderBeside(db) : std::nullopt;
    std::future<std::vector<store::EscalationRecord>> recording;
    if (reader) {
        try {
            recording = std::async(std::launch::async, [&] { return riseRecords(*reader, plan.rises); });
        } catch (const std::system_error&) {  // no thread to be had: read here instead
        }
    }
    if (!recording.valid()) records = riseRecords(db, plan.rises);
    for (auto first = plan.rises.cbegin(); first != plan.rises.cend();) {
        const auto last = first + std::min<ptrdiff_t>(kTasksPerBatch, plan.rises.cend() - first);
        writeBatch(db, first, last);
        first = last;
        tell(progress, WorkPhase::Escalating, static_cast<uint64_t>(first - plan.rises.cbegin()), plan.rises.size(), WorkItems::Tasks);
    }
    if (recording.valid()) records = recording.get();
    // Planned again under the lock, the run may have nothing left to raise: then it writes no event.
    if (!records.empty()) appendEscalationRun(db, actor, civil::formatDate(asOf), records);
    tx.commit();
    return std::move(plan.rises);
}

}  // namespace patrol::services
