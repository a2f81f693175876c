#include "core/almanac/solar_term.hpp"

#include <cmath>

#include <patrol/sdk/civil.hpp>

namespace patrol::almanac {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kJulianDayOfEpoch = 2440587.5;  // 1970-01-01 00:00 UT
// ΔT = TT − UT, about 69 s in the 2020s; a minute either way moves the sun by 0.0007°.
constexpr double kDeltaTDays = 69.0 / 86400.0;

double radians(double degrees) { return degrees * kPi / 180.0; }

double normalized(double degrees) {
    const double d = std::fmod(degrees, 360.0);
    return d < 0 ? d + 360.0 : d;
}

}  // namespace

// The low-precision solar coordinates of Meeus, Astronomical Algorithms ch. 25 (about 0.01°, so
// the instant of a term is right within a quarter of an hour): mean longitude and anomaly, the
// equation of centre, then nutation and aberration for the apparent longitude.
double apparentSolarLongitude(double julianDayTT) {
    const double t = (julianDayTT - 2451545.0) / 36525.0;
    const double meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
    const double meanAnomaly = radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
    const double centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * std::sin(meanAnomaly) +
                          (0.019993 - 0.000101 * t) * std::sin(2 * meanAnomaly) + 0.000289 * std::sin(3 * meanAnomaly);
    const double omega = radians(125.04 - 1934.136 * t);
    return normalized(meanLongitude + centre - 0.00569 - 0.00478 * std::sin(omega));
}

double springTermInstant(int year, double degrees) {
    // The longitude rises through 0°–90° between March and June; bisect on the angle past the
    // target, which is negative before the instant and positive after it.
    double lo = kJulianDayOfEpoch + civil::toDays({year, 3, 1}) - 30;
    double hi = kJulianDayOfEpoch + civil::toDays({year, 6, 30});
    auto past = [&](double jdUT) {
        const double d = normalized(apparentSolarLongitude(jdUT + kDeltaTDays) - degrees);
        return d > 180.0 ? d - 360.0 : d;
    };
    for (int i = 0; i < 60; ++i) {
        const double mid = (lo + hi) / 2;
        (past(mid) < 0 ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

int32_t qingmingDay(int year) {
    const double chinaStandardTime = springTermInstant(year, 15.0) + 8.0 / 24.0;
    return static_cast<int32_t>(std::floor(chinaStandardTime - kJulianDayOfEpoch));
}

}  // namespace patrol::almanac
