// The fingerprints a round already holds: a check records each finding once per round.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

namespace patrol::store {

class Database;

// Calls `recorded` with every fingerprint recorded in the round, in one read (rather than one
// look-up per finding). Each view lasts for its call only: the caller compares it with what it
// holds instead of keeping a copy of hundreds of thousands of fingerprints.
void forEachFingerprintOfRound(Database& db, int64_t roundId, const std::function<void(std::string_view)>& recorded);

}  // namespace patrol::store
