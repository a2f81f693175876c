#include "core/services/unit_service.hpp"

#include <algorithm>
#include <map>

#include "core/domain/errors.hpp"
#include "core/services/not_found.hpp"
#include "core/domain/unit_kind.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/authorization.hpp"
#include "core/services/csv_file.hpp"
#include "core/services/problem_list.hpp"
#include "core/services/input_checks.hpp"
#include "core/services/record_json.hpp"
#include "core/store/transaction.hpp"

namespace patrol::services {

namespace {

std::string duplicateMessage(const store::UnitRecord& existing) {
    return "单位编码「" + existing.code + "」已存在（" + existing.name + "）。请换一个编码。";
}

std::string unknownParentMessage(const std::string& code) {
    return "上级单位「" + code + "」不存在。请先添加该上级单位，或检查编码是否写错。";
}

struct CheckedUnit {
    std::string code;
    std::string name;
    std::string kind;
    std::optional<std::string> parentCode;
    std::optional<std::string> head;
    std::optional<std::string> contact;
};

// A person's name or a contact line: trimmed; blank means none.
std::optional<std::string> optionalPerson(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    const auto first = text->find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return std::nullopt;
    return text->substr(first, text->find_last_not_of(" \t\r\n") - first + 1);
}

CheckedUnit checkUnit(const UnitInput& input) {
    CheckedUnit u{requireCode(input.code, "单位编码", "code"), requireLine(input.name, "单位名称", "name"),
                  domain::unitKinds.checked(input.kind), std::nullopt, optionalPerson(input.head),
                  optionalPerson(input.contact)};
    if (input.parentCode && !input.parentCode->empty()) u.parentCode = requireCode(*input.parentCode, "上级单位编码", "parent");
    return u;
}

store::UnitRecord insertChecked(store::Database& db, const Actor& actor, const CheckedUnit& u,
                                std::optional<int64_t> parentId) {
    const int64_t id = store::insertUnit(db, {u.code, u.name, u.kind, parentId, u.head, u.contact});
    const auto stored = store::findUnitById(db, id);
    recordChange(db, actor, "unit.add", "unit", u.code, nullptr, unitJson(*stored));
    return *stored;
}

// Column index by header name; UserError naming the missing ones.
std::map<std::string, size_t> headerColumns(const CsvRow& header, const std::string& path) {
    std::map<std::string, size_t> columns;
    for (size_t i = 0; i < header.fields.size(); ++i) columns[header.fields[i]] = i;
    std::string missing;
    for (const char* name : {"code", "name", "kind", "parent_code"})
        if (!columns.count(name)) missing += std::string(missing.empty() ? "" : "、") + name;
    if (!missing.empty())
        throw UserError(path + " 缺少列 " + missing + "：第一行应为表头 code,name,kind,parent_code（顺序不限）。没有导入任何单位。");
    return columns;
}

}  // namespace

store::UnitRecord addUnit(store::Database& db, const Actor& actor, const UnitInput& input) {
    requireAdmin(actor, "添加单位");
    const CheckedUnit u = checkUnit(input);
    store::Transaction tx(db);
    if (const auto existing = store::findUnitByCode(db, u.code)) throw Conflict(duplicateMessage(*existing));
    std::optional<int64_t> parentId;
    if (u.parentCode) {
        const auto parent = store::findUnitByCode(db, *u.parentCode);
        if (!parent) throw UserError(unknownParentMessage(*u.parentCode));
        parentId = parent->id;
    }
    auto stored = insertChecked(db, actor, u, parentId);
    tx.commit();
    return stored;
}

size_t importUnits(store::Database& db, const Actor& actor, const std::string& path, const data::ReadLimits& limits,
                   const std::string& shownAs, const ProgressSink* progress) {
    requireAdmin(actor, "导入单位");
    // Each unit is a row and an audit event: a few hundred make a visible step, never one per row.
    constexpr size_t kUnitsPerCall = 256;
    const std::string csvPath = shownAs.empty() ? path : shownAs;
    std::optional<std::map<std::string, size_t>> header;
    const auto field = [&](const CsvRow& row, const char* name) {
        const size_t i = header->at(name);
        return i < row.fields.size() ? row.fields[i] : std::string();
    };
    // Columns a file may leave out.
    const auto optionalField = [&](const CsvRow& row, const char* name) -> std::optional<std::string> {
        const auto it = header->find(name);
        if (it == header->end() || it->second >= row.fields.size()) return std::nullopt;
        return row.fields[it->second];
    };

    ProblemList problems(limits.maxListedRejects);
    const auto problem = [&](size_t line, const std::string& message) { problems.add(line, message); };
    std::vector<std::pair<size_t, CheckedUnit>> pending;  // (line, unit)
    std::map<std::string, size_t> linesByCode;
    size_t rowsRead = 0;
    forEachCsvRow(path, limits, [&](const CsvRow& row) {
        if (++rowsRead % kUnitsPerCall == 0) tell(progress, WorkPhase::Reading, rowsRead, 0, WorkItems::Rows);
        if (!header) {
            header = headerColumns(row, csvPath);
            return;
        }
        try {
            if (row.textAfterQuote)
                throw UserError("带引号的字段在结束引号后还有其他字符。字段内的引号应写成两个双引号（\"\"），请改正该行。");
            const std::string parent = field(row, "parent_code");
            CheckedUnit u = checkUnit({field(row, "code"), field(row, "name"), field(row, "kind"),
                                       parent.empty() ? std::nullopt : std::optional<std::string>(parent),
                                       optionalField(row, "head"), optionalField(row, "contact")});
            if (const auto seen = linesByCode.find(u.code); seen != linesByCode.end())
                throw UserError("单位编码「" + u.code + "」与第 " + std::to_string(seen->second) + " 行重复。");
            linesByCode[u.code] = row.line;
            pending.emplace_back(row.line, std::move(u));
        } catch (const UserError& e) {
            problem(row.line, e.what());
        }
    }, shownAs);
    if (!header) throw UserError(csvPath + " 是空文件：第一行应为表头 code,name,kind,parent_code。没有导入任何单位。");

    store::Transaction tx(db);
    for (const auto& [line, u] : pending) {
        if (const auto existing = store::findUnitByCode(db, u.code)) problem(line, duplicateMessage(*existing));
        if (u.parentCode && !linesByCode.count(*u.parentCode) && !store::findUnitByCode(db, *u.parentCode))
            problem(line, unknownParentMessage(*u.parentCode));
    }
    // Parents may come later in the file: insert in passes until nothing more can be placed.
    size_t added = 0;
    std::vector<std::pair<size_t, CheckedUnit>> waiting = problems.empty() ? std::move(pending) : decltype(pending){};
    const size_t toAdd = waiting.size();
    tell(progress, WorkPhase::Importing, 0, toAdd, WorkItems::Units);
    while (!waiting.empty()) {
        std::vector<std::pair<size_t, CheckedUnit>> next;
        for (auto& item : waiting) {
            const CheckedUnit& u = item.second;
            std::optional<int64_t> parentId;
            if (u.parentCode) {
                const auto parent = store::findUnitByCode(db, *u.parentCode);
                if (!parent) {
                    next.push_back(std::move(item));
                    continue;
                }
                parentId = parent->id;
            }
            insertChecked(db, actor, u, parentId);
            if (++added % kUnitsPerCall == 0) tell(progress, WorkPhase::Importing, added, toAdd, WorkItems::Units);
        }
        if (next.size() == waiting.size()) {
            for (const auto& [line, u] : next)
                problem(line, "上级单位「" + *u.parentCode + "」与本文件中的其他行互为上下级，形成了环。请检查 parent_code。");
            break;
        }
        waiting = std::move(next);
    }
    if (!problems.empty()) {
        std::string message = csvPath + " 有 " + std::to_string(problems.count()) + " 处错误，没有导入任何单位：";
        const auto listed = problems.listed();
        for (const auto& [line, text] : listed) message += "\n  第 " + std::to_string(line) + " 行：" + text;
        if (problems.count() > listed.size())
            message += "\n  以及另外 " + std::to_string(problems.count() - listed.size()) + " 处错误未列出（列出的条数见设置 data.max_listed_rejects）";
        message += "\n请改正后重新导入。";
        throw UserError(message);
    }
    tx.commit();
    return added;
}

bool UnitEdited::changed() const {
    return before.name != after.name || before.kind != after.kind || before.parentId != after.parentId ||
           before.head != after.head || before.contact != after.contact;
}

UnitEdited editUnit(store::Database& db, const Actor& actor, const std::string& unitCode, const UnitEdit& edit) {
    requireAdmin(actor, "修改单位");
    store::Transaction tx(db);
    UnitEdited result{requireUnit(db, unitCode), {}};
    store::UnitRecord& u = result.after = result.before;
    if (edit.name) u.name = requireLine(*edit.name, "单位名称", "name");
    if (edit.kind) u.kind = domain::unitKinds.checked(*edit.kind);
    if (edit.head) u.head = optionalPerson(edit.head);
    if (edit.contact) u.contact = optionalPerson(edit.contact);
    if (edit.parentCode && edit.parentCode->empty()) {
        u.parentId.reset();
        u.parentCode.reset();
    } else if (edit.parentCode) {
        const auto parent = store::findUnitByCode(db, requireCode(*edit.parentCode, "上级单位编码", "parent"));
        if (!parent) throw UserError(unknownParentMessage(*edit.parentCode));
        if (parent->id == u.id)
            throw Conflict("单位「" + u.code + "」不能做自己的上级单位。请指定另一个单位，或不改上级单位。");
        if (store::isWithinSubtree(db, parent->id, u.id))
            throw Conflict("不能把「" + parent->code + "」（" + parent->name + "）设为单位「" + u.code + "」的上级单位：它是「" +
                            u.code + "」的下级单位，这样会形成环。请指定不在「" + u.code + "」之下的单位。");
        u.parentId = parent->id;
        u.parentCode = parent->code;
    }
    if (!result.changed()) return result;
    store::updateUnit(db, u);
    result.after = *store::findUnitById(db, u.id);
    recordChange(db, actor, "unit.edit", "unit", u.code, unitJson(result.before), unitJson(result.after));
    tx.commit();
    return result;
}

store::UnitRecord requireUnit(store::Database& db, const std::string& unitCode) {
    if (auto unit = store::findUnitByCode(db, unitCode)) return *unit;
    throw unitNotFound(unitCode);
}

store::UnitRecord requireVisibleUnit(store::Database& db, const Actor& actor, const std::string& unitCode) {
    auto unit = store::findUnitByCode(db, unitCode);
    if (!unit || (actor.role == domain::Role::Unit && actor.unitId != unit->id)) throw unitNotFound(unitCode);
    return *unit;
}

std::vector<store::UnitRecord> listUnits(store::Database& db, const Actor& actor) {
    if (actor.role == domain::Role::Unit) {
        std::vector<store::UnitRecord> own;
        if (actor.unitId)
            if (auto unit = store::findUnitById(db, *actor.unitId)) own.push_back(*unit);
        return own;
    }
    return store::listUnits(db);
}

}  // namespace patrol::services
