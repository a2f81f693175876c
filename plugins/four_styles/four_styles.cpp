// The four_styles (四风) check plugin: reads expenses and trips, runs FS-01..FS-05.
#include "../shared/parallel_rules.hpp"
#include "rules.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <vector>

namespace patrol::plugins::four_styles {

namespace {
// The span of dates the calendar must answer for: days of both tables.
void widen(const sdk::Column& dates, uint64_t rows, int32_t& first, int32_t& last) {
    for (uint64_t r = 0; r < rows; ++r) {
        const int32_t d = dates.date(r);
        first = std::min(first, d);
        last = std::max(last, d);
    }
}
}  // namespace

class FourStylesPlugin : public sdk::Plugin {
public:
    void run(sdk::Context& context) override {
        const Settings settings = Settings::read(context);
        const std::optional<sdk::Table> expenseTable = context.table("expenses");
        const std::optional<sdk::Table> tripTable = context.table("trips");
        std::optional<Expenses> expenses;
        std::optional<Trips> trips;
        int32_t first = INT32_MAX, last = INT32_MIN;
        if (expenseTable) {
            expenses.emplace(*expenseTable);
            widen(expenses->date, expenses->rows, first, last);
        }
        if (tripTable) {
            trips.emplace(*tripTable);
            widen(trips->date, trips->rows, first, last);
        }
        WorkingDayMemo calendar(context, first, last);
        // Ask the host's calendar here, before any rule runs, about exactly the days FS-02 and
        // FS-05 look at, so that the rules can run on any thread. The days are marked first and
        // asked in ascending order (so the host's warnings about years its calendar does not
        // cover come year by year); marking has no branch to mispredict on the category.
        std::vector<uint8_t> looked(first <= last ? static_cast<size_t>(static_cast<int64_t>(last) - first + 1) : 0, 0);
        if (expenses)
            for (uint64_t r = 0; r < expenses->rows; ++r) looked[static_cast<size_t>(expenses->date.date(r) - first)] |= diningRow(*expenses, r);
        if (trips)
            for (uint64_t r = 0; r < trips->rows; ++r) looked[static_cast<size_t>(trips->date.date(r) - first)] = 1;
        for (size_t d = 0; d < looked.size(); ++d)
            if (looked[d]) calendar.ask(static_cast<int32_t>(first + static_cast<int64_t>(d)));

        // FS-03 runs here first, while no findings are held yet: its working memory is the
        // largest. The helper's rules are the ones whose findings are kept and emitted after
        // this thread's, so this thread takes less: FS-03 and FS-05 here, as long as FS-04,
        // FS-02 and FS-01 there.
        ParallelRules rules;
        if (expenses) {
            const Expenses& e = *expenses;
            rules.here([&](FindingSink& out) { splitReimbursements(e, settings, out); });
            rules.helper([&](FindingSink& out) { gifts(e, settings, out); });
            rules.helper([&](FindingSink& out) { diningOnRestDays(e, calendar, out); });
            rules.helper([&](FindingSink& out) { overStandardReception(e, settings, out); });
        }
        if (trips) rules.here([&](FindingSink& out) { privateCarUse(*trips, settings, calendar, out); });
        FindingSink out(context);
        rules.run(out, context);
    }
};

}  // namespace patrol::plugins::four_styles

PATROL_PLUGIN(patrol::plugins::four_styles::FourStylesPlugin, "four_styles")
