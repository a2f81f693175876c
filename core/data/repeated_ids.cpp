#include "core/data/repeated_ids.hpp"

#include "core/data/id_hash.hpp"

#include <patrol/sdk/hash_sort.hpp>

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

namespace patrol::data {

PodBuffer<uint64_t> sortedIdKeys(const TableData& table, size_t column) {
    const uint64_t rows = table.rowCount();
    PodBuffer<uint64_t> keys;
    keys.reserve(rows);
    for (uint64_t r = 0; r < rows; ++r) {
        const std::string_view id = table.text(column, r);
        if (!id.empty()) keys.push_back(uint64_t{idHash(id)} << 32 | r);
    }
    // In place: a second array as large as the keys, at the end of every stretch of a large file,
    // was part of the usual poverty_alleviation read's peak.
    sdk::sortKeysInPlace(keys.data(), keys.size());
    return keys;
}

std::vector<RepeatedId> findRepeatedIds(const TableData& table, size_t column) {
    const PodBuffer<uint64_t> keys = sortedIdKeys(table, column);
    return repeatsIn(SortedKeys(keys), [&](uint32_t row) { return table.text(column, row); });
}

}  // namespace patrol::data
