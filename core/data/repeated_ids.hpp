// Finds rows whose id repeats an earlier row's. Most ids occur once, so the column is hashed in
// order and the hashes counted (IdCensus) before anything is sorted: only the rows whose hash may
// repeat become (hash, row) keys, sorted (sdk::sortKeysInPlace) and compared exactly. Memory
// access stays sequential but for the census, which a core's cache holds; this is several times
// faster on large files than probing a hash table row by row. Each stretch of a file hashes and
// counts its own rows on the thread that read it; joining the stretches merges their censuses
// and sorts the few keys left.
#pragma once

#include "core/data/id_census.hpp"
#include "core/data/pod_buffer.hpp"
#include "core/data/table_data.hpp"

#include <patrol/sdk/hash_sort.hpp>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace patrol::data {

struct RepeatedId {
    uint32_t row;        // the later row, to be rejected
    uint32_t firstRow;   // the row that holds the id first
};

// The ids of one string column of a table, or of one stretch of a file, hashed and counted.
struct IdHashes {
    // idHash of each row's id (at least 1), or 0 for an empty id, which is not counted. In its
    // own mapping: hashes made on a reading thread and freed on another go back to the system,
    // not to the first thread's malloc arena.
    PodBuffer<uint32_t> byRow;
    IdCensus census;
};

// `censusKeys`: how many ids the census is sized for; every stretch of a file takes the same.
IdHashes hashIds(const TableData& table, size_t column, uint64_t censusKeys);

// Adds hash << 32 | (base + row) to `keys` for every row whose id hash (from hashIds) `census`
// says may repeat.
void addRepeatCandidates(const PodBuffer<uint32_t>& hashes, const IdCensus& census, uint32_t base, PodBuffer<uint64_t>& keys);

// The repeats among `keys` (from addRepeatCandidates, sorted here), ordered by row; id(row)
// gives a row's id.
template <class Id>
std::vector<RepeatedId> repeatsIn(PodBuffer<uint64_t>& keys, Id id) {
    sdk::sortKeysInPlace(keys.data(), keys.size());
    std::vector<RepeatedId> repeats;
    std::vector<uint32_t> leaders;
    for (size_t begin = 0, end; begin < keys.size(); begin = end) {
        // The rows of one hash, in row order: the first row of each distinct id is its first
        // occurrence, every later row with that id repeats it.
        end = begin + 1;
        while (end < keys.size() && keys[end] >> 32 == keys[begin] >> 32) ++end;
        if (end - begin < 2) continue;
        leaders.clear();
        for (size_t i = begin; i < end; ++i) {
            const auto row = static_cast<uint32_t>(keys[i]);
            const std::string_view text = id(row);
            bool repeated = false;
            for (const uint32_t leader : leaders) {
                if (id(leader) == text) {
                    repeats.push_back({row, leader});
                    repeated = true;
                    break;
                }
            }
            if (!repeated) leaders.push_back(row);
        }
    }
    std::sort(repeats.begin(), repeats.end(), [](const RepeatedId& x, const RepeatedId& y) { return x.row < y.row; });
    return repeats;
}

// Repeats in the string column `column` of `table`, ordered by row. Empty ids never repeat.
std::vector<RepeatedId> findRepeatedIds(const TableData& table, size_t column);

}  // namespace patrol::data
