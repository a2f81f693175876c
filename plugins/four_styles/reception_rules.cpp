// FS-01 over-standard reception and FS-02 dining on a non-working day.
#include "../shared/text_format.hpp"
#include "rules.hpp"

namespace patrol::plugins::four_styles {

namespace {
std::string_view vendorPart(const Expenses& e, uint64_t r) { return e.vendor.has(r) ? e.vendor.text(r) : std::string_view(); }
std::string_view reasonLabel(const Expenses& e, uint64_t r) { return e.description.has(r) ? "事由：" : ""; }
std::string_view reason(const Expenses& e, uint64_t r) { return e.description.has(r) ? e.description.text(r) : std::string_view(); }
}  // namespace

void overStandardReception(const Expenses& e, const Settings& s, FindingSink& out) {
    for (uint64_t r = 0; r < e.rows; ++r) {
        if (e.category.enumIndex(r) != kReception || !e.usable(r)) continue;
        const int64_t people = e.headcount.integer(r);
        const int64_t amount = e.amount.fen(r);
        // 128-bit so that an absurd headcount cannot overflow the standard.
        const Wide standard = static_cast<Wide>(s.receptionPerCapitaFen) * people;
        if (static_cast<Wide>(amount) <= standard) continue;
        const int64_t excess = static_cast<int64_t>(amount - standard);
        const int64_t perCapita = divideRounded(amount, people);
        const std::string count = std::to_string(people);
        sdk::Finding f;
        f.rule = "FS-01";
        f.unit = str(e.unit.text(r));
        f.refs = {str(e.id.text(r))};
        f.amountFen = excess;
        const int64_t excessEach = perCapita - s.receptionPerCapitaFen;
        const std::string excessText = yuan(excess);
        // An excess below half a fen per person still shows, as the total.
        const std::string over = excessEach > 0 ? cat("超出标准 ", yuan(excessEach), " 元/人") : cat("合计超出标准 ", excessText, " 元");
        f.title = cat(date(e.date.date(r)), " ", vendorPart(e, r), "公务接待 ", count, " 人，人均 ", yuan(perCapita), " 元，", over);
        f.detail = cat("支出 ", f.refs[0], "：公务接待 ", count, " 人，金额 ", yuan(amount), " 元；标准 ", yuan(s.receptionPerCapitaFen),
                       " 元/人，合计上限 ", yuan(static_cast<int64_t>(standard)), " 元，超出 ", excessText, " 元。", reasonLabel(e, r),
                       reason(e, r));
        if (!out.emit(std::move(f))) return;
    }
}

void diningOnRestDays(const Expenses& e, const WorkingDayMemo& calendar, FindingSink& out) {
    for (uint64_t r = 0; r < e.rows; ++r) {
        if (!diningRow(e, r)) continue;
        const int32_t category = e.category.enumIndex(r);
        const int32_t day = e.date.date(r);
        if (calendar.isWorkingDay(day)) continue;
        sdk::Finding f;
        f.rule = "FS-02";
        f.unit = str(e.unit.text(r));
        f.refs = {str(e.id.text(r))};
        f.amountFen = e.amount.fen(r);
        const std::string dayText = date(day);
        const std::string amountText = yuan(e.amount.fen(r));
        f.title = cat(dayText, "（", weekdayName(day), "，非工作日）", vendorPart(e, r), categoryName(category), " ", amountText, " 元");
        f.detail = cat("支出 ", f.refs[0], "：", categoryName(category), " ", amountText, " 元，发生在非工作日 ", dayText, "。",
                       reasonLabel(e, r), reason(e, r));
        if (!out.emit(std::move(f))) return;
    }
}

}  // namespace patrol::plugins::four_styles
