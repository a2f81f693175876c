// Repeated failed sign-ins for one name: slowed after a few (the next attempt is taken only after
// a delay), then locked for a while. Pure rules on counts and moments (seconds since 1970, UTC); the store keeps the count.
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

// How long after its last failure a name takes its next attempt: from delayAfter failures on,
// one second more for each failure, at most kMaxSigninDelaySeconds (0 before delayAfter).
int signinDelaySeconds(const SigninFailureCount& counting, const SigninRule& rule);

// An attempt before lastFailedAt + the delay comes too soon: it is refused without being checked
// (nor counted), so guessing a name's password goes no faster than the delays allow, while no
// server thread waits out a delay.
bool tooSoonAt(const SigninFailureCount& counting, const SigninRule& rule, int64_t now);

// The count after one more failure at `now`; reaching lockAfter locks the name for lockMinutes.
// Failures while locked neither count nor extend the lock, so nobody keeps a name locked longer
// by trying it.
SigninFailureCount afterFailure(const SigninFailureCount& counting, const SigninRule& rule, int64_t now);

}  // namespace patrol::domain
