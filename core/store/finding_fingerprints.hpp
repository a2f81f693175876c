// The fingerprints a round already holds: a check records each finding once per round.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>

namespace patrol::store {

class Database;

// Every fingerprint recorded in the round, in one read (rather than one look-up per finding).
std::unordered_set<std::string> fingerprintsOfRound(Database& db, int64_t roundId);

}  // namespace patrol::store
