// Encodings a dataset file may arrive in: UTF-8 (with or without BOM), or GB18030 from
// Excel on Chinese Windows (converted by gb18030.hpp). Everything past the reader is UTF-8.
#pragma once

#include <cstddef>
#include <string_view>

namespace patrol::data {

// True when the bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool isValidUtf8(std::string_view bytes);

namespace detail {
// The two ways isValidUtf8 checks, for tests that hold the vector one to the plain one; the
// vector one may be called only where the processor has AVX2.
bool isValidUtf8Plain(std::string_view bytes);
bool haveAvx2();
bool isValidUtf8Avx2(std::string_view bytes);
}  // namespace detail

// Length of a UTF-8 byte-order mark at the start of the text (3 or 0).
inline size_t utf8BomLength(std::string_view bytes) {
    return bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xEF &&
                   static_cast<unsigned char>(bytes[1]) == 0xBB && static_cast<unsigned char>(bytes[2]) == 0xBF
               ? 3
               : 0;
}

}  // namespace patrol::data
