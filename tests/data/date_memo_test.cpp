// The reader's dates: remembering months must not change what is a date or which day it is.
#include "core/data/date_memo.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace patrol;

namespace {

// What the memo says of `s`, in civil::parseDate's terms.
std::optional<int32_t> memoized(data::DateMemo& memo, std::string_view s) {
    int32_t day = -1;
    if (!memo.parse(s, day)) return std::nullopt;
    return day;
}

}  // namespace

TEST_CASE("dates read with the months remembered agree with civil::parseDate on every text") {
    // Years around leap rules, months and days one past either end, digits next to the digit
    // range (':' and '/'), and separators out of place. 140 months share 256 slots, so some
    // evict each other; the second pass reads every text again after the others.
    const std::vector<std::string> years = {"0000", "0001", "0004", "1900", "1999", "2000", "2023", "2024", "2100", "9999"};
    std::vector<std::string> months, days;
    for (int m = 0; m <= 13; ++m) months.push_back((m < 10 ? "0" : "") + std::to_string(m));
    for (int d = 0; d <= 32; ++d) days.push_back((d < 10 ? "0" : "") + std::to_string(d));
    for (const char* odd : {"0:", ":0", "/1", "1/", " 1", "1 ", "-1", "3a", "1\0"}) days.push_back(std::string(odd, 2));
    std::vector<std::string> texts;
    for (const auto& y : years)
        for (const auto& m : months)
            for (const auto& d : days) texts.push_back(y + "-" + m + "-" + d);
    for (const char* odd : {"2024/01/05", "2024-01/05", "2024/01-05", "2024-1-015", "202a-01-05", "2024-0a-05", "2024-01-5", "2024-01-05 ",
                            " 2024-01-05", "", "2024-02-29T", "24-01-05"})
        texts.push_back(odd);
    texts.push_back(std::string(8, '\0') + "01");

    data::DateMemo memo;
    size_t dates = 0;
    for (int pass = 0; pass < 2; ++pass)
        for (const std::string& t : texts) {
            INFO("text \"" << t << "\", pass " << pass);
            const auto expected = civil::parseDate(t);
            REQUIRE(memoized(memo, t) == expected);
            dates += expected.has_value();
        }
    // Leap years by the Gregorian rule: 2000 and 2024 have 29 February, 1900 and 2100 do not.
    CHECK(memoized(memo, "2024-02-29") == civil::toDays({2024, 2, 29}));
    CHECK(memoized(memo, "1900-02-29") == std::nullopt);
    CHECK(memoized(memo, "2100-02-29") == std::nullopt);
    CHECK(memoized(memo, "2000-02-29") == civil::toDays({2000, 2, 29}));
    // Every day of the nine years from 0001 (year 0000 is none), three of them leap years
    // (0004, 2000, 2024), read as a date in both passes.
    CHECK(dates == 2 * (9 * 365 + 3));
}
