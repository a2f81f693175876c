// ICU's Chinese calendar through the Almanac interface, against dates the State Council's yearly
// holiday notices and the shipped calendars fix.
#include <catch2/catch.hpp>

#include <patrol/sdk/civil.hpp>

#include "core/almanac/icu_almanac.hpp"

using namespace patrol;

namespace {

std::string lunar(int year, int month, int day) {
    const auto d = almanac::icuAlmanac()->lunarDay(year, month, day);
    return d ? civil::formatDate(*d) : "none";
}

}  // namespace

TEST_CASE("正月初一 falls on the day of the Spring Festival for 2000 to 2030", "[almanac]") {
    const char* const springFestival[] = {
        "2000-02-05", "2001-01-24", "2002-02-12", "2003-02-01", "2004-01-22", "2005-02-09", "2006-01-29", "2007-02-18",
        "2008-02-07", "2009-01-26", "2010-02-14", "2011-02-03", "2012-01-23", "2013-02-10", "2014-01-31", "2015-02-19",
        "2016-02-08", "2017-01-28", "2018-02-16", "2019-02-05", "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22",
        "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-03"};
    for (int year = 2000; year <= 2030; ++year) {
        INFO(year);
        CHECK(lunar(year, 1, 1) == springFestival[year - 2000]);
    }
}

TEST_CASE("the 正月 whose new moon is minutes from midnight starts on the true day", "[almanac]") {
    CHECK(lunar(2027, 1, 1) == "2027-02-06");
    CHECK(lunar(2027, 1, 15) == "2027-02-20");  // 元宵
    CHECK(lunar(2030, 1, 1) == "2030-02-03");
    CHECK(lunar(2030, 1, 15) == "2030-02-17");
}

TEST_CASE("端午 (5/5) and 中秋 (8/15) for 2008 to 2026", "[almanac]") {
    struct Festivals {
        int year;
        const char* dragonBoat;
        const char* midAutumn;
    };
    const Festivals known[] = {
        {2008, "2008-06-08", "2008-09-14"}, {2009, "2009-05-28", "2009-10-03"}, {2010, "2010-06-16", "2010-09-22"},
        {2011, "2011-06-06", "2011-09-12"}, {2012, "2012-06-23", "2012-09-30"}, {2013, "2013-06-12", "2013-09-19"},
        {2014, "2014-06-02", "2014-09-08"}, {2015, "2015-06-20", "2015-09-27"}, {2016, "2016-06-09", "2016-09-15"},
        {2017, "2017-05-30", "2017-10-04"}, {2018, "2018-06-18", "2018-09-24"}, {2019, "2019-06-07", "2019-09-13"},
        {2020, "2020-06-25", "2020-10-01"}, {2021, "2021-06-14", "2021-09-21"}, {2022, "2022-06-03", "2022-09-10"},
        {2023, "2023-06-22", "2023-09-29"}, {2024, "2024-06-10", "2024-09-17"}, {2025, "2025-05-31", "2025-10-06"},
        {2026, "2026-06-19", "2026-09-25"}};
    for (const auto& f : known) {
        INFO(f.year);
        CHECK(lunar(f.year, 5, 5) == f.dragonBoat);
        CHECK(lunar(f.year, 8, 15) == f.midAutumn);
    }
}
