// The wall clock as stored in records: UTC, to the second. Every "now" and "today" of the
// program comes from here, so one setting moves them all.
#pragma once

#include <cstdint>
#include <string>

namespace patrol::store {

// Set PATROL_TODAY=YYYY-MM-DD to run as if it were noon (local time) of that day: for tests,
// and for replaying records in an exercise. Unset, the machine's clock is used.
inline constexpr const char* kFixedTodayVariable = "PATROL_TODAY";

// From now on PATROL_TODAY is ignored: a server acts on the day it really is, whatever the
// environment it was started from says.
void useMachineClockOnly();

// e.g. "2026-03-14T08:05:09Z"
std::string utcTimestampNow();

// The machine's clock, whatever PATROL_TODAY says: when an audit event was really written is
// evidence in itself, so no setting may move it.
std::string actualUtcTimestampNow();

// Today's date on the local clock, as days since 1970-01-01.
int32_t localToday();

// The local date of a stored UTC timestamp ("2026-03-14T08:05:09Z"), as days since 1970-01-01.
int32_t localDateOf(const std::string& utcTimestamp);

}  // namespace patrol::store
