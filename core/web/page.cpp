#include "core/web/page.hpp"

#include "core/domain/errors.hpp"
#include "core/web/labels.hpp"
#include "core/web/navigation.hpp"

namespace patrol::web {

namespace {

// Parsed for every page: a parsed template keeps per-render state, so sharing one between the
// server's threads is not safe, and the templates are small.
std::string render(const WebAssets& assets, const std::string& name, const View& view) {
    kainjow::mustache::mustache tmpl(assets.templateText(name));
    if (!tmpl.is_valid()) throw InternalError("web template " + name + ": " + tmpl.error_message());
    std::string out = tmpl.render(view);
    if (!tmpl.is_valid()) throw InternalError("web template " + name + ": " + tmpl.error_message());
    return out;
}

View navView(domain::Role role, const std::string& section) {
    View entries = listView();
    for (const auto& entry : navigationFor(role)) {
        View e;
        e.set("href", entry.href);
        e.set("label", entry.label);
        e.set("current", entry.href == section);
        entries.push_back(e);
    }
    return entries;
}

}  // namespace

http::Reply renderPage(const WebAssets& assets, http::Exchange& ex, const std::string& templateName, View view,
                       const PageFrame& frame) {
    if (ex.csrfToken()) view.set("csrf", *ex.csrfToken());
    View layout;
    layout.set("title", frame.title);
    layout.set("body", render(assets, templateName, view));
    if (ex.signedIn()) {
        View user;
        user.set("name", ex.actor().name);
        user.set("role", roleLabel(ex.actor().role));
        user.set("csrf", ex.csrfToken().value_or(""));
        user.set("nav", navView(ex.actor().role, frame.section));
        layout.set("user", user);
    }
    http::Reply reply;
    reply.status = frame.status;
    reply.contentType = "text/html; charset=utf-8";
    reply.body = render(assets, "layout", layout);
    return reply;
}

http::Reply redirectTo(const std::string& location) {
    http::Reply reply = http::Reply::empty(303);
    reply.headers.emplace_back("Location", location);
    return reply;
}

}  // namespace patrol::web
