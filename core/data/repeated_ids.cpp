#include "core/data/repeated_ids.hpp"

#include "core/data/id_hash.hpp"

#include <algorithm>

namespace patrol::data {

IdHashes hashIds(const TableData& table, size_t column, uint64_t censusKeys) {
    const uint64_t rows = table.rowCount();
    IdHashes ids{PodBuffer<uint32_t>(), IdCensus(censusKeys)};
    ids.byRow.reserve(rows);
    for (uint64_t r = 0; r < rows; ++r) {
        const std::string_view id = table.text(column, r);
        // 0 stands for an empty id, which never repeats: no id is given that hash.
        const uint32_t hash = id.empty() ? 0 : std::max<uint32_t>(1, idHash(id));
        ids.byRow.push_back(hash);
        if (hash != 0) ids.census.add(hash);
    }
    return ids;
}

void addRepeatCandidates(const PodBuffer<uint32_t>& hashes, const IdCensus& census, uint32_t base, PodBuffer<uint64_t>& keys) {
    // A block at a time, each key written and kept or not without a branch: about one row in
    // eight is kept, at random, which a branch would guess wrong again and again.
    constexpr size_t kBlock = 1024;
    uint64_t block[kBlock];
    for (size_t start = 0; start < hashes.size(); start += kBlock) {
        const size_t stop = std::min(hashes.size(), start + kBlock);
        size_t kept = 0;
        for (size_t r = start; r < stop; ++r) {
            const uint32_t hash = hashes[r];
            block[kept] = uint64_t{hash} << 32 | (base + r);
            kept += static_cast<size_t>(hash != 0) & static_cast<size_t>(census.mayRepeat(hash));
        }
        keys.append(block, kept);
    }
}

std::vector<RepeatedId> findRepeatedIds(const TableData& table, size_t column) {
    const IdHashes ids = hashIds(table, column, table.rowCount());
    PodBuffer<uint64_t> keys;
    addRepeatCandidates(ids.byRow, ids.census, 0, keys);
    return repeatsIn(keys, [&](uint32_t row) { return table.text(column, row); });
}

}  // namespace patrol::data
