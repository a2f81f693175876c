// Working days (spec/datasets.md "Working-day calendar"): several calendar files merged into one.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/domain/calendar_file.hpp"
#include "core/domain/statutory_holidays.hpp"

namespace patrol::domain {

class WorkingCalendar {
public:
    // Merges a file into the calendar: its years become covered, its listed days apply.
    void add(const CalendarFile& file);

    // Years no file covers get a provisional calendar from the statutory holidays this almanac
    // places (statutory_holidays.hpp). Without one such years fall back to Monday–Friday.
    void useAlmanac(std::shared_ptr<const Almanac> almanac) { almanac_ = std::move(almanac); }

    // A day is a working day iff it is a listed makeup workday, or Monday–Friday and not a listed
    // holiday. A day in a year no file covers is decided by its provisional calendar (or by
    // Monday–Friday alone when there is none), and that year is remembered so takeWarnings()
    // reports it once.
    bool isWorkingDay(int32_t day) const;

    // The provisional calendar of a year no file covers; null for a covered year, or when no
    // almanac was given or it has no rules for the year.
    const ProvisionalYear* provisional(int year) const;
    // What a weekday off of an uncovered year is for ("春节", "国庆节补假"); nullopt otherwise.
    std::optional<std::string> provisionalDayOff(int32_t day) const;

    bool covers(int year) const { return years_.count(year) != 0; }
    const std::set<int>& coveredYears() const { return years_; }
    const std::set<int32_t>& holidays() const { return holidays_; }
    const std::set<int32_t>& workdays() const { return workdays_; }

    // The warnings produced since the last call, one per uncovered year, in the order met.
    std::vector<std::string> takeWarnings() const;

    // The Chinese warning for a year no calendar covers.
    static std::string uncoveredYearWarning(int year);
    // The Chinese warning for a year whose calendar is provisional.
    static std::string provisionalYearWarning(int year);

private:
    std::set<int> years_;
    std::set<int32_t> holidays_;
    std::set<int32_t> workdays_;
    mutable std::set<int> warnedYears_;  // each uncovered year is reported once per calendar
    mutable std::vector<std::string> pendingWarnings_;
    std::shared_ptr<const Almanac> almanac_;
    mutable std::map<int, std::optional<ProvisionalYear>> provisional_;  // computed on first use
};

}  // namespace patrol::domain
