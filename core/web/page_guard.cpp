#include "core/web/page_guard.hpp"

#include <Poco/URI.h>

#include "core/domain/errors.hpp"
#include "core/http/access_log.hpp"
#include "core/http/error_reply.hpp"
#include "core/http/http_refusal.hpp"
#include "core/services/authorization.hpp"
#include "core/services/secrets.hpp"
#include "core/web/page.hpp"

namespace patrol::web {

namespace {

const char* kNotFoundText = "您要找的页面不存在，或者您无权查看。请检查地址，或回到首页。";

// Where a visitor whose session ended comes back to: the page itself for a GET; for a form
// (POST /tasks/3/plan) the page the form was on.
std::string comeBackTo(http::Exchange& ex) {
    if (ex.method() == "GET" || ex.method() == "HEAD") return ex.request().getURI();
    std::string path = ex.path();
    const size_t slash = path.find_last_of('/');
    if (slash != std::string::npos && slash > 0) path.erase(slash);
    return path;
}

http::Reply guarded(const WebAssets& assets, const PageHandler& handler, http::Exchange& ex) {
    try {
        return handler(ex);
    } catch (const http::HttpRefusal& e) {
        return messagePage(assets, ex, e.status(), "无法完成", e.what());
    } catch (const UserError& e) {
        switch (e.kind()) {
            case ErrorKind::NotFound: return notFoundPage(assets, ex);
            case ErrorKind::Unauthenticated: return redirectTo(signInAddress(comeBackTo(ex)));
            case ErrorKind::Busy: {
                const auto reply = http::errorReplyOf(e);
                return messagePage(assets, ex, reply.status, "服务器正忙", reply.message);
            }
            default: return messagePage(assets, ex, http::errorReplyOf(e).status, "无法完成", e.what());
        }
    } catch (const std::exception& e) {
        http::logFailure(ex.method(), ex.path(), e.what());
        return messagePage(assets, ex, 500, "服务器内部错误", http::internalErrorReply().message);
    }
}

// A form posted after the session ended is answered with a redirect on a connection the browser
// keeps using: its body is read first, so the next request does not start inside it.
void discardBody(http::Exchange& ex) {
    if (ex.method() == "GET" || ex.method() == "HEAD") return;
    try {
        ex.readBody(ex.context().maxBodyBytes);
    } catch (const std::exception&) {
        // Too large or cut off: nothing more can be read; the redirect still goes out.
    }
}

}  // namespace

http::Handler signedInPage(const WebAssets& assets, PageHandler handler) {
    return [&assets, handler = std::move(handler)](http::Exchange& ex) {
        if (!ex.signedIn() || !ex.csrfToken()) {
            discardBody(ex);
            return redirectTo(signInAddress(comeBackTo(ex)));
        }
        return guarded(assets, handler, ex);
    };
}

http::Handler adminPage(const WebAssets& assets, std::string what, AdminPage page) {
    return signedInPage(assets, [&assets, what = std::move(what), page = std::move(page)](http::Exchange& ex) {
        services::requireAdmin(ex.actor(), what);
        return page(assets, ex);
    });
}

http::Handler openPage(const WebAssets& assets, PageHandler handler) {
    return [&assets, handler = std::move(handler)](http::Exchange& ex) { return guarded(assets, handler, ex); };
}

void requireCsrf(const http::Exchange& ex, const std::string& sent) {
    if (!ex.csrfToken() || sent.empty() || !services::sameSecret(sent, *ex.csrfToken()))
        throw http::HttpRefusal(403, "csrf", "这个表单已过期或不是从本系统的页面提交的，未作任何改动。请回到页面刷新后重新提交。");
}

std::string safeNext(const std::string& typed) {
    const bool local = typed.size() > 1 ? typed[0] == '/' && typed[1] != '/' && typed[1] != '\\' : typed == "/";
    if (!local || typed.size() > 1000) return "/";
    for (const unsigned char c : typed)
        if (c < 0x20 || c == 0x7f || c == '\\') return "/";
    return typed;
}

std::string signInAddress(const std::string& next) {
    const std::string target = safeNext(next);
    if (target == "/") return "/signin";
    std::string encoded;
    Poco::URI::encode(target, "?#&=+%", encoded);
    return "/signin?next=" + encoded;
}

void rethrowIfNotAboutForm(const UserError& e) {
    if (e.kind() == ErrorKind::Busy || e.kind() == ErrorKind::Unauthenticated) throw;
}

http::Reply notFoundPage(const WebAssets& assets, http::Exchange& ex) {
    View view;
    view.set("heading", "页面不存在");
    view.set("message", kNotFoundText);
    return renderPage(assets, ex, "message", view, {"页面不存在", "", 404});
}

http::Reply messagePage(const WebAssets& assets, http::Exchange& ex, int status, const std::string& heading,
                        const std::string& message) {
    View view;
    view.set("heading", heading);
    view.set("message", message);
    return renderPage(assets, ex, "message", view, {heading, "", status});
}

}  // namespace patrol::web
