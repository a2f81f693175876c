// The host's working-day calendar, asked at most once per day and only for days the data
// needs: the host warns about every year its calendar does not cover, so asking for days no
// record touches would print warnings that mean nothing to the user.
#pragma once

#include <patrol/sdk/plugin.hpp>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <utility>
#include <vector>

namespace patrol::plugins {

// The answers for the days the rules will look at, asked up front on the calling thread (the
// host's callbacks are made from that thread only) so that rules on other threads can read
// them (records' own dates: FS-02, FS-05).
class WorkingDayMemo {
public:
    // Days first..last (inclusive) may be asked; an empty range (first > last) allows none.
    WorkingDayMemo(const sdk::Context& context, int32_t first, int32_t last) : context_(context), first_(first) {
        if (first <= last) known_.assign(static_cast<size_t>(static_cast<int64_t>(last) - first + 1), kUnknown);
    }

    // Asks the host about the day unless it was asked before (calling thread only).
    void ask(int32_t day) {
        int8_t& known = known_[static_cast<size_t>(day - first_)];
        if (known == kUnknown) known = context_.isWorkingDay(day) ? 1 : 0;
    }

    // The answer for a day asked before; safe from any thread once the asking is done.
    bool isWorkingDay(int32_t day) const { return known_[static_cast<size_t>(day - first_)] == 1; }

private:
    static constexpr int8_t kUnknown = -1;
    const sdk::Context& context_;
    int32_t first_;
    std::vector<int8_t> known_;
};

// Counts working days in spans (after, through], asking the host only for days inside some span.
class WorkingDayCounter {
public:
    // spans: (after, through) pairs with after < through.
    WorkingDayCounter(const sdk::Context& context, const std::vector<std::pair<int32_t, int32_t>>& spans) {
        if (spans.empty()) return;
        first_ = INT32_MAX;
        int32_t last = INT32_MIN;
        for (const auto& [after, through] : spans) {
            first_ = std::min(first_, after + 1);
            last = std::max(last, through);
        }
        // Which days lie inside some span: +1 where a span starts, -1 after it ends, summed.
        const size_t days = static_cast<size_t>(static_cast<int64_t>(last) - first_ + 1);
        std::vector<int32_t> opened(days + 1, 0);
        for (const auto& [after, through] : spans) {
            ++opened[static_cast<size_t>(after + 1 - first_)];
            --opened[static_cast<size_t>(through - first_ + 1)];
        }
        before_.resize(days + 1, 0);
        int32_t open = 0;
        for (size_t i = 0; i < days; ++i) {
            open += opened[i];
            const bool working = open > 0 && context.isWorkingDay(static_cast<int32_t>(first_ + static_cast<int64_t>(i)));
            before_[i + 1] = before_[i] + (working ? 1 : 0);
        }
    }

    // Working days d with after < d <= through, for one of the spans given at construction.
    int64_t workingDaysAfter(int32_t after, int32_t through) const {
        if (through <= after) return 0;
        return before_[static_cast<size_t>(through - first_ + 1)] - before_[static_cast<size_t>(after - first_ + 1)];
    }

private:
    int32_t first_ = 0;
    std::vector<int32_t> before_;  // before_[i] = working days in [first, first + i); 4-digit years fit easily
};

}  // namespace patrol::plugins
