#include "core/digest/hex.hpp"

namespace patrol::digest {

namespace {

constexpr char kDigits[] = "0123456789abcdef";

// 0–15, or -1 for anything but a lower-case hex digit.
int valueOf(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

}  // namespace

void writeHex(std::span<const uint8_t> bytes, char* out) {
    for (const uint8_t b : bytes) {
        *out++ = kDigits[b >> 4];
        *out++ = kDigits[b & 15];
    }
}

bool readHex(std::string_view hex, std::span<uint8_t> out) {
    if (hex.size() != 2 * out.size()) return false;
    for (size_t i = 0; i < out.size(); ++i) {
        const int high = valueOf(hex[2 * i]), low = valueOf(hex[2 * i + 1]);
        if (high < 0 || low < 0) return false;
        out[i] = static_cast<uint8_t>(high << 4 | low);
    }
    return true;
}

}  // namespace patrol::digest
