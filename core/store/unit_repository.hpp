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
};

struct NewUnit {
    std::string code;
    std::string name;
    std::string kind;
    std::optional<int64_t> parentId;
};

int64_t insertUnit(Database& db, const NewUnit& unit);
std::optional<UnitRecord> findUnitByCode(Database& db, const std::string& code);
std::optional<UnitRecord> findUnitById(Database& db, int64_t id);
// Ordered by code.
std::vector<UnitRecord> listUnits(Database& db);
// The units whose ids `idQuery` selects (SQL with one '?' for `parameter`), ordered by code.
std::vector<UnitRecord> listUnitsIn(Database& db, const std::string& idQuery, int64_t parameter);
int64_t countUnits(Database& db);

}  // namespace patrol::store
