// Typed access to expenses.csv as the host hands it over (columns declared in plugin.json).
#pragma once

#include <patrol/sdk/plugin.hpp>

#include <cstdint>
#include <string_view>

namespace patrol::plugins::four_styles {

// Indexes of the category words, in the order plugin.json declares them.
enum Category : int32_t { kReception = 0, kMeal = 1, kVehicle = 2, kTravel = 3, kGift = 4, kMeeting = 5, kOther = 6 };

struct Expenses {
    explicit Expenses(const sdk::Table& t)
        : rows(t.rows()),
          id(t.column("expense_id")),
          unit(t.column("unit_code")),
          date(t.column("date")),
          category(t.column("category")),
          amount(t.column("amount")),
          headcount(t.column("headcount")),
          vendor(t.column("vendor")),
          description(t.column("description")) {}

    // A reception row without a positive headcount is rejected by the host; this guard keeps
    // every rule right even if such a row ever reached the plugin.
    bool usable(uint64_t r) const {
        return category.enumIndex(r) != kReception || (headcount.has(r) && headcount.integer(r) >= 1);
    }

    uint64_t rows;
    sdk::Column id, unit, date, category, amount, headcount, vendor, description;
};

struct Trips {
    explicit Trips(const sdk::Table& t)
        : rows(t.rows()),
          id(t.column("trip_id")),
          unit(t.column("unit_code")),
          plate(t.column("plate")),
          date(t.column("date")),
          departTime(t.column("depart_time")),
          destination(t.column("destination")),
          purpose(t.column("purpose")) {}

    uint64_t rows;
    sdk::Column id, unit, plate, date, departTime, destination, purpose;
};

inline std::string_view categoryName(int32_t category) {
    static constexpr std::string_view names[] = {"公务接待", "工作餐", "公务用车", "差旅", "礼品", "会议", "其他"};
    return names[category];
}

}  // namespace patrol::plugins::four_styles
