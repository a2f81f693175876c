// Notices of escalation (预警通知, spec/domain.md "Warnings and escalation"): each level rise is
// stored by escalate(); here they are listed and exported, seen by the same people as the tasks
// they are about.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/services/actor.hpp"
#include "core/store/notice_repository.hpp"

namespace patrol::services {

struct NoticeFilter {
    std::optional<std::string> roundCode;
    std::optional<std::string> unitCode;
    std::optional<std::string> level;  // an escalation level word
    std::optional<int32_t> since;      // notices dated this day or later
};

// Oldest first. Admin and leader see every notice, an inspector those of tasks of their rounds,
// a unit user those of its own unit's tasks only; a round or unit the actor may not see is
// refused exactly like one that does not exist.
std::vector<store::NoticeRecord> listNotices(store::Database& db, const Actor& actor, const NoticeFilter& filter);

}  // namespace patrol::services
