#include "core/data/repeated_ids.hpp"

#include <algorithm>
#include <functional>
#include <string_view>

namespace patrol::data {

namespace {
// Stable LSD radix sort on the upper 32 bits (the hash), 11 bits a pass; equal hashes stay
// in row order.
void sortByHash(std::vector<uint64_t>& keys) {
    std::vector<uint64_t> scratch(keys.size());
    constexpr int kBits = 11;
    constexpr size_t kBuckets = size_t{1} << kBits;
    for (int shift = 32; shift < 64; shift += kBits) {
        std::vector<size_t> counts(kBuckets + 1, 0);
        for (uint64_t k : keys) ++counts[((k >> shift) & (kBuckets - 1)) + 1];
        for (size_t b = 0; b < kBuckets; ++b) counts[b + 1] += counts[b];
        for (uint64_t k : keys) scratch[counts[(k >> shift) & (kBuckets - 1)]++] = k;
        keys.swap(scratch);
    }
}
}  // namespace

std::vector<RepeatedId> findRepeatedIds(const TableData& table, size_t column) {
    const uint64_t rows = table.rowCount();
    std::vector<uint64_t> keys;
    keys.reserve(rows);
    std::hash<std::string_view> hasher;
    for (uint64_t r = 0; r < rows; ++r) {
        const std::string_view id = table.text(column, r);
        if (id.empty()) continue;
        keys.push_back(static_cast<uint64_t>(static_cast<uint32_t>(hasher(id))) << 32 | r);
    }
    sortByHash(keys);

    std::vector<RepeatedId> repeats;
    std::vector<uint32_t> leaders;
    for (size_t i = 0; i < keys.size();) {
        size_t j = i + 1;
        while (j < keys.size() && keys[j] >> 32 == keys[i] >> 32) ++j;
        // Rows [i, j) share a hash and are in row order: the first row of each distinct id is
        // its first occurrence, every later row with that id repeats it.
        leaders.clear();
        for (size_t a = i; a < j; ++a) {
            const uint32_t row = static_cast<uint32_t>(keys[a]);
            const std::string_view id = table.text(column, row);
            bool repeated = false;
            for (uint32_t leader : leaders) {
                if (table.text(column, leader) == id) {
                    repeats.push_back({row, leader});
                    repeated = true;
                    break;
                }
            }
            if (!repeated) leaders.push_back(row);
        }
        i = j;
    }
    std::sort(repeats.begin(), repeats.end(), [](const RepeatedId& x, const RepeatedId& y) { return x.row < y.row; });
    return repeats;
}

}  // namespace patrol::data
