// The four_styles keyword scan never misses a row that names a keyword: compared with the
// exact matcher on many texts, with keywords across the 32-byte steps, at the very end of the
// column, at row boundaries, and with keywords the scan cannot take (shorter than three bytes).
#include "plugins/four_styles/keyword_matcher.hpp"
#include "plugins/four_styles/keyword_scan.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

using namespace patrol::plugins::four_styles;

namespace {

// A string column in the ABI's layout over the given texts, with 32-bit offsets (as the host
// gives a plugin built against ABI 1.2) or 64-bit ones (as the ABI also allows).
struct TextColumn {
    TextColumn(const std::vector<std::string>& texts, bool narrow) {
        offsets.push_back(0);
        for (const auto& t : texts) {
            bytes += t;
            offsets.push_back(bytes.size());
        }
        offsets32.assign(offsets.begin(), offsets.end());
        raw.struct_size = sizeof raw;
        raw.type = PATROL_COLUMN_STRING;
        raw.name = "description";
        if (narrow)
            raw.text_offsets32 = offsets32.data();
        else
            raw.text_offsets = offsets.data();
        raw.text_bytes = bytes.data();
    }
    patrol::sdk::Column column() const { return patrol::sdk::Column(&raw); }

    std::string bytes;
    std::vector<uint64_t> offsets;
    std::vector<uint32_t> offsets32;
    patrol_column raw{};
};

// Rows the exact matcher finds must all be marked by the scan, whichever the offsets' width,
// and both widths mark the same rows.
void checkNoneMissed(const std::vector<std::string>& texts, const std::vector<std::string>& keywords) {
    std::vector<std::vector<uint8_t>> byWidth;
    for (const bool narrow : {true, false}) {
        INFO((narrow ? "32-bit offsets" : "64-bit offsets"));
        const TextColumn c(texts, narrow);
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
    const TextColumn c(texts, true);
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
    const TextColumn c(texts, true);
    CHECK(rowsThatMayNameKeywords(c.column(), texts.size(), {"ab", "茅台"}) == std::vector<uint8_t>{1, 1, 1});
    CHECK(rowsThatMayNameKeywords(c.column(), texts.size(), {}) == std::vector<uint8_t>{1, 1, 1});
    const TextColumn empty({}, true);
    CHECK(rowsThatMayNameKeywords(empty.column(), 0, {"茅台"}).empty());
}
