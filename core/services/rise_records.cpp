#include "core/services/rise_records.hpp"

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "core/digest/sha256.hpp"
#include "core/services/json_text.hpp"
#include "core/services/task_audit.hpp"
#include "core/store/audited_rows.hpp"
#include "core/store/conditions.hpp"
#include "core/store/database.hpp"
#include "core/store/notice_repository.hpp"

namespace patrol::services {

namespace {

// Tasks whose rows are read together: bounds what is held (a task's notices grow with every level
// it reached) while keeping the reads few.
constexpr size_t kTasksPerRead = 1024;

// Each row as the JSON text JsonText::row() writes for it, by owner.
using RowsByOwner = std::unordered_map<int64_t, std::vector<std::string>>;

std::string storedText(const store::StoredRow& row) { return JsonText().row(row).take(); }

// A task row as it reads once its rise is written: the level column holds the new level.
// Escalation changes nothing else in the row.
std::string risenTaskText(const store::StoredRow& row, std::string_view level) {
    JsonText json;
    json.open();
    for (const auto& [name, value] : row.columns) {
        json.key(name);
        if (name == "level")
            json.value(level);
        else
            json.value(value);
    }
    return json.close().take();
}

// The rows of `table` whose `owner` column names one of `ids` (a JSON array), as auditedRowState
// reads them one owner at a time: in `order` within each owner. Kept only as the JSON text `text`
// makes of each: a row kept as a StoredRow was a score of allocations, and as text 50,000 rises
// took 0.07–0.1 s less CPU (bench/serve/README.md).
template <typename RowText>
RowsByOwner rowsOf(store::Database& db, const std::string& table, const std::string& owner,
                   const std::string& condition, const std::string& order, const std::string& ids, const RowText& text) {
    std::string where = owner + " IN (SELECT value FROM json_each(?))";
    if (!condition.empty()) where += " AND " + condition;
    RowsByOwner byOwner;
    store::forEachStoredRow(db, table, where, ids, owner + ", " + order, [&](const store::StoredRow& row) {
        byOwner[row.find(owner)->integer].push_back(text(row));
    });
    return byOwner;
}

size_t noticesChild(const store::AuditedEntity& entity) {
    for (size_t i = 0; i < entity.children.size(); ++i)
        if (entity.children[i].table == "notices") return i;
    throw std::logic_error("the audited task rows no longer include its notices");
}

void appendRecords(store::Database& before, const store::AuditedEntity& entity, std::vector<LevelRise>::const_iterator first,
                   std::vector<LevelRise>::const_iterator last, std::vector<store::EscalationRecord>& records) {
    std::vector<int64_t> taskIds;
    std::unordered_map<int64_t, std::string_view> levels;
    for (auto p = first; p != last; ++p) {
        taskIds.push_back(p->task.id);
        levels.emplace(p->task.id, domain::escalationLevels.code(p->to));
    }
    const std::string ids = store::idArrayJson(taskIds);
    const RowsByOwner tasks = rowsOf(before, entity.table, entity.idColumn, "", entity.idColumn, ids, [&](const store::StoredRow& row) {
        return risenTaskText(row, levels.at(row.find(entity.idColumn)->integer));
    });
    std::vector<RowsByOwner> children;
    for (const auto& child : entity.children)
        children.push_back(
            rowsOf(before, child.table, child.ownerColumn, child.condition, child.keyOrder(), ids, storedText));
    const size_t notices = noticesChild(entity);
    const std::vector<std::string> none;
    for (auto p = first; p != last; ++p) {
        const LevelRise& rise = *p;
        JsonText state;
        // The same text store::rowStateDigest() hashes: Poco's stringify of rowStateOf().
        state.open().key(entity.table).raw(tasks.at(rise.task.id).front());
        for (size_t i = 0; i < entity.children.size(); ++i) {
            const auto owned = children[i].find(rise.task.id);
            state.key(entity.children[i].table).openArray();
            for (const auto& row : owned == children[i].end() ? none : owned->second) state.raw(row);
            if (i == notices) state.row(store::noticeStoredRow(rise.notice));
            state.closeArray();
        }
        state.close();
        records.push_back({rise.notice.id, 0, rise.task.id, std::string(domain::escalationLevels.code(rise.from)),
                           rise.task.status, rise.task.dueDate, digest::sha256Hex(state.take())});
    }
}

}  // namespace

std::vector<store::EscalationRecord> riseRecords(store::Database& before, const std::vector<LevelRise>& rises) {
    const store::AuditedEntity& entity = *store::findAuditedEntity(kTaskEntity);
    std::vector<store::EscalationRecord> records;
    records.reserve(rises.size());
    for (auto first = rises.begin(); first != rises.end();) {
        const auto last = first + std::min<ptrdiff_t>(kTasksPerRead, rises.end() - first);
        appendRecords(before, entity, first, last, records);
        first = last;
    }
    return records;
}

}  // namespace patrol::services
