// setPassword: who may set whose password, what a password must be, and what setting one does.
#include "auth/desk.hpp"

#include "core/services/audit_service.hpp"

using namespace auth_test;

TEST_CASE("an admin sets anyone's password, stored as argon2id and audited without it") {
    Desk d;
    setPassword(d.db, d.admin, "张丽", kGoodPassword, d.settings);
    CHECK(d.scalar("SELECT substr(password_hash, 1, 31) FROM users WHERE name = '张丽'") == "$argon2id$v=19$m=65536,t=3,p=1$");
    CHECK(d.scalar("SELECT password_hash IS NULL FROM users WHERE name = '赵敏'") == "1");
    const auto events = d.events("user");
    REQUIRE(events.back().content.action == "user.password");
    CHECK(events.back().content.actor == "admin");
    CHECK(events.back().content.entityId == "张丽");
    const std::string hash = d.scalar("SELECT password_hash FROM users WHERE name = '张丽'");
    for (const auto& text : {*events.back().content.before, *events.back().content.after}) {
        CHECK(text.find(kGoodPassword) == std::string::npos);
        CHECK(text.find(hash) == std::string::npos);
        CHECK(text.find("$argon2id$") == std::string::npos);
    }
    CHECK(events.back().content.after->find("\"password_hash\":\"sha256:") != std::string::npos);
    const auto rows = verifyAuditedData(d.db, d.admin);
    CHECK(rows.problems.empty());
}

TEST_CASE("a user sets their own password, and nobody else's") {
    Desk d;
    const Actor zhang = actorByName(d.db, "张丽");
    setPassword(d.db, zhang, "张丽", kGoodPassword, d.settings);
    CHECK(d.scalar("SELECT password_hash IS NOT NULL FROM users WHERE name = '张丽'") == "1");
    const std::string forbidden =
        "用户「张丽」（巡察组成员）无权设置用户「赵敏」的密码：每位用户只能设置自己的密码，为他人设置密码须由巡察办管理员（admin）进行。";
    CHECK(refusal([&] { setPassword(d.db, zhang, "赵敏", kGoodPassword, d.settings); }) == forbidden);
    CHECK(refusal([&] { checkPasswordChange(d.db, zhang, "赵敏"); }) == forbidden);
    // The same refusal for a name that does not exist: it tells nothing about who does.
    CHECK(refusal([&] { setPassword(d.db, zhang, "钱二", kGoodPassword, d.settings); }) ==
          "用户「张丽」（巡察组成员）无权设置用户「钱二」的密码：每位用户只能设置自己的密码，为他人设置密码须由巡察办管理员（admin）进行。");
    CHECK(d.scalar("SELECT password_hash IS NULL FROM users WHERE name = '赵敏'") == "1");
}

TEST_CASE("a password is refused when too short, too long or the user's name, and for unknown or revoked users") {
    Desk d;
    CHECK(refusal([&] { setPassword(d.db, d.admin, "张丽", kNineCharacters, d.settings); }) ==
          "密码太短：至少需要 10 个字符，实际只有 9 个。请换一个更长的密码，例如由几个词组成的一句话。");
    CHECK(refusal([&] { setPassword(d.db, d.admin, "张丽", std::string(257, 'a'), d.settings); }) ==
          "密码太长：最多 256 个字符，实际有 257 个。请换一个短一些的密码。");
    addUser(d.db, d.admin, {"zhang.li.2026", "inspector", std::nullopt, {}});
    CHECK(refusal([&] { setPassword(d.db, d.admin, "zhang.li.2026", "zhang.li.2026", d.settings); }) ==
          "密码不能与用户名相同：这样的密码最先被人猜到。请换一个别人猜不到的密码。");
    CHECK(refusal([&] { setPassword(d.db, d.admin, "钱二", kGoodPassword, d.settings); }) == "用户「钱二」不存在。请检查姓名。");
    revokeUser(d.db, d.admin, "赵敏");
    CHECK(refusal([&] { setPassword(d.db, d.admin, "赵敏", kGoodPassword, d.settings); }) ==
          "用户「赵敏」的访问权限已被撤销，不能为其设置密码。请先恢复其访问权限，再设置密码。");
    CHECK(d.scalar("SELECT count(*) FROM users WHERE password_hash IS NOT NULL") == "0");
    CHECK(d.scalar("SELECT count(*) FROM audit_events WHERE action = 'user.password'") == "0");
    try {
        setPassword(d.db, d.admin, "张丽", "short", d.settings);
        FAIL("a short password was accepted");
    } catch (const InvalidInput& e) {
        CHECK(e.field() == "password");
    }
}

TEST_CASE("the minimum length is a setting, counted in characters") {
    Desk d;
    setPassword(d.db, d.admin, "张丽", "巡察工作要实事求是啊");  // 10 Chinese characters, 30 bytes
    d.settings.passwordMinLength = 12;
    CHECK(refusal([&] { setPassword(d.db, d.admin, "张丽", "巡察工作要实事求是啊!", d.settings); }) ==
          "密码太短：至少需要 12 个字符，实际只有 11 个。请换一个更长的密码，例如由几个词组成的一句话。");
}

TEST_CASE("a new password ends the user's sessions and lifts a lock on the name") {
    Desk d;
    setPassword(d.db, d.admin, "张丽", kGoodPassword, d.settings);
    const auto first = d.signInAs("张丽", kGoodPassword);
    d.settings.signinLockAfter = 1;
    CHECK_FALSE(d.refused("张丽", "猜错的密码abc").empty());
    CHECK(d.scalar("SELECT locked_until IS NOT NULL FROM signin_failures WHERE name = '张丽'") == "1");

    setPassword(d.db, d.admin, "张丽", "另一个更长的新密码2026", d.settings);
    d.settings.signinLockAfter = 10;
    CHECK(d.scalar("SELECT count(*) FROM sessions") == "0");
    CHECK_FALSE(resumeSession(d.db, d.settings, first.sessionToken, d.now));
    CHECK(d.scalar("SELECT count(*) FROM signin_failures") == "0");
    CHECK(d.refused("张丽", kGoodPassword) == kSigninRefused);  // the old one no longer
    CHECK(d.signInAs("张丽", "另一个更长的新密码2026").actor.name == "张丽");
}
