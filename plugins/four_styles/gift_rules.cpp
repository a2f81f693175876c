// FS-04 gifts: category gift, or a description naming a luxury keyword.
#include "../shared/text_format.hpp"
#include "keyword_matcher.hpp"
#include "rules.hpp"

namespace patrol::plugins::four_styles {

void gifts(const Expenses& e, const Settings& s, FindingSink& out) {
    const KeywordMatcher keywords(s.keywords);
    for (uint64_t r = 0; r < e.rows; ++r) {
        const int32_t category = e.category.enumIndex(r);
        const std::string_view description = e.description.text(r);
        const std::string_view keyword = keywords.firstIn(description);
        if ((category != kGift && keyword.empty()) || !e.usable(r)) continue;
        sdk::Finding f;
        f.rule = "FS-04";
        f.unit = str(e.unit.text(r));
        f.refs = {str(e.id.text(r))};
        f.amountFen = e.amount.fen(r);
        const std::string what = keyword.empty() ? "礼品支出" : "涉及“" + str(keyword) + "”的" + str(categoryName(category)) + "支出";
        f.title = date(e.date.date(r)) + " " + what + " " + yuan(e.amount.fen(r)) + " 元";
        f.detail = "支出 " + f.refs[0] + "：类别 " + str(categoryName(category)) + "，金额 " + yuan(e.amount.fen(r)) + " 元" +
                   (e.vendor.has(r) ? "，商户 " + str(e.vendor.text(r)) : "") +
                   (description.empty() ? "" : "，事由：" + str(description)) + "。";
        if (!out.emit(std::move(f))) return;
    }
}

}  // namespace patrol::plugins::four_styles
