#include <catch2/catch.hpp>

#include "core/domain/repeat.hpp"

using namespace patrol::domain;

namespace {
FindingForRepeat finding(int64_t id, int64_t round, int32_t start, const char* unit, const char* category,
                         bool rectified) {
    return {id, round, start, unit, category, rectified};
}
}  // namespace

TEST_CASE("a later round's finding with the same unit and category repeats a rectified one", "[repeat]") {
    const auto confirmed = finding(50, 3, 2000, "U01", "公款吃喝", false);
    CHECK(repeatedFinding(confirmed, {finding(10, 1, 1000, "U01", "公款吃喝", true)}) == 10);
    // Not rectified, another unit, another category, the same round, a later round: none repeats.
    CHECK_FALSE(repeatedFinding(confirmed, {finding(11, 1, 1000, "U01", "公款吃喝", false),
                                            finding(12, 1, 1000, "U02", "公款吃喝", true),
                                            finding(13, 1, 1000, "U01", "公车私用", true),
                                            finding(14, 3, 2000, "U01", "公款吃喝", true),
                                            finding(15, 4, 3000, "U01", "公款吃喝", true)})
                     .has_value());
}

TEST_CASE("the most recent earlier rectified finding is the one linked", "[repeat]") {
    const auto confirmed = finding(50, 3, 2000, "U01", "公款吃喝", false);
    CHECK(repeatedFinding(confirmed, {finding(10, 1, 1000, "U01", "公款吃喝", true),
                                      finding(20, 2, 1500, "U01", "公款吃喝", true),
                                      finding(21, 2, 1500, "U01", "公款吃喝", true),
                                      finding(5, 9, 900, "U01", "公款吃喝", true)}) == 21);
    // Rounds starting the same day are ordered by id.
    CHECK(repeatedFinding(finding(50, 3, 2000, "U01", "x", false), {finding(30, 2, 2000, "U01", "x", true)}) == 30);
    CHECK_FALSE(repeatedFinding(finding(50, 3, 2000, "U01", "x", false), {finding(30, 4, 2000, "U01", "x", true)})
                    .has_value());
}
