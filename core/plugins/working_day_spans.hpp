// Working-day arithmetic on the run's calendar for plugins (ABI 1.1: working_days_between,
// add_working_days): each year the arithmetic touches is asked about once, day by day, and
// kept as running counts, so a count over any span costs two look-ups and a step of n working
// days a binary search per year crossed. Only years a span touches are asked about: the host
// warns about each year its calendar does not cover.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

namespace patrol::plugins {

class WorkingDaySpans {
public:
    explicit WorkingDaySpans(std::function<bool(int32_t day)> isWorkingDay) : isWorkingDay_(std::move(isWorkingDay)) {}

    // Working days d with from < d <= to; minus the count with to < d <= from when to < from.
    int64_t between(int32_t from, int32_t to);
    // The n-th working day after `day` (n > 0), the |n|-th before it (n < 0), `day` when n == 0;
    // PATROL_ABSENT_I32 when no such day exists within a century of searching.
    int32_t add(int32_t day, int32_t n);

private:
    // running[i]: working days among the year's first i days (i = 0 .. days in the year).
    const std::vector<uint16_t>& year(int y);
    // Working days from 1 January of day's year through `day`.
    uint32_t throughDay(int32_t day);

    std::function<bool(int32_t)> isWorkingDay_;
    std::map<int, std::vector<uint16_t>> years_;
};

}  // namespace patrol::plugins
