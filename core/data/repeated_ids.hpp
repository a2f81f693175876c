// Finds rows whose id repeats an earlier row's: hashing the column in order and radix-sorting
// (hash, row) pairs keeps every memory access sequential, which on large files is several
// times faster than probing a hash table row by row. Each stretch of a file sorts its own
// pairs on the thread that read it; joining the stretches only merges the sorted runs.
#pragma once

#include "core/data/pod_buffer.hpp"
#include "core/data/table_data.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace patrol::data {

struct RepeatedId {
    uint32_t row;        // the later row, to be rejected
    uint32_t firstRow;   // the row that holds the id first
};

// hash << 32 | row for every non-empty id in the string column, ordered by hash, then row.
// (In its own mapping: pairs sorted on a reading thread and freed on another go back to the
// system, not to the first thread's malloc arena.)
PodBuffer<uint64_t> sortedIdKeys(const TableData& table, size_t column);

// The repeats among sorted keys (rows numbered as in the keys), ordered by row; id(row) gives
// a row's id.
template <class Id>
std::vector<RepeatedId> repeatsIn(const PodBuffer<uint64_t>& keys, Id id) {
    std::vector<RepeatedId> repeats;
    std::vector<uint32_t> leaders;
    for (size_t i = 0; i < keys.size();) {
        size_t j = i + 1;
        while (j < keys.size() && keys[j] >> 32 == keys[i] >> 32) ++j;
        // Rows [i, j) share a hash and are in row order: the first row of each distinct id is
        // its first occurrence, every later row with that id repeats it.
        if (j - i > 1) {
            leaders.clear();
            for (size_t a = i; a < j; ++a) {
                const auto row = static_cast<uint32_t>(keys[a]);
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
        i = j;
    }
    std::sort(repeats.begin(), repeats.end(), [](const RepeatedId& x, const RepeatedId& y) { return x.row < y.row; });
    return repeats;
}

// Repeats in the string column `column` of `table`, ordered by row. Empty ids never repeat.
std::vector<RepeatedId> findRepeatedIds(const TableData& table, size_t column);

}  // namespace patrol::data
