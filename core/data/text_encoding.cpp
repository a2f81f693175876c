#include "core/data/text_encoding.hpp"

#include <cstdint>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace patrol::data {

namespace {

#if defined(__x86_64__)
// Checks 32 bytes at p against the 3 bytes before each (readable at p - 3): the
// table method of Keiser and Lemire. Each byte pair (previous, current) looks up, by the
// previous byte's high and low nibble and the current byte's high nibble, the errors it could
// be part of; an error remains only where all three agree. Whether a continuation byte may
// follow a continuation byte depends on the lead two or three bytes back, checked apart.
__attribute__((target("avx2"))) inline __m256i utf8Errors(const unsigned char* p) {
    // Error bits: 0x01 lead not followed by a continuation; 0x02 continuation after ASCII;
    // 0x04 overlong 3-byte; 0x08 past U+10FFFF; 0x10 surrogate; 0x20 overlong 2-byte;
    // 0x40 overlong 4-byte or past U+10FFFF (F5..); 0x80 two continuations in a row.
    const __m256i firstHigh = _mm256_setr_epi8(0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, char(0x80), char(0x80), char(0x80),
                                               char(0x80), 0x21, 0x01, 0x15, 0x49, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02,
                                               char(0x80), char(0x80), char(0x80), char(0x80), 0x21, 0x01, 0x15, 0x49);
    const __m256i firstLow = _mm256_setr_epi8(char(0xE7), char(0xA3), char(0x83), char(0x83), char(0x8B), char(0xCB), char(0xCB),
                                              char(0xCB), char(0xCB), char(0xCB), char(0xCB), char(0xCB), char(0xCB), char(0xDB),
                                              char(0xCB), char(0xCB), char(0xE7), char(0xA3), char(0x83), char(0x83), char(0x8B),
                                              char(0xCB), char(0xCB), char(0xCB), char(0xCB), char(0xCB), char(0xCB), char(0xCB),
                                              char(0xCB), char(0xDB), char(0xCB), char(0xCB));
    const __m256i secondHigh = _mm256_setr_epi8(0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, char(0xE6), char(0xAE), char(0xBA),
                                                char(0xBA), 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
                                                char(0xE6), char(0xAE), char(0xBA), char(0xBA), 0x01, 0x01, 0x01, 0x01);
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    const __m256i current = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const __m256i prev1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p - 1));
    const __m256i prev2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p - 2));
    const __m256i prev3 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p - 3));
    const __m256i special =
        _mm256_and_si256(_mm256_and_si256(_mm256_shuffle_epi8(firstHigh, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble)),
                                          _mm256_shuffle_epi8(firstLow, _mm256_and_si256(prev1, nibble))),
                         _mm256_shuffle_epi8(secondHigh, _mm256_and_si256(_mm256_srli_epi16(current, 4), nibble)));
    // A third byte (lead E0.. two back) or fourth byte (lead F0.. three back) must be a
    // continuation following a continuation: exactly the 0x80 case above.
    const __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8(char(0xE0 - 0x80)));
    const __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8(char(0xF0 - 0x80)));
    const __m256i expected = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(char(0x80)));
    return _mm256_xor_si256(special, expected);
}

#endif

}  // namespace

namespace detail {

#if defined(__x86_64__)
__attribute__((target("avx2"))) bool isValidUtf8Avx2(std::string_view bytes) {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    __m256i errors = _mm256_setzero_si256();
    alignas(32) unsigned char pad[3 + 32 + 29] = {};  // a block with its three bytes before
    size_t i = 0;
    if (n >= 32) {
        std::memcpy(pad + 3, s, 32);  // nothing before the text: as if it followed ASCII
        errors = utf8Errors(pad + 3);
        for (i = 32; i + 32 <= n; i += 32) {
            const __m256i block = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i));
            // All ASCII: only a sequence left unfinished just before it can be wrong.
            if (_mm256_movemask_epi8(block) == 0) {
                if (s[i - 1] >= 0xC0 || s[i - 2] >= 0xE0 || s[i - 3] >= 0xF0) return false;
                continue;
            }
            errors = _mm256_or_si256(errors, utf8Errors(s + i));
        }
    }
    if (i < n) {
        std::memset(pad, 0, sizeof pad);
        const size_t back = i < 3 ? i : 3;
        std::memcpy(pad + 3 - back, s + i - back, back + (n - i));
        errors = _mm256_or_si256(errors, utf8Errors(pad + 3));
    }
    // A sequence unfinished at the very end.
    if ((n >= 1 && s[n - 1] >= 0xC0) || (n >= 2 && s[n - 2] >= 0xE0) || (n >= 3 && s[n - 3] >= 0xF0)) return false;
    return _mm256_testz_si256(errors, errors) != 0;
}

bool haveAvx2() {
    static const bool have = __builtin_cpu_supports("avx2");
    return have;
}
#else
bool haveAvx2() { return false; }
bool isValidUtf8Avx2(std::string_view bytes) { return isValidUtf8Plain(bytes); }
#endif

bool isValidUtf8Plain(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* const end = p + bytes.size();
    while (p < end) {
        // Most bytes of a dataset are ASCII: skip them eight at a time.
        while (end - p >= 8) {
            uint64_t word;
            std::memcpy(&word, p, 8);
            if (word & 0x8080808080808080ULL) break;
            p += 8;
        }
        if (p >= end) break;
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        // Chinese text is three-byte sequences E1..EC / EE..EF with no special ranges: the
        // common case gets the shortest path.
        if (end - p >= 3 && ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)) {
            if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return false;
            p += 3;
            continue;
        }
        size_t n;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            cp = c & 0x07u;
        } else {
            return false;
        }
        if (static_cast<size_t>(end - p) < n) return false;
        for (size_t i = 1; i < n; ++i) {
            if ((p[i] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3Fu);
        }
        if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return false;
        if (cp >= 0xD800 && cp <= 0xDFFF) return false;
        p += n;
    }
    return true;
}

}  // namespace detail

bool isValidUtf8(std::string_view bytes) {
    // Short texts (a field, a finding's title) are not worth the vector set-up.
    if (bytes.size() >= 64 && detail::haveAvx2()) return detail::isValidUtf8Avx2(bytes);
    return detail::isValidUtf8Plain(bytes);
}

}  // namespace patrol::data
