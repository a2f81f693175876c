// /api/v1/session: people sign in with name and password and get a session cookie (HttpOnly,
// SameSite=Strict, Secure under TLS) plus the CSRF token every state-changing request made with
// that cookie must carry in X-CSRF-Token; DELETE signs out.
#include "core/api/actor_view.hpp"
#include "core/api/api_routes.hpp"
#include "core/http/credentials.hpp"
#include "core/http/exchange.hpp"
#include "core/services/auth_service.hpp"

namespace patrol::api {

namespace {

Poco::JSON::Object::Ptr whoView(store::Database& db, const services::Actor& actor, const std::string& csrf) {
    auto o = actorView(db, actor);
    o->set("csrf_token", csrf);
    return o;
}

http::Reply signIn(http::Exchange& ex) {
    auto body = ex.json();
    const auto name = body.text("name");
    const auto password = body.text("password");
    body.finish();
    const auto settings = services::authSettings(ex.settings());
    const auto session = services::signIn(ex.db(), settings, name, password, ex.clientAddress());
    auto reply = http::Reply::json(whoView(ex.db(), session.actor, session.csrfToken), 201);
    reply.headers.emplace_back("Set-Cookie", http::sessionCookie(session.sessionToken, settings.sessionLifetimeHours * 3600, ex.context().secure));
    return reply;
}

http::Reply current(http::Exchange& ex) {
    const auto token = http::sessionToken(ex.request());
    const auto settings = services::authSettings(ex.settings());
    const auto session = token ? services::resumeSession(ex.db(), settings, *token) : std::nullopt;
    if (!session) throw Unauthenticated("未登录或登录已失效：请重新登录。");
    return http::Reply::json(whoView(ex.db(), session->actor, session->csrfToken));
}

http::Reply signOut(http::Exchange& ex) {
    if (const auto token = http::sessionToken(ex.request())) services::signOut(ex.db(), *token);
    auto reply = http::Reply::empty(204);
    reply.headers.emplace_back("Set-Cookie", http::sessionCookie("", 0, ex.context().secure));
    return reply;
}

}  // namespace

void addSessionRoutes(http::Router& router) {
    router.add("POST", "/api/v1/session", signIn, http::Access::Anyone);
    router.add("GET", "/api/v1/session", current);
    router.add("DELETE", "/api/v1/session", signOut);
}

}  // namespace patrol::api
