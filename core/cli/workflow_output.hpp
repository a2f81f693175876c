// Output helpers shared by the rectification workflow's commands (task, escalate, clue, calendar).
#pragma once

#include <ostream>

#include "core/domain/calendar.hpp"

namespace patrol::cli {

// Prints each pending calendar warning (a year no calendar covers) on its own line.
inline void printCalendarWarnings(const domain::WorkingCalendar& calendar, std::ostream& err) {
    for (const auto& warning : calendar.takeWarnings()) err << warning << "\n";
}

}  // namespace patrol::cli
