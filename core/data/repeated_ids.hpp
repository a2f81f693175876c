// Finds rows whose id repeats an earlier row's, after the table is read: hashing the column
// in order and radix-sorting (hash, row) pairs keeps every memory access sequential, which
// on large files is several times faster than probing a hash table row by row.
#pragma once

#include "core/data/table_data.hpp"

#include <cstdint>
#include <vector>

namespace patrol::data {

struct RepeatedId {
    uint32_t row;        // the later row, to be rejected
    uint32_t firstRow;   // the row that holds the id first
};

// Repeats in the string column `column` of `table`, ordered by row. Empty ids never repeat.
std::vector<RepeatedId> findRepeatedIds(const TableData& table, size_t column);

}  // namespace patrol::data
