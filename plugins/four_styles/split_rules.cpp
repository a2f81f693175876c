// FS-03 split reimbursements: same unit, same non-empty vendor, same date; the group is the
// expenses each below the approval threshold, two or more of them, together at or above it.
#include "../shared/text_format.hpp"
#include "rules.hpp"

#include <patrol/sdk/rows.hpp>

#include <algorithm>
#include <tuple>
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
    const auto groups = sdk::RowGroups::byKey(
        e.rows, [&](uint32_t r) { return std::tuple(e.date.date(r), sdk::ColumnText(e.unit, r), sdk::ColumnText(e.vendor, r)); }, 2,
        [&](uint32_t r) { return e.usable(r) && e.vendor.has(r) && e.amount.fen(r) < s.approvalThresholdFen; });
    for (const auto group : groups)
        if (!emitGroup(e, s, group.data(), group.data() + group.size(), out)) return;
}

}  // namespace patrol::plugins::four_styles
