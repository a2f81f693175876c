#include "core/store/signin_failure_repository.hpp"

#include "core/store/database.hpp"

namespace patrol::store {

std::optional<SigninFailures> findSigninFailures(Database& db, const std::string& name) {
    return db.prepare("SELECT name, failures, last_failed_at, locked_until FROM signin_failures WHERE name = ?")
        .bindAll(name)
        .first([](const Statement& st) {
            return SigninFailures{st.text(0), static_cast<int>(st.integer(1)), st.text(2), st.optionalText(3)};
        });
}

void saveSigninFailures(Database& db, const SigninFailures& f) {
    db.prepare("INSERT INTO signin_failures (name, failures, last_failed_at, locked_until) VALUES (?,?,?,?) "
               "ON CONFLICT (name) DO UPDATE SET failures = excluded.failures, last_failed_at = excluded.last_failed_at, "
               "locked_until = excluded.locked_until")
        .bindAll(f.name, f.failures, f.lastFailedAt, f.lockedUntil)
        .run();
}

void clearSigninFailures(Database& db, const std::string& name) {
    db.prepare("DELETE FROM signin_failures WHERE name = ?").bindAll(name).run();
}

void forgetQuietSigninFailures(Database& db, const std::string& quietSince, const std::string& now) {
    db.prepare("DELETE FROM signin_failures WHERE last_failed_at <= ? AND (locked_until IS NULL OR locked_until <= ?)")
        .bindAll(quietSince, now)
        .run();
}

}  // namespace patrol::store
