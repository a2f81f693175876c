#include "core/services/auth_settings.hpp"

#include <string>

#include "core/domain/errors.hpp"
#include "core/services/settings.hpp"

namespace patrol::services {

namespace {

int within(const Settings& settings, const std::string& key, int64_t low, int64_t high) {
    const int64_t n = settings.integer(key);
    if (n < low || n > high)
        throw UserError("配置项 " + key + " 应为 " + std::to_string(low) + " 到 " + std::to_string(high) + " 之间的整数，实际为 " +
                        std::to_string(n) + "。请修改配置文件。");
    return static_cast<int>(n);
}

}  // namespace

AuthSettings authSettings(const Settings& settings) {
    AuthSettings a;
    a.sessionIdleMinutes = within(settings, "auth.session_idle_minutes", 1, 24 * 60);
    a.sessionLifetimeHours = within(settings, "auth.session_lifetime_hours", 1, 30 * 24);
    a.signinDelayAfter = within(settings, "auth.signin_delay_after", 1, 1000);
    a.signinLockAfter = within(settings, "auth.signin_lock_after", 1, 1000);
    a.signinLockMinutes = within(settings, "auth.signin_lock_minutes", 1, 7 * 24 * 60);
    a.passwordMinLength = within(settings, "auth.password_min_length", 8, 128);
    return a;
}

}  // namespace patrol::services
