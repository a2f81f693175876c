#include "core/api/request_values.hpp"

#include "core/services/input_checks.hpp"

namespace patrol::api {

std::optional<int32_t> optionalDay(http::JsonFields& body, const std::string& name) {
    const auto text = body.optionalText(name);
    if (!text) return std::nullopt;
    return services::requireDate(*text, "字段 " + name, name);
}

int32_t eventDay(http::JsonFields& body, const std::string& name) {
    return optionalDay(body, name).value_or(services::localToday());
}

int32_t queryDay(const std::optional<std::string>& text, const std::string& name) {
    return text ? services::requireDate(*text, "参数 " + name, name) : services::localToday();
}

}  // namespace patrol::api
