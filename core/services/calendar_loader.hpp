// Loads the working-day calendar a command uses: every *.json in the setting calendar.folder
// (merged), or, when --calendar FILE is given, that file alone (spec/datasets.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/domain/calendar.hpp"

namespace patrol::services {

class Settings;

struct LoadedCalendar {
    domain::WorkingCalendar calendar;
    std::vector<std::string> files;  // the files read, in the order merged
};

// UserError (exit 2) naming the file when the override is missing or any file is unreadable or
// malformed. A missing calendar folder is not an error: every year is then uncovered and gets a
// provisional calendar from the statutory holidays, with a warning naming the year. An override
// file alone decides, as the dataset contract says: a year it does not cover is Monday–Friday.
LoadedCalendar loadCalendar(const Settings& settings, const std::optional<std::string>& overrideFile);

// Reads one calendar file.
domain::CalendarFile readCalendarFile(const std::string& path);

}  // namespace patrol::services
