// `patrol calendar show [--year Y]` and `patrol calendar is-workday DATE`: which days count as
// working days under the configured calendars (or --calendar FILE).
#include <patrol/sdk/civil.hpp>

#include <ostream>
#include <string>

#include "core/cli/app.hpp"
#include "core/cli/workflow_output.hpp"
#include "core/domain/errors.hpp"
#include "core/services/calendar_loader.hpp"

namespace patrol::cli {
namespace {

const char* const kWeekdays[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

int parseYear(const std::string& text) {
    bool digits = !text.empty() && text.size() <= 4;
    for (char c : text) digits = digits && c >= '0' && c <= '9';
    const int year = digits ? std::stoi(text) : 0;
    if (year < 1) throw UserError("--year 应为四位年份（如 2026），实际为 \"" + text + "\"。");
    return year;
}

struct YearCount {
    int workingDays = 0;
    int holidays = 0;
    int makeupWorkdays = 0;
};

YearCount countYear(const domain::WorkingCalendar& calendar, int year) {
    YearCount c;
    for (int32_t d = civil::toDays({year, 1, 1}); d < civil::toDays({year + 1, 1, 1}); ++d) {
        c.workingDays += calendar.isWorkingDay(d) ? 1 : 0;
        c.holidays += (calendar.holidays().count(d) && !calendar.workdays().count(d) && !civil::isWeekend(d)) ||
                              calendar.provisionalDayOff(d) ? 1 : 0;
        c.makeupWorkdays += calendar.workdays().count(d) && civil::isWeekend(d) ? 1 : 0;
    }
    return c;
}

// What a provisional date says after its label.
const char* const kProvisional = "临时推算";

int runCalendarShow(Invocation& inv) {
    const auto loaded = services::loadCalendar(inv.app.settings(), inv.app.calendarOverride());
    const auto& calendar = loaded.calendar;
    const ListingFormat format = inv.format();
    if (const auto yearText = inv.args.value("year")) {
        const int year = parseYear(*yearText);
        const bool provisional = calendar.provisional(year) != nullptr;
        // The table's kind already says 放假 or 调休上班; only a provisional year has more to say.
        Listing listing({{"date", "日期"}, {"weekday", "星期"}, {"kind", "类型"}, {"label", "说明", provisional},
                         {"provisional", kProvisional, provisional}});
        const int32_t first = civil::toDays({year, 1, 1}), end = civil::toDays({year + 1, 1, 1});
        for (int32_t d = first; d < end; ++d) {
            const bool makeup = calendar.workdays().count(d) != 0;
            const auto dayOff = calendar.provisionalDayOff(d);
            const bool holiday = !makeup && (calendar.holidays().count(d) != 0 || dayOff);
            if (!makeup && !holiday) continue;
            const std::string label = makeup ? "调休上班" : dayOff ? "放假（" + *dayOff + "，" + kProvisional + "）" : "放假";
            listing.add({Cell::of(civil::formatDate(d)), Cell::of(kWeekdays[civil::weekday(d)]),
                         Cell::term(makeup ? "workday" : "holiday", makeup ? "调休上班" : "放假"), Cell::of(label),
                         Cell::boolean(provisional)});
        }
        const YearCount count = countYear(calendar, year);
        listing.print(inv.out, format);
        if (format == ListingFormat::Table)
            inv.out << year << " 年：工作日 " << count.workingDays << " 天，工作日放假 " << count.holidays
                    << " 天，周末调休上班 " << count.makeupWorkdays << " 天"
                    << (provisional ? "（按法定节假日临时推算，不含调休）" : "") << "。\n";
        printCalendarWarnings(calendar, inv.err);
        return 0;
    }
    Listing listing({{"year", "年份"}, {"working_days", "工作日天数"}, {"holidays", "工作日放假"},
                     {"makeup_workdays", "周末调休上班"}});
    for (int year : calendar.coveredYears()) {
        const YearCount count = countYear(calendar, year);
        listing.add({Cell::number(year), Cell::number(count.workingDays), Cell::number(count.holidays),
                     Cell::number(count.makeupWorkdays)});
    }
    listing.print(inv.out, format);
    if (format == ListingFormat::Table) {
        if (loaded.files.empty()) inv.out << "没有加载任何日历文件：各年份的工作日按法定节假日临时推算（不含调休），2000 年以前按周一至周五计算。\n";
        for (const auto& file : loaded.files) inv.out << "日历文件: " << file << "\n";
    }
    return 0;
}

int runIsWorkday(Invocation& inv) {
    const std::string text = inv.args.positional().at(0);
    const auto day = civil::parseDate(text);
    if (!day) throw UserError("日期应为 YYYY-MM-DD 格式的真实日期，实际为 \"" + text + "\"。");
    const auto loaded = services::loadCalendar(inv.app.settings(), inv.app.calendarOverride());
    const auto& calendar = loaded.calendar;
    const bool working = calendar.isWorkingDay(*day);
    const bool provisional = calendar.provisional(civil::fromDays(*day).year) != nullptr;
    const auto dayOff = calendar.provisionalDayOff(*day);
    std::string reason, label;
    if (calendar.workdays().count(*day)) {
        reason = "makeup_workday", label = "调休上班";
    } else if ((calendar.holidays().count(*day) || dayOff) && !civil::isWeekend(*day)) {
        reason = "holiday", label = "节假日放假";
    } else if (civil::isWeekend(*day)) {
        reason = "weekend", label = "周末";
    } else {
        reason = "weekday", label = "正常工作日";
    }
    // Every date of a provisional year is a guess: a weekend may yet become a makeup workday.
    if (provisional) label += "（" + (dayOff ? *dayOff + "，" : std::string()) + kProvisional + "）";
    const std::string weekday = kWeekdays[civil::weekday(*day)];
    if (inv.args.value("format") == std::string("json")) {
        inv.out << "{\"date\":" << jsonQuote(text) << ",\"weekday\":" << jsonQuote(weekday)
                << ",\"workday\":" << (working ? "true" : "false") << ",\"reason\":" << jsonQuote(reason)
                << ",\"provisional\":" << (provisional ? "true" : "false") << "}\n";
    } else {
        inv.out << text << "（" << weekday << "）" << (working ? "是工作日" : "不是工作日") << "：" << label << "\n";
    }
    printCalendarWarnings(calendar, inv.err);
    return 0;
}

const Registration calendarShowRegistration{CommandSpec{
    {"calendar", "show"},
    "显示工作日日历：已加载的年份，或某一年的放假日与调休上班日",
    {{"year", "YYYY", "只显示这一年的放假与调休安排"}, formatOption()},
    "",
    0,
    0,
    "  patrol calendar show\n  patrol calendar show --year 2026\n  patrol calendar show --year 2026 --calendar my.json\n",
    runCalendarShow}};

const Registration calendarIsWorkdayRegistration{CommandSpec{
    {"calendar", "is-workday"},
    "判断某天是否为工作日",
    {{"format", "text|json", "输出格式（默认 text）"}},
    "DATE",
    1,
    1,
    "  patrol calendar is-workday 2026-01-04\n",
    runIsWorkday}};

}  // namespace
}  // namespace patrol::cli
