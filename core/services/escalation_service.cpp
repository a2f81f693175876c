#include "core/services/escalation_service.hpp"

#include <patrol/sdk/civil.hpp>

#include <algorithm>
#include <future>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

#include "core/domain/errors.hpp"
#include "core/services/authorization.hpp"
#include "core/services/escalation_event.hpp"
#include "core/services/escalation_notice.hpp"
#include "core/services/json_text.hpp"
#include "core/services/task_audit.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/bulk_write.hpp"
#include "core/store/escalation_record.hpp"
#include "core/store/audited_rows.hpp"
#include "core/store/clock.hpp"
#include "core/store/conditions.hpp"
#include "core/store/database.hpp"
#include "core/digest/sha256.hpp"
#include "core/store/transaction.hpp"
#include "core/store/unit_repository.hpp"

namespace patrol::services {

using domain::EscalationLevel;

namespace {

// Tasks whose rows are read and whose events are written together: bounds what is held in memory
// (a task's notices grow with every level it reached) while keeping the reads few. A multiple of
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

// Each row as the JSON text JsonText::row() writes for it, by owner.
using RowsByOwner = std::unordered_map<int64_t, std::vector<std::string>>;

// The rows of `table` whose `owner` column names one of `ids` (a JSON array), as auditedRowState
// reads them one owner at a time: in `order` within each owner. Kept as their JSON text only: a
// row kept as a StoredRow was a score of allocations, and as text 50,000 rises took 0.07–0.1 s
// less CPU (bench/serve/README.md).
RowsByOwner rowsOf(store::Database& db, const std::string& table, const std::string& owner,
                   const std::string& condition, const std::string& order, const std::string& ids) {
    std::string where = owner + " IN (SELECT value FROM json_each(?))";
    if (!condition.empty()) where += " AND " + condition;
    RowsByOwner byOwner;
    store::forEachStoredRow(db, table, where, ids, owner + ", " + order, [&](const store::StoredRow& row) {
        byOwner[row.find(owner)->integer].push_back(JsonText().row(row).take());
    });
    return byOwner;
}

std::string joinedColumns(const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& c : columns) out += (out.empty() ? "" : ", ") + c;
    return out;
}

// A batch's rows as written: its tasks, and each child table's rows by task.
struct BatchRows {
    RowsByOwner tasks;
    std::vector<RowsByOwner> children;
};

BatchRows readBatchRows(store::Database& db, const store::AuditedEntity& entity, std::vector<LevelRise>::iterator first,
                        std::vector<LevelRise>::iterator last) {
    std::vector<int64_t> taskIds;
    taskIds.reserve(static_cast<size_t>(last - first));
    for (auto p = first; p != last; ++p) taskIds.push_back(p->task.id);
    const std::string ids = store::idArrayJson(taskIds);
    BatchRows rows;
    rows.tasks = rowsOf(db, entity.table, entity.idColumn, "", entity.idColumn, ids);
    for (const auto& child : entity.children)
        rows.children.push_back(
            rowsOf(db, child.table, child.ownerColumn, child.condition, joinedColumns(child.keyColumns), ids));
    return rows;
}

// Each rise's record (store/escalation_record.hpp), carrying the digest of the row state
// auditedRowState() would give. Touches neither the database nor anything the next batch writes,
// so it may run on another thread.
std::vector<store::EscalationRecord> recordsOf(const store::AuditedEntity& entity, const BatchRows& rows,
                                               std::vector<LevelRise>::const_iterator first,
                                               std::vector<LevelRise>::const_iterator last) {
    std::vector<store::EscalationRecord> records;
    records.reserve(static_cast<size_t>(last - first));
    const std::vector<std::string> none;
    for (auto p = first; p != last; ++p) {
        const LevelRise& rise = *p;
        JsonText state;
        // The same text store::rowStateDigest() hashes: Poco's stringify of rowStateOf().
        state.open().key(entity.table).raw(rows.tasks.at(rise.task.id).front());
        for (size_t i = 0; i < entity.children.size(); ++i) {
            const auto owned = rows.children[i].find(rise.task.id);
            state.key(entity.children[i].table).openArray();
            for (const auto& row : owned == rows.children[i].end() ? none : owned->second) state.raw(row);
            state.closeArray();
        }
        state.close();
        records.push_back({rise.notice.id, 0, rise.task.id, std::string(domain::escalationLevels.code(rise.from)),
                           rise.task.status, rise.task.dueDate, digest::sha256Hex(state.take())});
    }
    return records;
}

// The batch's level changes (one statement per level reached) and its notices (many rows per
// statement), each notice with the next id and the run's time.
void writeBatch(store::Database& db, std::vector<LevelRise>::iterator first, std::vector<LevelRise>::iterator last,
                int64_t& noticeId, const std::string& createdAt) {
    std::map<EscalationLevel, std::vector<int64_t>> raisedTo;
    std::vector<const store::NoticeRecord*> notices;
    notices.reserve(static_cast<size_t>(last - first));
    for (auto p = first; p != last; ++p) {
        raisedTo[p->to].push_back(p->task.id);
        p->notice.id = noticeId++;
        p->notice.createdAt = createdAt;
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
    std::vector<store::EscalationRecord> records;
    records.reserve(plan.rises.size());
    int64_t noticeId = store::nextNoticeId(db);
    const store::AuditedEntity& entity = *store::findAuditedEntity(kTaskEntity);
    // Each batch's records are digested while the next batch is written: on the second core when
    // there is a next batch, here otherwise.
    const auto launch = plan.rises.size() > kTasksPerBatch ? std::launch::async : std::launch::deferred;
    std::future<std::vector<store::EscalationRecord>> digesting;
    const auto collect = [&] {
        if (!digesting.valid()) return;
        auto batch = digesting.get();
        std::move(batch.begin(), batch.end(), std::back_inserter(records));
    };
    for (auto first = plan.rises.begin(); first != plan.rises.end();) {
        const auto last = first + std::min<ptrdiff_t>(kTasksPerBatch, plan.rises.end() - first);
        writeBatch(db, first, last, noticeId, createdAt);
        auto rows = std::make_shared<const BatchRows>(readBatchRows(db, entity, first, last));
        collect();
        digesting = std::async(launch, [&entity, rows, first, last] { return recordsOf(entity, *rows, first, last); });
        first = last;
        tell(progress, WorkPhase::Escalating, static_cast<uint64_t>(first - plan.rises.begin()), plan.rises.size(), WorkItems::Tasks);
    }
    collect();
    // Planned again under the lock, the run may have nothing left to raise: then it writes no event.
    if (!records.empty()) appendEscalationRun(db, actor, civil::formatDate(asOf), records);
    tx.commit();
    return std::move(plan.rises);
}

}  // namespace patrol::services
