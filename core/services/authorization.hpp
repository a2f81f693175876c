// The permission rules of spec/domain.md "People and roles", enforced for every use case:
// admin everything; inspector only the rounds they are on; unit user only its own unit and
// only fed-back findings; leader reads everything.
#pragma once

#include <string>

#include "core/services/actor.hpp"
#include "core/store/finding_repository.hpp"
#include "core/store/round_repository.hpp"

namespace patrol::services {

enum class Access { Read, Write };

// UserError unless the actor is an admin. `doing` completes "无权…", e.g. "添加单位".
void requireAdmin(const Actor& actor, const std::string& doing);
// Admins, and leaders for reading.
void requireAdminOrLeader(const Actor& actor, const std::string& doing);

// An inspector on the round's team (巡察组成员).
bool isRoundInspector(store::Database& db, const Actor& actor, int64_t roundId);

bool canAccessRound(store::Database& db, const Actor& actor, const store::RoundRecord& round, Access access);
void requireRoundAccess(store::Database& db, const Actor& actor, const store::RoundRecord& round, Access access,
                        const std::string& doing);

// A unit user sees only its own unit's findings once fed back.
bool canSeeFinding(store::Database& db, const Actor& actor, const store::FindingRecord& finding);

// Rectification records (tasks and their notices) of a finding of `roundId` at `unitId`: admin
// and leader see all, an inspector those of their rounds, a unit user those of its own unit.
bool canSeeRectification(store::Database& db, const Actor& actor, int64_t roundId, int64_t unitId);

std::string describeActor(const Actor& actor);

}  // namespace patrol::services
