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

// The Set-Cookie value that holds a session (HttpOnly, SameSite=Strict, Secure under TLS);
// an empty value with max age 0 ends it in the browser.
std::string sessionCookie(const std::string& value, int maxAgeSeconds, bool secure);

// The session token of the request's cookie, if it carries one.
std::optional<std::string> sessionToken(const Poco::Net::HTTPServerRequest& request);

// The actor the request's credentials prove; none when it carries none or none is accepted.
// With `csrfRequired`, refuses (403) a cookie request that changes state without the session's
// CSRF token.
std::optional<services::Actor> authenticate(Exchange& exchange, bool csrfRequired);

}  // namespace patrol::http
