// Units (单位) and their tree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patrol::store {

class Database;

struct UnitRecord {
    int64_t id = 0;
    std::string code;
    std::string name;
    std::string kind;
    std::optional<int64_t> parentId;
    std::optional<std::string> parentCode;
    std::optional<std::string> head;     // 主要负责人
    std::optional<std::string> contact;  // 联系人/电话, free text
};

struct NewUnit {
    std::string code;
    std::string name;
    std::string kind;
    std::optional<int64_t> parentId;
    std::optional<std::string> head = std::nullopt;
    std::optional<std::string> contact = std::nullopt;
};

int64_t insertUnit(Database& db, const NewUnit& unit);
// Writes name, kind, parent, head and contact of the unit with `unit.id` (the code never changes).
void updateUnit(Database& db, const UnitRecord& unit);
// True when `unitId` is `ancestorId` or lies below it in the tree.
bool isWithinSubtree(Database& db, int64_t unitId, int64_t ancestorId);
std::optional<UnitRecord> findUnitByCode(Database& db, const std::string& code);
std::optional<UnitRecord> findUnitById(Database& db, int64_t id);
// Ordered by code.
std::vector<UnitRecord> listUnits(Database& db);
// The units whose ids `idQuery` selects (SQL with one '?' for `parameter`), ordered by code.
std::vector<UnitRecord> listUnitsIn(Database& db, const std::string& idQuery, int64_t parameter);
int64_t countUnits(Database& db);

}  // namespace patrol::store
