// FS-03 split reimbursements: same unit, same non-empty vendor, same date; the group is the
// expenses each below the approval threshold, two or more of them, together at or above it.
#include "../shared/row_groups.hpp"
#include "../shared/text_format.hpp"
#include "rules.hpp"

#include <algorithm>
#include <vector>

namespace patrol::plugins::four_styles {

namespace {
bool emitGroup(const Expenses& e, const Settings& s, const uint32_t* first, const uint32_t* last, FindingSink& out) {
    int64_t sum = 0;
    for (const uint32_t* p = first; p != last; ++p) sum += e.amount.fen(*p);
    if (last - first < 2 || sum < s.approvalThresholdFen) return true;
    std::vector<uint32_t> rows(first, last);
    std::sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) { return e.id.text(a) < e.id.text(b); });
    const uint32_t r = rows.front();
    sdk::Finding f;
    f.rule = "FS-03";
    f.unit = str(e.unit.text(r));
    f.amountFen = sum;
    std::string items;
    for (const uint32_t row : rows) {
        f.refs.push_back(str(e.id.text(row)));
        if (!items.empty()) items += "、";
        items += f.refs.back();
        items += " ";
        items += yuan(e.amount.fen(row));
        items += " 元";
    }
    const std::string count = std::to_string(rows.size());
    const std::string sumText = yuan(sum);
    const std::string threshold = yuan(s.approvalThresholdFen);
    f.title = cat(date(e.date.date(r)), " ", e.vendor.text(r), " 同日 ", count, " 笔报销合计 ", sumText, " 元，单笔均低于审批标准 ",
                  threshold, " 元");
    f.detail = cat("同一单位同一商户同日拆分为 ", count, " 笔报销：", items, "；合计 ", sumText, " 元，达到审批标准 ", threshold, " 元。");
    return out.emit(std::move(f));
}
}  // namespace

void splitReimbursements(const Expenses& e, const Settings& s, FindingSink& out) {
    const RowGroups groups(
        e.rows, [&](uint32_t r) { return e.usable(r) && e.vendor.has(r) && e.amount.fen(r) < s.approvalThresholdFen; },
        [&](uint32_t r) { return mixHash(hashText(e.vendor.text(r), hashText(e.unit.text(r))), static_cast<uint32_t>(e.date.date(r))); },
        [&](uint32_t a, uint32_t b) {
            return e.date.date(a) == e.date.date(b) && e.unit.text(a) == e.unit.text(b) && e.vendor.text(a) == e.vendor.text(b);
        });
    for (size_t g = 0; g < groups.count(); ++g)
        if (groups.size(g) >= 2 && !emitGroup(e, s, groups.begin(g), groups.end(g), out)) return;
}

}  // namespace patrol::plugins::four_styles
