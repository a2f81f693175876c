#include "core/data/repeated_ids.hpp"

#include "core/data/id_hash.hpp"

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

namespace patrol::data {

namespace {
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
    const PodBuffer<uint64_t> keys = sortedIdKeys(table, column);
    return repeatsIn(SortedKeys(keys), [&](uint32_t row) { return table.text(column, row); });
}

}  // namespace patrol::data
