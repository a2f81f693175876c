#include "core/services/read_limits_setting.hpp"

#include "core/domain/errors.hpp"

#include <string>

namespace patrol::services {

namespace {

size_t inRange(const Settings& settings, const std::string& key, int64_t low, int64_t high, const std::string& unit) {
    const int64_t value = settings.integer(key);
    if (value < low || value > high)
        throw UserError("设置 " + key + " 的值 " + std::to_string(value) + " 超出范围：应为 " + std::to_string(low) + " 到 " +
                        std::to_string(high) + " " + unit + "。");
    return static_cast<size_t>(value);
}

}  // namespace

data::ReadLimits readLimits(const Settings& settings) {
    data::ReadLimits limits;
    // The upper bounds keep a record within what a line number and a column offset can hold.
    limits.maxFieldBytes = inRange(settings, "data.max_field_bytes", 16, int64_t{1} << 30, "字节");
    limits.maxLineBytes = inRange(settings, "data.max_line_bytes", 16, int64_t{1} << 30, "字节");
    limits.maxListedRejects = inRange(settings, "data.max_listed_rejects", 0, 10000000, "行");
    return limits;
}

}  // namespace patrol::services
