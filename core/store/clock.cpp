#include "core/store/clock.hpp"

#include <ctime>

namespace patrol::store {

std::string utcTimestampNow() {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buf;
}

}  // namespace patrol::store
