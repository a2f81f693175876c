// Working days (spec/datasets.md "Working-day calendar"): several calendar files merged into one.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/domain/calendar_file.hpp"

namespace patrol::domain {

class WorkingCalendar {
public:
    // Merges a file into the calendar: its years become covered, its listed days apply.
    void add(const CalendarFile& file);

    // A day is a working day iff it is a listed makeup workday, or Monday–Friday and not a listed
    // holiday. A day in a year no file covers is decided by Monday–Friday alone, and that year is
    // remembered so takeWarnings() reports it once.
    bool isWorkingDay(int32_t day) const;

    bool covers(int year) const { return years_.count(year) != 0; }
    const std::set<int>& coveredYears() const { return years_; }
    const std::set<int32_t>& holidays() const { return holidays_; }
    const std::set<int32_t>& workdays() const { return workdays_; }

    // The warnings produced since the last call, one per uncovered year, in the order met.
    std::vector<std::string> takeWarnings() const;

    // The Chinese warning for a year no calendar covers.
    static std::string uncoveredYearWarning(int year);

private:
    std::set<int> years_;
    std::set<int32_t> holidays_;
    std::set<int32_t> workdays_;
    mutable std::set<int> warnedYears_;  // each uncovered year is reported once per calendar
    mutable std::vector<std::string> pendingWarnings_;
};

}  // namespace patrol::domain
