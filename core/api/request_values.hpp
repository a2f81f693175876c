// Values of the API's requests read the way the CLI reads its options: dates YYYY-MM-DD,
// the event day defaulting to today.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/http/json_fields.hpp"

namespace patrol::api {

// The optional "date" of an event (YYYY-MM-DD); today when absent.
int32_t eventDay(http::JsonFields& body, const std::string& name = "date");
std::optional<int32_t> optionalDay(http::JsonFields& body, const std::string& name);
// ?name=YYYY-MM-DD, today when absent.
int32_t queryDay(const std::optional<std::string>& text, const std::string& name);

}  // namespace patrol::api
