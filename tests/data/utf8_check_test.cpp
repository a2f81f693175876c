// isValidUtf8 against a plain decoder written from the Unicode standard's table of well-formed
// byte sequences (Table 3-7), for the plain check and, where the processor has AVX2, the vector
// check: every sequence class, every two-byte pair, at every place around the 32-byte blocks the
// vector check steps by, and random texts of every length up to 300 bytes.
#include "core/data/text_encoding.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace detail = patrol::data::detail;

// Table 3-7: the first byte decides the ranges the bytes after it may take.
bool wellFormed(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* const end = p + text.size();
    while (p < end) {
        const unsigned char b = *p;
        size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;  // the second byte's range
        if (b <= 0x7F) length = 1;
        else if (b >= 0xC2 && b <= 0xDF) length = 2;
        else if (b == 0xE0) length = 3, low = 0xA0;
        else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) length = 3;
        else if (b == 0xED) length = 3, high = 0x9F;
        else if (b == 0xF0) length = 4, low = 0x90;
        else if (b >= 0xF1 && b <= 0xF3) length = 4;
        else if (b == 0xF4) length = 4, high = 0x8F;
        else return false;
        if (static_cast<size_t>(end - p) < length) return false;
        for (size_t i = 1; i < length; ++i) {
            const unsigned char lo = i == 1 ? low : 0x80, hi = i == 1 ? high : 0xBF;
            if (p[i] < lo || p[i] > hi) return false;
        }
        p += length;
    }
    return true;
}

struct Check {
    const char* name;
    std::function<bool(std::string_view)> valid;
};

// The plain check, the vector one where the processor has it, and the one isValidUtf8 chooses.
std::vector<Check> checks() {
    std::vector<Check> all = {{"plain", detail::isValidUtf8Plain}, {"isValidUtf8", patrol::data::isValidUtf8}};
    if (detail::haveAvx2()) all.push_back({"avx2", detail::isValidUtf8Avx2});
    return all;
}

// Sequences of every class, well-formed or not, with the edges of each range.
const std::vector<std::string> kPieces = {
    "a", "\x7f", std::string(1, '\0'), "\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80", "\xe4\xb8\xad", "\xed\x9f\xbf", "\xee\x80\x80",
    "\xef\xbf\xbf", "\xf0\x90\x80\x80", "\xf3\xbf\xbf\xbf", "\xf4\x8f\xbf\xbf",
    // not well-formed: overlong, surrogate, past U+10FFFF, stray continuation, cut short, never a lead
    "\xc0\x80", "\xc1\xbf", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",
    "\x80", "\xbf", "\xe4\xb8", "\xf0\x90\x80", "\xc2", "\xff", "\xfe"};

}  // namespace

TEST_CASE("the plain decoder used as the reference knows the table's edges") {
    CHECK(wellFormed("\xe4\xb8\xad\xe6\x96\x87 ok"));
    CHECK(wellFormed("\xf4\x8f\xbf\xbf"));
    CHECK_FALSE(wellFormed("\xf4\x90\x80\x80"));
    CHECK_FALSE(wellFormed("\xed\xa0\x80"));
    CHECK_FALSE(wellFormed("\xe0\x9f\xbf"));
    CHECK_FALSE(wellFormed("\xe4\xb8"));
}

TEST_CASE("every check agrees with the table for each kind of sequence at every place around a block edge") {
    for (const auto& check : checks()) {
        INFO(check.name);
        for (const std::string& piece : kPieces) {
            for (const size_t length : {size_t{0}, size_t{31}, size_t{64}, size_t{100}, size_t{130}}) {
                for (size_t at = 0; at <= length; ++at) {
                    std::string text(length, 'x');
                    text.insert(at, piece);
                    INFO("piece of " << piece.size() << " bytes at " << at << " of " << text.size());
                    REQUIRE(check.valid(text) == wellFormed(text));
                }
            }
        }
    }
}

TEST_CASE("every check agrees with the table for every pair of bytes around the 32-byte edges") {
    for (const auto& check : checks()) {
        INFO(check.name);
        for (const size_t at : {size_t{0}, size_t{30}, size_t{31}, size_t{32}, size_t{62}, size_t{63}, size_t{64}, size_t{95}, size_t{126}}) {
            std::string text(130, 'x');
            text.replace(40, 3, "\xe4\xb8\xad");  // a sequence elsewhere: not a block of ASCII only
            for (int first = 0x80; first < 0x100; ++first) {
                for (int second = 0; second < 0x100; ++second) {
                    text[at] = static_cast<char>(first);
                    text[at + 1] = static_cast<char>(second);
                    if (check.valid(text) != wellFormed(text)) {
                        INFO("bytes " << first << " " << second << " at " << at);
                        REQUIRE(check.valid(text) == wellFormed(text));
                    }
                }
            }
        }
    }
}

TEST_CASE("every check agrees with the table on random texts of every length up to 300 bytes") {
    std::mt19937 random(20261205);
    const auto all = checks();
    size_t valid = 0, invalid = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const size_t length = random() % 301;
        // Mostly Chinese and ASCII as ledgers are; one piece in forty from the whole list.
        while (text.size() < length) {
            const auto pick = random() % 40;
            text += pick == 0 ? kPieces[random() % kPieces.size()] : pick < 20 ? std::string("\xe4\xb8\xad") : std::string(1 + random() % 9, 'a');
        }
        const bool expected = wellFormed(text);
        (expected ? valid : invalid)++;
        for (const auto& check : all) {
            INFO(check.name << ", " << text.size() << " bytes, round " << round);
            REQUIRE(check.valid(text) == expected);
        }
    }
    CHECK(valid > 2000);
    CHECK(invalid > 2000);
}
