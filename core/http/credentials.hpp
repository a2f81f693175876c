// Who is calling: a bearer token (API clients) or a session cookie (people signed in through
// the browser). A state-changing request made with a cookie must also carry the session's CSRF
// token in X-CSRF-Token, so another site cannot make the browser act for its user.
#pragma once

#include <optional>

#include "core/http/exchange.hpp"
#include "core/services/actor.hpp"

namespace patrol::http {

inline constexpr const char* kSessionCookie = "patrol_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

// The actor the request's credentials prove; none when it carries none or none is accepted.
// Refuses (403) a cookie request that changes state without the right CSRF token.
std::optional<services::Actor> authenticate(Exchange& exchange);

}  // namespace patrol::http
