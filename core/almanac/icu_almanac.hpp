// The Almanac (core/domain/statutory_holidays.hpp) backed by ICU's Chinese calendar for lunar
// dates and by solar_term.hpp for 清明. ICU stays behind this header: the domain and every other
// layer see only the Almanac interface, and only this small library uses ICU, which it loads
// (dlopen) the first time a lunar date is asked for.
#pragma once

#include <memory>

#include "core/domain/statutory_holidays.hpp"

namespace patrol::almanac {

// Its lunar dates throw patrol::UserError when ICU cannot be loaded or has no Chinese calendar.
std::shared_ptr<const domain::Almanac> icuAlmanac();

}  // namespace patrol::almanac
