// The auth.* settings: their defaults, and a value out of range refused naming the key.
#include "auth/desk.hpp"

#include "core/services/settings.hpp"

using namespace auth_test;

namespace {

Settings with(const std::string& key, const std::string& value) {
    SettingsSources sources;
    sources.configFile = PATROL_SOURCE_DIR "/config/patrol.ini";
    sources.commandLine[key] = value;
    return Settings::load(sources);
}

}  // namespace

TEST_CASE("the sign-in settings default to 30 idle minutes, 12 hours, delay after 3, lock after 10 for 15 minutes") {
    for (const Settings& settings : {Settings::defaults(), with("database.path", "x.db")}) {
        const AuthSettings a = authSettings(settings);
        CHECK(a.sessionIdleMinutes == 30);
        CHECK(a.sessionLifetimeHours == 12);
        CHECK(a.signinDelayAfter == 3);
        CHECK(a.signinLockAfter == 10);
        CHECK(a.signinLockMinutes == 15);
        CHECK(a.passwordMinLength == 10);
    }
    const AuthSettings changed = authSettings(with("auth.signin_lock_minutes", "60"));
    CHECK(changed.signinLockMinutes == 60);
    CHECK(changed.signinRule().lockMinutes == 60);
}

TEST_CASE("a sign-in setting out of its range is refused naming the key, the range and the value") {
    CHECK(refusal([] { authSettings(with("auth.signin_lock_after", "0")); }) ==
          "配置项 auth.signin_lock_after 应为 1 到 1000 之间的整数，实际为 0。请修改配置文件。");
    CHECK(refusal([] { authSettings(with("auth.session_idle_minutes", "1441")); }) ==
          "配置项 auth.session_idle_minutes 应为 1 到 1440 之间的整数，实际为 1441。请修改配置文件。");
    CHECK(refusal([] { authSettings(with("auth.password_min_length", "6")); }) ==
          "配置项 auth.password_min_length 应为 8 到 128 之间的整数，实际为 6。请修改配置文件。");
    CHECK(refusal([] { authSettings(with("auth.session_lifetime_hours", "721")); }) ==
          "配置项 auth.session_lifetime_hours 应为 1 到 720 之间的整数，实际为 721。请修改配置文件。");
}
