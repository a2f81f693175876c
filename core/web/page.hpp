// How a page is answered: its template rendered with a View (Mustache data, every {{value}}
// HTML-escaped), placed in the shared layout (header with the user's name and role, the
// navigation of their role, sign-out), as text/html.
#pragma once

#include <kainjow/mustache.hpp>

#include <string>

#include "core/http/exchange.hpp"
#include "core/http/reply.hpp"
#include "core/web/web_assets.hpp"

namespace patrol::web {

using View = kainjow::mustache::data;

// An empty list to push_back objects into.
inline View listView() { return View(View::type::list); }

struct PageFrame {
    std::string title;    // the page's heading and window title
    std::string section;  // the navigation entry to mark as current, e.g. "/tasks"
    int status = 200;
};

// `templateName` is a file of web/templates without ".mustache".
http::Reply renderPage(const WebAssets& assets, http::Exchange& ex, const std::string& templateName, View view,
                       const PageFrame& frame);

// 303 See Other to a local path, so the browser GETs it after a form.
http::Reply redirectTo(const std::string& location);

}  // namespace patrol::web
