// The date rule of recorded events: not after today, not before the event followed.
#include <catch2/catch.hpp>

#include <patrol/sdk/civil.hpp>

#include "core/domain/errors.hpp"
#include "core/domain/event_date.hpp"

using namespace patrol;
using namespace patrol::domain;

namespace {

int32_t on(const char* text) { return *civil::parseDate(text); }

}  // namespace

TEST_CASE("an event on or before today and on or after the event it follows is accepted") {
    const DatedEvent assigned{"交办", on("2026-02-12")};
    CHECK_FALSE(eventDateRefusal({"进展报告", on("2026-02-12")}, on("2026-06-30"), assigned));
    CHECK_FALSE(eventDateRefusal({"进展报告", on("2026-06-30")}, on("2026-06-30"), assigned));
    CHECK_FALSE(eventDateRefusal({"线索移交", on("2026-06-30")}, on("2026-06-30"), std::nullopt));
    CHECK_NOTHROW(checkEventDate({"进展报告", on("2026-03-01")}, on("2026-06-30"), assigned));
}

TEST_CASE("an event after today is refused naming the date and today") {
    const auto refusal = eventDateRefusal({"验收销号", on("2026-07-01")}, on("2026-06-30"), std::nullopt);
    CHECK(refusal == std::optional<std::string>("验收销号日期 2026-07-01 晚于今天（2026-06-30）：只能登记已经发生的事。"
                                                 "请填写实际发生的日期（不晚于 2026-06-30）。"));
    CHECK_THROWS_AS(checkEventDate({"验收销号", on("2026-07-01")}, on("2026-06-30"), std::nullopt), UserError);
}

TEST_CASE("an event before the one it follows is refused naming both dates") {
    const DatedEvent submitted{"提交销号", on("2026-03-05")};
    CHECK(eventDateRefusal({"验收销号", on("2026-03-04")}, on("2026-06-30"), submitted) ==
          std::optional<std::string>("验收销号日期 2026-03-04 早于提交销号日期 2026-03-05：验收销号不能早于提交销号。"
                                     "请填写 2026-03-05 或之后的日期。"));
    CHECK_THROWS_WITH(checkEventDate({"验收销号", on("2026-03-04")}, on("2026-06-30"), submitted),
                      "验收销号日期 2026-03-04 早于提交销号日期 2026-03-05：验收销号不能早于提交销号。"
                      "请填写 2026-03-05 或之后的日期。");
}

TEST_CASE("the event followed is the latest one, the last given of equal days") {
    CHECK_FALSE(latestEvent({}));
    const auto latest = latestEvent({{"交办", on("2026-02-12")}, {"进展报告", on("2026-03-01")},
                                     {"制定整改措施", on("2026-02-20")}, {"提交销号", on("2026-03-01")}});
    REQUIRE(latest);
    CHECK(latest->name == "提交销号");
    CHECK(latest->day == on("2026-03-01"));
}
