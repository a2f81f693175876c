#include "core/http/credentials.hpp"

#include <Poco/Net/NameValueCollection.h>

#include "core/http/http_refusal.hpp"
#include "core/services/auth_service.hpp"
#include "core/services/secrets.hpp"
#include "core/services/user_service.hpp"

namespace patrol::http {

namespace {

std::optional<std::string> bearerToken(const Poco::Net::HTTPServerRequest& request) {
    if (!request.has("Authorization")) return std::nullopt;
    const std::string& value = request.get("Authorization");
    const std::string scheme = "Bearer ";
    if (value.size() <= scheme.size() || value.compare(0, scheme.size(), scheme) != 0) return std::string();
    return value.substr(scheme.size());
}

bool changesState(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

}  // namespace

// Written out rather than built with Poco's cookie class, whose old-style output lower-cases
// the attributes and drops Max-Age for some versions.
std::string sessionCookie(const std::string& value, int maxAgeSeconds, bool secure) {
    return std::string(kSessionCookie) + "=" + value + "; Path=/; Max-Age=" + std::to_string(maxAgeSeconds) +
           "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

std::optional<std::string> sessionToken(const Poco::Net::HTTPServerRequest& request) {
    Poco::Net::NameValueCollection cookies;
    request.getCookies(cookies);
    if (!cookies.has(kSessionCookie)) return std::nullopt;
    return cookies.get(kSessionCookie);
}

std::optional<services::Actor> authenticate(Exchange& exchange, bool csrfRequired) {
    if (const auto token = bearerToken(exchange.request())) return services::authenticateToken(exchange.db(), *token);
    const auto cookie = sessionToken(exchange.request());
    if (!cookie) return std::nullopt;
    const auto session = services::resumeSession(exchange.db(), services::authSettings(exchange.settings()), *cookie);
    if (!session) return std::nullopt;
    if (csrfRequired && changesState(exchange.method())) {
        const std::string sent = exchange.request().get(kCsrfHeader, "");
        if (sent.empty() || !services::sameSecret(sent, session->csrfToken))
            throw HttpRefusal(403, "csrf", "缺少或不正确的 CSRF 令牌：用登录会话修改数据时，须在请求头 X-CSRF-Token 中附上登录时返回的 csrf_token。请刷新页面后重试。");
    }
    exchange.setCsrfToken(session->csrfToken);
    return session->actor;
}

}  // namespace patrol::http
