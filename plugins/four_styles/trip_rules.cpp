// FS-05 private use of official cars: a trip on a non-working day or departing at night.
#include "../shared/text_format.hpp"
#include "rules.hpp"

namespace patrol::plugins::four_styles {

void privateCarUse(const Trips& t, const Settings& s, const WorkingDayMemo& calendar, FindingSink& out) {
    sdk::Finding f;
    f.rule = "FS-05";
    f.refs.resize(1);
    std::string why;
    for (uint64_t r = 0; r < t.rows; ++r) {
        const int32_t day = t.date.date(r);
        const int32_t depart = t.departTime.time(r);
        const bool restDay = !calendar.isWorkingDay(day);
        const bool night = depart >= s.nightStart || depart < s.nightEnd;
        if (!restDay && !night) continue;
        const std::string departText = civil::formatTime(depart);
        catInto(why, restDay ? "非工作日（" : "", restDay ? weekdayName(day) : std::string_view(), restDay ? "）" : "",
                night ? (restDay ? "且夜间 " : "夜间 ") : "", night ? std::string_view(departText) : std::string_view(), night ? " 出车" : "");
        f.unit.assign(t.unit.text(r));
        f.refs[0].assign(t.id.text(r));
        const std::string dayText = date(day);
        const bool plate = t.plate.has(r), destination = t.destination.has(r), purpose = t.purpose.has(r);
        catInto(f.title, dayText, " ", plate ? t.plate.text(r) : std::string_view(), plate ? " " : "", "公车", why);
        catInto(f.detail, "出车记录 ", f.refs[0], "：", dayText, " ", departText, " 出车", destination ? "，目的地 " : "",
                destination ? t.destination.text(r) : std::string_view(), purpose ? "，事由：" : "", purpose ? t.purpose.text(r) : std::string_view(),
                "；", why, "。");
        if (!out.emitReused(f)) return;
    }
}

}  // namespace patrol::plugins::four_styles
