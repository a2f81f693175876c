#include "core/http/credentials.hpp"

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

}  // namespace

std::optional<services::Actor> authenticate(Exchange& exchange) {
    if (const auto token = bearerToken(exchange.request())) return services::authenticateToken(exchange.db(), *token);
    return std::nullopt;
}

}  // namespace patrol::http
