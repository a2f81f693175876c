// Digests kept as bytes and written as lower-case hex (core/digest/hex.*).
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <string>

#include "core/digest/hex.hpp"
#include "core/digest/sha256.hpp"

using namespace patrol::digest;

TEST_CASE("a digest read from hex into bytes is written back as the same hex") {
    const std::string hex = sha256HexPlainly("abc");
    std::array<uint8_t, 32> bytes{};
    REQUIRE(readHex(hex, bytes));
    CHECK(bytes[0] == 0xba);
    CHECK(bytes[31] == 0xad);
    std::string back(64, '?');
    writeHex(bytes, back.data());
    CHECK(back == hex);

    const std::array<uint8_t, 4> edges{0x00, 0x0f, 0xf0, 0xff};
    std::string text(8, '?');
    writeHex(edges, text.data());
    CHECK(text == "000ff0ff");
}

TEST_CASE("hex of the wrong length, in capitals or with other characters is refused") {
    std::array<uint8_t, 2> out{};
    CHECK(readHex("0aff", out));
    CHECK(out == std::array<uint8_t, 2>{0x0a, 0xff});
    CHECK_FALSE(readHex("0af", out));
    CHECK_FALSE(readHex("0aff00", out));
    CHECK_FALSE(readHex("0AFF", out));
    CHECK_FALSE(readHex("0ag0", out));
    CHECK_FALSE(readHex("0a f", out));
    CHECK_FALSE(readHex("", out));
}

TEST_CASE("of all 256 byte values only the sixteen lower-case digits read as hex") {
    for (int c = 0; c < 256; ++c) {
        INFO(c);
        const std::string hex{'0', static_cast<char>(c)};
        std::array<uint8_t, 1> out{};
        const bool digit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        CHECK(readHex(hex, out) == digit);
        if (digit) CHECK(out[0] == (c <= '9' ? c - '0' : c - 'a' + 10));
    }
}
