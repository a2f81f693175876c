// Sessions: resumed by their token until idle too long, too old or their user is revoked;
// refreshed at most once a minute; ended by signing out.
#include "auth/desk.hpp"

#include "core/store/clock.hpp"
#include "core/digest/sha256.hpp"

using namespace auth_test;

namespace {

struct SignedInDesk : Desk {
    SignedIn zhang;
    std::time_t start;
    SignedInDesk() {
        setPassword(db, admin, "张丽", kGoodPassword, settings);
        zhang = signInAs("张丽", kGoodPassword);
        start = now;
    }
    std::optional<ResumedSession> resumeAt(std::time_t at) { return resumeSession(db, settings, zhang.sessionToken, at); }
    std::string lastSeen() { return scalar("SELECT last_seen_at FROM sessions"); }
};

}  // namespace

TEST_CASE("a session token gives back its user and CSRF token, and other tokens give nothing") {
    SignedInDesk d;
    const auto resumed = d.resumeAt(d.start);
    REQUIRE(resumed);
    CHECK(resumed->actor.name == "张丽");
    CHECK(resumed->actor.role == domain::Role::Inspector);
    CHECK(resumed->actor.userId == std::optional<int64_t>(1));
    CHECK(resumed->csrfToken == d.zhang.csrfToken);
    std::string other = d.zhang.sessionToken;
    other[63] = other[63] == '0' ? '1' : '0';
    CHECK_FALSE(resumeSession(d.db, d.settings, other, d.start));
    CHECK_FALSE(resumeSession(d.db, d.settings, d.zhang.csrfToken, d.start));
    CHECK_FALSE(resumeSession(d.db, d.settings, digest::sha256Hex(d.zhang.sessionToken), d.start));  // the stored id
    CHECK_FALSE(resumeSession(d.db, d.settings, "", d.start));
    CHECK_FALSE(resumeSession(d.db, d.settings, d.zhang.sessionToken.substr(1), d.start));
    CHECK(d.scalar("SELECT count(*) FROM sessions") == "1");
}

TEST_CASE("a session idle for more than 30 minutes is over and its row deleted") {
    SignedInDesk d;
    CHECK(d.resumeAt(d.start + 30 * 60));
    CHECK(d.lastSeen() == store::utcTimestampOf(d.start + 30 * 60));
    CHECK(d.resumeAt(d.start + 60 * 60));  // 30 minutes after the last request
    CHECK_FALSE(d.resumeAt(d.start + 90 * 60 + 1));
    CHECK(d.scalar("SELECT count(*) FROM sessions") == "0");
    CHECK_FALSE(d.resumeAt(d.start + 90 * 60 + 2));
}

TEST_CASE("the time of the last request is written at most once a minute") {
    SignedInDesk d;
    CHECK(d.resumeAt(d.start + 59));
    CHECK(d.lastSeen() == store::utcTimestampOf(d.start));
    CHECK(d.resumeAt(d.start + 60));
    CHECK(d.lastSeen() == store::utcTimestampOf(d.start + 60));
    CHECK(d.resumeAt(d.start + 100));
    CHECK(d.lastSeen() == store::utcTimestampOf(d.start + 60));
}

TEST_CASE("a session ends 12 hours after sign-in however busy it is, and both limits are settings") {
    SignedInDesk d;
    std::time_t at = d.start;
    for (; at + 20 * 60 <= d.start + 12 * 3600; at += 20 * 60) REQUIRE(d.resumeAt(at + 20 * 60));
    CHECK(d.resumeAt(d.start + 12 * 3600));
    CHECK_FALSE(d.resumeAt(d.start + 12 * 3600 + 1));
    CHECK(d.scalar("SELECT count(*) FROM sessions") == "0");

    SignedInDesk short_;
    short_.settings.sessionIdleMinutes = 5;
    short_.settings.sessionLifetimeHours = 1;
    CHECK(short_.resumeAt(short_.start + 5 * 60));
    CHECK_FALSE(short_.resumeAt(short_.start + 10 * 60 + 1));
    const auto again = short_.signInAs("张丽", kGoodPassword);
    for (int minutes = 4; minutes <= 60; minutes += 4)
        REQUIRE(resumeSession(short_.db, short_.settings, again.sessionToken, short_.now + minutes * 60));
    CHECK_FALSE(resumeSession(short_.db, short_.settings, again.sessionToken, short_.now + 3600 + 1));
}

TEST_CASE("expired sessions of anyone are cleared when someone signs in") {
    SignedInDesk d;
    setPassword(d.db, d.admin, "赵敏", kGoodPassword, d.settings);
    d.now += 31 * 60;
    d.signInAs("赵敏", kGoodPassword);
    CHECK(d.scalar("SELECT count(*) FROM sessions") == "1");
    CHECK(d.scalar("SELECT user_id FROM sessions") == "2");
}

TEST_CASE("revoking a user ends their sessions at once, and restoring does not bring them back") {
    SignedInDesk d;
    const auto second = d.signInAs("张丽", kGoodPassword);
    setPassword(d.db, d.admin, "赵敏", kGoodPassword, d.settings);
    const auto zhao = d.signInAs("赵敏", kGoodPassword);
    revokeUser(d.db, d.admin, "张丽");
    CHECK(d.scalar("SELECT count(*) FROM sessions WHERE user_id = 1") == "0");
    CHECK_FALSE(d.resumeAt(d.start));
    CHECK_FALSE(resumeSession(d.db, d.settings, second.sessionToken, d.start));
    CHECK(resumeSession(d.db, d.settings, zhao.sessionToken, d.start));
    restoreUser(d.db, d.admin, "张丽");
    CHECK_FALSE(d.resumeAt(d.start));
}

TEST_CASE("signing out ends the session, is audited, and may be repeated") {
    SignedInDesk d;
    const auto other = d.signInAs("张丽", kGoodPassword);
    signOut(d.db, d.zhang.sessionToken);
    CHECK_FALSE(d.resumeAt(d.start));
    CHECK(resumeSession(d.db, d.settings, other.sessionToken, d.start));
    auto events = d.events("session");
    CHECK(events.back().content.action == "session.signout");
    CHECK(events.back().content.actor == "张丽");
    CHECK(events.back().content.entityId == "张丽");
    const size_t count = events.size();
    signOut(d.db, d.zhang.sessionToken);
    signOut(d.db, "not a token");
    CHECK(d.events("session").size() == count);
    CHECK(d.scalar("SELECT count(*) FROM sessions") == "1");
}
