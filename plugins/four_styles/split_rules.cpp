// FS-03 split reimbursements: same unit, same non-empty vendor, same date; the group is the
// expenses each below the approval threshold, two or more of them, together at or above it.
#include "../shared/text_format.hpp"
#include "rules.hpp"

#include <algorithm>
#include <vector>

namespace patrol::plugins::four_styles {

namespace {
bool sameGroup(const Expenses& e, uint32_t a, uint32_t b) {
    return e.date.date(a) == e.date.date(b) && e.unit.text(a) == e.unit.text(b) && e.vendor.text(a) == e.vendor.text(b);
}

bool emitGroup(const Expenses& e, const Settings& s, const uint32_t* first, const uint32_t* last, FindingSink& out) {
    int64_t sum = 0;
    for (const uint32_t* p = first; p != last; ++p) sum += e.amount.fen(*p);
    if (last - first < 2 || sum < s.approvalThresholdFen) return true;
    const uint32_t r = *first;
    sdk::Finding f;
    f.rule = "FS-03";
    f.unit = str(e.unit.text(r));
    f.amountFen = sum;
    std::string items;
    for (const uint32_t* p = first; p != last; ++p) {
        f.refs.push_back(str(e.id.text(*p)));
    }
    std::sort(f.refs.begin(), f.refs.end());
    std::vector<uint32_t> rows(first, last);
    std::sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) { return e.id.text(a) < e.id.text(b); });
    for (const uint32_t row : rows) {
        if (!items.empty()) items += "、";
        items += str(e.id.text(row)) + " " + yuan(e.amount.fen(row)) + " 元";
    }
    const std::string count = std::to_string(last - first);
    f.title = date(e.date.date(r)) + " " + str(e.vendor.text(r)) + " 同日 " + count + " 笔报销合计 " + yuan(sum) +
              " 元，单笔均低于审批标准 " + yuan(s.approvalThresholdFen) + " 元";
    f.detail = "同一单位同一商户同日拆分为 " + count + " 笔报销：" + items + "；合计 " + yuan(sum) + " 元，达到审批标准 " +
               yuan(s.approvalThresholdFen) + " 元。";
    return out.emit(std::move(f));
}
}  // namespace

void splitReimbursements(const Expenses& e, const Settings& s, FindingSink& out) {
    std::vector<uint32_t> candidates;
    for (uint64_t r = 0; r < e.rows; ++r)
        if (e.usable(r) && e.vendor.has(r) && e.amount.fen(r) < s.approvalThresholdFen) candidates.push_back(static_cast<uint32_t>(r));
    // Sorting brings each (date, unit, vendor) group together and orders the findings by date.
    std::sort(candidates.begin(), candidates.end(), [&](uint32_t a, uint32_t b) {
        const int32_t da = e.date.date(a), db = e.date.date(b);
        if (da != db) return da < db;
        const int byUnit = e.unit.text(a).compare(e.unit.text(b));
        if (byUnit != 0) return byUnit < 0;
        const int byVendor = e.vendor.text(a).compare(e.vendor.text(b));
        if (byVendor != 0) return byVendor < 0;
        return a < b;
    });
    size_t begin = 0;
    while (begin < candidates.size()) {
        size_t end = begin + 1;
        while (end < candidates.size() && sameGroup(e, candidates[begin], candidates[end])) ++end;
        if (!emitGroup(e, s, candidates.data() + begin, candidates.data() + end, out)) return;
        begin = end;
    }
}

}  // namespace patrol::plugins::four_styles
