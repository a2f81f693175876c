#include "core/store/audited_rows_check.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>

#include "core/store/audited_rows.hpp"
#include "core/store/database.hpp"
#include "core/store/escalation_record.hpp"
#include "core/store/finding_record.hpp"

namespace patrol::store {

namespace {

using Poco::JSON::Object;

struct LatestEvent {
    int64_t id = 0;
    std::optional<std::string> after;
    bool seen = false;
};

struct Problem {
    size_t entityOrder;
    int64_t row;
    bool child;  // a row's own columns are named before its child rows
    std::string text;
};

std::string shown(const StoredValue& v) {
    switch (v.type) {
        case StoredValue::Type::Null: return "空值";
        case StoredValue::Type::Integer: return std::to_string(v.integer);
        case StoredValue::Type::Real: return Poco::Dynamic::Var(v.real).convert<std::string>();
        case StoredValue::Type::Text: return v.text;
    }
    return {};
}

std::string shown(const Poco::Dynamic::Var& v) { return v.isEmpty() ? "空值" : v.convert<std::string>(); }

bool same(const StoredValue& current, const Poco::Dynamic::Var& recorded) {
    switch (current.type) {
        case StoredValue::Type::Null: return recorded.isEmpty();
        case StoredValue::Type::Integer:
            return recorded.isInteger() && !recorded.isBoolean() && recorded.convert<Poco::Int64>() == current.integer;
        case StoredValue::Type::Real: return recorded.isNumeric() && recorded.convert<double>() == current.real;
        case StoredValue::Type::Text: return recorded.isString() && recorded.convert<std::string>() == current.text;
    }
    return false;
}

// Identifies a row among its owner's by its key columns, the same way for stored and recorded rows.
std::string keyOf(const std::vector<std::string>& keys, const StoredRow& row) {
    std::string out;
    for (const auto& k : keys)
        if (const StoredValue* v = row.find(k)) out += shown(*v) + '\x1f';
    return out;
}

std::string keyOf(const std::vector<std::string>& keys, const Object& row) {
    std::string out;
    for (const auto& k : keys) out += shown(row.get(k)) + '\x1f';
    return out;
}

std::string mainLabel(const AuditedEntity& e, int64_t rowId, const std::string& entityId) {
    std::string label = "表 " + e.table + " 第 " + std::to_string(rowId) + " 行";
    if (e.idColumn != "id") label += "（" + entityId + "）";
    return label;
}

template <typename Row>
std::string childLabel(const ChildTable& child, const Row& row, const std::string& ownerId) {
    if (child.keyColumns == std::vector<std::string>{"id"}) {
        std::string id;
        if constexpr (std::is_same_v<Row, StoredRow>) id = shown(*row.find("id"));
        else id = shown(row.get("id"));
        return "表 " + child.table + " 第 " + id + " 行";
    }
    std::string label = "表 " + child.table + " 中 " + child.ownerColumn + "=" + ownerId;
    for (const auto& k : child.keyColumns) {
        if constexpr (std::is_same_v<Row, StoredRow>) label += "、" + k + "=" + shown(*row.find(k));
        else label += "、" + k + "=" + shown(row.get(k));
    }
    return label + " 的行";
}

std::string changed(const std::string& label, const std::string& column, const std::string& current,
                    int64_t eventId, const std::string& recorded) {
    return label + "的 " + column + " 为 " + current + "，而其最近的审计事件 #" + std::to_string(eventId) + " 记录为 " +
           recorded + "：该行在本工具之外被改动。";
}

std::string inserted(const std::string& label) { return label + "没有任何审计事件：该行在本工具之外被插入。"; }

std::string deleted(const std::string& label, int64_t eventId) {
    return label + "已不存在，而其最近的审计事件 #" + std::to_string(eventId) + " 记录了它：该行在本工具之外被删除。";
}

// The first column of `row` that differs from the recorded one; only recorded columns count
// (a column added after the event was written has nothing to compare with).
std::optional<std::string> firstDifference(const StoredRow& row, const Object& recorded, const std::string& label,
                                           int64_t eventId) {
    for (const auto& [column, value] : row.columns) {
        if (!recorded.has(column)) continue;
        const auto was = recorded.get(column);
        if (!same(value, was)) return changed(label, column, shown(value), eventId, shown(was));
    }
    return std::nullopt;
}

class EntityCheck {
public:
    EntityCheck(Database& db, const AuditedEntity& entity, size_t order, AuditedRowsReport& report,
                std::vector<Problem>& problems)
        : db_(db), entity_(entity), order_(order), report_(report), problems_(problems) {}

    void run() {
        readLatestEvents();
        if (entity_.table == "findings") readCheckRuns();
        // Before the rows, so a record forged or removed is named ahead of what its task then shows.
        if (entity_.table == "rectification_tasks") readEscalationRuns(), checkEscalationRuns();
        std::vector<std::map<int64_t, std::vector<StoredRow>>> childRows(entity_.children.size());
        for (size_t c = 0; c < entity_.children.size(); ++c) {
            const ChildTable& child = entity_.children[c];
            const std::string order = child.ownerColumn + ", " + child.keyOrder();
            for (auto& row : readStoredRows(db_, child.table, child.condition, std::nullopt, order)) {
                const StoredValue* owner = row.find(child.ownerColumn);
                const int64_t ownerId = owner && owner->type == StoredValue::Type::Integer ? owner->integer : -1;
                childRows[c][ownerId].push_back(std::move(row));
            }
        }
        for (const auto& row : readStoredRows(db_, entity_.table, "", std::nullopt, "id")) {
            const int64_t rowId = row.find("id")->integer;
            std::vector<std::vector<StoredRow>> children(entity_.children.size());
            for (size_t c = 0; c < children.size(); ++c)
                if (auto it = childRows[c].find(rowId); it != childRows[c].end()) {
                    children[c] = std::move(it->second);
                    childRows[c].erase(it);
                }
            checkRow(row, rowId, children);
        }
        // Rows whose owner does not exist were written by no event.
        for (size_t c = 0; c < entity_.children.size(); ++c)
            for (const auto& [ownerId, rows] : childRows[c])
                for (const auto& row : rows)
                    add(ownerId, inserted(childLabel(entity_.children[c], row, shown(*row.find(entity_.children[c].ownerColumn)))));
        reportDeletedRows();
        if (entity_.table == "findings") checkRunRecords();
        if (entity_.table == "rectification_tasks") reportDeletedRisenTasks();
        if (incomplete_ > 0)
            report_.warnings.push_back("表 " + entity_.table + " 有 " + std::to_string(incomplete_) +
                                       " 行的最近审计事件由旧版本写入，未记录完整状态，无法与数据核对（如" + firstIncomplete_ +
                                       "）。核对无误后，管理员可为其记录审计基线。");
    }

private:
    void add(int64_t row, std::string text, bool child = true) { problems_.push_back({order_, row, child, std::move(text)}); }

    void readLatestEvents() {
        auto st = db_.prepare(
            "SELECT a.entity_id, a.id, a.after_json FROM audit_events a JOIN "
            "(SELECT max(id) AS id FROM audit_events WHERE entity = ? GROUP BY entity_id) m ON a.id = m.id");
        st.bindAll(entity_.entity);
        while (st.step()) latest_[st.text(0)] = LatestEvent{st.integer(1), st.optionalText(2)};
    }

    Object::Ptr parse(const std::string& text) {
        parser_.reset();
        return parser_.parse(text).extract<Object::Ptr>();
    }

    void checkRow(const StoredRow& row, int64_t rowId, const std::vector<std::vector<StoredRow>>& children) {
        const StoredValue* idValue = row.find(entity_.idColumn);
        const std::string entityId = idValue ? shown(*idValue) : std::string();
        const std::string label = mainLabel(entity_, rowId, entityId);
        auto it = latest_.find(entityId);
        // A finding recorded in bulk stands for its run's event until an event of its own follows.
        if (auto record = records_.find(rowId);
            record != records_.end() && (it == latest_.end() || it->second.id < record->second.eventId))
            return checkRecordedRow(row, rowId, label, record->second, children);
        // A task risen by an escalation run after its own latest event stands for that run's record.
        if (auto rise = latestRises_.find(rowId);
            rise != latestRises_.end() && (it == latest_.end() || it->second.id < rise->second.eventId)) {
            rise->second.seen = true;
            if (it != latest_.end()) it->second.seen = true;
            return checkDigestedRow(row, rowId, label, rise->second.eventId, rise->second.rowsDigest, children);
        }
        if (it == latest_.end()) return add(rowId, inserted(label), false);
        LatestEvent& event = it->second;
        event.seen = true;
        Object::Ptr after = event.after ? parse(*event.after) : nullptr;
        Object::Ptr state = after ? after->getObject(kRowStateKey) : nullptr;
        if (!state && after && after->has(kRowDigestKey))
            return checkDigestedRow(row, rowId, label, event.id, after->getValue<std::string>(kRowDigestKey), children);
        if (!state) {
            report_.unrecorded.emplace_back(entity_.entity, entityId);
            if (incomplete_++ == 0)
                firstIncomplete_ = "第 " + std::to_string(rowId) + " 行" + (entity_.idColumn != "id" ? " " + entityId : "");
            return;
        }
        ++report_.rowsChecked;
        for (const auto& rows : children) report_.rowsChecked += static_cast<int64_t>(rows.size());
        if (Object::Ptr recorded = state->getObject(entity_.table))
            if (auto difference = firstDifference(row, *recorded, label, event.id)) add(rowId, std::move(*difference), false);
        for (size_t c = 0; c < entity_.children.size(); ++c) {
            const ChildTable& child = entity_.children[c];
            Poco::JSON::Array::Ptr recordedRows = state->getArray(child.table);
            if (!recordedRows) continue;  // recorded before this table belonged to the entity
            std::map<std::string, Object::Ptr> byKey;
            for (size_t i = 0; i < recordedRows->size(); ++i)
                if (Object::Ptr r = recordedRows->getObject(static_cast<unsigned>(i))) byKey[keyOf(child.keyColumns, *r)] = r;
            const std::string ownerId = std::to_string(rowId);
            for (const auto& current : children[c]) {
                const std::string childName = childLabel(child, current, ownerId);
                auto match = byKey.find(keyOf(child.keyColumns, current));
                if (match == byKey.end()) {
                    add(rowId, childName + "不在其所属记录最近的审计事件 #" + std::to_string(event.id) +
                                   " 所记录的状态中：该行在本工具之外被插入。");
                    continue;
                }
                if (auto difference = firstDifference(current, *match->second, childName, event.id))
                    add(rowId, std::move(*difference));
                byKey.erase(match);
            }
            for (const auto& [key, gone] : byKey) add(rowId, deleted(childLabel(child, *gone, ownerId), event.id));
        }
    }

    // An event that fixed the rows by their digest (a mass escalation): the row and its child
    // rows, as they are now, must give the same digest. Which of them changed is not recorded,
    // so the problem names the task and every table it owns.
    void checkDigestedRow(const StoredRow& row, int64_t rowId, const std::string& label, int64_t eventId,
                          const std::string& digest, const std::vector<std::vector<StoredRow>>& children) {
        ++report_.rowsChecked;
        for (const auto& rows : children) report_.rowsChecked += static_cast<int64_t>(rows.size());
        if (rowStateDigest(rowStateOf(entity_, row, children)) == digest) return;
        std::string owned;
        for (const auto& child : entity_.children) owned += (owned.empty() ? "" : "、") + child.table;
        add(rowId, label + "或其所属的 " + owned + " 行与其最近的审计事件 #" + std::to_string(eventId) +
                       " 所记录的摘要不符：这些行在本工具之外被改动、插入或删除。", false);
    }

    struct CheckRun {
        int64_t first = 0, last = 0, count = 0;
        std::string digest;
    };

    // The bulk recordings (finding_record.hpp): their events and every finding's record.
    void readCheckRuns() {
        auto st = db_.prepare("SELECT id, after_json FROM audit_events WHERE entity = ? AND action = ?");
        st.bindAll(std::string(kCheckRunEntity), std::string(kCheckRunAction));
        while (st.step()) {
            CheckRun run;
            if (const auto text = st.optionalText(1)) {
                Object::Ptr after = parse(*text);
                run.first = after->optValue<Poco::Int64>("first_finding", 0);
                run.last = after->optValue<Poco::Int64>("last_finding", 0);
                run.count = after->optValue<Poco::Int64>("count", 0);
                run.digest = after->optValue<std::string>("records_digest", "");
            }
            runs_[st.integer(0)] = run;
        }
        for (auto& [findingId, record] : readFindingRecords(db_)) records_.emplace(findingId, Record{record.eventId, std::move(record.rowDigest)});
    }

    struct Record {
        int64_t eventId = 0;
        std::string rowDigest;
        bool seen = false;
    };

    std::string recordedLabel(int64_t eventId) { return "检查记录审计事件 #" + std::to_string(eventId); }

    void checkRecordedRow(const StoredRow& row, int64_t rowId, const std::string& label, Record& record,
                          const std::vector<std::vector<StoredRow>>& children) {
        record.seen = true;
        ++report_.rowsChecked;
        const auto canonical = canonicalFindingRow(row);
        if (!canonical || rowDigest(*canonical) != record.rowDigest)
            add(rowId, label + "与" + recordedLabel(record.eventId) + "所记录的内容不符：该行在本工具之外被改动。", false);
        // A run records findings without child rows; any now there was added behind it.
        for (size_t c = 0; c < entity_.children.size(); ++c)
            for (const auto& current : children[c])
                add(rowId, childLabel(entity_.children[c], current, std::to_string(rowId)) + "不在其所属记录最近的审计事件 #" +
                               std::to_string(record.eventId) + " 所记录的状态中：该行在本工具之外被插入。");
    }

    // Each run's records against its event: the digest over them in finding id order, and which
    // ids the run recorded; then the records whose finding is gone.
    void checkRunRecords() {
        std::map<int64_t, RecordsDigest> digests;
        std::map<int64_t, int64_t> counts;
        for (const auto& [findingId, record] : records_) {
            const std::string label = "表 finding_records 中第 " + std::to_string(findingId) + " 行（问题 " + std::to_string(findingId) + "）";
            const auto run = runs_.find(record.eventId);
            if (run == runs_.end()) {
                add(findingId, label + "指向的 " + recordedLabel(record.eventId) + "不存在：该行在本工具之外被插入。", false);
                continue;
            }
            if (findingId < run->second.first || findingId > run->second.last)
                add(findingId, label + "不在" + recordedLabel(record.eventId) + "所记录的问题 " + std::to_string(run->second.first) +
                                   "–" + std::to_string(run->second.last) + " 之中：该行在本工具之外被插入。", false);
            digests[record.eventId].add(findingId, record.rowDigest);
            ++counts[record.eventId];
            const bool ownEvent = latest_.count(std::to_string(findingId)) > 0;  // reported with its own events
            if (!record.seen && !ownEvent)
                add(findingId, deleted("表 findings 第 " + std::to_string(findingId) + " 行", record.eventId), false);
        }
        for (auto& [eventId, run] : runs_) {
            const auto digest = digests.find(eventId);
            const std::string current = digest == digests.end() ? RecordsDigest().hex() : digest->second.hex();
            if (current == run.digest && counts[eventId] == run.count) continue;
            for (int64_t id = run.first; id <= run.last && id > 0; ++id)
                if (auto r = records_.find(id); r == records_.end() || r->second.eventId != eventId)
                    add(id, "表 finding_records 中问题 " + std::to_string(id) + " 的记录已不存在，而" + recordedLabel(eventId) +
                                "记录了它：该行在本工具之外被删除。", false);
            // After the rows it concerns, which name the findings themselves.
            add(std::numeric_limits<int64_t>::max(), recordedLabel(eventId) + "记录了 " + std::to_string(run.count) + " 个问题，其摘要与表 finding_records 中的 " +
                               std::to_string(counts[eventId]) + " 行不符：检查记录在本工具之外被改动。", false);
        }
    }

    struct EscalationRun {
        int64_t first = 0, last = 0, count = 0;
        std::string digest;
    };

    struct LatestRise {
        int64_t eventId = 0;
        std::string rowsDigest;
        bool seen = false;
    };

    // The escalation runs (escalation_record.hpp): their events, every rise's record, and each
    // task's latest record, which vouches for the task unless an event of its own follows.
    void readEscalationRuns() {
        auto st = db_.prepare("SELECT id, after_json FROM audit_events WHERE entity = ? AND action = ?");
        st.bindAll(std::string(kEscalationRunEntity), std::string(kEscalationRunAction));
        while (st.step()) {
            EscalationRun run;
            if (const auto text = st.optionalText(1)) {
                Object::Ptr after = parse(*text);
                run.first = after->optValue<Poco::Int64>("first_notice", 0);
                run.last = after->optValue<Poco::Int64>("last_notice", 0);
                run.count = after->optValue<Poco::Int64>("count", 0);
                run.digest = after->optValue<std::string>("records_digest", "");
            }
            escalationRuns_[st.integer(0)] = run;
        }
        escalationRecords_ = readEscalationRecords(db_);
        for (const auto& r : escalationRecords_) {
            // A record outside its run's notices, or under no run, was forged: it vouches for nothing.
            const auto run = escalationRuns_.find(r.eventId);
            if (run == escalationRuns_.end() || r.noticeId < run->second.first || r.noticeId > run->second.last) continue;
            auto& rise = latestRises_[r.taskId];
            if (r.eventId >= rise.eventId) rise = {r.eventId, r.rowsDigest};
        }
    }

    std::string escalationRunLabel(int64_t eventId) { return "预警督办审计事件 #" + std::to_string(eventId); }

    // Each run's records against its event: the digest over them in notice order, the notices it made.
    void checkEscalationRuns() {
        std::map<int64_t, EscalationRecordsDigest> digests;
        std::map<int64_t, int64_t> counts;
        std::map<int64_t, int64_t> runOfNotice;
        for (const auto& r : escalationRecords_) {
            const std::string label = "表 escalation_records 第 " + std::to_string(r.noticeId) + " 行（任务 " +
                                      std::to_string(r.taskId) + "）";
            const auto run = escalationRuns_.find(r.eventId);
            if (run == escalationRuns_.end()) {
                add(r.taskId, label + "指向的" + escalationRunLabel(r.eventId) + "不存在：该行在本工具之外被插入。", false);
                continue;
            }
            if (r.noticeId < run->second.first || r.noticeId > run->second.last)
                add(r.taskId, label + "不在" + escalationRunLabel(r.eventId) + "所记录的通知 " + std::to_string(run->second.first) +
                                  "–" + std::to_string(run->second.last) + " 之中：该行在本工具之外被插入。", false);
            digests[r.eventId].add(r);
            ++counts[r.eventId];
            runOfNotice[r.noticeId] = r.eventId;
        }
        for (auto& [eventId, run] : escalationRuns_) {
            const auto digest = digests.find(eventId);
            const std::string current = digest == digests.end() ? EscalationRecordsDigest().hex() : digest->second.hex();
            if (current == run.digest && counts[eventId] == run.count) continue;
            // A removed record is named with its notice's task, before what the task's rows then show.
            auto taskOfNotice = db_.prepare("SELECT task_id FROM notices WHERE id = ?");
            for (int64_t notice = run.first; notice <= run.last && notice > 0; ++notice)
                if (auto r = runOfNotice.find(notice); r == runOfNotice.end() || r->second != eventId) {
                    taskOfNotice.reset();
                    taskOfNotice.bindAll(notice);
                    const int64_t row = taskOfNotice.step() ? taskOfNotice.integer(0) : std::numeric_limits<int64_t>::max();
                    add(row, "表 escalation_records 中通知 " + std::to_string(notice) + " 的记录已不存在，而" +
                                 escalationRunLabel(eventId) + "记录了它：该行在本工具之外被删除。", false);
                }
            add(std::numeric_limits<int64_t>::max(), escalationRunLabel(eventId) + "记录了 " + std::to_string(run.count) +
                                                         " 次升级，其摘要与表 escalation_records 中的 " +
                                                         std::to_string(counts[eventId]) + " 行不符：升级记录在本工具之外被改动。", false);
        }
    }

    // The tasks whose latest record no longer has its row (unless an own later event names them).
    void reportDeletedRisenTasks() {
        for (const auto& [taskId, rise] : latestRises_) {
            if (rise.seen) continue;
            const auto own = latest_.find(std::to_string(taskId));
            if (own == latest_.end() || own->second.id < rise.eventId)
                add(taskId, deleted("表 rectification_tasks 第 " + std::to_string(taskId) + " 行", rise.eventId), false);
        }
    }

    void reportDeletedRows() {
        for (const auto& [entityId, event] : latest_) {
            if (event.seen || !event.after) continue;
            if (!latestRises_.empty())  // a later rise's record names the task (checkEscalationRecords)
                if (auto rise = latestRises_.find(std::stoll(entityId)); rise != latestRises_.end() && rise->second.eventId > event.id)
                    continue;
            Object::Ptr after = parse(*event.after);
            Object::Ptr state = after ? after->getObject(kRowStateKey) : nullptr;
            Object::Ptr recorded = state ? state->getObject(entity_.table) : nullptr;
            int64_t rowId = recorded && recorded->has("id") ? recorded->getValue<Poco::Int64>("id") : 0;
            // An event with only the rows' digest still names its row when the entity's id is the row id.
            if (!recorded && entity_.idColumn == "id" && after && after->has(kRowDigestKey)) rowId = std::stoll(entityId);
            const std::string label = rowId ? mainLabel(entity_, rowId, entityId)
                                            : "表 " + entity_.table + " 中 " + entity_.idColumn + "=" + entityId + " 的行";
            add(rowId, deleted(label, event.id), false);
        }
    }

    Database& db_;
    const AuditedEntity& entity_;
    size_t order_;
    AuditedRowsReport& report_;
    std::vector<Problem>& problems_;
    std::map<std::string, LatestEvent> latest_;
    std::map<int64_t, CheckRun> runs_;
    std::map<int64_t, Record> records_;
    std::map<int64_t, EscalationRun> escalationRuns_;
    std::vector<EscalationRecord> escalationRecords_;
    std::map<int64_t, LatestRise> latestRises_;  // by task id
    Poco::JSON::Parser parser_;
    int64_t incomplete_ = 0;
    std::string firstIncomplete_;
};

// One snapshot for all tables and events, so a writer committing meanwhile is not mistaken for
// an edit; a caller already in a transaction has its own.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Database& db) : db_(db), own_(sqlite3_get_autocommit(db.handle()) != 0) {
        if (own_) db_.exec("BEGIN");
    }
    ~ReadSnapshot() {
        if (own_) sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr);
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    Database& db_;
    bool own_;
};

}  // namespace

AuditedRowsReport verifyAuditedRows(Database& db) {
    ReadSnapshot snapshot(db);
    AuditedRowsReport report;
    std::vector<Problem> problems;
    const auto& entities = auditedEntities();
    for (size_t i = 0; i < entities.size(); ++i) EntityCheck(db, entities[i], i, report, problems).run();
    std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
        if (a.entityOrder != b.entityOrder) return a.entityOrder < b.entityOrder;
        return a.row != b.row ? a.row < b.row : a.child < b.child;
    });
    for (auto& p : problems) report.problems.push_back(std::move(p.text));
    return report;
}

}  // namespace patrol::store
