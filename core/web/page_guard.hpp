// What every page shares around its handler: a visitor without a valid session is sent to
// sign-in and back; a refusal becomes a page (not JSON); forms must carry the session's CSRF
// token; the "not found" page is the same for a missing record and one the user may not see.
#pragma once

#include <functional>
#include <string>

#include "core/http/exchange.hpp"
#include "core/http/router.hpp"
#include "core/web/web_assets.hpp"

namespace patrol::web {

using PageHandler = std::function<http::Reply(http::Exchange&)>;

// A page for signed-in users only.
http::Handler signedInPage(const WebAssets& assets, PageHandler handler);
// A page for admins only; the service's refusal names `what` ("管理单位") on the forbidden page.
using AdminPage = std::function<http::Reply(const WebAssets&, http::Exchange&)>;
http::Handler adminPage(const WebAssets& assets, std::string what, AdminPage page);
// A page anyone may open (sign-in); refusals still become pages.
http::Handler openPage(const WebAssets& assets, PageHandler handler);

// HttpRefusal 403 unless `sent` is the session's CSRF token.
void requireCsrf(const http::Exchange& ex, const std::string& sent);

// `typed` when it is a path on this site ("/tasks/3?page=2"), else "/": a sign-in link can never
// send the user to another site.
std::string safeNext(const std::string& typed);
// /signin?next=<path>, escaped.
std::string signInAddress(const std::string& next);

// Rethrows the refusals that are never about what a form holds (the database stayed busy, the
// session ended), so the guard answers them as on every page (503, sign-in) instead of a form
// showing the store's words next to its fields. Call first in a form's catch of UserError.
void rethrowIfNotAboutForm(const UserError& e);

http::Reply notFoundPage(const WebAssets& assets, http::Exchange& ex);
http::Reply messagePage(const WebAssets& assets, http::Exchange& ex, int status, const std::string& heading,
                        const std::string& message);

}  // namespace patrol::web
