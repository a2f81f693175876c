// One working-day calendar file (spec/datasets.md "Working-day calendar") parsed from its JSON text.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

namespace patrol::domain {

struct CalendarFile {
    std::set<int> years;            // years the file covers (explicit, or those of the dates listed)
    std::set<int32_t> holidays;     // weekday days off (days since 1970-01-01)
    std::set<int32_t> workdays;     // makeup working days (调休上班)
};

// Parses the JSON text of a calendar file. `source` names the file in error messages.
// Unknown keys are ignored so a file may carry a note about where its dates come from.
// Throws patrol::UserError saying what was expected, what was found and how to fix it.
CalendarFile parseCalendarFile(std::string_view jsonText, std::string_view source);

}  // namespace patrol::domain
