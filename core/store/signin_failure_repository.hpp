// Failed sign-ins in a row per name as typed, and the end of the name's lock.
#pragma once

#include <optional>
#include <string>

namespace patrol::store {

class Database;

struct SigninFailures {
    std::string name;
    int failures = 0;
    std::string lastFailedAt;               // UTC, ISO 8601
    std::optional<std::string> lockedUntil;  // UTC, ISO 8601
};

std::optional<SigninFailures> findSigninFailures(Database& db, const std::string& name);
void saveSigninFailures(Database& db, const SigninFailures& failures);
void clearSigninFailures(Database& db, const std::string& name);
// Rows whose last failure is at or before `quietSince` and that are not locked at `now`.
void forgetQuietSigninFailures(Database& db, const std::string& quietSince, const std::string& now);

}  // namespace patrol::store
