// The Almanac (core/domain/statutory_holidays.hpp) backed by ICU's Chinese calendar for lunar
// dates and by solar_term.hpp for 清明. ICU stays behind this header: the domain and every other
// layer see only the Almanac interface, and only this small library links ICU.
#pragma once

#include <memory>

#include "core/domain/statutory_holidays.hpp"

namespace patrol::almanac {

// Throws patrol::UserError when ICU has no Chinese calendar (a broken ICU installation).
std::shared_ptr<const domain::Almanac> icuAlmanac();

}  // namespace patrol::almanac
