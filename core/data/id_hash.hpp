// A 32-bit hash of a short text (an id), used wherever ids of a whole column are hashed, so it
// must cost a few instructions per id: the upper half of the SDK's text hash, which is mixed in
// all its bits. Only ever held in memory (never stored), so it may change with the SDK's.
#pragma once

#include <patrol/sdk/rows.hpp>

#include <cstdint>
#include <string_view>

namespace patrol::data {

inline uint32_t idHash(std::string_view s) { return static_cast<uint32_t>(sdk::textHash(s) >> 32); }

}  // namespace patrol::data
