// The scan looks 32 bytes at a time (AVX2) for places where the first three bytes of some
// keyword could start, the way multi-pattern matchers do it: every keyword gets one of eight
// bits, and for each of the three bytes two 16-entry tables, indexed by the byte's low and
// high half, give the bits of the keywords whose byte there could have that half. A place
// where the bits of all six lookups share one is a candidate. Splitting bytes into halves
// and keywords into eight groups only adds candidates, never loses one.
#include "keyword_scan.hpp"

#include <immintrin.h>

namespace patrol::plugins::four_styles {

namespace {

constexpr size_t kPrefix = 3;   // bytes of each keyword the scan compares
constexpr size_t kBlock = 32;   // bytes per step

struct HalfTables {
    // [byte of the prefix][half-byte value], repeated in both 16-byte lanes for the shuffle.
    alignas(32) uint8_t low[kPrefix][32] = {};
    alignas(32) uint8_t high[kPrefix][32] = {};
};

HalfTables tablesFor(const std::vector<std::string>& keywords) {
    HalfTables t;
    for (size_t k = 0; k < keywords.size(); ++k) {
        const auto bit = static_cast<uint8_t>(1u << (k % 8));
        for (size_t j = 0; j < kPrefix; ++j) {
            const auto b = static_cast<unsigned char>(keywords[k][j]);
            for (size_t lane : {size_t{0}, size_t{16}}) {
                t.low[j][lane + (b & 15)] |= bit;
                t.high[j][lane + (b >> 4)] |= bit;
            }
        }
    }
    return t;
}

// Calls mark(offset) for every candidate offset in [0, size - kPrefix - kBlock + 1) stepped
// by blocks; returns where the blocks stopped (the rest is the caller's).
template <class Mark>
__attribute__((target("avx2"))) size_t scanBlocks(const unsigned char* text, size_t size, const HalfTables& t, Mark mark) {
    const __m256i lowHalf = _mm256_set1_epi8(0x0F);
    __m256i low[kPrefix], high[kPrefix];
    for (size_t j = 0; j < kPrefix; ++j) {
        low[j] = _mm256_load_si256(reinterpret_cast<const __m256i*>(t.low[j]));
        high[j] = _mm256_load_si256(reinterpret_cast<const __m256i*>(t.high[j]));
    }
    size_t i = 0;
    for (; i + kBlock + kPrefix - 1 <= size; i += kBlock) {
        __m256i bits = _mm256_set1_epi8(-1);
        for (size_t j = 0; j < kPrefix; ++j) {
            const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(text + i + j));
            const __m256i lo = _mm256_shuffle_epi8(low[j], _mm256_and_si256(v, lowHalf));
            const __m256i hi = _mm256_shuffle_epi8(high[j], _mm256_and_si256(_mm256_srli_epi16(v, 4), lowHalf));
            bits = _mm256_and_si256(bits, _mm256_and_si256(lo, hi));
        }
        auto candidates = ~static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(bits, _mm256_setzero_si256())));
        while (candidates) {
            mark(i + static_cast<size_t>(__builtin_ctz(candidates)));
            candidates &= candidates - 1;
        }
    }
    return i;
}

}  // namespace

std::vector<uint8_t> rowsThatMayNameKeywords(const sdk::Column& texts, uint64_t rows, const std::vector<std::string>& keywords) {
    bool usable = __builtin_cpu_supports("avx2") && !keywords.empty();
    for (const std::string& k : keywords) usable = usable && k.size() >= kPrefix;
    if (!usable) return std::vector<uint8_t>(rows, 1);

    // The column's entries are scanned: each row's text, or each distinct text once when the
    // column is coded, whose marks then go to the rows holding it.
    const uint64_t entries = texts.entries(rows);
    std::vector<uint8_t> marked(entries, 0);
    if (entries == 0) return std::vector<uint8_t>(rows, 0);
    const uint64_t first = texts.entryOffset(0);
    const auto* text = reinterpret_cast<const unsigned char*>(texts.raw()->text_bytes) + first;
    const size_t size = texts.entryOffset(entries) - first;
    // Candidates come in increasing order: the entry holding each is found by moving forward.
    auto scan = [&](const auto* offsets) {
        uint64_t entry = 0;
        auto mark = [&](size_t at) {
            const uint64_t offset = first + at;
            while (offsets[entry + 1] <= offset) ++entry;
            marked[entry] = 1;
        };
        const size_t scanned = scanBlocks(text, size, tablesFor(keywords), mark);
        // The last few bytes, too short for a block: their entries are simply marked.
        for (size_t at = scanned; at < size; ++at) mark(at);
    };
    if (texts.entryOffsets32())
        scan(texts.entryOffsets32());
    else
        scan(texts.entryOffsets64());
    if (!texts.coded()) return marked;
    std::vector<uint8_t> rowMarks(rows);
    for (uint64_t r = 0; r < rows; ++r) rowMarks[r] = marked[texts.code(r)];
    return rowMarks;
}

}  // namespace patrol::plugins::four_styles
