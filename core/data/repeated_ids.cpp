#include "core/data/repeated_ids.hpp"

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

namespace patrol::data {

namespace {
// A hash of a short text (an id), eight bytes at a time.
uint32_t idHash(std::string_view s) {
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

// Stable LSD radix sort on the upper 32 bits (the hash), 11 bits a pass; equal hashes stay
// in row order.
void sortByHash(PodBuffer<uint64_t>& keys) {
    const size_t n = keys.size();
    PodBuffer<uint64_t> scratch;
    uint64_t* to = scratch.prepare(n);
    scratch.commit(n);
    uint64_t* from = keys.data();
    constexpr int kBits = 11;
    constexpr size_t kBuckets = size_t{1} << kBits;
    std::vector<size_t> counts(kBuckets + 1);
    for (int shift = 32; shift < 64; shift += kBits) {
        std::fill(counts.begin(), counts.end(), 0);
        for (size_t i = 0; i < n; ++i) ++counts[((from[i] >> shift) & (kBuckets - 1)) + 1];
        for (size_t b = 0; b < kBuckets; ++b) counts[b + 1] += counts[b];
        for (size_t i = 0; i < n; ++i) to[counts[(from[i] >> shift) & (kBuckets - 1)]++] = from[i];
        std::swap(from, to);
    }
    // Three passes: the result is in the scratch buffer.
    if (from != keys.data()) keys = std::move(scratch);
}
}  // namespace

PodBuffer<uint64_t> sortedIdKeys(const TableData& table, size_t column) {
    const uint64_t rows = table.rowCount();
    PodBuffer<uint64_t> keys;
    keys.reserve(rows);
    for (uint64_t r = 0; r < rows; ++r) {
        const std::string_view id = table.text(column, r);
        if (!id.empty()) keys.push_back(uint64_t{idHash(id)} << 32 | r);
    }
    sortByHash(keys);
    return keys;
}

std::vector<RepeatedId> findRepeatedIds(const TableData& table, size_t column) {
    return repeatsIn(sortedIdKeys(table, column), [&](uint32_t row) { return table.text(column, row); });
}

}  // namespace patrol::data
