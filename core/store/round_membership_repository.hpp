// Who inspects a round (its team) and which units it inspects (its targets).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/store/unit_repository.hpp"

namespace patrol::store {

class Database;

struct TeamMember {
    int64_t userId = 0;
    std::string name;
    std::string role;
    bool isLeader = false;
};

// False when the unit already was a target.
bool insertRoundTarget(Database& db, int64_t roundId, int64_t unitId);
std::vector<UnitRecord> roundTargets(Database& db, int64_t roundId);
// False when the unit was not a target.
bool deleteRoundTarget(Database& db, int64_t roundId, int64_t unitId);
// Findings of every status the round recorded for the unit.
int64_t countTargetFindings(Database& db, int64_t roundId, int64_t unitId);

// Adds the member, or updates is_leader of an existing one.
void upsertTeamMember(Database& db, int64_t roundId, int64_t userId, bool isLeader);
// Makes every other member of the round a plain member.
void clearTeamLeader(Database& db, int64_t roundId);
std::vector<TeamMember> roundTeam(Database& db, int64_t roundId);
void deleteTeamMember(Database& db, int64_t roundId, int64_t userId);
bool isTeamMember(Database& db, int64_t roundId, int64_t userId);

}  // namespace patrol::store
