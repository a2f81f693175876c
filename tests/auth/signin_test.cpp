// signIn: a session for the right password; one answer for every refusal; failures per name
// slowed, then locked for a while; every attempt in the audit log.
#include "auth/desk.hpp"

#include "core/store/clock.hpp"
#include "core/digest/sha256.hpp"

using namespace auth_test;

namespace {

bool isLowerHex64(const std::string& text) {
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

TEST_CASE("the right password gives a session whose token is kept only as its SHA-256") {
    Desk d;
    setPassword(d.db, d.admin, "赵敏", kGoodPassword, d.settings);
    const auto in = d.signInAs("赵敏", kGoodPassword, "192.168.3.14");
    CHECK(in.actor.name == "赵敏");
    CHECK(in.actor.role == domain::Role::Unit);
    CHECK(in.actor.unitId == std::optional<int64_t>(1));
    CHECK(isLowerHex64(in.sessionToken));
    CHECK(isLowerHex64(in.csrfToken));
    CHECK(in.csrfToken != in.sessionToken);
    CHECK(d.scalar("SELECT count(*) FROM sessions") == "1");
    CHECK(d.scalar("SELECT id FROM sessions") == digest::sha256Hex(in.sessionToken));
    CHECK(d.scalar("SELECT count(*) FROM sessions WHERE id = '" + in.sessionToken + "' OR csrf_token = '" +
                   in.sessionToken + "'") == "0");
    CHECK(d.scalar("SELECT csrf_token FROM sessions") == in.csrfToken);
    CHECK(d.scalar("SELECT created_at || ' ' || last_seen_at FROM sessions") == "2026-05-28T20:26:40Z 2026-05-28T20:26:40Z");
    CHECK(d.scalar("SELECT user_id FROM sessions") == "2");

    const auto events = d.events("session");
    REQUIRE(events.size() == 1);
    CHECK(events[0].content.action == "session.signin");
    CHECK(events[0].content.actor == "赵敏");
    CHECK(events[0].content.actorId == std::optional<int64_t>(2));
    CHECK(events[0].content.entityId == "赵敏");
    CHECK(events[0].content.after == std::optional<std::string>("{\"from\":\"192.168.3.14\"}"));

    const auto again = d.signInAs("赵敏", kGoodPassword);
    CHECK(again.sessionToken != in.sessionToken);
    CHECK(d.scalar("SELECT count(*) FROM sessions") == "2");
}

TEST_CASE("every refused sign-in reads the same, whether the name is unknown, revoked, without password, wrong or locked") {
    Desk d;
    setPassword(d.db, d.admin, "张丽", kGoodPassword, d.settings);
    setPassword(d.db, d.admin, "赵敏", kGoodPassword, d.settings);
    addUser(d.db, d.admin, {"刘芳", "leader", std::nullopt, {}});  // no password
    revokeUser(d.db, d.admin, "赵敏");
    const std::string answer =
        "用户名或密码不正确。请检查后重试；连续失败多次后须等待一段时间才能再登录。忘记密码请联系巡察办管理员重新设置。";
    CHECK(std::string(kSigninRefused) == answer);
    CHECK(d.refused("钱二", kGoodPassword) == answer);
    CHECK(d.refused("赵敏", kGoodPassword) == answer);
    CHECK(d.refused("刘芳", "") == answer);
    CHECK(d.refused("刘芳", kGoodPassword) == answer);
    CHECK(d.refused("张丽", "清溪县巡察办第三组2025") == answer);
    CHECK(d.refused("张丽 ", kGoodPassword) == answer);  // names are taken exactly as typed
    d.settings.signinLockAfter = 2;
    CHECK(d.refused("张丽", "清溪县巡察办第三组2025") == answer);  // the second failure locks
    CHECK(d.refused("张丽", kGoodPassword) == answer);            // the right password, locked

    try {
        d.signInAs("钱二", kGoodPassword);
        FAIL("an unknown name signed in");
    } catch (const UserError& e) {
        CHECK(e.kind() == ErrorKind::Unauthenticated);
    }
    CHECK(d.scalar("SELECT count(*) FROM sessions") == "0");

    // Only the audit log tells the reasons apart.
    std::vector<std::string> reasons;
    for (const auto& e : d.events("session"))
        if (e.content.action == "session.signin_failed") {
            CHECK(e.content.actor == "未登录");
            CHECK_FALSE(e.content.actorId);
            const std::string& after = *e.content.after;
            const auto start = after.find("\"reason\":\"") + 10;
            reasons.push_back(e.content.entityId + ":" + after.substr(start, after.find('"', start) - start));
        }
    CHECK(reasons == std::vector<std::string>{"钱二:unknown_user", "赵敏:revoked", "刘芳:no_password", "刘芳:no_password",
                                              "张丽:wrong_password", "张丽 :unknown_user", "张丽:wrong_password",
                                              "张丽:locked", "钱二:unknown_user"});
}

TEST_CASE("from the third failure on, a name takes its next attempt only 1, 2, 3 ... seconds after the last") {
    Desk d;
    setPassword(d.db, d.admin, "张丽", kGoodPassword, d.settings);
    for (const std::string name : {"张丽", "钱二"}) {
        const std::time_t t = d.now;
        for (int i = 0; i < 3; ++i) CHECK(d.refused(name, "猜错的密码" + std::to_string(i)) == kSigninRefused);
        const std::string failures = "SELECT failures FROM signin_failures WHERE name = '" + name + "'";
        CHECK(d.scalar(failures) == "3");
        // Too soon: refused without being checked, and not counted.
        CHECK(d.refused(name, kGoodPassword) == kSigninRefused);
        CHECK(d.scalar(failures) == "3");
        d.now = t + 1;
        CHECK(d.refused(name, "猜错的密码3") == kSigninRefused);
        CHECK(d.scalar(failures) == "4");
        d.now = t + 2;
        CHECK(d.refused(name, "猜错的密码4") == kSigninRefused);  // 2 s after the 4th failure only
        d.now = t + 3;
        CHECK(d.refused(name, "猜错的密码4") == kSigninRefused);
        CHECK(d.scalar(failures) == "5");
        d.now = t + 5;
        CHECK(d.refused(name, kGoodPassword) == kSigninRefused);
        CHECK(d.scalar(failures) == "5");
        d.now = t + 6;
    }
    CHECK(d.scalar("SELECT group_concat(name || ':' || failures) FROM (SELECT * FROM signin_failures ORDER BY name)") ==
          "张丽:5,钱二:5");
    std::vector<std::string> reasons;
    for (const auto& e : d.events("session")) {
        const std::string& after = *e.content.after;
        const auto start = after.find("\"reason\":\"") + 10;
        if (e.content.entityId == "钱二") reasons.push_back(after.substr(start, after.find('"', start) - start));
    }
    CHECK(reasons == std::vector<std::string>{"unknown_user", "unknown_user", "unknown_user", "too_soon", "unknown_user",
                                              "too_soon", "unknown_user", "too_soon"});
    // The right password after the wait signs in and forgets the failures.
    CHECK(d.signInAs("张丽", kGoodPassword).actor.name == "张丽");
    CHECK(d.scalar("SELECT count(*) FROM signin_failures WHERE name = '张丽'") == "0");
    CHECK(d.refused("张丽", "又一次猜错") == kSigninRefused);
    CHECK(d.refused("张丽", "再一次猜错") == kSigninRefused);  // two failures: no wait yet
    CHECK(d.scalar("SELECT failures FROM signin_failures WHERE name = '张丽'") == "2");
}

TEST_CASE("the tenth failure locks the name for 15 minutes, even against the right password") {
    Desk d;
    setPassword(d.db, d.admin, "张丽", kGoodPassword, d.settings);
    for (int i = 0; i < 10; ++i) {
        d.now += 10;  // never too soon
        CHECK(d.refused("张丽", "猜错的密码" + std::to_string(i)) == kSigninRefused);
    }
    const std::time_t lockedAt = d.now;
    const std::string until = store::utcTimestampOf(lockedAt + 15 * 60);
    CHECK(d.scalar("SELECT locked_until FROM signin_failures WHERE name = '张丽'") == until);
    const auto events = d.events("session");
    REQUIRE(events.size() == 11);
    CHECK(events[9].content.action == "session.signin_failed");
    CHECK(events[10].content.action == "session.locked");
    CHECK(events[10].content.entityId == "张丽");
    CHECK(*events[10].content.after == "{\"from\":\"10.0.0.7\",\"failures\":10,\"locked_until\":\"" + until + "\"}");

    d.now += 60;
    CHECK(d.refused("张丽", kGoodPassword) == kSigninRefused);
    // Attempts while locked neither count nor move the end of the lock.
    CHECK(d.scalar("SELECT failures FROM signin_failures WHERE name = '张丽'") == "10");
    CHECK(d.scalar("SELECT locked_until FROM signin_failures WHERE name = '张丽'") == until);
    CHECK(d.events("session").back().content.after->find("\"reason\":\"locked\"") != std::string::npos);
    CHECK(d.scalar("SELECT count(*) FROM audit_events WHERE action = 'session.locked'") == "1");

    d.now = lockedAt + 15 * 60 - 1;
    CHECK(d.refused("张丽", kGoodPassword) == kSigninRefused);
    d.now = lockedAt + 15 * 60;
    CHECK(d.refused("张丽", kGoodPassword).empty());
    CHECK(d.scalar("SELECT count(*) FROM signin_failures") == "0");
}

TEST_CASE("the lock, the delay and the time a run of failures is remembered follow the settings") {
    Desk d;
    setPassword(d.db, d.admin, "张丽", kGoodPassword, d.settings);
    d.settings.signinDelayAfter = 1;
    d.settings.signinLockAfter = 3;
    d.settings.signinLockMinutes = 5;
    CHECK(d.refused("张丽", "猜错一") == kSigninRefused);
    CHECK(d.refused("张丽", "猜错二") == kSigninRefused);  // 1 s after the first failure only: too soon
    CHECK(d.scalar("SELECT failures FROM signin_failures WHERE name = '张丽'") == "1");
    d.now += 1;
    CHECK(d.refused("张丽", "猜错二") == kSigninRefused);
    CHECK(d.scalar("SELECT failures FROM signin_failures WHERE name = '张丽'") == "2");
    // Five quiet minutes forget the run: the next failure is the first again.
    d.now += 5 * 60;
    CHECK(d.refused("张丽", "猜错三") == kSigninRefused);
    CHECK(d.scalar("SELECT failures FROM signin_failures WHERE name = '张丽'") == "1");
    d.now += 1;
    CHECK(d.refused("张丽", "猜错四") == kSigninRefused);
    d.now += 2;
    CHECK(d.refused("张丽", "猜错五") == kSigninRefused);
    CHECK(d.scalar("SELECT locked_until FROM signin_failures WHERE name = '张丽'") == store::utcTimestampOf(d.now + 5 * 60));
    d.now += 5 * 60;
    CHECK(d.signInAs("张丽", kGoodPassword).actor.name == "张丽");
}

TEST_CASE("failures of names nobody tries for a while are forgotten by the next sign-in") {
    Desk d;
    for (const char* name : {"钱二", "孙三", "李四"}) CHECK(d.refused(name, "随便猜的密码") == kSigninRefused);
    CHECK(d.scalar("SELECT count(*) FROM signin_failures") == "3");
    d.now += 15 * 60;
    CHECK(d.refused("周五", "随便猜的密码") == kSigninRefused);
    CHECK(d.scalar("SELECT group_concat(name) FROM signin_failures") == "周五");
}
