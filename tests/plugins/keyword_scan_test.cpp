// The four_styles keyword scan never misses a row that names a keyword: compared with the
// exact matcher on many texts, with keywords across the 32-byte steps, at the very end of the
// column, at row boundaries, and with keywords the scan cannot take (shorter than three bytes).
#include "plugins/four_styles/keyword_matcher.hpp"
#include "plugins/four_styles/keyword_scan.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace patrol::plugins::four_styles;

namespace {

// The layouts a string column may have in the ABI.
enum class Layout {
    Narrow,  // 32-bit offsets, as the host gives a plugin built against ABI 1.2
    Wide,    // 64-bit ones, as the ABI also allows
    Coded,   // each distinct text once and a code per row (ABI 1.3), entries in reverse order
};

// A string column in the ABI's layout over the given texts.
struct TextColumn {
    TextColumn(const std::vector<std::string>& texts, Layout layout) {
        std::vector<std::string> entries = texts;
        if (layout == Layout::Coded) {
            // Distinct texts last seen first, so that no entry sits where its row would.
            entries.clear();
            for (size_t r = texts.size(); r-- > 0;) {
                const auto at = std::find(entries.begin(), entries.end(), texts[r]);
                if (at == entries.end()) entries.push_back(texts[r]);
            }
            for (const auto& t : texts) codes.push_back(static_cast<uint32_t>(std::find(entries.begin(), entries.end(), t) - entries.begin()));
        }
        offsets.push_back(0);
        for (const auto& t : entries) {
            bytes += t;
            offsets.push_back(bytes.size());
        }
        offsets32.assign(offsets.begin(), offsets.end());
        raw.struct_size = sizeof raw;
        raw.type = PATROL_COLUMN_STRING;
        raw.name = "description";
        if (layout == Layout::Wide)
            raw.text_offsets = offsets.data();
        else
            raw.text_offsets32 = offsets32.data();
        if (layout == Layout::Coded) {
            raw.text_codes = codes.data();
            raw.text_distinct = entries.size();
        }
        raw.text_bytes = bytes.data();
    }
    patrol::sdk::Column column() const { return patrol::sdk::Column(&raw); }

    std::string bytes;
    std::vector<uint64_t> offsets;
    std::vector<uint32_t> offsets32;
    std::vector<uint32_t> codes;
    patrol_column raw{};
};

// Rows the exact matcher finds must all be marked by the scan, whatever the column's layout;
// both widths of offsets mark the same rows (a coded column's texts lie in another order, so
// the rows it marks beyond those may differ).
void checkNoneMissed(const std::vector<std::string>& texts, const std::vector<std::string>& keywords) {
    std::vector<std::vector<uint8_t>> byWidth;
    for (const Layout layout : {Layout::Narrow, Layout::Wide, Layout::Coded}) {
        INFO("layout " << static_cast<int>(layout));
        const TextColumn c(texts, layout);
        const auto marked = rowsThatMayNameKeywords(c.column(), texts.size(), keywords);
        REQUIRE(marked.size() == texts.size());
        const KeywordMatcher exact(keywords);
        for (size_t r = 0; r < texts.size(); ++r) {
            INFO("row " << r << ": " << texts[r]);
            if (!exact.firstIn(texts[r]).empty()) CHECK(marked[r] == 1);
        }
        byWidth.push_back(marked);
    }
    CHECK(byWidth[0] == byWidth[1]);
}

}  // namespace

TEST_CASE("the keyword scan marks every row that names a keyword") {
    const std::vector<std::string> keywords = {"茅台", "五粮液", "购物卡", "礼品卡", "香烟", "高档", "VIP"};
    const std::vector<std::string> filler = {"工作餐", "会议", "茶叶", "人员", "接待", "范围", "交通费", "A", "1", "，", "v"};
    std::mt19937 random(20261129);
    std::vector<std::string> texts;
    size_t named = 0;
    for (int r = 0; r < 5000; ++r) {
        std::string t;
        const int parts = static_cast<int>(random() % 12);
        for (int p = 0; p < parts; ++p) {
            if (random() % 25 == 0) {
                t += keywords[random() % keywords.size()];
                ++named;
            } else {
                t += filler[random() % filler.size()];
            }
        }
        texts.push_back(t);
    }
    texts.push_back("末尾购物卡");  // the last bytes of the column, too short for a 32-byte step
    REQUIRE(named > 100);
    checkNoneMissed(texts, keywords);

    // Few rows are marked that do not name one: the scan is a real filter.
    const TextColumn c(texts, Layout::Narrow);
    const auto marked = rowsThatMayNameKeywords(c.column(), texts.size(), keywords);
    const KeywordMatcher exact(keywords);
    size_t extra = 0;
    for (size_t r = 0; r < texts.size(); ++r) extra += marked[r] && exact.firstIn(texts[r]).empty();
    if (__builtin_cpu_supports("avx2")) CHECK(extra < texts.size() / 4);
}

TEST_CASE("the keyword scan finds a keyword at every position of a 32-byte step") {
    for (size_t pad = 0; pad < 70; ++pad) {
        INFO("pad " << pad);
        checkNoneMissed({std::string(pad, 'x') + "茅台" + std::string(pad % 7, 'y'), "无关", ""}, {"茅台"});
        checkNoneMissed({std::string(pad, 'x'), "茅台"}, {"茅台"});
    }
}

TEST_CASE("keywords the scan cannot take mark every row, and empty columns work") {
    const std::vector<std::string> texts = {"甲乙", "ab", ""};
    const TextColumn c(texts, Layout::Narrow);
    CHECK(rowsThatMayNameKeywords(c.column(), texts.size(), {"ab", "茅台"}) == std::vector<uint8_t>{1, 1, 1});
    CHECK(rowsThatMayNameKeywords(c.column(), texts.size(), {}) == std::vector<uint8_t>{1, 1, 1});
    const TextColumn empty({}, Layout::Narrow);
    CHECK(rowsThatMayNameKeywords(empty.column(), 0, {"茅台"}).empty());
    const TextColumn emptyCoded({}, Layout::Coded);
    CHECK(rowsThatMayNameKeywords(emptyCoded.column(), 0, {"茅台"}).empty());
}

TEST_CASE("a coded column is scanned once per distinct text and marks every row holding a marked one") {
    std::vector<std::string> texts;
    std::string meals;
    for (int i = 0; i < 20; ++i) meals += "工作餐";  // long enough to be scanned in 32-byte steps
    for (int r = 0; r < 300; ++r) texts.push_back(r % 3 == 0 ? "招待用茅台两瓶" : r % 3 == 1 ? meals : "");
    const TextColumn c(texts, Layout::Coded);
    REQUIRE(c.column().coded());
    CHECK(c.column().entries(texts.size()) == 3);
    const auto marked = rowsThatMayNameKeywords(c.column(), texts.size(), {"茅台"});
    REQUIRE(marked.size() == 300);
    for (size_t r = 0; r < texts.size(); ++r) {
        INFO("row " << r);
        CHECK(c.column().text(r) == texts[r]);
        CHECK(c.column().has(r) == !texts[r].empty());
        if (r % 3 == 0) CHECK(marked[r] == 1);
        if (__builtin_cpu_supports("avx2") && r % 3 != 0) CHECK(marked[r] == 0);
    }
}
