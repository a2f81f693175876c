// Due dates of rectification tasks: the feedback date plus the kind's days (spec/domain.md).
#pragma once

#include <cstdint>

#include "core/domain/calendar.hpp"
#include "core/domain/rectification_kind.hpp"

namespace patrol::domain {

// Natural counting: feedback + days. Working counting: the days-th working day after the
// feedback day (the feedback day itself is never counted); 0 days is the feedback day.
// Negative days are a UserError (they come from a setting or an option).
int32_t dueDate(int32_t feedbackDay, int days, DayCounting counting, const WorkingCalendar& calendar);

// Natural days from asOf until due: 0 = due today, negative = past due.
constexpr int32_t daysLeft(int32_t due, int32_t asOf) { return due - asOf; }

}  // namespace patrol::domain
