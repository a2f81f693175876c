// The four_styles (四风) check plugin: reads expenses and trips, runs FS-01..FS-05.
#include "rules.hpp"

#include <algorithm>
#include <climits>

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
        FindingSink out(context);
        if (expenses) {
            // FS-03 first: its working memory is freed before the other rules' findings pile up.
            splitReimbursements(*expenses, settings, out);
            context.progress(0.2);
            overStandardReception(*expenses, settings, out);
            context.progress(0.4);
            diningOnRestDays(*expenses, calendar, out);
            context.progress(0.6);
            gifts(*expenses, settings, out);
            context.progress(0.8);
        }
        if (trips) privateCarUse(*trips, settings, calendar, out);
        context.progress(1.0);
    }
};

}  // namespace patrol::plugins::four_styles

PATROL_PLUGIN(patrol::plugins::four_styles::FourStylesPlugin, "four_styles")
