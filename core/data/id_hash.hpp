// A hash of a short text (an id), eight bytes at a time: used wherever ids of a whole column
// are hashed, so it must cost a few instructions per id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace patrol::data {

inline uint32_t idHash(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xFF51AFD7ED558CCDULL);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
    }
    // The last 0..7 bytes, little-endian, in at most two fixed-size loads.
    const size_t rest = n - i;
    uint64_t tail = 0;
    if (rest >= 4) {
        uint32_t lo, hi;
        std::memcpy(&lo, p + i, 4);
        std::memcpy(&hi, p + n - 4, 4);
        tail = lo | (uint64_t{hi} << (8 * (rest - 4)));
    } else if (rest > 0) {
        tail = p[i] | (uint64_t{p[i + rest / 2]} << (8 * (rest / 2))) | (uint64_t{p[n - 1]} << (8 * (rest - 1)));
    }
    h = (h ^ tail) * 0x94D049BB133111EBULL;
    return static_cast<uint32_t>((h ^ (h >> 29)) >> 32);
}

}  // namespace patrol::data
