// Use cases for units (单位): add one, import a CSV all-or-nothing, list.
#pragma once

#include "core/data/read_limits.hpp"
#include <optional>
#include <string>
#include <vector>

#include "core/services/actor.hpp"
#include "core/services/progress.hpp"
#include "core/store/unit_repository.hpp"

namespace patrol::services {

struct UnitInput {
    std::string code;
    std::string name;
    std::string kind;  // a unit kind word, e.g. township
    std::optional<std::string> parentCode;
    std::optional<std::string> head = std::nullopt;     // 主要负责人
    std::optional<std::string> contact = std::nullopt;  // 联系人/电话
};

store::UnitRecord addUnit(store::Database& db, const Actor& actor, const UnitInput& input);

// Reads a CSV file with the columns code,name,kind,parent_code and optionally head,contact (any order; UTF-8 with or without
// BOM, or GB18030; a parent may be another row of the same file). Either every row is stored or none: the
// UserError lists each bad row with its line number (the first limits.maxListedRejects of them,
// and how many more). Returns the number of units added. Messages name the file as `shownAs`
// when given (an upload's own name), else by its path. `progress`, when given, is told Reading
// (rows read) and then Importing (units stored of those to store).
size_t importUnits(store::Database& db, const Actor& actor, const std::string& path, const data::ReadLimits& limits = {},
                   const std::string& shownAs = "", const ProgressSink* progress = nullptr);

// What `unit edit` changes: an absent field stays as it is; an empty parent, head or contact
// clears it.
struct UnitEdit {
    std::optional<std::string> name;
    std::optional<std::string> kind;
    std::optional<std::string> parentCode;
    std::optional<std::string> head;
    std::optional<std::string> contact;
};

struct UnitEdited {
    store::UnitRecord before;
    store::UnitRecord after;
    bool changed() const;
};

// Admin only. A parent must exist and must not lie within the unit's own subtree (no cycle).
// One audit event (unit.edit, before and after) when anything changed, none otherwise.
UnitEdited editUnit(store::Database& db, const Actor& actor, const std::string& unitCode, const UnitEdit& edit);

// The unit with this code, or UserError naming the code.
store::UnitRecord requireUnit(store::Database& db, const std::string& unitCode);
// The same, and to a unit user every other unit reads exactly like one that does not exist.
store::UnitRecord requireVisibleUnit(store::Database& db, const Actor& actor, const std::string& unitCode);

// Ordered by code; a unit user sees only its own unit.
std::vector<store::UnitRecord> listUnits(store::Database& db, const Actor& actor);

}  // namespace patrol::services
