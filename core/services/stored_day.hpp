// A date read back from the store (ISO text, checked when it was written) as a day number, for
// the figures that compare dates.
#pragma once

#include <patrol/sdk/civil.hpp>

#include <cstdint>
#include <string>

namespace patrol::services {

inline int32_t dayOf(const std::string& storedDate) { return *civil::parseDate(storedDate); }

}  // namespace patrol::services
