// Signing in and out in the browser: the same sessions as POST /api/v1/session (cookie
// patrol_session, only its SHA-256 kept on the server), then back to the page asked for.
#include "core/http/credentials.hpp"
#include "core/services/auth_service.hpp"
#include "core/web/form_fields.hpp"
#include "core/web/navigation.hpp"
#include "core/web/page.hpp"
#include "core/web/page_guard.hpp"
#include "core/web/web_routes.hpp"

namespace patrol::web {

namespace {

http::Reply signInForm(const WebAssets& assets, http::Exchange& ex, const std::string& next, const std::string& name,
                       const std::string& error, int status) {
    View view;
    view.set("next", next);
    view.set("name", name);
    if (!error.empty()) view.set("error", error);
    return renderPage(assets, ex, "signin", view, {"登录", "", status});
}

std::string landingOf(const std::string& next, domain::Role role) {
    const std::string target = safeNext(next);
    return target == "/" ? homeOf(role) : target;
}

}  // namespace

void addSessionPages(http::Router& router, const WebAssets& assets) {
    router.add("GET", "/", openPage(assets, [](http::Exchange& ex) {
        return redirectTo(ex.signedIn() ? homeOf(ex.actor().role) : "/signin");
    }), http::Access::Anyone);

    router.add("GET", "/signin", openPage(assets, [&assets](http::Exchange& ex) {
        const std::string next = safeNext(ex.query("next").value_or("/"));
        if (ex.signedIn() && ex.csrfToken()) return redirectTo(landingOf(next, ex.actor().role));
        return signInForm(assets, ex, next, "", "", 200);
    }), http::Access::Anyone);

    router.add("POST", "/signin", openPage(assets, [&assets](http::Exchange& ex) {
        const auto form = FormFields::read(ex);
        const std::string next = safeNext(form.value("next"));
        const auto settings = services::authSettings(ex.settings());
        try {
            const auto session = services::signIn(ex.db(), settings, form.value("name"), form.value("password"), ex.clientAddress());
            auto reply = redirectTo(landingOf(next, session.actor.role));
            reply.headers.emplace_back("Set-Cookie", http::sessionCookie(session.sessionToken, settings.sessionLifetimeHours * 3600,
                                                                         ex.context().secure));
            return reply;
        } catch (const Unauthenticated& e) {
            return signInForm(assets, ex, next, form.value("name"), e.what(), 401);
        } catch (const InvalidInput& e) {
            return signInForm(assets, ex, next, form.value("name"), e.what(), 422);
        }
    }), http::Access::Anyone);

    router.add("POST", "/signout", openPage(assets, [](http::Exchange& ex) {
        if (ex.signedIn()) {
            requireCsrf(ex, FormFields::read(ex).value("csrf"));
            if (const auto token = http::sessionToken(ex.request())) services::signOut(ex.db(), *token);
        }
        auto reply = redirectTo("/signin");
        reply.headers.emplace_back("Set-Cookie", http::sessionCookie("", 0, ex.context().secure));
        return reply;
    }), http::Access::Anyone);
}

}  // namespace patrol::web
