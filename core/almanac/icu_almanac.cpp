#include "core/almanac/icu_almanac.hpp"

#include <cmath>
#include <cstring>
#include <mutex>
#include <optional>

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <patrol/sdk/civil.hpp>

#include "core/almanac/solar_term.hpp"
#include "core/domain/errors.hpp"

namespace patrol::almanac {
namespace {

// ICU numbers Chinese years from 2637 BCE: the lunar year that starts in Gregorian 2025 is 4662.
constexpr int kExtendedYearOffset = 2637;
constexpr double kMillisPerDay = 86400000.0;

// Lunar months ICU 72 starts on the wrong day: its lunar theory puts a new moon that falls minutes
// from midnight in China on the other side of it. Between 2000 and 2100 two move a statutory
// holiday: 2027's 正月 (new moon 23:56 CST on 2月6日, ICU says 2月7日) and 2030's 正月 (new moon
// just after midnight on 2月3日, ICU says 2月2日); the Hong Kong Observatory's tables agree with
// the true days. Each day of such a month moves by the same amount, and only while ICU still
// gives the wrong first day, so an ICU that has been fixed is taken as it is.
struct MisplacedMonth {
    int year;  // Gregorian year the lunar year starts in
    int month;
    civil::YearMonthDay icuFirstDay;
    int shift;  // days to add
};
constexpr MisplacedMonth kMisplacedMonths[] = {{2027, 1, {2027, 2, 7}, -1}, {2030, 1, {2030, 2, 2}, +1}};

int32_t corrected(int year, int month, int day, int32_t icuDay) {
    for (const auto& m : kMisplacedMonths)
        if (m.year == year && m.month == month && icuDay - (day - 1) == civil::toDays(m.icuFirstDay)) return icuDay + m.shift;
    return icuDay;
}

class IcuAlmanac final : public domain::Almanac {
public:
    std::optional<int32_t> lunarDay(int year, int month, int day) const override {
        const std::lock_guard<std::mutex> lock(mutex_);  // an icu::Calendar is not thread-safe
        if (!calendar_) calendar_ = openChineseCalendar();
        UErrorCode status = U_ZERO_ERROR;
        calendar_->clear();
        calendar_->set(UCAL_EXTENDED_YEAR, year + kExtendedYearOffset);
        calendar_->set(UCAL_MONTH, month - 1);
        calendar_->set(UCAL_IS_LEAP_MONTH, 0);
        calendar_->set(UCAL_DATE, day);
        const UDate millis = calendar_->getTime(status);
        if (U_FAILURE(status)) return std::nullopt;
        return corrected(year, month, day, static_cast<int32_t>(std::floor(millis / kMillisPerDay)));
    }

    std::optional<int32_t> qingming(int year) const override { return qingmingDay(year); }

private:
    // Opened on first use, so a command that meets no uncovered year never loads ICU's data.
    static std::unique_ptr<icu::Calendar> openChineseCalendar() {
        UErrorCode status = U_ZERO_ERROR;
        // GMT, so that midnight of a calendar day is a whole number of days since the epoch; ICU
        // itself reckons the lunar months at the meridian of China (UTC+8), as the 农历 does.
        std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(
            icu::TimeZone::getGMT()->clone(), icu::Locale("zh_CN@calendar=chinese"), status));
        if (U_FAILURE(status) || !calendar || std::strcmp(calendar->getType(), "chinese") != 0)
            throw UserError(std::string("无法使用 ICU 的农历（") + u_errorName(status) +
                            "），不能推算没有工作日历的年份的节假日。请重新安装 libicu 后重试，或为该年提供工作日历文件。");
        return calendar;
    }

    mutable std::mutex mutex_;
    mutable std::unique_ptr<icu::Calendar> calendar_;
};

}  // namespace

std::shared_ptr<const domain::Almanac> icuAlmanac() { return std::make_shared<IcuAlmanac>(); }

}  // namespace patrol::almanac
