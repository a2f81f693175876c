// The flat fingerprint table of a recording against the map it replaced: the same answers for
// every sequence of adds, marks and questions, including keys that share their first and last
// bytes (and so their hash), short keys, the empty key, and more keys than announced.
#include <catch2/catch.hpp>

#include <cctype>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/services/fingerprint_marks.hpp"

using patrol::services::FingerprintMarks;

namespace {

// The plain reference: what recordCheckFindings did with a std::unordered_map.
class PlainMarks {
public:
    void add(std::string_view f) { marks_.try_emplace(std::string(f), false); }
    void markIfAdded(std::string_view f) {
        if (const auto it = marks_.find(std::string(f)); it != marks_.end()) it->second = true;
    }
    bool markAndTellBefore(std::string_view f) {
        const auto it = marks_.find(std::string(f));
        if (it == marks_.end()) return false;
        const bool before = it->second;
        it->second = true;
        return before;
    }

private:
    std::unordered_map<std::string, bool> marks_;
};

std::vector<std::string> keysForTest(std::mt19937& random) {
    std::vector<std::string> keys;
    const char* hex = "0123456789abcdef";
    for (int i = 0; i < 3000; ++i) {
        std::string k(64, '0');
        for (auto& c : k) c = hex[random() % 16];
        keys.push_back(k);
    }
    // Same first and last 8 bytes as the first key, different in the middle: one hash, many keys.
    for (int i = 0; i < 40; ++i) {
        std::string k = keys[0];
        k[20] = hex[i % 16];
        k[30] = hex[i / 16];
        keys.push_back(k);
    }
    for (const char* shortKey : {"", "a", "abc", "0123456789abcde"}) keys.emplace_back(shortKey);
    return keys;
}

}  // namespace

TEST_CASE("the fingerprint table answers as the map it replaced") {
    std::mt19937 random(20261205);
    const auto keys = keysForTest(random);
    for (const size_t announced : {size_t{0}, size_t{10}, keys.size()}) {
        INFO(announced);
        FingerprintMarks quick(announced);
        PlainMarks plain;
        // Two thirds of the keys belong to the check, the rest only to the round.
        std::vector<std::string_view> check;
        for (size_t i = 0; i < keys.size(); ++i)
            if (i % 3 != 2) check.push_back(keys[i]);
        for (const auto& k : check) {
            quick.add(k);
            plain.add(k);
        }
        for (size_t i = 0; i < keys.size(); i += 2) {  // what the round holds
            quick.markIfAdded(keys[i]);
            plain.markIfAdded(keys[i]);
        }
        std::shuffle(check.begin(), check.end(), random);
        check.insert(check.end(), check.begin(), check.begin() + 100);  // repeated within the check
        int before = 0;
        for (const auto& k : check) {
            const bool told = quick.markAndTellBefore(k);
            CHECK(told == plain.markAndTellBefore(k));
            before += told;
        }
        CHECK(before > 100);
        CHECK(before < static_cast<int>(check.size()));
    }
}

TEST_CASE("a check's fingerprint is keyed by its digest bytes, any other text by itself and never as a digest") {
    std::string buffer;
    const std::string hex = "00ff10a0" + std::string(48, '7') + "0123abcd";
    const std::string expected = std::string("\x00\xff\x10\xa0", 4) + std::string(24, '\x77') + std::string("\x01\x23\xab\xcd", 4);
    CHECK(patrol::services::fingerprintKey(hex, buffer) == expected);
    // The table holds any text: tests' short names, a hand-written value, upper-case hex.
    CHECK(patrol::services::fingerprintKey("fp1", buffer) == "fp1");
    std::string upper = hex;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    CHECK(patrol::services::fingerprintKey(upper, buffer) == upper);
    // A text as long as a digest could equal one byte for byte: its key is one byte longer.
    const std::string asLong(32, 'x');
    CHECK(patrol::services::fingerprintKey(asLong, buffer) == asLong + std::string(1, '\0'));
    CHECK(patrol::services::fingerprintKey(std::string(32, '\x77'), buffer).size() == 33);
}
