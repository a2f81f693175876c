#include "core/digest/hex.hpp"

#include <array>

namespace patrol::digest {

namespace {

constexpr char kDigits[] = "0123456789abcdef";

// Each byte's value as a lower-case hex digit, or -1. A table: a recording reads two fingerprints'
// hex per finding, and the comparisons per character showed in its profile.
constexpr std::array<int8_t, 256> kValues = [] {
    std::array<int8_t, 256> values{};
    values.fill(-1);
    for (int c = '0'; c <= '9'; ++c) values[c] = static_cast<int8_t>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c) values[c] = static_cast<int8_t>(c - 'a' + 10);
    return values;
}();

}  // namespace

void writeHex(std::span<const uint8_t> bytes, char* out) {
    for (const uint8_t b : bytes) {
        *out++ = kDigits[b >> 4];
        *out++ = kDigits[b & 15];
    }
}

bool readHex(std::string_view hex, std::span<uint8_t> out) {
    if (hex.size() != 2 * out.size()) return false;
    int bad = 0;  // checked once at the end: no branch per digit
    for (size_t i = 0; i < out.size(); ++i) {
        const int high = kValues[static_cast<uint8_t>(hex[2 * i])], low = kValues[static_cast<uint8_t>(hex[2 * i + 1])];
        bad |= high | low;
        out[i] = static_cast<uint8_t>(high << 4 | low);
    }
    return bad >= 0;
}

}  // namespace patrol::digest
