// GB18030 to UTF-8 held to iconv alone (detail::convertGb18030InOnePass): the same UTF-8, the
// same verdict and the same offset where a text that is not GB18030 stops, for every two-byte
// pair, four-byte characters, random bytes, and texts large enough to be converted in two
// halves with the bad byte in either.
#include "core/data/gb18030.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <mutex>
#include <random>
#include <utility>
#include <vector>
#include <string>

namespace {

struct Converted {
    bool ok = false;
    std::string text;
    size_t badOffset = 0;
    bool operator==(const Converted& other) const { return ok == other.ok && text == other.text && badOffset == other.badOffset; }
};

template <class Convert>
Converted converted(std::string_view bytes, Convert convert) {
    Converted c;
    patrol::data::Utf8Text out;
    c.ok = convert(bytes, out, c.badOffset);
    if (c.ok) c.text = out.view();  // what was converted before a bad byte is not kept alike
    return c;
}

Converted fast(std::string_view bytes) {
    return converted(bytes, [](std::string_view in, patrol::data::Utf8Text& out, size_t& bad) { return patrol::data::convertGb18030ToUtf8(in, out, bad); });
}
Converted reference(std::string_view bytes) { return converted(bytes, patrol::data::detail::convertGb18030InOnePass); }

std::string bytesOf(std::initializer_list<unsigned> values) {
    std::string s;
    for (const unsigned v : values) s += static_cast<char>(v);
    return s;
}

// Rows of a Chinese ledger in GB18030 ("中文" and "第"), about `size` bytes.
std::string ledger(size_t size) {
    std::string text = "id,description\n";
    for (int i = 0; text.size() < size; ++i) text += "E" + std::to_string(i) + "," + bytesOf({0xD6, 0xD0, 0xCE, 0xC4, 0xB5, 0xDA}) + std::to_string(i) + "\n";
    return text;
}

}  // namespace

TEST_CASE("GB18030 text converts as iconv converts it") {
    CHECK(fast(bytesOf({0xD6, 0xD0, 0xCE, 0xC4})).text == "中文");
    CHECK(fast("ascii only, 8 bytes and more").text == "ascii only, 8 bytes and more");
    CHECK(fast(bytesOf({0x95, 0x32, 0x82, 0x36})).text == "\xF0\xA0\x80\x80");  // U+20000, four bytes
    CHECK(fast(bytesOf({0x81, 0x30, 0x81, 0x30})).text == "\xC2\x80");         // U+0080
    CHECK(fast("").ok);

    const Converted cut = fast("ab" + bytesOf({0xD6}));  // the last character cut short
    CHECK_FALSE(cut.ok);
    CHECK(cut.badOffset == 2);
    const Converted bad = fast("abc" + bytesOf({0xD6, 0xD0, 0x80, 0xD6, 0xD0}));
    CHECK_FALSE(bad.ok);
    CHECK(bad.badOffset == 5);
}

TEST_CASE("every two-byte pair, alone and between other text, converts as iconv converts it") {
    std::string all;
    for (unsigned lead = 0x80; lead <= 0xFF; ++lead)
        for (unsigned trail = 0x30; trail <= 0xFF; ++trail) {
            const std::string pair = bytesOf({lead, trail});
            INFO(lead << " " << trail);
            REQUIRE(fast(pair) == reference(pair));
            const std::string between = "x" + pair + "12345678";
            REQUIRE(fast(between) == reference(between));
            if (reference(pair).ok) all += pair;
        }
    CHECK(all.size() > 2 * 23000);
    const Converted together = fast(all);
    CHECK(together.ok);
    CHECK(together == reference(all));
}

TEST_CASE("random bytes convert, or stop, where iconv does") {
    // Bytes from every range a GB18030 character's bytes are told apart by.
    const std::vector<unsigned> alphabet = {0x00, 0x0A, 0x2C, 0x30, 0x35, 0x39, 0x3A, 0x40, 0x61, 0x7E, 0x7F, 0x80,
                                            0x81, 0x84, 0x90, 0xA1, 0xB0, 0xD6, 0xE3, 0xFE, 0xFF};
    std::mt19937 random(20261206);
    std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1), length(0, 40);
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        for (size_t n = length(random); n > 0; --n) text += static_cast<char>(alphabet[pick(random)]);
        INFO(round);
        REQUIRE(fast(text) == reference(text));
    }
}

TEST_CASE("a text large enough for two halves converts as one pass does, a bad byte in either half") {
    const std::string text = ledger(size_t{9} << 20);
    const Converted whole = fast(text);
    REQUIRE(whole.ok);
    CHECK(whole == reference(text));
    CHECK(whole.text.substr(0, 31) == "id,description\nE0,中文第0\nE1");

    // Each comma follows an id's digits: 0xFF there is a bad first byte, not a bad second one.
    for (const size_t at : {text.find(',', text.size() / 4), text.find(',', text.size() / 2 + 100), text.rfind(',')}) {
        std::string broken = text;
        broken[at] = static_cast<char>(0xFF);
        const Converted c = fast(broken);
        INFO(at);
        CHECK_FALSE(c.ok);
        CHECK(c.badOffset == at);
        CHECK(c == reference(broken));
    }
    // A four-byte character in the second half goes to iconv there too.
    std::string rare = text;
    rare.insert(text.size() - 20, bytesOf({0x95, 0x32, 0x82, 0x36}));
    CHECK(fast(rare) == reference(rare));
}

TEST_CASE("a large text's converted stretches are told a few megabytes at a time, each ending after a line feed") {
    const std::string text = ledger(size_t{9} << 20);
    std::mutex told;
    std::vector<std::pair<size_t, size_t>> stretches;
    const patrol::data::ConvertedInput tell = [&](size_t from, size_t to) {
        const std::lock_guard lock(told);
        stretches.emplace_back(from, to);
    };
    patrol::data::Utf8Text out;
    size_t badOffset = 0;
    REQUIRE(patrol::data::convertGb18030ToUtf8(text, out, badOffset, tell));
    CHECK(out.view() == reference(text).text);
    // Two threads, each half in slices of 2 MiB or a little more: together the whole text, once.
    std::sort(stretches.begin(), stretches.end());
    CHECK(stretches.size() >= 4);
    CHECK(stretches.front().first == 0);
    CHECK(stretches.back().second == text.size());
    for (size_t i = 0; i < stretches.size(); ++i) {
        INFO(i);
        CHECK(stretches[i].second - stretches[i].first <= (size_t{2} << 20) + 64);
        CHECK(text[stretches[i].second - 1] == '\n');
        if (i > 0) CHECK(stretches[i].first == stretches[i - 1].second);
    }

    // A bad byte in the second half: what is told stops before it, and the verdict is iconv's.
    std::string broken = text;
    const size_t at = broken.find(',', broken.size() * 3 / 4);
    broken[at] = static_cast<char>(0xFF);
    stretches.clear();
    CHECK_FALSE(patrol::data::convertGb18030ToUtf8(broken, out, badOffset, tell));
    CHECK(badOffset == at);
    for (const auto& stretch : stretches) CHECK(stretch.second <= at);
}
