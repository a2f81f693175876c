#include "core/data/repeated_ids.hpp"

#include "core/data/id_hash.hpp"

namespace patrol::data {

IdHashes hashIds(const TableData& table, size_t column, uint64_t censusKeys) {
    const uint64_t rows = table.rowCount();
    IdHashes ids{PodBuffer<uint32_t>(), IdCensus(censusKeys)};
    ids.byRow.reserve(rows);
    for (uint64_t r = 0; r < rows; ++r) {
        const std::string_view id = table.text(column, r);
        const uint32_t hash = id.empty() ? 0 : idHash(id);
        ids.byRow.push_back(hash);
        if (!id.empty()) ids.census.add(hash);
    }
    return ids;
}

void addRepeatCandidates(const TableData& table, size_t column, const PodBuffer<uint32_t>& hashes, const IdCensus& census,
                         uint32_t base, PodBuffer<uint64_t>& keys) {
    for (uint64_t r = 0; r < hashes.size(); ++r)
        if (census.mayRepeat(hashes[r]) && !table.text(column, r).empty()) keys.push_back(uint64_t{hashes[r]} << 32 | (base + r));
}

std::vector<RepeatedId> findRepeatedIds(const TableData& table, size_t column) {
    const IdHashes ids = hashIds(table, column, table.rowCount());
    PodBuffer<uint64_t> keys;
    addRepeatCandidates(table, column, ids.byRow, ids.census, 0, keys);
    return repeatsIn(keys, [&](uint32_t row) { return table.text(column, row); });
}

}  // namespace patrol::data
