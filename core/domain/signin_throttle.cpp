#include "core/domain/signin_throttle.hpp"

#include <algorithm>

namespace patrol::domain {

SigninFailureCount countingAt(const SigninFailureCount& stored, const SigninRule& rule, int64_t now) {
    if (stored.lockedUntil) return now < *stored.lockedUntil ? stored : SigninFailureCount{};
    if (stored.failures == 0 || now - stored.lastFailedAt >= int64_t{rule.lockMinutes} * 60) return {};
    return stored;
}

bool lockedAt(const SigninFailureCount& counting, int64_t now) {
    return counting.lockedUntil && now < *counting.lockedUntil;
}

int signinDelaySeconds(const SigninFailureCount& counting, const SigninRule& rule) {
    if (counting.failures < rule.delayAfter) return 0;
    return std::min(counting.failures - rule.delayAfter + 1, kMaxSigninDelaySeconds);
}

bool tooSoonAt(const SigninFailureCount& counting, const SigninRule& rule, int64_t now) {
    const int delay = signinDelaySeconds(counting, rule);
    return delay > 0 && now < counting.lastFailedAt + delay;
}

SigninFailureCount afterFailure(const SigninFailureCount& counting, const SigninRule& rule, int64_t now) {
    if (lockedAt(counting, now)) return counting;
    SigninFailureCount next{counting.failures + 1, now, std::nullopt};
    if (next.failures >= rule.lockAfter) next.lockedUntil = now + int64_t{rule.lockMinutes} * 60;
    return next;
}

}  // namespace patrol::domain
