// The sign-in settings (README "配置项", keys auth.*): how long sessions last, when failed
// sign-ins slow down and lock, how long a password must be. Read once and range-checked here.
#pragma once

#include "core/domain/signin_throttle.hpp"

namespace patrol::services {

class Settings;

struct AuthSettings {
    int sessionIdleMinutes = 30;    // auth.session_idle_minutes
    int sessionLifetimeHours = 12;  // auth.session_lifetime_hours
    int signinDelayAfter = 3;       // auth.signin_delay_after: failures before answers slow down
    int signinLockAfter = 10;       // auth.signin_lock_after
    int signinLockMinutes = 15;     // auth.signin_lock_minutes
    int passwordMinLength = 10;     // auth.password_min_length (characters)

    domain::SigninRule signinRule() const { return {signinDelayAfter, signinLockAfter, signinLockMinutes}; }
};

// UserError naming the key and the allowed range when a value is outside it.
AuthSettings authSettings(const Settings& settings);

}  // namespace patrol::services
