#include "core/data/text_encoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace patrol::data {

bool isValidUtf8(std::string_view bytes) {
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

bool convertGb18030ToUtf8(std::string_view bytes, std::string& out, size_t& badOffset) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        badOffset = 0;
        return false;
    }
    // Chinese text grows from 2 to 3 bytes; ASCII stays the same.
    out.resize(bytes.size() + bytes.size() / 2 + 16);
    char* in = const_cast<char*>(bytes.data());
    size_t inLeft = bytes.size();
    size_t written = 0;
    bool ok = true;
    while (inLeft > 0) {
        char* dst = out.data() + written;
        size_t outLeft = out.size() - written;
        const size_t r = iconv(cd, &in, &inLeft, &dst, &outLeft);
        written = out.size() - outLeft;
        if (r != static_cast<size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        ok = false;  // EILSEQ or EINVAL: not GB18030 (or cut in the middle of a character)
        break;
    }
    badOffset = bytes.size() - inLeft;
    iconv_close(cd);
    out.resize(written);
    return ok;
}

}  // namespace patrol::data
