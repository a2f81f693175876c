// The four_styles rules of spec/datasets.md, one function per rule code.
#pragma once

#include "../shared/calendar_cache.hpp"
#include "../shared/finding_sink.hpp"
#include "expenses.hpp"
#include "four_styles_settings.hpp"

namespace patrol::plugins::four_styles {

void overStandardReception(const Expenses& e, const Settings& s, FindingSink& out);          // FS-01
void diningOnRestDays(const Expenses& e, const WorkingDayMemo& calendar, FindingSink& out);  // FS-02
void splitReimbursements(const Expenses& e, const Settings& s, FindingSink& out);           // FS-03
void gifts(const Expenses& e, const Settings& s, FindingSink& out);                         // FS-04
void privateCarUse(const Trips& t, const Settings& s, const WorkingDayMemo& calendar, FindingSink& out);  // FS-05

// The rows whose day FS-02 looks up: receptions and meals that are usable.
inline bool diningRow(const Expenses& e, uint64_t r) {
    const int32_t category = e.category.enumIndex(r);
    // Bitwise, not short-circuit: the category is as good as random from row to row.
    return (category == kMeal) | ((category == kReception) & e.usable(r));
}

}  // namespace patrol::plugins::four_styles
