#include "core/store/clock.hpp"

#include <patrol/sdk/civil.hpp>

#include <atomic>
#include <cstdlib>
#include <ctime>

#include "core/domain/errors.hpp"

namespace patrol::store {

namespace {

std::atomic<bool> machineClockOnly{false};

// Noon keeps the fixed day the same date in UTC for any offset of up to 12 hours.
std::time_t now() {
    const char* fixed = machineClockOnly ? nullptr : std::getenv(kFixedTodayVariable);
    if (!fixed || !*fixed) return std::time(nullptr);
    const auto day = civil::parseDate(fixed);
    if (!day)
        throw UserError(std::string("环境变量 ") + kFixedTodayVariable + "「" + fixed +
                        "」不是有效日期：应为 YYYY-MM-DD 格式的真实日期，例如 2026-03-14。请改正或取消该变量以使用本机时钟。");
    const auto ymd = civil::fromDays(*day);
    std::tm parts{};
    parts.tm_year = ymd.year - 1900;
    parts.tm_mon = static_cast<int>(ymd.month) - 1;
    parts.tm_mday = static_cast<int>(ymd.day);
    parts.tm_hour = 12;
    parts.tm_isdst = -1;
    return std::mktime(&parts);
}

int32_t daysOf(const std::tm& parts) {
    return civil::toDays({parts.tm_year + 1900, static_cast<unsigned>(parts.tm_mon + 1), static_cast<unsigned>(parts.tm_mday)});
}

std::string utcTimestamp(std::time_t t) {
    std::tm parts{};
    gmtime_r(&t, &parts);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buf;
}

}  // namespace

void useMachineClockOnly() { machineClockOnly = true; }

std::string utcTimestampNow() { return utcTimestamp(now()); }

std::string actualUtcTimestampNow() { return utcTimestamp(std::time(nullptr)); }

int32_t localToday() {
    const std::time_t t = now();
    std::tm parts{};
    localtime_r(&t, &parts);
    return daysOf(parts);
}

int32_t localDateOf(const std::string& utcTimestamp) {
    std::tm parts{};
    if (!strptime(utcTimestamp.c_str(), "%Y-%m-%dT%H:%M:%SZ", &parts)) {
        const auto day = civil::parseDate(utcTimestamp.substr(0, 10));
        return day ? *day : 0;
    }
    const std::time_t t = timegm(&parts);
    std::tm local{};
    localtime_r(&t, &local);
    return daysOf(local);
}

}  // namespace patrol::store
