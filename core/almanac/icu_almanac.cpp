#include "core/almanac/icu_almanac.hpp"

#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>

#include <dlfcn.h>
#include <unicode/ucal.h>
#include <unicode/utypes.h>
#include <unicode/uvernum.h>

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

#define PATROL_TEXT_OF(x) #x
#define PATROL_TEXT(x) PATROL_TEXT_OF(x)  // expands ICU's versioned names first: ucal_open -> "ucal_open_72"

// ICU's calendar, loaded with dlopen on first use: linked at start-up, ICU's libraries cost every
// command about 1.5 MB of resident memory, though only a year without a calendar file needs them.
class IcuCalendarLibrary {
public:
    IcuCalendarLibrary() {
        const char* name = "libicui18n.so." PATROL_TEXT(U_ICU_VERSION_MAJOR_NUM);
        // RTLD_NODELETE: ICU keeps process-wide caches (locale data, the Chinese calendar's new
        // moons) whose roots live in its own data segment. Unloading it would strand them, a leak
        // per almanac; kept loaded, a later almanac reuses the library and its caches.
        handle_ = ::dlopen(name, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
        if (!handle_) fail(std::string("无法载入 ") + name + "（" + ::dlerror() + "）");
        find(open, PATROL_TEXT(ucal_open));
        find(close, PATROL_TEXT(ucal_close));
        find(clear, PATROL_TEXT(ucal_clear));
        find(set, PATROL_TEXT(ucal_set));
        find(getMillis, PATROL_TEXT(ucal_getMillis));
        find(getType, PATROL_TEXT(ucal_getType));
        find(errorName, PATROL_TEXT(u_errorName));
    }
    IcuCalendarLibrary(const IcuCalendarLibrary&) = delete;
    IcuCalendarLibrary& operator=(const IcuCalendarLibrary&) = delete;
    ~IcuCalendarLibrary() { ::dlclose(handle_); }

    [[noreturn]] static void fail(const std::string& why) {
        throw UserError("无法使用 ICU 的农历：" + why + "，不能推算没有工作日历的年份的节假日。请重新安装 libicu 后重试，或为该年提供工作日历文件。");
    }

    decltype(&ucal_open) open = nullptr;
    decltype(&ucal_close) close = nullptr;
    decltype(&ucal_clear) clear = nullptr;
    decltype(&ucal_set) set = nullptr;
    decltype(&ucal_getMillis) getMillis = nullptr;
    decltype(&ucal_getType) getType = nullptr;
    decltype(&u_errorName) errorName = nullptr;

private:
    template <typename Function>
    void find(Function& function, const char* symbol) {
        function = reinterpret_cast<Function>(::dlsym(handle_, symbol));
        if (!function) fail(std::string("ICU 库中没有 ") + symbol);
    }

    void* handle_ = nullptr;
};

class IcuAlmanac final : public domain::Almanac {
public:
    ~IcuAlmanac() override {
        if (calendar_) icu_->close(calendar_);
    }

    std::optional<int32_t> lunarDay(int year, int month, int day) const override {
        const std::lock_guard<std::mutex> lock(mutex_);  // an ICU calendar is not thread-safe
        if (!calendar_) openChineseCalendar();
        UErrorCode status = U_ZERO_ERROR;
        icu_->clear(calendar_);
        icu_->set(calendar_, UCAL_EXTENDED_YEAR, year + kExtendedYearOffset);
        icu_->set(calendar_, UCAL_MONTH, month - 1);
        icu_->set(calendar_, UCAL_IS_LEAP_MONTH, 0);
        icu_->set(calendar_, UCAL_DATE, day);
        const UDate millis = icu_->getMillis(calendar_, &status);
        if (U_FAILURE(status)) return std::nullopt;
        return corrected(year, month, day, static_cast<int32_t>(std::floor(millis / kMillisPerDay)));
    }

    std::optional<int32_t> qingming(int year) const override { return qingmingDay(year); }

private:
    // Opened on first use, so a command that meets no uncovered year never loads ICU at all.
    void openChineseCalendar() const {
        icu_ = std::make_unique<IcuCalendarLibrary>();
        UErrorCode status = U_ZERO_ERROR;
        // GMT, so that midnight of a calendar day is a whole number of days since the epoch; ICU
        // itself reckons the lunar months at the meridian of China (UTC+8), as the 农历 does.
        const UChar gmt[] = {'G', 'M', 'T', 0};
        UCalendar* calendar = icu_->open(gmt, -1, "zh_CN@calendar=chinese", UCAL_DEFAULT, &status);
        if (U_FAILURE(status) || !calendar || std::strcmp(icu_->getType(calendar, &status), "chinese") != 0) {
            if (calendar) icu_->close(calendar);
            IcuCalendarLibrary::fail(std::string("没有农历（") + icu_->errorName(status) + "）");
        }
        calendar_ = calendar;
    }

    mutable std::mutex mutex_;
    mutable std::unique_ptr<IcuCalendarLibrary> icu_;
    mutable UCalendar* calendar_ = nullptr;
};

}  // namespace

std::shared_ptr<const domain::Almanac> icuAlmanac() { return std::make_shared<IcuAlmanac>(); }

}  // namespace patrol::almanac
