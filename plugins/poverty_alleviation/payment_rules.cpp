// PA-01 ineligible payee, PA-02 duplicate payment, PA-03 payee is a cadre's household.
#include "../shared/month_of_day.hpp"
#include "../shared/text_format.hpp"
#include "../shared/text_index.hpp"
#include "rules.hpp"

#include <patrol/sdk/rows.hpp>

#include <algorithm>
#include <string_view>
#include <tuple>
#include <vector>

namespace patrol::plugins::poverty_alleviation {

namespace {
// How many payments ahead PA-01 fetches the slot its find will need. The households' table is
// megabytes (225,000 households: 5.4 MB) and PA-01 waited for one cache miss after another. On the
// usual ledger, at a moment when the machine's memory was slow, it took 75-114 ms without this
// and 51-103 ms with it (five alternated pairs, each faster with it); when memory was quick,
// about 30 ms either way. That was before the key sat in the slot (text_index.hpp): the slot is
// now all a find reads. The cadres' and projects' tables (7,500 rows each) stay in the cache.
constexpr uint64_t kLookAhead = 16;

// "2025-04-04 向户 H0064785（胡明）发放光伏收益 295.47 元", appended to s. Appended rather than
// returned: built by operator+ chains, the heavy profile's 220,000 lines put memmove in 40 % of
// PA-02's perf samples, copying temporaries as they grew.
void appendPaymentLine(std::string& s, const Payments& p, uint64_t r) {
    s += date(p.paidOn.date(r));
    s += " 向户 ";
    s += p.household.text(r);
    appendIfPresent(s, p.payee.has(r), "（", p.payee.text(r), "）");
    s += "发放";
    s += p.program.text(r);
    s += ' ';
    s += yuan(p.amount.fen(r));
    s += " 元";
}

// Finding f made out to payment r under `rule`; its strings keep the memory they have, as the
// rules below fill one finding in again for each payment they report.
void fillPaymentFinding(sdk::Finding& f, const char* rule, const Payments& p, uint64_t r) {
    f.rule = rule;
    f.unit.assign(p.unit.text(r));
    f.refs.resize(1);
    f.refs[0].assign(p.id.text(r));
    f.amountFen = p.amount.fen(r);
}
}  // namespace

void ineligiblePayees(const Payments& p, const Households& h, FindingSink& out) {
    const auto householdId = [&](uint32_t row) { return h.id.text(row); };
    // Removed households are marked in the index, so a payment to any other needs only its slot.
    const TextIndex households(h.rows, householdId, [&](uint32_t row) { return h.status.enumIndex(row) == kRemoved; });
    sdk::Finding f;
    std::string why, line;
    for (uint64_t r = 0; r < p.rows; ++r) {
        if (r + kLookAhead < p.rows) households.prefetch(p.household.text(r + kLookAhead));
        const TextIndex::Entry* found = households.find(p.household.text(r), householdId);
        if (!found) {
            why = "该户不在建档立卡户名单中";
        } else {
            if (!found->marked()) continue;
            const uint32_t hh = found->row();
            // A removed household without a date counts as removed before every payment.
            if (h.changedOn.has(hh) && h.changedOn.date(hh) > p.paidOn.date(r)) continue;
            if (h.changedOn.has(hh))
                catInto(why, "该户已于 ", date(h.changedOn.date(hh)), " 清退");
            else
                why = "该户已清退（未填清退日期）";
        }
        fillPaymentFinding(f, "PA-01", p, r);
        line.clear();
        appendPaymentLine(line, p, r);
        catInto(f.title, line, "，", why);
        catInto(f.detail, "发放记录 ", f.refs[0], "：", line, "；", why, "，属违规享受或虚报冒领，应追回 ", yuan(p.amount.fen(r)), " 元。");
        if (!out.emitReused(f)) return;
    }
}

void duplicatePayments(const Payments& p, FindingSink& out) {
    // The month is looked up where it is needed rather than kept for every payment: a column of
    // it was 2 MB more at the check's peak (510,000 payments), which it ran beside PA-01.
    const MonthOfDay monthOfDay(p.rows, [&](uint64_t r) { return p.paidOn.date(r); });
    const auto month = [&](uint32_t r) { return monthOfDay(p.paidOn.date(r)); };
    const auto groups = sdk::RowGroups::byKey(
        p.rows, [&](uint32_t r) { return std::tuple(month(r), sdk::ColumnText(p.household, r), sdk::ColumnText(p.program, r)); }, 2);
    for (const auto group : groups) {
        // The group is charged to its earliest payment; ties go to the smallest payment_id (byte order).
        std::vector<uint32_t> members(group.begin(), group.end());
        std::sort(members.begin(), members.end(), [&](uint32_t a, uint32_t b) {
            if (p.paidOn.date(a) != p.paidOn.date(b)) return p.paidOn.date(a) < p.paidOn.date(b);
            return p.id.text(a) < p.id.text(b);
        });
        const uint32_t first = members.front();
        int64_t sum = 0, largest = 0;
        sdk::Finding f;
        std::string items;
        items.reserve(members.size() * 112);
        for (const uint32_t r : members) {
            sum += p.amount.fen(r);
            largest = std::max(largest, p.amount.fen(r));
            f.refs.push_back(str(p.id.text(r)));
            if (!items.empty()) items += "；";
            items += f.refs.back();
            items += ' ';
            appendPaymentLine(items, p, r);
        }
        const std::string count = std::to_string(members.size()), total = yuan(sum), extra = yuan(sum - largest);
        f.rule = "PA-02";
        f.unit = str(p.unit.text(first));
        f.amountFen = sum - largest;
        f.title = cat("户 ", p.household.text(first), " ", monthLabel(month(first)), p.program.text(first), "重复发放 ", count, " 笔，合计 ",
                      total, " 元，多发 ", extra, " 元");
        f.detail = cat("同一户同一项目同月发放 ", count, " 笔：", items, "。合计 ", total, " 元，扣除最大一笔 ", yuan(largest), " 元后多发 ",
                       extra, " 元。");
        if (!out.emit(std::move(f))) return;
    }
}

void cadreHouseholds(const Payments& p, const Cadres& c, FindingSink& out) {
    // household -> the first cadre row naming it (cadres without a household name none).
    const auto cadreHousehold = [&](uint32_t row) { return c.household.text(row); };
    const TextIndex cadreOf(c.rows, cadreHousehold);
    sdk::Finding f;
    std::string who, line;
    for (uint64_t r = 0; r < p.rows; ++r) {
        const TextIndex::Entry* found = cadreOf.find(p.household.text(r), cadreHousehold);
        if (!found) continue;
        const uint32_t cadre = found->row();
        catInto(who, "村组干部 ", c.id.text(cadre));
        appendIfPresent(who, c.name.has(cadre), " ", c.name.text(cadre));
        appendIfPresent(who, c.post.has(cadre), "（", c.post.text(cadre), "）");
        fillPaymentFinding(f, "PA-03", p, r);
        line.clear();
        appendPaymentLine(line, p, r);
        catInto(f.title, line, "，该户为", who, "家庭");
        catInto(f.detail, "发放记录 ", f.refs[0], "：", line, "；收款户 ", p.household.text(r), " 是", who, "的家庭，需核实是否优亲厚友。");
        if (!out.emitReused(f)) return;
    }
}

}  // namespace patrol::plugins::poverty_alleviation
