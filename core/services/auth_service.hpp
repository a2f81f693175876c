// Who a person is: passwords, signing in and out, and the server-side sessions a browser holds.
// API clients use the tokens of user_service (authenticateToken) instead.
#pragma once

#include <ctime>
#include <optional>
#include <string>

#include "core/services/actor.hpp"
#include "core/services/auth_settings.hpp"

namespace patrol::store {
class Database;
}

namespace patrol::services {

// The answer to every refused sign-in: it never tells whether the name exists, has a password,
// was revoked or is locked.
extern const char* const kSigninRefused;

// Admin for anyone; any user for themselves. At least auth.password_min_length characters, at
// most 256, not the user's name. Stored as argon2id; audited as "user.password" (the event holds
// neither the password nor its hash). Ends the user's sessions and clears a lock on the name.
void setPassword(store::Database& db, const Actor& actor, const std::string& name, const std::string& password);
void setPassword(store::Database& db, const Actor& actor, const std::string& name, const std::string& password,
                 const AuthSettings& settings);
// The refusals setPassword gives before it looks at the password (Forbidden, NotFound, Conflict
// for a revoked user), so a front door can ask for the password only when it may be set.
void checkPasswordChange(store::Database& db, const Actor& actor, const std::string& name);

struct SignedIn {
    Actor actor;
    std::string sessionToken;  // 64 hex characters (256 random bits); only its SHA-256 is stored
    std::string csrfToken;     // 64 hex characters
};

// Unauthenticated(kSigninRefused) for an unknown name, a revoked user, no password, a wrong
// password, a locked name -- a locked name is refused even with the right password -- or an
// attempt that comes too soon. Failures are counted per name as typed, existing or not: from
// auth.signin_delay_after failures on, the name takes its next attempt only 1 s after its last
// failure, then 2 s, ... at most 10 s (earlier attempts are refused unchecked and not counted;
// nothing waits in the server), and auth.signin_lock_after failures lock it for
// auth.signin_lock_minutes. Every attempt is audited: "session.signin", "session.signin_failed"
// (with a reason only the audit log shows) and "session.locked"; `from` (the client's address)
// is kept in the event. Times are the machine's clock (never PATROL_TODAY); tests pass `now`.
SignedIn signIn(store::Database& db, const AuthSettings& settings, const std::string& name,
                const std::string& password, const std::string& from);
SignedIn signIn(store::Database& db, const AuthSettings& settings, const std::string& name,
                const std::string& password, const std::string& from, std::time_t now);

struct ResumedSession {
    Actor actor;
    std::string csrfToken;
};

// The session's actor; nullopt when the token is unknown, idle for more than
// auth.session_idle_minutes, older than auth.session_lifetime_hours, or its user was revoked
// (a session met expired is deleted). Refreshes the last request's time at most once a minute.
std::optional<ResumedSession> resumeSession(store::Database& db, const AuthSettings& settings,
                                            const std::string& sessionToken);
std::optional<ResumedSession> resumeSession(store::Database& db, const AuthSettings& settings,
                                            const std::string& sessionToken, std::time_t now);

// Ends the session (audited as "session.signout"); nothing happens for an unknown token.
void signOut(store::Database& db, const std::string& sessionToken);

}  // namespace patrol::services
