// Repeated failed sign-ins for one name: answered more slowly after a few, then locked for a
// while. Pure rules on counts and moments (seconds since 1970, UTC); the store keeps the count.
#pragma once

#include <cstdint>
#include <optional>

namespace patrol::domain {

struct SigninRule {
    int delayAfter = 3;    // failures before answers slow down
    int lockAfter = 10;    // failures that lock the name
    int lockMinutes = 15;  // how long a lock lasts; also how long quiet failures are remembered
};

// The longest wait before an answer: enough to make guessing slow, short enough for a person.
inline constexpr int kMaxSigninDelaySeconds = 10;

struct SigninFailureCount {
    int failures = 0;
    int64_t lastFailedAt = 0;
    std::optional<int64_t> lockedUntil;
};

// The failures that still count at `now`: a run of failures is forgotten when its lock has
// ended, or when no failure came for lockMinutes (so one mistake a day never locks anyone).
SigninFailureCount countingAt(const SigninFailureCount& stored, const SigninRule& rule, int64_t now);

bool lockedAt(const SigninFailureCount& counting, int64_t now);

// Seconds to wait before answering an attempt on a name with these failures: one more second
// for each failure from delayAfter on, at most kMaxSigninDelaySeconds.
int signinDelaySeconds(const SigninFailureCount& counting, const SigninRule& rule);

// The count after one more failure at `now`; reaching lockAfter locks the name for lockMinutes.
// Failures while locked neither count nor extend the lock, so nobody keeps a name locked longer
// by trying it.
SigninFailureCount afterFailure(const SigninFailureCount& counting, const SigninRule& rule, int64_t now);

}  // namespace patrol::domain
