// FS-04 gifts: category gift, or a description naming a luxury keyword.
#include "../shared/text_format.hpp"
#include "keyword_matcher.hpp"
#include "keyword_scan.hpp"
#include "rules.hpp"

namespace patrol::plugins::four_styles {

void gifts(const Expenses& e, const Settings& s, FindingSink& out) {
    const KeywordMatcher keywords(s.keywords);
    const std::vector<uint8_t> mayName = rowsThatMayNameKeywords(e.description, e.rows, s.keywords);
    for (uint64_t r = 0; r < e.rows; ++r) {
        const int32_t category = e.category.enumIndex(r);
        const std::string_view description = e.description.text(r);
        const std::string_view keyword = mayName[r] ? keywords.firstIn(description) : std::string_view();
        if ((category != kGift && keyword.empty()) || !e.usable(r)) continue;
        sdk::Finding f;
        f.rule = "FS-04";
        f.unit = str(e.unit.text(r));
        f.refs = {str(e.id.text(r))};
        f.amountFen = e.amount.fen(r);
        const std::string what = keyword.empty() ? std::string("礼品支出") : cat("涉及“", keyword, "”的", categoryName(category), "支出");
        const std::string amountText = yuan(e.amount.fen(r));
        const bool vendor = e.vendor.has(r);
        f.title = cat(date(e.date.date(r)), " ", what, " ", amountText, " 元");
        f.detail = cat("支出 ", f.refs[0], "：类别 ", categoryName(category), "，金额 ", amountText, " 元", vendor ? "，商户 " : "",
                       vendor ? e.vendor.text(r) : std::string_view(), description.empty() ? "" : "，事由：", description, "。");
        if (!out.emit(std::move(f))) return;
    }
}

}  // namespace patrol::plugins::four_styles
