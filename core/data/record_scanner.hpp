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
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace patrol::data {

struct FieldSlice {
    const char* data = nullptr;
    size_t size = 0;
    bool escaped = false;  // holds doubled quotes ("") that stand for one quote

    std::string_view view() const { return {data, size}; }
    // Writes the field's text to `out` (room for `size` bytes) with each doubled quote turned
    // back into one; returns the length written.
    size_t unescapeTo(char* out) const {
        size_t k = 0;
        for (size_t i = 0; i < size; ++i) {
            out[k++] = data[i];
            if (data[i] == '"') ++i;
        }
        return k;
    }
    std::string text() const {
        if (!escaped) return std::string(view());
        std::string out(size, '\0');
        out.resize(unescapeTo(out.data()));
        return out;
    }
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
    // `checkUtf8`: false for text known to be UTF-8 (converted from GB18030). `lookAhead`:
    // false for a scanner that must not look at the text past the records it reads (a
    // header, whose problems are reported before the body is looked at; a test that compares
    // the fast rows with the plain reading); it reads byte by byte.
    RecordScanner(std::string_view text, bool checkUtf8, bool lookAhead = true)
        : p_(text.data()), end_(text.data() + text.size()), checkedTo_(checkUtf8 ? p_ : end_), checkUtf8_(checkUtf8), lookAhead_(lookAhead) {}

    bool atEnd() const { return p_ >= end_; }
    const char* position() const { return p_; }
    // The physical line (1-based) the next record starts on.
    uint32_t line() const { return line_; }
    // True once a byte sequence that is not UTF-8 was met; the file must be read as GB18030.
    bool notUtf8() const { return notUtf8_; }
    const char* end() const { return end_; }
    // Records read byte by byte rather than 64 bytes at a time (for tests).
    uint64_t recordsByteByByte() const { return recordsByteByByte_; }

    // The opening quote of the first field of the last record that ran past its line (its
    // quote was closed on a later line, or never), and the line it is on; nullptr when the
    // record kept to its lines. When such a record fails, the quote is what swallowed lines.
    const char* spanningQuote() const { return spanningQuote_; }
    uint32_t spanningQuoteLine() const { return spanningQuoteLine_; }

    // Continues at `at`, the start of physical line `line` (reading resumes after a broken record).
    void resumeAt(const char* at, uint32_t line) {
        p_ = at;
        line_ = line;
    }

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
        spanningQuote_ = nullptr;
        if (plainRecord(onField, fieldCount)) return RecordStatus::Ok;
        ++recordsByteByByte_;
        RecordStatus status = RecordStatus::Ok;
        fieldCount = 0;
        for (;;) {
            const char* data = p_;
            size_t size = 0;
            bool escaped = false;
            if (p_ < end_ && *p_ == '"') {
                const uint32_t quoteLine = line_;
                const char* const start = ++p_;
                const char* close = nullptr;
                for (;;) {
                    const void* q = std::memchr(p_, '"', static_cast<size_t>(end_ - p_));
                    if (!q) {
                        if (!spanningQuote_) spanningQuote_ = start - 1, spanningQuoteLine_ = quoteLine;
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
                if (line_ != quoteLine && !spanningQuote_) spanningQuote_ = start - 1, spanningQuoteLine_ = quoteLine;
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
    // The longest record the fast path takes. Ledgers whose descriptions run to a hundred Chinese
    // characters have rows of 400-500 bytes: at 256 every one of them went byte by byte, and a
    // four_styles check of such rows took 0.31 s where 0.20 s do now.
    static constexpr size_t kPlainSpan = 1024;

    // The common record: no quote, at most kPlainSpan bytes, in text already checked as UTF-8.
    // Its line end and commas are found 64 bytes at a time by comparing whole vectors. One with a
    // quote goes to quotedRecord. False (nothing consumed) sends the record to the byte-by-byte
    // path.
    template <class OnField>
    bool plainRecord(OnField& onField, size_t& fieldCount) {
#if defined(__SSE2__)
        if (!lookAhead_) return false;
        const char* const start = p_;
        // Compared as pointers: blank lines and records read byte by byte move p_ past
        // checkedTo_, and their difference as a size would then read as "checked far ahead".
        const char* const wanted = start + std::min(static_cast<size_t>(end_ - start), kPlainSpan);
        if (checkedTo_ < wanted) checkAhead(wanted);
        // Whole blocks of checked text only, which near the end of the text may be fewer.
        const size_t maxBlocks = std::min(static_cast<size_t>(checkedTo_ - start), kPlainSpan) / 64;
        uint64_t commas[kPlainSpan / 64];
        const char* lineEnd = nullptr;
        size_t blocks = 0;
        while (blocks < maxBlocks) {
            uint64_t newlines, quotes;
            scanBlock(start + 64 * blocks, newlines, quotes, commas[blocks]);
            if (newlines) {
                const unsigned at = static_cast<unsigned>(__builtin_ctzll(newlines));
                const uint64_t before = (uint64_t{1} << at) - 1;
                if (quotes & before) return quotedRecord(onField, fieldCount, maxBlocks);
                commas[blocks++] &= before;
                lineEnd = start + 64 * (blocks - 1) + at;
                break;
            }
            if (quotes) return quotedRecord(onField, fieldCount, maxBlocks);
            ++blocks;
        }
        if (!lineEnd) return false;
        fieldCount = 0;
        eachField(start, commas, blocks, lineEnd, [&](const char* from, const char* to) {
            onField(fieldCount++, from, static_cast<size_t>(to - from), false);
            return true;
        });
        p_ = lineEnd + 1;
        ++line_;
        return true;
#else
        (void)onField;
        (void)fieldCount;
        return false;
#endif
    }

#if defined(__SSE2__)
    // A record of plainRecord's kind but for quotes: each field without quotes or quoted whole
    // with no quote inside, on one line (as exports that quote every field write them; such a
    // file took half as long again read byte by byte). The quoted stretches are found by a
    // running parity of the quotes. False (nothing consumed) for a doubled quote, a quote inside
    // an unquoted field, or a quoted field spanning lines: the byte-by-byte path reads those.
    template <class OnField>
    bool quotedRecord(OnField& onField, size_t& fieldCount, size_t maxBlocks) {
        const char* const start = p_;
        uint64_t commas[kPlainSpan / 64];  // the separators: commas outside quotes
        const char* lineEnd = nullptr;
        size_t blocks = 0;
        uint64_t open = 0;  // all ones while a quote opened in an earlier block is not closed
        while (blocks < maxBlocks) {
            uint64_t newlines, quotes;
            scanBlock(start + 64 * blocks, newlines, quotes, commas[blocks]);
            const uint64_t inside = quoteParity(quotes) ^ open;
            const uint64_t ends = newlines & ~inside;
            const uint64_t before = ends ? (uint64_t{1} << __builtin_ctzll(ends)) - 1 : ~uint64_t{0};
            if (newlines & inside & before) return false;
            commas[blocks] &= ~inside & before;
            ++blocks;
            if (ends) {
                lineEnd = start + 64 * (blocks - 1) + __builtin_ctzll(ends);
                break;
            }
            open = inside >> 63 ? ~uint64_t{0} : 0;
        }
        if (!lineEnd) return false;
        if (!eachField(start, commas, blocks, lineEnd, simplyQuoted)) return false;
        fieldCount = 0;
        eachField(start, commas, blocks, lineEnd, [&](const char* from, const char* to) {
            if (from < to && *from == '"') ++from, --to;
            onField(fieldCount++, from, static_cast<size_t>(to - from), false);
            return true;
        });
        p_ = lineEnd + 1;
        ++line_;
        return true;
    }

    // Calls take(from, to) for each field of the record at `start` in order, cut at the separators
    // in `commas` (a mask per 64-byte block), the last one ending at `lineEnd` without the CR of a
    // CRLF line end. False as soon as take() is.
    template <class Take>
    static bool eachField(const char* start, const uint64_t* commas, size_t blocks, const char* lineEnd, Take&& take) {
        const char* fieldStart = start;
        for (size_t b = 0; b < blocks; ++b) {
            for (uint64_t m = commas[b]; m; m &= m - 1) {
                const char* comma = start + 64 * b + __builtin_ctzll(m);
                if (!take(fieldStart, comma)) return false;
                fieldStart = comma + 1;
            }
        }
        return take(fieldStart, lineEnd > fieldStart && lineEnd[-1] == '\r' ? lineEnd - 1 : lineEnd);
    }

    // A field quotedRecord takes: no quote in it, or quoted whole with no quote inside.
    static bool simplyQuoted(const char* from, const char* to) {
        const auto size = static_cast<size_t>(to - from);
        if (size == 0 || *from != '"') return std::memchr(from, '"', size) == nullptr;
        return size >= 2 && to[-1] == '"' && std::memchr(from + 1, '"', size - 2) == nullptr;
    }

    // Bit i set when an odd number of the quotes in `quotes` lie at or before bit i: from an
    // opening quote up to, not including, its closing one.
    static uint64_t quoteParity(uint64_t quotes) {
        for (unsigned shift = 1; shift < 64; shift *= 2) quotes ^= quotes << shift;
        return quotes;
    }

    // Bit i of each mask: byte b[i] is a line feed, a quote, a comma.
    static void scanBlock(const char* b, uint64_t& newlines, uint64_t& quotes, uint64_t& commas) {
        const __m128i lf = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"'), comma = _mm_set1_epi8(',');
        newlines = quotes = commas = 0;
        for (int i = 0; i < 4; ++i) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + 16 * i));
            newlines |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, lf)))) << (16 * i);
            quotes |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, quote)))) << (16 * i);
            commas |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, comma)))) << (16 * i);
        }
    }
#endif

    // Checks the text as UTF-8 in stretches ending at a line end, at least up to `to`: the
    // fast path relies on it instead of checking byte by byte. Any bad byte anywhere means the
    // file is read as GB18030, so finding it a little early changes nothing.
    void checkAhead(const char* to) {
        constexpr size_t kStretch = 64 * 1024;
        // What lies before p_ was read byte by byte, which checks what it reads.
        if (checkedTo_ < p_) checkedTo_ = p_;
        while (checkedTo_ < to && checkedTo_ < end_) {
            const char* stop = static_cast<size_t>(end_ - checkedTo_) > kStretch ? checkedTo_ + kStretch : end_;
            if (stop < end_) {
                const void* lf = std::memchr(stop, '\n', static_cast<size_t>(end_ - stop));
                stop = lf ? static_cast<const char*>(lf) + 1 : end_;
            }
            if (!isValidUtf8({checkedTo_, static_cast<size_t>(stop - checkedTo_)})) notUtf8_ = true;
            checkedTo_ = stop;
        }
    }

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
    const char* checkedTo_;  // the text before it is checked as UTF-8 (stretches start after a line end)
    uint32_t line_ = 1;
    const char* spanningQuote_ = nullptr;
    uint32_t spanningQuoteLine_ = 0;
    bool checkUtf8_;
    bool lookAhead_;
    bool notUtf8_ = false;
    uint64_t recordsByteByByte_ = 0;
};

}  // namespace patrol::data
