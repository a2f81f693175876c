// The wall clock as stored in records: UTC, to the second.
#pragma once

#include <string>

namespace patrol::store {

// e.g. "2026-03-14T08:05:09Z"
std::string utcTimestampNow();

}  // namespace patrol::store
