// Correcting a finding (修改问题) before it matters: its text, category, severity, amount, people
// and rectification kind may change while it is suspected or confirmed, never once fed back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/services/actor.hpp"
#include "core/store/finding_repository.hpp"

namespace patrol::services {

// Only the fields given change. For amount, people count, people level and rectification kind
// an empty text clears the value.
struct FindingCorrection {
    std::optional<std::string> category;
    std::optional<std::string> title;
    std::optional<std::string> detail;
    std::optional<std::string> severity;           // low | medium | high
    std::optional<std::string> amount;             // yuan
    std::optional<std::string> peopleCount;        // whole number
    std::optional<std::string> peopleLevel;        // e.g. 乡科级
    std::optional<std::string> rectificationKind;  // immediate | deadline | long_term
};

struct EditedFinding {
    store::FindingRecord before;
    store::FindingRecord after;
    bool changed = false;  // false: the values given were those already stored; nothing written
};

// Admin or an inspector of the finding's round (as for confirming), audited with before/after.
// A finding the actor may not see is refused exactly like one that does not exist.
EditedFinding editFinding(store::Database& db, const Actor& actor, int64_t id, const FindingCorrection& correction);

}  // namespace patrol::services
