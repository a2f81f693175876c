// Finds rows whose id repeats an earlier row's: hashing the column in order and sorting
// (hash, row) pairs (sdk::sortKeysInPlace, mostly radix passes) keeps memory access
// sequential, which on large files is several times faster than probing a hash table row by
// row. Each stretch of a file sorts its own pairs on the thread that read it; joining the
// stretches reads the sorted runs in merged order.
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

// Sorted keys read one at a time (next(key) is false past the last): one buffer of them, or
// several sorted runs read in merged order without a merged copy of them.
class SortedKeys {
public:
    explicit SortedKeys(const PodBuffer<uint64_t>& keys) { runs_.push_back({keys.data(), keys.data() + keys.size()}); }
    explicit SortedKeys(const std::vector<const PodBuffer<uint64_t>*>& runs) {
        for (const auto* run : runs) runs_.push_back({run->data(), run->data() + run->size()});
    }
    bool next(uint64_t& key) {
        Run* least = nullptr;  // a few runs (one per stretch of a file): a scan beats a heap
        for (Run& r : runs_)
            if (r.at != r.end && (!least || *r.at < *least->at)) least = &r;
        if (!least) return false;
        key = *least->at++;
        return true;
    }

private:
    struct Run {
        const uint64_t* at;
        const uint64_t* end;
    };
    std::vector<Run> runs_;
};

// The repeats among sorted keys (rows numbered as in the keys), ordered by row; id(row) gives
// a row's id.
template <class Id>
std::vector<RepeatedId> repeatsIn(SortedKeys keys, Id id) {
    std::vector<RepeatedId> repeats;
    std::vector<uint32_t> rows, leaders;
    uint64_t key = 0;
    bool more = keys.next(key);
    while (more) {
        // The rows of one hash, in row order: the first row of each distinct id is its first
        // occurrence, every later row with that id repeats it.
        const uint64_t hash = key >> 32;
        rows.clear();
        do {
            rows.push_back(static_cast<uint32_t>(key));
            more = keys.next(key);
        } while (more && key >> 32 == hash);
        if (rows.size() < 2) continue;
        leaders.clear();
        for (const uint32_t row : rows) {
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
