// The host's working-day calendar, asked once per day of a known range and kept as flags
// plus prefix counts, so per-row rules and "working days between" cost O(1) per record.
#pragma once

#include <patrol/sdk/plugin.hpp>

#include <cstdint>
#include <vector>

namespace patrol::plugins {

class CalendarCache {
public:
    // Covers the days first..last (inclusive); an empty range (first > last) covers nothing.
    CalendarCache(const sdk::Context& context, int32_t first, int32_t last) : first_(first) {
        if (first > last) return;
        const size_t span = static_cast<size_t>(static_cast<int64_t>(last) - first + 1);
        working_.resize(span);
        before_.resize(span + 1);
        before_[0] = 0;
        for (size_t i = 0; i < span; ++i) {
            working_[i] = context.isWorkingDay(static_cast<int32_t>(first + static_cast<int64_t>(i))) ? 1 : 0;
            before_[i + 1] = before_[i] + working_[i];
        }
    }

    // Only for days inside the covered range.
    bool isWorkingDay(int32_t day) const { return working_[static_cast<size_t>(day - first_)] != 0; }

    // Working days d with after < d <= through; both bounds must lie in [first - 1, last].
    int64_t workingDaysAfter(int32_t after, int32_t through) const {
        if (through <= after) return 0;
        return before_[static_cast<size_t>(through - first_ + 1)] - before_[static_cast<size_t>(after - first_ + 1)];
    }

private:
    int32_t first_ = 0;
    std::vector<uint8_t> working_;
    std::vector<int64_t> before_;  // before_[i] = working days in [first, first + i)
};

}  // namespace patrol::plugins
