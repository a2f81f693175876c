// Failed sign-ins per name: when answers slow down, when the name locks, when a run is forgotten.
#include <catch2/catch.hpp>

#include "core/domain/signin_throttle.hpp"

using namespace patrol::domain;

TEST_CASE("the delay grows by one second per failure from delayAfter on, never more than ten seconds") {
    const SigninRule rule{3, 100, 15};
    CHECK(signinDelaySeconds({0, 0, std::nullopt}, rule) == 0);
    CHECK(signinDelaySeconds({2, 0, std::nullopt}, rule) == 0);
    CHECK(signinDelaySeconds({3, 0, std::nullopt}, rule) == 1);
    CHECK(signinDelaySeconds({7, 0, std::nullopt}, rule) == 5);
    CHECK(signinDelaySeconds({12, 0, std::nullopt}, rule) == 10);
    CHECK(signinDelaySeconds({90, 0, std::nullopt}, rule) == kMaxSigninDelaySeconds);
    CHECK(kMaxSigninDelaySeconds == 10);
}

TEST_CASE("the lockAfter-th failure locks for lockMinutes, and failures while locked change nothing") {
    const SigninRule rule{3, 4, 15};
    SigninFailureCount count;
    for (int i = 1; i <= 3; ++i) {
        count = afterFailure(count, rule, 1000 + i);
        CHECK(count.failures == i);
        CHECK_FALSE(count.lockedUntil);
    }
    count = afterFailure(count, rule, 1010);
    CHECK(count.failures == 4);
    CHECK(count.lockedUntil == std::optional<int64_t>(1010 + 15 * 60));
    CHECK(lockedAt(count, 1010 + 15 * 60 - 1));
    CHECK_FALSE(lockedAt(count, 1010 + 15 * 60));
    const auto during = afterFailure(count, rule, 1500);
    CHECK(during.failures == 4);
    CHECK(during.lastFailedAt == 1010);
    CHECK(during.lockedUntil == count.lockedUntil);
}

TEST_CASE("a run of failures is forgotten when its lock ends or after lockMinutes without one") {
    const SigninRule rule{3, 10, 15};
    const SigninFailureCount quiet{5, 1000, std::nullopt};
    CHECK(countingAt(quiet, rule, 1000 + 15 * 60 - 1).failures == 5);
    CHECK(countingAt(quiet, rule, 1000 + 15 * 60).failures == 0);
    const SigninFailureCount locked{10, 1000, 1000 + 15 * 60};
    CHECK(countingAt(locked, rule, 1000 + 15 * 60 - 1).failures == 10);
    const auto after = countingAt(locked, rule, 1000 + 15 * 60);
    CHECK(after.failures == 0);
    CHECK_FALSE(after.lockedUntil);
}

TEST_CASE("an attempt before the last failure plus the delay comes too soon") {
    const SigninRule rule{3, 10, 15};
    CHECK_FALSE(tooSoonAt({2, 1000, std::nullopt}, rule, 1000));
    CHECK(tooSoonAt({3, 1000, std::nullopt}, rule, 1000));
    CHECK_FALSE(tooSoonAt({3, 1000, std::nullopt}, rule, 1001));
    CHECK(tooSoonAt({6, 1000, std::nullopt}, rule, 1003));
    CHECK_FALSE(tooSoonAt({6, 1000, std::nullopt}, rule, 1004));
    CHECK(tooSoonAt({50, 1000, std::nullopt}, rule, 1009));
    CHECK_FALSE(tooSoonAt({50, 1000, std::nullopt}, rule, 1010));
}
