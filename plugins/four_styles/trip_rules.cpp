// FS-05 private use of official cars: a trip on a non-working day or departing at night.
#include "../shared/text_format.hpp"
#include "rules.hpp"

namespace patrol::plugins::four_styles {

void privateCarUse(const Trips& t, const Settings& s, const WorkingDayMemo& calendar, FindingSink& out) {
    for (uint64_t r = 0; r < t.rows; ++r) {
        const int32_t day = t.date.date(r);
        const int32_t depart = t.departTime.time(r);
        const bool restDay = !calendar.isWorkingDay(day);
        const bool night = depart >= s.nightStart || depart < s.nightEnd;
        if (!restDay && !night) continue;
        std::string why;
        if (restDay) why = "非工作日（" + str(weekdayName(day)) + "）";
        if (night) why += std::string(restDay ? "且" : "") + "夜间 " + civil::formatTime(depart) + " 出车";
        sdk::Finding f;
        f.rule = "FS-05";
        f.unit = str(t.unit.text(r));
        f.refs = {str(t.id.text(r))};
        const std::string plate = t.plate.has(r) ? str(t.plate.text(r)) + " " : std::string();
        f.title = date(day) + " " + plate + "公车" + why;
        f.detail = "出车记录 " + f.refs[0] + "：" + date(day) + " " + civil::formatTime(depart) + " 出车" +
                   (t.destination.has(r) ? "，目的地 " + str(t.destination.text(r)) : "") +
                   (t.purpose.has(r) ? "，事由：" + str(t.purpose.text(r)) : "") + "；" + why + "。";
        if (!out.emit(std::move(f))) return;
    }
}

}  // namespace patrol::plugins::four_styles
