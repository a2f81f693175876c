#include "core/http/router.hpp"

#include <Poco/URI.h>

namespace patrol::http {

namespace {

std::vector<std::string> splitPath(const std::string& path) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= path.size()) {
        const size_t slash = path.find('/', start);
        const size_t end = slash == std::string::npos ? path.size() : slash;
        if (end > start) parts.push_back(path.substr(start, end - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return parts;
}

bool isCapture(const std::string& segment) { return segment.size() > 2 && segment.front() == '{' && segment.back() == '}'; }

bool matches(const Route& route, const std::vector<std::string>& parts, std::map<std::string, std::string>& params) {
    if (route.segments.size() != parts.size()) return false;
    std::map<std::string, std::string> found;
    for (size_t i = 0; i < parts.size(); ++i) {
        const auto& s = route.segments[i];
        if (isCapture(s)) {
            std::string decoded;
            Poco::URI::decode(parts[i], decoded);
            found[s.substr(1, s.size() - 2)] = decoded;
        } else if (s != parts[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

}  // namespace

void Router::add(const std::string& method, const std::string& pattern, Handler handler, Access access) {
    routes_.push_back({method, splitPath(pattern), std::move(handler), access, pattern});
}

void Router::setFallback(Handler handler) { fallback_ = Route{"*", {}, std::move(handler), Access::Anyone, "*"}; }

RouteMatch Router::match(const std::string& method, const std::string& path) const {
    RouteMatch result;
    const auto parts = splitPath(path);
    for (const auto& route : routes_) {
        std::map<std::string, std::string> params;
        if (!matches(route, parts, params)) continue;
        if (route.method == method) {
            result.route = &route;
            result.params = std::move(params);
            return result;
        }
        result.allowedMethods.push_back(route.method);
    }
    const bool api = path == "/api" || path.rfind("/api/", 0) == 0;
    if (result.allowedMethods.empty() && fallback_ && !api) result.route = &*fallback_;
    return result;
}

}  // namespace patrol::http
