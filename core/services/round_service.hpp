// Use cases for rounds (巡察轮次): create, targets, team, stage moves, listing.
#pragma once

#include <optional>

#include <string>
#include <utility>
#include <vector>

#include "core/services/actor.hpp"
#include "core/services/authorization.hpp"
#include "core/services/feedback.hpp"
#include "core/store/round_membership_repository.hpp"
#include "core/store/round_repository.hpp"

namespace patrol::services {

struct RoundInput {
    std::string code;
    std::string title;
    std::string kind;   // a round kind word
    std::string start;  // YYYY-MM-DD
    std::string end;
    std::optional<std::string> term;
    std::vector<std::string> plugins;
    std::optional<std::string> lookbackOf;  // code of the earlier round; required for lookback
    // The plugins installed where the round will be checked; when given, every entry of
    // `plugins` must be one of them (a typo would otherwise leave the round with no checks).
    std::optional<std::vector<std::string>> installedPlugins = std::nullopt;
};

store::RoundRecord createRound(store::Database& db, const Actor& actor, const RoundInput& input);

// Adds target units; refuses (nothing added) a unit a team member declared a conflict with.
// Returns the units newly added (already-present ones are skipped).
std::vector<store::UnitRecord> addRoundTargets(store::Database& db, const Actor& actor, const std::string& roundCode,
                                               const std::vector<std::string>& unitCodes);

// Adds inspectors to the team (and makes `leader` the 组长, who is added if needed); refuses
// (nothing added) a user with a declared conflict for one of the round's targets.
std::vector<store::TeamMember> addRoundTeam(store::Database& db, const Actor& actor, const std::string& roundCode,
                                            const std::vector<std::string>& userNames,
                                            const std::optional<std::string>& leader);

// Removes target units, all or none: each must be a target and have no findings in the round
// (a unit with findings was inspected and stays). Only while targets may be added.
std::vector<store::UnitRecord> removeRoundTargets(store::Database& db, const Actor& actor, const std::string& roundCode,
                                                  const std::vector<std::string>& unitCodes);

// Removes members from the team, all or none. The leader (组长) goes only with the whole team:
// removing them while others stay would leave the team without a leader. Returns the team after.
std::vector<store::TeamMember> removeRoundTeam(store::Database& db, const Actor& actor, const std::string& roundCode,
                                               const std::vector<std::string>& userNames);

// What `round edit` changes; an absent field stays as it is.
struct RoundEdit {
    std::optional<std::string> title;
    std::optional<std::string> start;  // YYYY-MM-DD
    std::optional<std::string> end;
};

struct RoundEdited {
    store::RoundRecord before;
    store::RoundRecord after;
    bool changed() const;
};

// Corrects the title and planned dates in every stage but closed: a closed round is the record
// of what was done. The start may not fall after the day the round went on site, and lookback
// order with related rounds is kept. One audit event (round.edit) when anything changed.
RoundEdited editRound(store::Database& db, const Actor& actor, const std::string& roundCode, const RoundEdit& edit);

// Moves the round one stage forward on `date` (YYYY-MM-DD, default today). Entering fed_back
// needs every suspected finding decided, moves confirmed findings to fed_back and calls
// `onFeedback` (the workflow's task creation, see feedback.hpp) in the same transaction.
// Entering closed needs every rectification task accepted (closeRoundRectification).
store::RoundRecord advanceRound(store::Database& db, const Actor& actor, const std::string& roundCode,
                                const std::string& stage, const std::optional<std::string>& date,
                                const FeedbackHandler& onFeedback);

// The rounds the actor may see, by start date. The round a lookback looks back on is named only
// when the actor may see that round too.
std::vector<store::RoundRecord> listRounds(store::Database& db, const Actor& actor);

struct RoundDetail {
    store::RoundRecord round;
    std::vector<std::pair<std::string, std::string>> stageDates;  // (stage, date)
    std::vector<store::UnitRecord> targets;
    std::vector<store::TeamMember> team;
    std::vector<std::pair<std::string, int64_t>> findingCounts;    // (status, count) visible to the actor
};

RoundDetail showRound(store::Database& db, const Actor& actor, const std::string& roundCode);

// The round with this code, or UserError naming the code.
store::RoundRecord requireRound(store::Database& db, const std::string& roundCode);
// The same, and a round the actor may not read reads exactly like one that does not exist.
store::RoundRecord requireVisibleRound(store::Database& db, const Actor& actor, const std::string& roundCode);
// The round for `doing` something with `access`: one the actor may not read reads exactly like one
// that does not exist; one the actor may read but not change is refused, naming it.
store::RoundRecord requireRoundFor(store::Database& db, const Actor& actor, const std::string& roundCode, Access access,
                                   const std::string& doing);

}  // namespace patrol::services
