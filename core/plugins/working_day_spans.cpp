#include "core/plugins/working_day_spans.hpp"

#include <patrol/plugin_abi.h>
#include <patrol/sdk/civil.hpp>

#include <algorithm>
#include <cstdlib>

namespace patrol::plugins {

namespace {
constexpr int kMostYears = 100;  // a calendar without working days must not make a step endless

int32_t firstOfYear(int y) { return civil::toDays({y, 1, 1}); }
}  // namespace

const std::vector<uint16_t>& WorkingDaySpans::year(int y) {
    const auto known = years_.find(y);
    if (known != years_.end()) return known->second;
    const int32_t first = firstOfYear(y);
    const int32_t days = firstOfYear(y + 1) - first;
    std::vector<uint16_t> running(static_cast<size_t>(days) + 1, 0);
    for (int32_t i = 0; i < days; ++i) running[static_cast<size_t>(i) + 1] = static_cast<uint16_t>(running[static_cast<size_t>(i)] + (isWorkingDay_(first + i) ? 1 : 0));
    return years_.emplace(y, std::move(running)).first->second;
}

uint32_t WorkingDaySpans::throughDay(int32_t day) {
    const int y = civil::fromDays(day).year;
    return year(y)[static_cast<size_t>(day - firstOfYear(y)) + 1];
}

int64_t WorkingDaySpans::between(int32_t from, int32_t to) {
    if (to < from) return -between(to, from);
    const int fromYear = civil::fromDays(from).year, toYear = civil::fromDays(to).year;
    if (fromYear == toYear) return int64_t{throughDay(to)} - throughDay(from);
    int64_t count = int64_t{year(fromYear).back()} - throughDay(from);
    for (int y = fromYear + 1; y < toYear; ++y) count += year(y).back();
    return count + throughDay(to);
}

int32_t WorkingDaySpans::add(int32_t day, int32_t n) {
    if (n == 0) return day;
    int y = civil::fromDays(day).year;
    if (n > 0) {
        // Working days wanted after the ones already counted through `day` in its year.
        uint64_t wanted = static_cast<uint64_t>(n) + throughDay(day);
        for (int step = 0; step < kMostYears; ++step, ++y) {
            const std::vector<uint16_t>& running = year(y);
            if (wanted <= running.back()) {
                // The first day whose running count reaches `wanted` is that working day.
                const auto at = std::lower_bound(running.begin() + 1, running.end(), wanted);
                return firstOfYear(y) + static_cast<int32_t>(at - running.begin() - 1);
            }
            wanted -= running.back();
        }
        return PATROL_ABSENT_I32;
    }
    // Counting back: the working days of the year before `day`, then whole years before it.
    uint64_t wanted = static_cast<uint64_t>(-static_cast<int64_t>(n));
    uint64_t before = year(y)[static_cast<size_t>(day - firstOfYear(y))];  // working days of the year before `day`
    for (int step = 0; step < kMostYears; ++step) {
        if (wanted <= before) {
            const std::vector<uint16_t>& running = year(y);
            // The working day that is number (before - wanted + 1) of its year.
            const auto at = std::lower_bound(running.begin() + 1, running.end(), before - wanted + 1);
            return firstOfYear(y) + static_cast<int32_t>(at - running.begin() - 1);
        }
        wanted -= before;
        before = year(--y).back();
    }
    return PATROL_ABSENT_I32;
}

}  // namespace patrol::plugins
