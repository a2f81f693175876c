// BE-02 key-post rotation due, BE-03 complaint hotspots, BE-04 arrears owed to enterprises.
#include "../shared/month_of_day.hpp"
#include "../shared/text_format.hpp"
#include "rules.hpp"

#include <patrol/sdk/rows.hpp>

#include <algorithm>
#include <utility>
#include <vector>

namespace patrol::plugins::business_environment {

void rotationDue(const Postings& p, const Settings& s, int32_t asOf, FindingSink& out) {
    const int years = static_cast<int>(s.rotationYears);
    for (uint64_t r = 0; r < p.rows; ++r) {
        if (p.keyPost.enumIndex(r) != kYes) continue;
        const int32_t since = p.since.date(r);
        // The anniversary; civil::addYears turns 02-29 into 02-28 in a non-leap year.
        if (asOf < civil::addYears(since, years)) continue;
        int held = years;
        while (held < 10000 && civil::addYears(since, held + 1) <= asOf) ++held;
        sdk::Finding f;
        f.rule = "BE-02";
        f.unit = str(p.unit.text(r));
        f.refs = {str(p.id.text(r))};
        const std::string who = p.name.has(r) ? str(p.name.text(r)) : cat("工作人员 ", f.refs[0]);
        const std::string post = p.post.has(r) ? cat("关键岗位「", p.post.text(r), "」") : std::string("关键岗位");
        const std::string sinceDay = date(since), heldYears = std::to_string(held);
        f.title = cat(who, "自 ", sinceDay, " 起任", post, "已满 ", heldYears, " 年未轮岗");
        f.detail = cat("任职记录 ", f.refs[0], "：", who, "在", post, "任职自 ", sinceDay, " 起，截至 ", date(asOf), " 已满 ", heldYears, " 年，超过 ",
                       std::to_string(years), " 年轮岗期限。");
        if (!out.emit(std::move(f))) return;
    }
}

void complaintHotspots(const Complaints& c, const Settings& s, FindingSink& out) {
    const MonthOfDay monthOfDay(c.rows, [&](uint64_t r) { return c.receivedOn.date(r); });
    std::vector<int32_t> month(c.rows);
    for (uint64_t r = 0; r < c.rows; ++r) month[r] = monthOfDay(c.receivedOn.date(r));
    // Only the unit-months with at least the hotspot count of complaints come out as groups.
    const auto least = static_cast<size_t>(std::max<int64_t>(1, s.hotspotCount));
    const auto groups = sdk::RowGroups::byKey(c.rows, [&](uint32_t r) { return std::pair(month[r], sdk::ColumnText(c.unit, r)); }, least);
    for (const auto group : groups) {
        std::vector<uint32_t> members(group.begin(), group.end());
        std::sort(members.begin(), members.end(), [&](uint32_t a, uint32_t b) { return c.id.text(a) < c.id.text(b); });
        const uint32_t first = members.front();
        sdk::Finding f;
        f.rule = "BE-03";
        f.unit = str(c.unit.text(first));
        // Appended in place: a hotspot lists every complaint of its month, often hundreds.
        std::string items;
        for (const uint32_t r : members) {
            f.refs.push_back(str(c.id.text(r)));
            if (!items.empty()) items += "；";
            items += f.refs.back();
            items += ' ';
            items += date(c.receivedOn.date(r));
            appendIfPresent(items, c.enterprise.has(r), " ", c.enterprise.text(r));
            appendIfPresent(items, c.category.has(r), "（", c.category.text(r), "）");
        }
        const std::string count = std::to_string(members.size()), monthName = monthLabel(month[first]);
        f.title = cat(f.unit, " ", monthName, "收到企业投诉 ", count, " 件");
        f.detail = cat("单位 ", f.unit, " ", monthName, "共收到企业投诉 ", count, " 件（达到 ", std::to_string(s.hotspotCount), " 件即为投诉集中）：", items,
                       "。");
        if (!out.emit(std::move(f))) return;
    }
}

void arrears(const Arrears& a, const Settings& s, int32_t asOf, FindingSink& out) {
    for (uint64_t r = 0; r < a.rows; ++r) {
        const int32_t due = a.dueOn.date(r);
        const bool paid = a.paidOn.has(r);
        const int64_t late = static_cast<int64_t>(paid ? a.paidOn.date(r) : asOf) - due;
        if (late <= s.arrearsGraceDays) continue;
        sdk::Finding f;
        f.rule = "BE-04";
        f.unit = str(a.unit.text(r));
        f.refs = {str(a.id.text(r))};
        f.amountFen = a.amount.fen(r);
        const std::string whom = a.enterprise.has(r) ? str(a.enterprise.text(r)) : std::string("企业");
        const std::string lateDays = std::to_string(late);
        const std::string state = paid ? cat(date(a.paidOn.date(r)), " 才支付，逾期 ", lateDays, " 天") : cat("截至 ", date(asOf), " 仍未支付，逾期 ", lateDays, " 天");
        const std::string amount = yuan(a.amount.fen(r)), dueDay = date(due);
        f.title = cat("合同 ", f.refs[0], " 应付", whom, " ", amount, " 元，", dueDay, " 到期，", state);
        f.detail = cat("合同 ", f.refs[0], "：应付", whom, "账款 ", amount, " 元，到期日 ", dueDay, "，", state, "（宽限 ", std::to_string(s.arrearsGraceDays),
                       " 天）。");
        if (!out.emit(std::move(f))) return;
    }
}

}  // namespace patrol::plugins::business_environment
