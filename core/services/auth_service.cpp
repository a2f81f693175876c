#include "core/services/auth_service.hpp"

#include "core/domain/errors.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/password.hpp"
#include "core/services/record_json.hpp"
#include "core/services/secrets.hpp"
#include "core/store/clock.hpp"
#include "core/store/session_repository.hpp"
#include "core/digest/sha256.hpp"
#include "core/store/signin_failure_repository.hpp"
#include "core/store/transaction.hpp"
#include "core/store/user_repository.hpp"

namespace patrol::services {

const char* const kSigninRefused =
    "用户名或密码不正确。请检查后重试；连续失败多次后须等待一段时间才能再登录。忘记密码请联系巡察办管理员重新设置。";

namespace {

constexpr size_t kSessionTokenBytes = 32;  // 256 bits
constexpr int kTouchEverySeconds = 60;     // last_seen_at is refreshed at most this often

// Failed attempts have no user to act as: the name tried is the event's entity id instead.
Actor notSignedIn() { return {std::nullopt, "未登录", domain::Role::Unit, std::nullopt}; }

std::string at(std::time_t moment) { return store::utcTimestampOf(moment); }

std::time_t momentOf(const std::string& stored) { return store::parseUtcTimestamp(stored).value_or(0); }

domain::SigninFailureCount storedFailures(store::Database& db, const std::string& name) {
    const auto row = store::findSigninFailures(db, name);
    if (!row) return {};
    domain::SigninFailureCount count{row->failures, momentOf(row->lastFailedAt), std::nullopt};
    if (row->lockedUntil) count.lockedUntil = momentOf(*row->lockedUntil);
    return count;
}

void saveFailures(store::Database& db, const std::string& name, const domain::SigninFailureCount& count) {
    store::saveSigninFailures(db, {name, count.failures, at(count.lastFailedAt),
                                   count.lockedUntil ? std::optional<std::string>(at(*count.lockedUntil)) : std::nullopt});
}

// Why a sign-in is refused, for the audit log only ("" when it is not).
std::string refusal(const std::optional<store::UserRecord>& user, const std::string& checkedHash, bool matched,
                    bool locked) {
    if (locked) return "locked";
    if (!user) return "unknown_user";
    if (user->revoked) return "revoked";
    if (!user->passwordHash) return "no_password";
    // A password set while this attempt was being checked decides the next attempt, not this one.
    if (!matched || *user->passwordHash != checkedHash) return "wrong_password";
    return "";
}

Poco::JSON::Object::Ptr attempt(const std::string& from) {
    auto o = jsonObject();
    o->set("from", from);
    return o;
}

}  // namespace

SignedIn signIn(store::Database& db, const AuthSettings& settings, const std::string& name,
                const std::string& password, const std::string& from) {
    return signIn(db, settings, name, password, from, std::time(nullptr));
}

SignedIn signIn(store::Database& db, const AuthSettings& settings, const std::string& name,
                const std::string& password, const std::string& from, std::time_t now) {
    const domain::SigninRule rule = settings.signinRule();
    const auto before = domain::countingAt(storedFailures(db, name), rule, now);
    // A locked name or an early attempt is refused without the slow hash; otherwise the hash runs
    // outside the transaction, so other writers never wait for it.
    const bool checkable = !domain::lockedAt(before, now) && !domain::tooSoonAt(before, rule, now);
    const auto known = store::findUserByName(db, name);
    const bool usable = known && !known->revoked && known->passwordHash;
    const std::string checkedHash = usable ? *known->passwordHash : decoyPasswordHash();
    const bool matched = checkable && passwordMatches(checkedHash, password) && usable;

    store::Transaction tx(db);
    const auto user = store::findUserByName(db, name);
    const auto counting = domain::countingAt(storedFailures(db, name), rule, now);
    store::forgetQuietSigninFailures(db, at(now - int64_t{rule.lockMinutes} * 60), at(now));
    const bool locked = domain::lockedAt(counting, now);
    // Not checked above, and no longer locked (a new password lifted it): still refused, uncounted.
    const bool tooSoon = domain::tooSoonAt(counting, rule, now) || (!checkable && !locked);
    const std::string reason = tooSoon ? "too_soon" : refusal(user, checkedHash, matched, locked);
    if (!reason.empty()) {
        const auto next = tooSoon ? counting : domain::afterFailure(counting, rule, now);
        if (next.failures > 0) saveFailures(db, name, next);
        auto failed = attempt(from);
        failed->set("reason", reason);
        failed->set("failures", next.failures);
        recordChange(db, notSignedIn(), "session.signin_failed", "session", name, nullptr, failed);
        if (!locked && domain::lockedAt(next, now)) {
            auto lockEvent = attempt(from);
            lockEvent->set("failures", next.failures);
            lockEvent->set("locked_until", at(*next.lockedUntil));
            recordChange(db, notSignedIn(), "session.locked", "session", name, nullptr, lockEvent);
        }
        tx.commit();
        throw Unauthenticated(kSigninRefused);
    }
    store::clearSigninFailures(db, name);
    store::deleteExpiredSessions(db, at(now - int64_t{settings.sessionIdleMinutes} * 60),
                                 at(now - int64_t{settings.sessionLifetimeHours} * 3600));
    SignedIn signedIn{actorOf(*user), randomHex(kSessionTokenBytes), randomHex(kSessionTokenBytes)};
    store::insertSession(db, {digest::sha256Hex(signedIn.sessionToken), user->id, signedIn.csrfToken, at(now), at(now)});
    recordChange(db, signedIn.actor, "session.signin", "session", name, nullptr, attempt(from));
    tx.commit();
    return signedIn;
}

std::optional<ResumedSession> resumeSession(store::Database& db, const AuthSettings& settings,
                                            const std::string& sessionToken) {
    return resumeSession(db, settings, sessionToken, std::time(nullptr));
}

std::optional<ResumedSession> resumeSession(store::Database& db, const AuthSettings& settings,
                                            const std::string& sessionToken, std::time_t now) {
    if (!isHex(sessionToken, kSessionTokenBytes * 2)) return std::nullopt;
    // Found by the token's SHA-256: a look-up's timing says nothing about stored tokens.
    const std::string id = digest::sha256Hex(sessionToken);
    const auto session = store::findSession(db, id);
    if (!session) return std::nullopt;
    const auto user = store::findUserById(db, session->userId);
    const std::time_t lastSeen = momentOf(session->lastSeenAt);
    const bool expired = !user || user->revoked || now - lastSeen > int64_t{settings.sessionIdleMinutes} * 60 ||
                         now - momentOf(session->createdAt) > int64_t{settings.sessionLifetimeHours} * 3600;
    if (expired || now - lastSeen >= kTouchEverySeconds) {
        try {
            store::Transaction tx(db);
            if (expired) store::deleteSession(db, id);
            else store::touchSession(db, id, at(now));
            tx.commit();
        } catch (const Busy&) {
            // Only bookkeeping: an expired row goes at the next meeting, a refresh at the next request.
        }
    }
    if (expired) return std::nullopt;
    return ResumedSession{actorOf(*user), session->csrfToken};
}

void signOut(store::Database& db, const std::string& sessionToken) {
    if (!isHex(sessionToken, kSessionTokenBytes * 2)) return;
    const std::string id = digest::sha256Hex(sessionToken);
    store::Transaction tx(db);
    const auto session = store::findSession(db, id);
    if (!session) return;
    const auto user = store::findUserById(db, session->userId);
    store::deleteSession(db, id);
    if (user) recordChange(db, actorOf(*user), "session.signout", "session", user->name, nullptr, nullptr);
    tx.commit();
}

}  // namespace patrol::services
