// The hand-written single-pass RFC 4180 scanner: walks the text once and hands out each
// field as a slice of the text (no copy, no allocation). Quotes, doubled quotes, embedded
// newlines and commas, LF and CRLF line ends. While it walks it also checks that the text is
// UTF-8, so deciding the encoding costs no second pass over the file.
#pragma once

#include "core/data/text_encoding.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace patrol::data {

struct FieldSlice {
    const char* data = nullptr;
    size_t size = 0;
    bool escaped = false;  // holds doubled quotes ("") that stand for one quote

    std::string_view view() const { return {data, size}; }
};

enum class RecordStatus { Ok, UnterminatedQuote, TextAfterQuote };

namespace detail {
// Bytes that end a run of plain ASCII inside an unquoted field: separators, line ends, and
// every non-ASCII byte (checked as UTF-8 when met).
constexpr std::array<bool, 256> makeFieldStops() {
    std::array<bool, 256> t{};
    t[static_cast<unsigned char>(',')] = true;
    t[static_cast<unsigned char>('\n')] = true;
    t[static_cast<unsigned char>('\r')] = true;
    for (int c = 0x80; c < 0x100; ++c) t[static_cast<size_t>(c)] = true;
    return t;
}
inline constexpr std::array<bool, 256> kFieldStops = makeFieldStops();
}  // namespace detail

class RecordScanner {
public:
    // `checkUtf8`: false for text known to be UTF-8 (converted from GB18030).
    RecordScanner(std::string_view text, bool checkUtf8)
        : p_(text.data()), end_(text.data() + text.size()), checkUtf8_(checkUtf8) {}

    bool atEnd() const { return p_ >= end_; }
    const char* position() const { return p_; }
    // The physical line (1-based) the next record starts on.
    uint32_t line() const { return line_; }
    // True once a byte sequence that is not UTF-8 was met; the file must be read as GB18030.
    bool notUtf8() const { return notUtf8_; }

    // Skips an empty line; true when there was one.
    bool skipBlankLine() {
        if (p_ < end_ && *p_ == '\n') {
            ++p_;
            ++line_;
            return true;
        }
        if (end_ - p_ >= 2 && p_[0] == '\r' && p_[1] == '\n') {
            p_ += 2;
            ++line_;
            return true;
        }
        return false;
    }

    // Scans one record, calling onField(index, data, size, escaped) for each field in order.
    // (Plain scalars rather than a FieldSlice: building and copying the struct through the
    // stack cost a store-forwarding stall per field.)
    template <class OnField>
    RecordStatus next(OnField&& onField, size_t& fieldCount) {
        RecordStatus status = RecordStatus::Ok;
        fieldCount = 0;
        for (;;) {
            const char* data = p_;
            size_t size = 0;
            bool escaped = false;
            if (p_ < end_ && *p_ == '"') {
                const char* const start = ++p_;
                const char* close = nullptr;
                for (;;) {
                    const void* q = std::memchr(p_, '"', static_cast<size_t>(end_ - p_));
                    if (!q) {
                        quotedText(start, end_);
                        p_ = end_;
                        onField(fieldCount++, start, static_cast<size_t>(end_ - start), escaped);
                        return RecordStatus::UnterminatedQuote;
                    }
                    const char* qc = static_cast<const char*>(q);
                    if (qc + 1 < end_ && qc[1] == '"') {
                        escaped = true;
                        p_ = qc + 2;
                        continue;
                    }
                    close = qc;
                    break;
                }
                quotedText(start, close);
                data = start;
                size = static_cast<size_t>(close - start);
                p_ = close + 1;
                if (p_ < end_ && *p_ != ',' && !atLineEnd()) {
                    status = RecordStatus::TextAfterQuote;
                    skipUnquoted();
                }
            } else {
                skipUnquoted();
                size = static_cast<size_t>(p_ - data);
            }
            onField(fieldCount++, data, size, escaped);
            if (p_ >= end_) return status;
            if (*p_ == ',') {
                ++p_;
                continue;
            }
            p_ += *p_ == '\r' ? 2 : 1;
            ++line_;
            return status;
        }
    }

private:
    bool atLineEnd() const { return *p_ == '\n' || (*p_ == '\r' && p_ + 1 < end_ && p_[1] == '\n'); }

    // The inside of a quoted field: count its newlines and check its encoding.
    void quotedText(const char* begin, const char* end) {
        line_ += static_cast<uint32_t>(std::count(begin, end, '\n'));
        if (checkUtf8_ && !notUtf8_ && !isValidUtf8({begin, static_cast<size_t>(end - begin)})) notUtf8_ = true;
    }

    // Moves to the next comma or line end; a lone CR is data.
    void skipUnquoted() {
        for (;;) {
            while (p_ < end_ && !detail::kFieldStops[static_cast<unsigned char>(*p_)]) ++p_;
            if (p_ >= end_) return;
            const auto c = static_cast<unsigned char>(*p_);
            if (c >= 0x80) {
                p_ += utf8Sequence();
                continue;
            }
            if (c == '\r' && !(p_ + 1 < end_ && p_[1] == '\n')) {
                ++p_;
                continue;
            }
            return;
        }
    }

    // Length of the UTF-8 sequence at p_ (at least 1); a malformed one sets notUtf8_.
    size_t utf8Sequence() {
        const auto* u = reinterpret_cast<const unsigned char*>(p_);
        const size_t left = static_cast<size_t>(end_ - p_);
        const unsigned char c = u[0];
        // Chinese: three bytes led by E1..EC / EE..EF, no special ranges.
        if (left >= 3 && ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
            return 3;
        if (!checkUtf8_) return 1;
        size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (left < n) n = left;
        if (!isValidUtf8({p_, n})) {
            notUtf8_ = true;
            return 1;
        }
        return n;
    }

    const char* p_;
    const char* end_;
    uint32_t line_ = 1;
    bool checkUtf8_;
    bool notUtf8_ = false;
};

}  // namespace patrol::data
