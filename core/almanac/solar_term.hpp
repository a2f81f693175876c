// The 清明 solar term: the day the sun's apparent ecliptic longitude reaches 15°, in China
// Standard Time (UTC+8). Plain arithmetic, no library.
#pragma once

#include <cstdint>

namespace patrol::almanac {

// The sun's apparent ecliptic longitude in degrees [0, 360) at a Julian Day (Terrestrial Time).
double apparentSolarLongitude(double julianDayTT);

// The instant in the first half of `year` the apparent longitude reaches `degrees`, as a Julian
// Day in Universal Time; for the terms from 春分 (0°) to 芒种 (75°).
double springTermInstant(int year, double degrees);

// The day (days since 1970-01-01) of 清明 in China Standard Time.
int32_t qingmingDay(int year);

}  // namespace patrol::almanac
