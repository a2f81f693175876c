// The table of endpoints: method + path pattern ("/api/v1/tasks/{id}/progress") -> handler.
// A path no route matches is 404; a path that matches with another method is 405 naming the
// methods it takes.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/http/reply.hpp"

namespace patrol::http {

class Exchange;
using Handler = std::function<Reply(Exchange&)>;

// Who may call a route at all; what each may do is decided by the services.
enum class Access {
    SignedIn,  // bearer token or session cookie
    Anyone,    // signing in, the API description
};

struct Route {
    std::string method;
    std::vector<std::string> segments;  // "{name}" segments capture
    Handler handler;
    Access access = Access::SignedIn;
    std::string pattern;                // as written, for listings and docs
};

struct RouteMatch {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    std::vector<std::string> allowedMethods;  // when the path matched but not the method
};

class Router {
public:
    void add(const std::string& method, const std::string& pattern, Handler handler, Access access = Access::SignedIn);
    // What answers a path no route has, outside /api/ (the web pages' "not found" page); the
    // API keeps its JSON 404. Open to anyone: the handler decides what a visitor sees.
    void setFallback(Handler handler);
    RouteMatch match(const std::string& method, const std::string& path) const;
    const std::vector<Route>& routes() const { return routes_; }

private:
    std::vector<Route> routes_;
    std::optional<Route> fallback_;
};

}  // namespace patrol::http
